package io.github.nps4j.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;

/**
 * The blocked pass of {@link LogisticNewton#sums} gives the sums of the row-by-row pass it replaced, bit for bit:
 * every sum adds the same terms in row order, whatever the block boundaries, weights, scales and magnitudes of η,
 * and whether each row's terms are computed for the row or taken from its pattern (whole ratings).
 */
class LogisticNewtonBlocksPropertyTest {
    /** The row-by-row pass as it was before the blocks (the reference). */
    static LogisticNewton.Sums rowByRow(LogisticNewton.Design d, double[] beta) {
        double[][] x = d.columns;
        double[] y = d.y;
        double @Nullable [] w = d.weights;
        int p = x.length;
        int n = y.length;
        double[] xs = new double[p];
        LogisticNewton.Sums out = new LogisticNewton.Sums(p);
        double[] sWx = out.sWx;
        double[] srx = out.srx;
        double[] cross = out.cross;
        double sW = 0;
        double sr = 0;
        double dev = 0;
        for (int i = 0; i < n; i++) {
            double eta = 0;
            eta += beta[0];
            for (int j = 0; j < p; j++) {
                eta += x[j][i] * beta[j + 1];
            }
            double a = Math.abs(eta);
            double t = Math.exp(-a);
            boolean one = y[i] == 1;
            double l = (one ? eta < 0 : eta > 0) ? a + LogisticNewton.log1p(t) : LogisticNewton.log1p(t);
            double prior = w == null ? 1 : w[i];
            dev += 2 * prior * l;
            double s = 1 / (1 + t);
            double mu = eta >= 0 ? s : t * s;
            double q = eta >= 0 ? t * s : s;
            double v = Math.max(mu * q, 1e-300);
            double pw = w == null ? 1.0 : w[i] * d.weightScale;
            double ww = pw * v;
            double r = pw * (one ? q : -mu);
            sW += ww;
            sr += r;
            int c = 0;
            for (int j = 0; j < p; j++) {
                xs[j] = x[j][i] * d.scale[j] - d.shift[j];
            }
            for (int j = 0; j < p; j++) {
                double xj = xs[j];
                double wx = ww * xj;
                sWx[j] += wx;
                srx[j] += r * xj;
                for (int k = j; k < p; k++) {
                    cross[c++] += wx * xs[k];
                }
            }
        }
        out.deviance = dev;
        out.sW = sW;
        out.sr = sr;
        return out;
    }

    @Property(tries = 300)
    void blocksGiveTheRowByRowSumsBitForBit(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1400) int n,
            @ForAll @IntRange(min = 1, max = 8) int p, @ForAll boolean weighted, @ForAll boolean ratings,
            @ForAll @IntRange(min = -60, max = 60) int scaleExponent, @ForAll @IntRange(min = 0, max = 3) int size,
            @ForAll boolean patterns) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[p][n];
        double[] y = new double[n];
        double[] w = weighted ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double v = ratings ? rng.nextInt(p > 3 ? 3 : 11) : rng.nextGaussian() * 3;
                x[j][i] = j == 0 ? Math.scalb(v, scaleExponent) : v;
            }
            y[i] = rng.nextBoolean() ? 1 : 0;
            if (w != null) {
                w[i] = rng.nextDouble() * 4 + 0.01;
            }
        }
        double[] beta = new double[p + 1];
        double magnitude = new double[] {0.01, 0.5, 5, 400}[size];
        beta[0] = (rng.nextDouble() - 0.5) * magnitude * 10;
        for (int j = 1; j <= p; j++) {
            beta[j] = (rng.nextDouble() - 0.5) * magnitude * (j == 1 ? Math.scalb(1.0, -scaleExponent) : 1);
        }
        LogisticNewton.Design d = new LogisticNewton.Design(x, y, w, patterns);
        // whole ratings 0–10 in the original units give the pattern pass when asked for it (any number of patterns);
        // values that are not whole numbers never do
        if (patterns && ratings && scaleExponent == 0) {
            assertTrue(d.patterns != null, "patterns");
        }
        if (!ratings) {
            assertTrue(d.patterns == null, "no patterns");
        }
        LogisticNewton.Sums a = rowByRow(d, beta);
        LogisticNewton.Sums b = LogisticNewton.sums(d, beta, true);
        assertBits(a.deviance, b.deviance, "deviance");
        assertBits(a.deviance, LogisticNewton.devianceAt(d, beta).deviance(), "deviance alone");
        assertBits(a.sW, b.sW, "sW");
        assertBits(a.sr, b.sr, "sr");
        for (int j = 0; j < p; j++) {
            assertBits(a.sWx[j], b.sWx[j], "sWx " + j);
            assertBits(a.srx[j], b.srx[j], "srx " + j);
        }
        for (int c = 0; c < a.cross.length; c++) {
            assertBits(a.cross[c], b.cross[c], "cross " + c);
        }
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + ": " + expected + " vs " + actual);
    }
}
