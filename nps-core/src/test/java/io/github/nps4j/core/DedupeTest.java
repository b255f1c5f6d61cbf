package io.github.nps4j.core;

import static io.github.nps4j.core.Fixtures.assertClose;
import static io.github.nps4j.core.Fixtures.d;
import static io.github.nps4j.core.Fixtures.resp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupeTest {
    private static Response at(String id, String contact, LocalDateTime t, int score) {
        return Response.builder(id, "A1", contact).role(Role.USER).answeredAt(t).score(score).build();
    }

    // c1 answers three times (latest: r2 in March); c2 twice at the same instant (tie → greatest id "x2");
    // c3 once; c1 again in Q2 (r4)
    private static final List<Response> ANSWERS = List.of(
            resp("r1", "A1", "c1", Role.USER, d(1, 10), 3),
            resp("r2", "A1", "c1", Role.USER, d(3, 10), 9),
            resp("r3", "A1", "c1", Role.USER, d(2, 10), 5),
            at("x2", "c2", LocalDateTime.of(2026, 2, 1, 12, 0), 10),
            at("x1", "c2", LocalDateTime.of(2026, 2, 1, 12, 0), 0),
            resp("r9", "A1", "c3", Role.USER, d(1, 2), 7),
            resp("r4", "A1", "c1", Role.USER, d(4, 1), 0));

    private static List<String> ids(List<Response> rs) {
        return rs.stream().map(Response::id).toList();
    }

    @Test
    void latestPerContactKeepsOneAnswerPerContactInOriginalOrder() {
        List<Response> kept = Dedupe.LATEST_PER_CONTACT.apply(ANSWERS);
        // c2's tie goes to "x2" > "x1"; c1's latest is r4 (April); order as given
        assertEquals(List.of("x2", "r9", "r4"), ids(kept));
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        List<Response> reversed = new ArrayList<>(ANSWERS);
        Collections.reverse(reversed);
        assertEquals(List.of("r4", "r9", "x2"), ids(Dedupe.LATEST_PER_CONTACT.apply(reversed)));
    }

    @Test
    void noneKeepsEverything() {
        assertEquals(ids(ANSWERS), ids(Dedupe.NONE.apply(ANSWERS)));
    }

    @Test
    void appliedWithinEachGroup() {
        GroupedNps g = NpsScorer.builder().dedupe(Dedupe.LATEST_PER_CONTACT)
                .groupBy(GroupField.period(PeriodUnit.QUARTER)).build().score(ANSWERS);
        // Q1: c1 → r2 (9, P), c2 → x2 (10, P), c3 → r9 (7, A): 100·2/3
        GroupedNps.Group q1 = g.group("2026-Q1").orElseThrow();
        assertEquals(List.of("r2", "x2", "r9"), ids(q1.data().responses()));
        assertClose(200.0 / 3, q1.estimate().npsValue());
        // Q2: c1 → r4 (0, D): −100
        GroupedNps.Group q2 = g.group("2026-Q2").orElseThrow();
        assertEquals(List.of("r4"), ids(q2.data().responses()));
        assertClose(-100.0, q2.estimate().npsValue());
        // overall: one answer per contact over the whole window: x2 P, r9 A, r4 D → 0
        NpsEstimate overall = g.overall().orElseThrow().estimate();
        assertEquals(3, overall.n());
        assertClose(0.0, overall.npsValue());
        assertEquals(Dedupe.LATEST_PER_CONTACT, g.dedupe());
    }

    @Test
    void parseAndLabel() {
        assertEquals(Dedupe.NONE, Dedupe.parse("none"));
        assertEquals(Dedupe.LATEST_PER_CONTACT, Dedupe.parse(" latest-per-contact "));
        assertEquals("latest-per-contact", Dedupe.LATEST_PER_CONTACT.label());
        assertEquals("none", Dedupe.NONE.label());
        assertThrows(IllegalArgumentException.class, () -> Dedupe.parse("latest"));
    }
}
