package io.github.nps4j.drivers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Moments#centred} and the cross-products of an outcome beside known attribute moments give
 * {@link Moments#crossProducts} and {@link Moments#mean} bit for bit.
 */
class MomentsCentredPropertyTest {
    @Property(tries = 300)
    void knownAttributeMomentsGiveTheWholeMatrixBitForBit(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3000) int n, @ForAll @IntRange(min = 1, max = 9) int p,
            @ForAll boolean weighted, @ForAll boolean ratings, @ForAll @IntRange(min = -40, max = 40) int exponent) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] y = new double[n];
        double[][] x = new double[p][n];
        double[] w = weighted ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            y[i] = ratings ? rng.nextInt(11) : Math.scalb(rng.nextGaussian(), exponent);
            for (int j = 0; j < p; j++) {
                x[j][i] = ratings ? rng.nextInt(11) : rng.nextGaussian() * (j + 1) + j;
            }
            if (w != null) {
                w[i] = rng.nextDouble() * 3 + 0.001;
            }
        }
        double[][] all = new double[p + 1][];
        all[0] = y;
        System.arraycopy(x, 0, all, 1, p);
        double[][] expected = Moments.crossProducts(all, w);
        Moments.Centred known = Moments.centred(x, w);
        double[][] attributes = Moments.crossProducts(x, w);
        for (int a = 0; a < p; a++) {
            assertBits(Moments.mean(x[a], w), known.means()[a], "mean " + a);
            for (int b = 0; b < p; b++) {
                assertBits(attributes[a][b], known.crossProducts()[a][b], "attributes " + a + "," + b);
            }
        }
        double[][] actual = Moments.crossProducts(y, x, known, w);
        for (int a = 0; a <= p; a++) {
            for (int b = 0; b <= p; b++) {
                assertBits(expected[a][b], actual[a][b], a + "," + b);
            }
        }
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + ": " + expected + " vs " + actual);
    }
}
