package io.github.nps4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolePolicyTest {
    @Test
    void defaultsDecideSeniorityAndWeights() {
        RolePolicy p = RolePolicy.defaults();
        assertTrue(p.isDecider(Role.DECISION_MAKER));
        assertFalse(p.isDecider(Role.INFLUENCER));
        assertTrue(p.isInfluencer(Role.INFLUENCER));
        assertTrue(p.isKeyRole(Role.INFLUENCER));
        assertFalse(p.isKeyRole(Role.USER));
        assertEquals(List.of(Role.DECISION_MAKER, Role.INFLUENCER, Role.GATEKEEPER, Role.USER), p.seniority());
        assertEquals(3.0, p.weightOf(Role.DECISION_MAKER));
        assertEquals(1.0, p.weightOf(Role.of("champion")));
    }

    @Test
    void unlistedRolesRankAfterTheListByName() {
        RolePolicy p = RolePolicy.defaults();
        assertEquals(4, p.seniorityRank(Role.of("zeta")));
        assertEquals(List.of(Role.DECISION_MAKER, Role.USER, Role.of("alpha"), Role.of("zeta")),
                p.sorted(List.of(Role.of("zeta"), Role.USER, Role.of("alpha"), Role.DECISION_MAKER)));
    }

    @Test
    void aliasesIgnoreCaseSpacesAndSeparators() {
        RolePolicy p = RolePolicy.defaults().withAliases(Map.of("Economic Buyer", Role.DECISION_MAKER));
        assertEquals(Role.DECISION_MAKER, p.resolve("economic_buyer"));
        assertEquals(Role.DECISION_MAKER, p.resolve(" ECONOMIC-BUYER "));
        assertTrue(p.isAlias("EconomicBuyer"));
        assertEquals(Role.of("champion"), p.resolve("Champion"));
        assertFalse(p.isAlias("Champion"));
    }

    @Test
    void refusesInconsistentPolicies() {
        RolePolicy p = RolePolicy.defaults();
        assertThrows(IllegalArgumentException.class, () -> p.withDeciders(Set.of()));
        assertThrows(IllegalArgumentException.class, () -> p.withInfluencers(Set.of(Role.DECISION_MAKER)));
        assertThrows(IllegalArgumentException.class, () -> p.withSeniority(List.of(Role.USER, Role.USER)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.withAliases(Map.of("Buyer", Role.DECISION_MAKER, "buyer", Role.USER)));
        assertTrue(e.getMessage().contains("buyer") || e.getMessage().contains("Buyer"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.withAliases(Map.of(" - ", Role.USER)));
    }
}
