package io.github.nps4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The id checks of the domain records, with the message naming the id and its owner. */
class IdsTest {

    @Test
    void anIdWithoutSurroundingWhitespaceIsReturnedAsItIs() {
        String id = "A 1";
        assertSame(id, Ids.require(id, "account id", "contact", "C1"));
        assertEquals("A1", Ids.require(" A1\t", "account id", "contact", "C1"));
    }

    @Test
    void badIdsAreNamedWithTheirOwner() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> new Contact("C1", "  ", Role.of("user"), Optional.empty(), OptionalDouble.empty()));
        assertEquals("account id of contact C1 is blank", blank.getMessage());
        NullPointerException missing = assertThrows(NullPointerException.class,
                () -> Ids.require(null, "attribute name", "response", "R7"));
        assertEquals("attribute name of response R7", missing.getMessage());
        IllegalArgumentException own = assertThrows(IllegalArgumentException.class,
                () -> Ids.require("", "response id", "response", null));
        assertEquals("response id is blank", own.getMessage());
        IllegalArgumentException segment = assertThrows(IllegalArgumentException.class,
                () -> new Account("A1", "Acme", Tier.DIRECT, Optional.empty(), OptionalDouble.empty(),
                        Optional.empty(), Map.of(" ", "x")));
        assertEquals("segment name of account A1 is blank", segment.getMessage());
    }
}
