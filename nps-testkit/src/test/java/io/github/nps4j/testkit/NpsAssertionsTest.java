package io.github.nps4j.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Tally;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class NpsAssertionsTest {
    private final NpsEstimate e = NpsScorer.scoreAll(Responses.scores(10, 9, 8, 3));

    @Test
    void passes() {
        NpsAssertions.assertNps(e, 25.0);
        NpsAssertions.assertNps(e, 20.0, 5.0);
        NpsAssertions.assertCounts(e, 2, 1, 1);
        NpsAssertions.assertIntervalContains(-10, 60, 25);
        NpsAssertions.assertIntervalContains(25, 25, 25);
        NpsAssertions.assertUndefined(NpsEstimate.empty());
    }

    @Test
    void npsMessageSaysHowFarAndWhatItIsMadeOf() {
        AssertionFailedError f = assertThrows(AssertionFailedError.class, () -> NpsAssertions.assertNps(e, 40, 5));
        assertTrue(f.getMessage().contains("expected NPS 40.0 ± 5.0 but was 25.0 (below by 15.0 points)"),
                f.getMessage());
        assertTrue(f.getMessage().contains("2 promoters / 1 passives / 1 detractors, n = 4"), f.getMessage());
        assertTrue(f.isExpectedDefined() && f.isActualDefined());
    }

    @Test
    void weightedMessageShowsTheEffectOfWeights() {
        NpsEstimate w = new Tally().add(10, 3.0).add(3, 1.0).snapshot();
        AssertionFailedError f = assertThrows(AssertionFailedError.class, () -> NpsAssertions.assertNps(w, 0, 1));
        assertTrue(f.getMessage().contains("the unweighted NPS of these counts is 0.0, so the weights moved it by 50.0"),
                f.getMessage());
    }

    @Test
    void undefinedAndCountsAndIntervalMessages() {
        AssertionFailedError u = assertThrows(AssertionFailedError.class,
                () -> NpsAssertions.assertNps(NpsEstimate.empty(), 10, 1));
        assertTrue(u.getMessage().contains("undefined"), u.getMessage());
        AssertionFailedError c = assertThrows(AssertionFailedError.class,
                () -> NpsAssertions.assertCounts(e, 1, 2, 1));
        assertTrue(c.getMessage().contains("promoters (9-10) expected 1 but was 2, passives (7-8) expected 2 but was 1")
                && c.getMessage().contains("cut-offs"), c.getMessage());
        AssertionFailedError more = assertThrows(AssertionFailedError.class,
                () -> NpsAssertions.assertCounts(e, 1, 1, 1));
        assertTrue(more.getMessage().contains("more answers than expected"), more.getMessage());
        AssertionFailedError i = assertThrows(AssertionFailedError.class,
                () -> NpsAssertions.assertIntervalContains("95% wald interval", -10, 20, 25));
        assertTrue(i.getMessage().contains("95% wald interval [-10.0, 20.0] (width 30.0) does not contain 25.0, "
                + "which lies 5.0 above the upper bound"), i.getMessage());
        assertThrows(AssertionFailedError.class, () -> NpsAssertions.assertUndefined(e));
        assertThrows(IllegalArgumentException.class, () -> NpsAssertions.assertIntervalContains(2, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> NpsAssertions.assertNps(e, 1, -1));
    }
}
