package io.github.nps4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nps4j.core.Portfolio;
import org.junit.jupiter.api.Test;

/** No {@code @ExtendWith} here: the parameter annotation registers the extension on its own. */
class SyntheticAnnotationTest {
    @Test
    void parameterAnnotationAlone(@Synthetic(seed = 2, accounts = 6) Portfolio p) {
        assertEquals(6, p.accounts().size());
    }
}
