package io.github.nps4j.drivers.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact LMG (Shapley value of R²) over all 2^p subsets of p predictors, from a correlation (or covariance) matrix.
 *
 * <p>Subsets are visited in binary-reflected Gray-code order, so consecutive subsets differ by one predictor; R² of
 * each subset is read off the outcome's diagonal element after Goodnight/Dempster SWEEP (pivot in) or reverse SWEEP
 * (pivot out) of that one predictor on the (p+1)×(p+1) matrix: O(p²) per subset. Every {@value #REFRESH_INTERVAL}
 * steps the swept matrix is rebuilt from the original to stop rounding drift. Memory is O(p²), independent of 2^p:
 * each subset S with R²(S) adds w(|S|−1)·R²(S) to every member and subtracts w(|S|)·R²(S) from every non-member,
 * where w(s) = s!(p−s−1)!/p!.
 */
public final class ShapleySweep {
    /** Steps between rebuilds of the swept matrix from the original (a power of two). */
    public static final int REFRESH_INTERVAL = 1 << 9;
    /** The largest number of predictors accepted (2^p subsets; p = 25 takes seconds, each +1 doubles the time). */
    public static final int MAX_PREDICTORS = 30;
    /** From this many predictors on, a run is logged at INFO with its size and progress (p = 20: about 10⁶ subsets). */
    public static final int LOGGED_PREDICTORS = 20;

    /** Logged under the public API's name, where users look: {@code io.github.nps4j.drivers.RelativeImportance}. */
    private static final Logger LOG = LoggerFactory.getLogger("io.github.nps4j.drivers.RelativeImportance");

    private ShapleySweep() {
    }

    /**
     * Computes LMG shares of R² (they sum to R² of the full model).
     *
     * @param rxx predictor correlation (or covariance) matrix, p×p, positive definite
     * @param rxy covariances of predictors with the outcome
     * @param syy the outcome's variance (1 for a correlation matrix)
     * @return LMG per predictor
     * @throws IllegalArgumentException if p exceeds {@link #MAX_PREDICTORS}
     * @throws IllegalStateException if a pivot becomes non-positive (matrix not positive definite)
     */
    public static double[] lmg(double[][] rxx, double[] rxy, double syy) {
        int p = rxy.length;
        if (p > MAX_PREDICTORS) {
            throw new IllegalArgumentException(p + " predictors exceed the supported maximum " + MAX_PREDICTORS
                    + " for exact LMG (2^p subsets)");
        }
        int dim = p + 1;
        double[] orig = new double[dim * dim];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                orig[i * dim + j] = rxx[i][j];
            }
            orig[i * dim + p] = rxy[i];
            orig[p * dim + i] = rxy[i];
        }
        orig[p * dim + p] = syy;
        // Shapley weights: w[s] = s!(p-s-1)!/p! = 1 / (p * C(p-1, s)), s = 0..p-1; w[p] = 0
        double[] w = new double[p + 1];
        for (int s = 0; s < p; s++) {
            w[s] = 1.0 / (p * binomial(p - 1, s));
        }
        double[] a = orig.clone();
        double[] col = new double[dim];
        double[] acc = new double[p];
        double global = 0;
        int subset = 0;
        long steps = 1L << p;
        // progress at each quarter (a multiple of REFRESH_INTERVAL for p >= 11, so checked only on refresh steps)
        boolean progress = p >= LOGGED_PREDICTORS && LOG.isInfoEnabled();
        long quarter = steps >> 2;
        long started = progress ? System.nanoTime() : 0;
        if (progress) {
            LOG.info("Exact LMG over {} attributes: {} subsets of R² (each further attribute doubles the time)", p,
                    steps - 1);
        }
        for (long t = 1; t < steps; t++) {
            int k = Long.numberOfTrailingZeros(t);
            subset ^= 1 << k;
            boolean in = (subset & (1 << k)) != 0;
            if ((t & (REFRESH_INTERVAL - 1)) == 0) {
                if (progress && t % quarter == 0) {
                    logProgress(t, steps, started);
                }
                System.arraycopy(orig, 0, a, 0, orig.length);
                for (int j = 0; j < p; j++) {
                    if ((subset & (1 << j)) != 0) {
                        sweep(a, dim, j, true, col);
                    }
                }
            } else {
                sweep(a, dim, k, in, col);
            }
            double r2 = (syy - a[p * dim + p]) / syy;
            int s = Integer.bitCount(subset);
            double cin = w[s - 1] * r2;
            double cout = w[s] * r2;
            global += cout;
            double both = cin + cout;
            int bits = subset;
            while (bits != 0) {
                int j = Integer.numberOfTrailingZeros(bits);
                acc[j] += both;
                bits &= bits - 1;
            }
        }
        for (int j = 0; j < p; j++) {
            acc[j] -= global;
        }
        if (progress) {
            LOG.info("Exact LMG over {} attributes done in {} ms", p, (System.nanoTime() - started) / 1_000_000);
        }
        return acc;
    }

    /** One progress line: share done, time so far and the remaining time extrapolated from it. */
    private static void logProgress(long done, long steps, long started) {
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        long remainingMs = Math.round(elapsedMs * ((double) (steps - done) / done));
        LOG.info("Exact LMG: {} % of {} subsets in {} ms, about {} ms to go", Math.round(100.0 * done / steps),
                steps - 1, elapsedMs, remainingMs);
    }

    /**
     * Sweeps (or reverse-sweeps) pivot k of a symmetric dim×dim matrix held row-major; only the upper triangle
     * (i ≤ j) is read and written.
     */
    static void sweep(double[] a, int dim, int k, boolean forward, double[] col) {
        double d = a[k * dim + k];
        if (forward ? !(d > 0) : !(d < 0)) {
            throw new IllegalStateException("sweep pivot " + k + " = " + d + ": the matrix is not positive definite");
        }
        double inv = 1.0 / d;
        for (int i = 0; i < k; i++) {
            col[i] = a[i * dim + k];
        }
        for (int i = k; i < dim; i++) {
            col[i] = a[k * dim + i];
        }
        for (int i = 0; i < dim; i++) {
            if (i == k) {
                continue;
            }
            double f = col[i] * inv;
            int row = i * dim;
            for (int j = i; j < dim; j++) {
                a[row + j] -= f * col[j];
            }
        }
        double sign = forward ? inv : -inv;
        for (int i = 0; i < k; i++) {
            a[i * dim + k] = col[i] * sign;
        }
        for (int i = k + 1; i < dim; i++) {
            a[k * dim + i] = col[i] * sign;
        }
        a[k * dim + k] = -inv;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return Math.rint(r);
    }
}
