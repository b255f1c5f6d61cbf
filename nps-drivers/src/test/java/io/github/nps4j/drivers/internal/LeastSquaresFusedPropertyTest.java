package io.github.nps4j.drivers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link LeastSquares}, its passes over the rows fused (four sums per pass, running sums in locals), gives the fit of
 * the unfused original ({@link LeastSquaresReference}) bit for bit: coefficients, intercept, sums of squares, standard
 * errors, VIFs, residuals and the number of refinement steps, with and without intercept and weights.
 */
class LeastSquaresFusedPropertyTest {
    @Property(tries = 300)
    void fusedPassesGiveTheOriginalFitBitForBit(@ForAll long seed, @ForAll @IntRange(min = 12, max = 2500) int n,
            @ForAll @IntRange(min = 1, max = 10) int p, @ForAll boolean weighted, @ForAll boolean intercept,
            @ForAll boolean ratings, @ForAll @IntRange(min = 1, max = 6) int steps,
            @ForAll @IntRange(min = -30, max = 30) int exponent) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[p][n];
        double[] y = new double[n];
        double[] w = weighted ? new double[n] : null;
        String[] names = new String[p];
        for (int j = 0; j < p; j++) {
            names[j] = "x" + j;
        }
        for (int i = 0; i < n; i++) {
            double eta = 1;
            for (int j = 0; j < p; j++) {
                x[j][i] = ratings ? rng.nextInt(11) : rng.nextGaussian() * (j + 1) + 3 * j;
                eta += x[j][i] * (0.3 + 0.1 * j);
            }
            if (!intercept) {
                x[0][i] = 1; // the logistic closing step's design: the intercept as a column of ones
            }
            y[i] = Math.scalb(eta + rng.nextGaussian(), exponent);
            if (w != null) {
                w[i] = rng.nextDouble() * 0.25 + 1e-6;
            }
        }
        LeastSquaresReference expected;
        try {
            expected = LeastSquaresReference.fit(names, x, y, w, intercept, steps);
        } catch (IllegalArgumentException e) {
            IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                    () -> LeastSquares.fit(names, x, y, w, intercept, steps));
            assertEquals(e.getMessage(), other.getMessage());
            return;
        }
        LeastSquares actual = LeastSquares.fit(names, x, y, w, intercept, steps);
        assertBits(expected.coefficients(), actual.coefficients(), "coefficients");
        assertBits(expected.intercept(), actual.intercept(), "intercept");
        assertBits(expected.rss(), actual.rss(), "rss");
        assertBits(expected.tss(), actual.tss(), "tss");
        assertBits(expected.weightSum(), actual.weightSum(), "weight sum");
        assertBits(expected.standardErrors(), actual.standardErrors(), "standard errors");
        assertBits(expected.interceptStandardError(), actual.interceptStandardError(), "intercept SE");
        assertBits(expected.unscaledVarianceDiagonal(), actual.unscaledVarianceDiagonal(), "variances");
        assertBits(expected.varianceInflationFactors(), actual.varianceInflationFactors(), "VIF");
        assertBits(expected.minRelativeDiagonal(), actual.minRelativeDiagonal(), "min relative diagonal");
        assertBits(expected.weightedResiduals(), actual.weightedResiduals(), "residuals");
        assertEquals(expected.refinementSteps(), actual.refinementSteps(), "refinement steps");
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + ": " + expected + " vs " + actual);
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertBits(expected[i], actual[i], what + " " + i);
        }
    }
}
