package io.github.nps4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VocabularyTest {

    @Test
    void rolesAreNormalisedToLowercaseHyphen() {
        assertEquals(Role.DECISION_MAKER, Role.of("Decision Maker"));
        assertEquals(Role.DECISION_MAKER, Role.of("decision_maker"));
        assertEquals(Role.DECISION_MAKER, Role.of("  DECISION-MAKER "));
        assertEquals(Role.DECISION_MAKER, Role.of("decision   maker"));
        assertEquals("procurement-lead", Role.of("Procurement Lead").name());
        assertEquals(Role.USER, Role.of("User"));
        assertEquals("decision-maker", Role.DECISION_MAKER.toString());
    }

    @Test
    void tiersAndEpisodesAreNormalised() {
        assertEquals(Tier.END_USER, Tier.of("End user"));
        assertEquals("value-added-reseller", Tier.of("Value Added Reseller").name());
        assertEquals(EpisodeType.SERVICE_EVENT, EpisodeType.of("Service event"));
        assertEquals(EpisodeType.CONTRACT_NEGOTIATION, EpisodeType.of("contract_negotiation"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "decision--maker", "-user", "user-", "dm!", "über", "a/b", "r&d"})
    void invalidNamesAreRejectedNamingThem(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Role.of(name));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tier.of(name));
        assertThrows(IllegalArgumentException.class, () -> EpisodeType.of(name));
    }

    @Test
    void nullNameIsRejected() {
        assertThrows(NullPointerException.class, () -> Role.of(null));
    }

    @Test
    void rolesSortByName() {
        assertTrue(Role.DECISION_MAKER.compareTo(Role.USER) < 0);
        assertTrue(Role.USER.compareTo(Role.INFLUENCER) > 0);
    }
}
