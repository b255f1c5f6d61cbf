package io.github.nps4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typed access to a group's key: no field-name strings in user code. */
class GroupKeyTest {
    @Test
    void typedAccessorsReadTheScorersKeys() {
        List<Account> accounts = List.of(Account.builder("A1").tier(Tier.DISTRIBUTOR).segment("region", "emea")
                .build(), Account.builder("A2").build());
        List<Response> rs = List.of(
                Response.builder("R1", "A1", "C1").role(Role.DECISION_MAKER).answeredAt(LocalDate.of(2026, 5, 2))
                        .score(9).build(),
                Response.builder("R2", "A2", "C2").answeredAt(LocalDate.of(2026, 1, 2)).score(3).build());
        GroupedNps g = NpsScorer.builder().accounts(accounts).groupBy(GroupField.ROLE, GroupField.TIER,
                GroupField.ACCOUNT, GroupField.period(PeriodUnit.QUARTER), GroupField.segment("region"),
                GroupField.EPISODE).build().score(rs);
        GroupKey first = g.groups().stream().filter(x -> x.key().account().equals(Optional.of("A1"))).findFirst()
                .orElseThrow().key();
        assertEquals(Optional.of(Role.DECISION_MAKER), first.role());
        assertEquals(Optional.of(Tier.DISTRIBUTOR), first.tier());
        assertEquals(Optional.of("2026-Q2"), first.period());
        assertEquals(Optional.of("emea"), first.segment("region"));
        assertEquals(Optional.of(EpisodeType.RELATIONSHIP), first.episode());
        assertEquals(Optional.of("decision-maker"), first.value(GroupField.ROLE));

        GroupKey second = g.groups().stream().filter(x -> x.key().account().equals(Optional.of("A2"))).findFirst()
                .orElseThrow().key();
        // no role and no region tag: the group "(none)" has no typed value, but its raw value says so
        assertEquals(Optional.empty(), second.role());
        assertEquals(Optional.of(GroupField.NONE), second.value(GroupField.ROLE));
        assertEquals(Optional.empty(), second.segment("region"));
        assertEquals(Optional.of(Tier.DIRECT), second.tier());
    }

    @Test
    void fieldsTheKeyWasNotGroupedByAreEmpty() {
        GroupKey k = new GroupKey(List.of("role"), List.of("user"));
        assertTrue(k.has(GroupField.ROLE));
        assertFalse(k.has(GroupField.TIER));
        assertEquals(Optional.of(Role.USER), k.role());
        assertEquals(Optional.empty(), k.tier());
        assertEquals(Optional.empty(), k.period());
        assertEquals(Optional.empty(), k.account());
        assertEquals(Optional.empty(), k.episode());
        assertEquals(Optional.empty(), k.segment("region"));
        assertEquals(Optional.empty(), k.value(GroupField.period(PeriodUnit.MONTH)));
    }
}
