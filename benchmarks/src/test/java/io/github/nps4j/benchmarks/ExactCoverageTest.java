package io.github.nps4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.stats.IntervalMethod;
import org.junit.jupiter.api.Test;

/** The coverage figures the README's "Which interval?" and DESIGN §3 quote, recomputed by exact enumeration. */
class ExactCoverageTest {

    @Test
    void theGridHas741Points() {
        assertEquals(741, ExactCoverage.grid().size());
        for (double[] p : ExactCoverage.grid()) {
            assertTrue(p[0] >= 0.025 && p[1] >= 0.025 && 1 - p[0] - p[1] >= 0.025 - 1e-12);
        }
    }

    @Test
    void documentedMinimumCoverage() {
        // n = 5, 6, 10: score 91.7, 92.3, 93.2 %; adjusted Wald 83.7, 86.5, 89.8 % (one decimal, as quoted)
        int[] n = {5, 6, 10};
        double[] score = {91.7, 92.3, 93.2};
        double[] adjusted = {83.7, 86.5, 89.8};
        for (int i = 0; i < n.length; i++) {
            assertEquals(score[i], round(ExactCoverage.coverage(IntervalMethod.SCORE, n[i], 0.95).minimum()));
            assertEquals(adjusted[i],
                    round(ExactCoverage.coverage(IntervalMethod.ADJUSTED_WALD, n[i], 0.95).minimum()));
        }
    }

    private static double round(double coverage) {
        return Math.round(coverage * 1000) / 10.0;
    }
}
