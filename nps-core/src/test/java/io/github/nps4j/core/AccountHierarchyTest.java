package io.github.nps4j.core;

import static io.github.nps4j.core.Fixtures.assertClose;
import static io.github.nps4j.core.Fixtures.d;
import static io.github.nps4j.core.Fixtures.resp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountHierarchyTest {
    // G (group, no own responses) → S1 (1 promoter), S2 (3 detractors) ; S2 → E (1 passive)
    private static final List<Account> ACCOUNTS = List.of(
            Account.builder("G").annualValue(1000).build(),
            Account.builder("S1").parent("G").annualValue(100).build(),
            Account.builder("S2").parent("G").annualValue(300).build(),
            Account.builder("E").parent("S2").annualValue(50).build());
    private static final List<Response> RESPONSES = List.of(
            resp("r1", "S1", "c1", Role.USER, d(1, 1), 10),
            resp("r2", "S2", "c2", Role.USER, d(1, 1), 0),
            resp("r3", "S2", "c3", Role.USER, d(1, 1), 4),
            resp("r4", "S2", "c4", Role.USER, d(1, 1), 6),
            resp("r5", "E", "c5", Role.USER, d(1, 1), 8));

    @Test
    void structure() {
        AccountHierarchy h = AccountHierarchy.of(ACCOUNTS);
        assertEquals(List.of("G"), h.roots());
        assertEquals(List.of("S1", "S2"), h.children("G"));
        assertEquals(List.of(), h.children("S1"));
        assertEquals(List.of("G", "S1", "S2", "E"), List.copyOf(h.subtree("G")));
        assertEquals(Set.of("S2", "E"), h.subtree("S2"));
        assertThrows(IllegalArgumentException.class, () -> h.subtree("X"));
    }

    @Test
    void rollupScoresRawResponsesNotTheChildrensAverage() {
        Map<String, NpsEstimate> r = AccountHierarchy.of(ACCOUNTS).rollup(RESPONSES, Weighting.none(), Dedupe.NONE);
        assertEquals(List.of("G", "S1", "S2", "E"), List.copyOf(r.keySet()));
        assertClose(100.0, r.get("S1").npsValue());
        // S2 with E: 3 detractors + 1 passive → −75
        assertClose(-75.0, r.get("S2").npsValue());
        assertClose(0.0, r.get("E").npsValue());
        // G from raw data: 1 promoter, 1 passive, 3 detractors of 5 → 100·(1 − 3)/5 = −40
        assertClose(-40.0, r.get("G").npsValue());
        assertEquals(5, r.get("G").n());
        // averaging the children's NPS would give (100 + (−75))/2 = 12.5 — a different, wrong number
        double averageOfChildren = (r.get("S1").npsValue() + r.get("S2").npsValue()) / 2;
        assertClose(12.5, averageOfChildren);
        assertNotEquals(averageOfChildren, r.get("G").npsValue());
    }

    @Test
    void rollupWithAccountEqualCountsEachAccountOfTheSubtreeOnce() {
        Map<String, NpsEstimate> r =
                AccountHierarchy.of(ACCOUNTS).rollup(RESPONSES, Weighting.accountEqual(), Dedupe.NONE);
        // G: S1 1·(+1), S2 three detractors 1/3 each → −1, E 1·0; Σw = 3 → 100·0/3 = 0
        assertClose(0.0, r.get("G").npsValue());
        assertClose(3.0, r.get("G").weightSum());
        // S2: S2 −1 (weight 1), E 0 (weight 1) → −50
        assertClose(-50.0, r.get("S2").npsValue());
    }

    @Test
    void silentSubtreeIsUndefined() {
        Map<String, NpsEstimate> r =
                AccountHierarchy.of(ACCOUNTS).rollup(RESPONSES.subList(0, 1), Weighting.none(), Dedupe.NONE);
        assertFalse(r.get("S2").isDefined());
        assertTrue(r.get("G").isDefined());
    }

    @Test
    void unknownParentIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccountHierarchy.of(
                List.of(Account.builder("A").build(), Account.builder("B").parent("Z").build())));
        assertTrue(e.getMessage().contains("B") && e.getMessage().contains("Z"), e.getMessage());
    }

    @Test
    void cyclesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccountHierarchy.of(
                List.of(Account.builder("A").parent("B").build(), Account.builder("B").parent("A").build())));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AccountHierarchy.of(List.of(
                Account.builder("R").build(),
                Account.builder("A").parent("C").build(),
                Account.builder("B").parent("A").build(),
                Account.builder("C").parent("B").build())));
    }

    @Test
    void duplicateIdsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> AccountHierarchy.of(List.of(Account.of("A", "x"), Account.of("A", "y"))));
    }
}
