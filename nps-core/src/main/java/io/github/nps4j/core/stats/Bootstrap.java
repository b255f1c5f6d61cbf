package io.github.nps4j.core.stats;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Percentile bootstrap intervals for an NPS (Efron &amp; Tibshirani 1993), seeded and reproducible: the same seed,
 * data and settings give the identical interval on every run and JVM ({@link SplittableRandom} with the seed, one
 * thread).
 *
 * <p>{@link #responses} resamples answers with replacement (independent responses); {@link #accounts} resamples whole
 * accounts with replacement (the cluster bootstrap), keeping each account's answers together, because answers of one
 * account are not independent. Each resample's NPS is 100·Σwz/Σw; the interval is the pair of empirical quantiles at
 * (1 − level)/2 and (1 + level)/2 of the B resampled NPS values (linear interpolation between order statistics,
 * R's {@code quantile} type 7), clipped to [−100, 100]. Answers (or accounts) of weight 0 cannot change any resample's
 * NPS but could make one empty, so they are left out before resampling.
 *
 * <p>Input is primitive arrays so large groups stay cheap: a category sign per answer (+1 promoter, 0 passive,
 * −1 detractor, e.g. {@code (byte) category.sign()}), a weight per answer and, for the cluster bootstrap, a dense
 * account index per answer. Nothing passed in is modified.
 *
 * <p>Long runs report progress to a {@link ProgressListener} (about every 1 % of the resamples and at the end) and
 * stop with a {@link CancellationException} when the cancellation check returns true (checked as often).
 *
 * <p>Example usage:
 * <pre>{@code
 * Interval ci = Bootstrap.of(42L, 2000)
 *         .level(0.95)
 *         .progress((done, total) -> bar.update(done, total))
 *         .cancelWhen(() -> userPressedCancel)
 *         .accounts(signs, weights, accountIndex);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; each call runs its own random stream from the seed.
 *
 * @since 0.1.0
 */
public final class Bootstrap {
    private final long seed;
    private final int resamples;
    private final double level;
    private final ProgressListener progress;
    private final BooleanSupplier cancelled;

    private Bootstrap(long seed, int resamples, double level, ProgressListener progress, BooleanSupplier cancelled) {
        this.seed = seed;
        this.resamples = resamples;
        this.level = level;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    /**
     * Creates a bootstrap with the given seed and number of resamples, level 0.95, no progress and no cancellation.
     *
     * @param seed the random seed
     * @param resamples B, at least 2 (1 000–10 000 recommended for 95 % intervals)
     * @return the bootstrap
     * @throws IllegalArgumentException if {@code resamples < 2}
     */
    public static Bootstrap of(long seed, int resamples) {
        if (resamples < 2) {
            throw new IllegalArgumentException("resamples " + resamples + " must be at least 2");
        }
        return new Bootstrap(seed, resamples, 0.95, ProgressListener.NONE, () -> false);
    }

    /**
     * Returns a copy with another confidence level.
     *
     * @param level confidence level in (0, 1)
     * @return the copy
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public Bootstrap level(double level) {
        return new Bootstrap(seed, resamples, Numerics.requireLevel(level), progress, cancelled);
    }

    /**
     * Returns a copy reporting progress (done and total resamples) to the listener.
     *
     * @param listener the listener, called on the computing thread
     * @return the copy
     */
    public Bootstrap progress(ProgressListener listener) {
        return new Bootstrap(seed, resamples, level, Objects.requireNonNull(listener, "listener"), cancelled);
    }

    /**
     * Returns a copy that stops with a {@link CancellationException} as soon as {@code isCancelled} returns true.
     *
     * @param isCancelled polled about every 1 % of the resamples
     * @return the copy
     */
    public Bootstrap cancelWhen(BooleanSupplier isCancelled) {
        return new Bootstrap(seed, resamples, level, progress, Objects.requireNonNull(isCancelled, "isCancelled"));
    }

    /**
     * Returns the seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the number of resamples B.
     *
     * @return B
     */
    public int resamples() {
        return resamples;
    }

    /**
     * Returns the confidence level.
     *
     * @return the level
     */
    public double level() {
        return level;
    }

    /**
     * Bootstraps unweighted answers by resampling answers.
     *
     * @param signs +1/0/−1 per answer
     * @return the percentile interval
     * @throws IllegalArgumentException if there is no answer or a sign is not −1, 0 or +1
     * @throws CancellationException if cancelled
     */
    public Interval responses(byte[] signs) {
        double[] w = new double[signs.length];
        Arrays.fill(w, 1.0);
        return responses(signs, w);
    }

    /**
     * Bootstraps weighted answers by resampling answers (independent responses).
     *
     * @param signs +1/0/−1 per answer
     * @param weights weight per answer, finite and {@code >= 0}
     * @return the percentile interval
     * @throws IllegalArgumentException if the arrays differ in length, a sign or weight is invalid, or no answer has
     *     positive weight
     * @throws CancellationException if cancelled
     */
    public Interval responses(byte[] signs, double[] weights) {
        validate(signs, weights);
        int n = 0;
        for (double w : weights) {
            n += w > 0 ? 1 : 0;
        }
        double[] w = new double[n];
        double[] wz = new double[n];
        int j = 0;
        for (int i = 0; i < signs.length; i++) {
            if (weights[i] > 0) {
                w[j] = weights[i];
                wz[j++] = weights[i] * signs[i];
            }
        }
        return run(w, wz, "answer");
    }

    /**
     * Bootstraps weighted answers by resampling whole accounts (the cluster bootstrap).
     *
     * @param signs +1/0/−1 per answer
     * @param weights weight per answer, finite and {@code >= 0}
     * @param accountIndex the account of each answer as an index {@code >= 0} (dense indices keep memory low; unused
     *     indices are ignored)
     * @return the percentile interval
     * @throws IllegalArgumentException if the arrays differ in length, a value is invalid, or no account has positive
     *     weight
     * @throws CancellationException if cancelled
     */
    public Interval accounts(byte[] signs, double[] weights, int[] accountIndex) {
        validate(signs, weights);
        if (accountIndex.length != signs.length) {
            throw new IllegalArgumentException("accountIndex has " + accountIndex.length + " entries but there are "
                    + signs.length + " answers");
        }
        int max = -1;
        for (int i = 0; i < accountIndex.length; i++) {
            if (accountIndex[i] < 0) {
                throw new IllegalArgumentException("accountIndex[" + i + "] = " + accountIndex[i] + " must be >= 0");
            }
            max = Math.max(max, accountIndex[i]);
        }
        double[] w = new double[max + 1];
        double[] wz = new double[max + 1];
        for (int i = 0; i < signs.length; i++) {
            w[accountIndex[i]] += weights[i];
            wz[accountIndex[i]] += weights[i] * signs[i];
        }
        return runAccounts(w, wz);
    }

    /**
     * Bootstraps a clustered estimate by resampling its accounts (in account-id order, so reproducible).
     *
     * @param estimate the clustered estimate
     * @return the percentile interval
     * @throws IllegalArgumentException if no account has positive weight
     * @throws CancellationException if cancelled
     */
    public Interval accounts(ClusteredEstimate estimate) {
        int g = estimate.clusters();
        double[] w = new double[g];
        double[] wz = new double[g];
        int i = 0;
        for (AccountTotals t : estimate.accounts().values()) {
            w[i] = t.weightSum();
            wz[i++] = t.weightedSignSum();
        }
        return runAccounts(w, wz);
    }

    private Interval runAccounts(double[] w, double[] wz) {
        int n = 0;
        for (double x : w) {
            n += x > 0 ? 1 : 0;
        }
        double[] cw = new double[n];
        double[] cwz = new double[n];
        int j = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                cw[j] = w[i];
                cwz[j++] = wz[i];
            }
        }
        return run(cw, cwz, "account");
    }

    /** Resamples units (answers or accounts) with totals w and wz. */
    private Interval run(double[] w, double[] wz, String unit) {
        int n = w.length;
        if (n == 0) {
            throw new IllegalArgumentException("no " + unit + " with positive weight: the NPS is undefined, so there "
                    + "is no bootstrap interval");
        }
        double sw = 0;
        double swz = 0;
        for (int i = 0; i < n; i++) {
            sw += w[i];
            swz += wz[i];
        }
        double point = Numerics.clip(100 * swz / sw, -100, 100);
        boolean degenerate = unitNpsAllEqual(w, wz);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        int step = Math.max(1, resamples / 100);
        checkCancelled(0);
        for (int b = 0; b < resamples; b++) {
            double bw = 0;
            double bwz = 0;
            for (int k = 0; k < n; k++) {
                int i = rng.nextInt(n);
                bw += w[i];
                bwz += wz[i];
            }
            stats[b] = Numerics.clip(100 * bwz / bw, -100, 100);
            if ((b + 1) % step == 0 || b + 1 == resamples) {
                progress.onProgress(b + 1, resamples);
                if (b + 1 < resamples) {
                    checkCancelled(b + 1);
                }
            }
        }
        Arrays.sort(stats);
        double lo = quantile(stats, (1 - level) / 2);
        double hi = quantile(stats, (1 + level) / 2);
        return Interval.clipped(lo, hi, IntervalMethod.BOOTSTRAP, level, point, degenerate && lo == hi);
    }

    /** True when every unit has the same NPS (then every resample has it too). */
    private static boolean unitNpsAllEqual(double[] w, double[] wz) {
        double r = wz[0] / w[0];
        for (int i = 1; i < w.length; i++) {
            if (wz[i] / w[i] != r) {
                return false;
            }
        }
        return true;
    }

    private void checkCancelled(int done) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("bootstrap cancelled after " + done + " of " + resamples + " resamples");
        }
    }

    /** R type-7 quantile of sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static void validate(byte[] signs, double[] weights) {
        if (signs.length != weights.length) {
            throw new IllegalArgumentException("signs has " + signs.length + " entries but weights has "
                    + weights.length);
        }
        for (int i = 0; i < signs.length; i++) {
            if (signs[i] < -1 || signs[i] > 1) {
                throw new IllegalArgumentException("signs[" + i + "] = " + signs[i] + " must be -1, 0 or +1");
            }
            double w = weights[i];
            if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("weights[" + i + "] = " + w + " must be a finite number >= 0");
            }
        }
    }
}
