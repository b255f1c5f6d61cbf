package io.github.nps4j.core.stats;

import io.github.nps4j.core.NpsEstimate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * A two-group comparison (a − b), or one group against a benchmark NPS, with a Wald test and interval. Differences
 * are in NPS points with their sign kept (a − b, not |a − b| as R {@code NPS} reports); the interval is built around
 * the signed difference and clipped to [−200, 200]; the two-sided p-value is 2Φ(−|z|), which keeps its precision in
 * the far tail (R {@code NPS}'s 1 − (2Φ(|z|) − 1) returns exactly 0 beyond |z| ≈ 8.3).
 *
 * <p>When both standard errors are 0 (both groups degenerate, e.g. all promoters), the test is undefined:
 * {@link #z()} and {@link #pValue()} are empty and {@link #degenerate()} is true — not a p-value of 0.
 *
 * <p>Example usage:
 * <pre>{@code
 * Comparison c = Comparison.of(thisQuarter, lastQuarter, IntervalMethod.WALD, 0.95).orElseThrow();
 * if (c.isSignificant(0.05)) System.out.printf("NPS moved %+.1f points%n", c.difference());
 * }</pre>
 *
 * <p>A value-based, immutable record.
 *
 * @param difference a − b (or a − benchmark), NPS points
 * @param standardError standard error of the difference, NPS points
 * @param z difference / standardError, empty when the standard error is 0
 * @param pValue two-sided p-value 2Φ(−|z|), empty when the standard error is 0
 * @param lower lower limit of the interval for the difference, NPS points
 * @param upper upper limit of the interval for the difference, NPS points
 * @param level confidence level of the interval
 * @param method {@link IntervalMethod#WALD} or {@link IntervalMethod#ADJUSTED_WALD}
 * @param clustered true when the standard error accounts for the same accounts answering in both groups
 * @param degenerate true when the standard error is 0 (the data cannot tell how uncertain the difference is)
 * @since 0.1.0
 */
public record Comparison(double difference, double standardError, OptionalDouble z, OptionalDouble pValue,
        double lower, double upper, double level, IntervalMethod method, boolean clustered, boolean degenerate) {

    /**
     * Validates the comparison.
     *
     * @throws IllegalArgumentException if a number is not finite, the standard error negative, lower &gt; upper or the
     *     level not in (0, 1)
     */
    public Comparison {
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(pValue, "pValue");
        Objects.requireNonNull(method, "method");
        Numerics.requireLevel(level);
        if (!Double.isFinite(difference) || !(standardError >= 0) || !Double.isFinite(standardError)
                || !(lower <= upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("invalid comparison: difference=" + difference + ", se="
                    + standardError + ", interval [" + lower + ", " + upper + "]");
        }
    }

    /**
     * Compares two independent groups: difference a − b, SE = √(SE<sub>a</sub>² + SE<sub>b</sub>²).
     * {@link IntervalMethod#WALD} uses each group's NPS and linearization SE; {@link IntervalMethod#ADJUSTED_WALD}
     * (Rocks 2016) uses each group's adjusted NPS and SE after adding 0.75/1.5/0.75 pseudo-responses to its
     * (Kish-effective) counts.
     *
     * @param a the first group (e.g. this period)
     * @param b the second group (e.g. the previous period)
     * @param method {@link IntervalMethod#WALD} or {@link IntervalMethod#ADJUSTED_WALD}
     * @param level confidence level in (0, 1)
     * @return the comparison, or empty when either group is empty
     * @throws IllegalArgumentException for another method or a level not in (0, 1)
     */
    public static Optional<Comparison> of(NpsEstimate a, NpsEstimate b, IntervalMethod method, double level) {
        double[] ma = meanAndSe(a, method);
        double[] mb = meanAndSe(b, method);
        Numerics.requireLevel(level);
        if (ma == null || mb == null) {
            return Optional.empty();
        }
        double se = Math.hypot(ma[1], mb[1]);
        return Optional.of(build(ma[0] - mb[0], se, level, method, false, 200));
    }

    /**
     * Compares two scored groups under the given options: with the account-clustered covariance
     * ({@link #clustered}) when the options cluster by account, as independent groups ({@link #of(NpsEstimate,
     * NpsEstimate, IntervalMethod, double)}) with the options' method otherwise.
     *
     * <p>Example usage:
     * <pre>{@code
     * GroupedNps byTier = NpsScorer.builder().accounts(accounts).groupBy(GroupField.TIER).build().score(responses);
     * Optional<Comparison> c = Comparison.of(byTier.group("direct").orElseThrow(),
     *         byTier.group("distributor").orElseThrow(), UncertaintyOptions.defaults());
     * }</pre>
     *
     * @param a the first group
     * @param b the second group
     * @param options the uncertainty options; the method must be one {@link #supports(IntervalMethod)}
     * @return the comparison, or empty when either group is empty
     * @throws IllegalArgumentException for a method comparisons do not support, or (clustered) fewer than two
     *     accounts across both groups
     */
    public static Optional<Comparison> of(io.github.nps4j.core.GroupedNps.Group a,
            io.github.nps4j.core.GroupedNps.Group b, UncertaintyOptions options) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (!supports(options.method())) {
            throw new IllegalArgumentException("comparisons support wald and adjusted-wald, not "
                    + options.method().label());
        }
        if (options.clustered()) {
            return clustered(ClusteredEstimate.of(a.data()), ClusteredEstimate.of(b.data()), options.level());
        }
        return of(a.estimate(), b.estimate(), options.method(), options.level());
    }

    /**
     * Tells whether comparisons support an interval method.
     *
     * @param method the method
     * @return true for {@link IntervalMethod#WALD} and {@link IntervalMethod#ADJUSTED_WALD}
     */
    public static boolean supports(IntervalMethod method) {
        Objects.requireNonNull(method, "method");
        return method == IntervalMethod.WALD || method == IntervalMethod.ADJUSTED_WALD;
    }

    /**
     * Compares two independent groups by Wald at the given level ({@code of(a, b, WALD, level)}).
     *
     * @param a the first group
     * @param b the second group
     * @param level confidence level in (0, 1)
     * @return the comparison, or empty when either group is empty
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public static Optional<Comparison> of(NpsEstimate a, NpsEstimate b, double level) {
        return of(a, b, IntervalMethod.WALD, level);
    }

    /**
     * Tests one group against a benchmark NPS (e.g. 0, a target, an industry figure): difference a − benchmark with
     * the group's SE; with benchmark 0 this is R {@code NPS}'s one-sample {@code nps.test}, whose interval is this
     * interval shifted by the benchmark.
     *
     * @param a the group
     * @param benchmarkNps the benchmark in NPS points, −100..100
     * @param method {@link IntervalMethod#WALD} or {@link IntervalMethod#ADJUSTED_WALD}
     * @param level confidence level in (0, 1)
     * @return the comparison, or empty when the group is empty
     * @throws IllegalArgumentException for another method, a benchmark outside [−100, 100] or a level not in (0, 1)
     */
    public static Optional<Comparison> toBenchmark(NpsEstimate a, double benchmarkNps, IntervalMethod method,
            double level) {
        if (!(benchmarkNps >= -100 && benchmarkNps <= 100)) {
            throw new IllegalArgumentException("benchmark NPS " + benchmarkNps + " must be in [-100, 100]");
        }
        double[] ma = meanAndSe(a, method);
        Numerics.requireLevel(level);
        if (ma == null) {
            return Optional.empty();
        }
        return Optional.of(build(ma[0] - benchmarkNps, ma[1], level, method, false, 200));
    }

    /**
     * Compares two groups answered (partly) by the same accounts, e.g. two periods of one portfolio, with the
     * clustered covariance. With u<sub>g</sub> = Σ<sub>i∈g</sub> w<sub>i</sub>(z<sub>i</sub> − m)/W the linearized
     * residual of account g in a group (0 if it did not answer there) and G the number of accounts in either group,
     * Var(a − b) = G/(G−1) · Σ<sub>g</sub> (u<sub>ga</sub> − u<sub>gb</sub>)² — the with-replacement linearization
     * variance of the difference of two means in one design clustered by account (Kish; R {@code survey}'s
     * {@code svycontrast} of domain means with {@code ids = ~account}). Accounts that answer in both groups make the
     * covariance positive and the SE smaller than the independent one when they are stable.
     *
     * @param a the first group
     * @param b the second group
     * @param level confidence level in (0, 1)
     * @return the comparison (method {@link IntervalMethod#WALD}, clustered), or empty when either group is empty
     * @throws IllegalArgumentException if fewer than two accounts answered in the two groups together, or the level
     *     is not in (0, 1)
     */
    public static Optional<Comparison> clustered(ClusteredEstimate a, ClusteredEstimate b, double level) {
        Numerics.requireLevel(level);
        if (!a.estimate().isDefined() || !b.estimate().isDefined()) {
            return Optional.empty();
        }
        TreeSet<String> all = new TreeSet<>(a.accounts().keySet());
        all.addAll(b.accounts().keySet());
        int g = all.size();
        if (g < 2) {
            throw new IllegalArgumentException("a clustered comparison needs at least 2 accounts across both groups; "
                    + "got " + g);
        }
        double sum = 0;
        for (String acc : all) {
            double d = a.residual(acc) - b.residual(acc);
            sum += d * d;
        }
        double se = 100 * Math.sqrt((double) g / (g - 1) * sum);
        double diff = a.estimate().npsValue() - b.estimate().npsValue();
        return Optional.of(build(diff, se, level, IntervalMethod.WALD, true, 200));
    }

    /**
     * Tells whether the difference is significant at the given alpha (two-sided p &lt; alpha). A degenerate
     * comparison (SE 0) is never reported significant.
     *
     * @param alpha significance level in (0, 1), e.g. 0.05
     * @return true if {@code pValue < alpha}
     * @throws IllegalArgumentException if alpha is not in (0, 1)
     */
    public boolean isSignificant(double alpha) {
        Numerics.requireLevel(alpha);
        return pValue.isPresent() && pValue.getAsDouble() < alpha;
    }

    /**
     * Returns a human-readable caveat for a degenerate comparison.
     *
     * @return the note, or empty
     */
    public Optional<String> note() {
        return degenerate
                ? Optional.of("standard error of the difference is 0 (every group in one category): no test possible; "
                        + "use adjusted-wald")
                : Optional.empty();
    }

    private static Comparison build(double diff, double se, double level, IntervalMethod method, boolean clustered,
            double bound) {
        double q = Numerics.zForLevel(level);
        boolean degenerate = se == 0;
        OptionalDouble z = degenerate ? OptionalDouble.empty() : OptionalDouble.of(diff / se);
        OptionalDouble p = degenerate ? OptionalDouble.empty() : OptionalDouble.of(Numerics.twoSidedP(diff / se));
        double lo = Numerics.clip(diff - q * se, -bound, bound);
        double hi = Numerics.clip(diff + q * se, -bound, bound);
        return new Comparison(diff, se, z, p, lo, hi, level, method, clustered, degenerate);
    }

    /** {NPS, SE} in points for WALD or ADJUSTED_WALD; null for an empty group. */
    private static double @org.jspecify.annotations.Nullable [] meanAndSe(NpsEstimate e, IntervalMethod method) {
        Objects.requireNonNull(e, "estimate");
        Objects.requireNonNull(method, "method");
        if (method != IntervalMethod.WALD && method != IntervalMethod.ADJUSTED_WALD) {
            throw new IllegalArgumentException("comparisons support wald and adjusted-wald, not " + method.label());
        }
        if (!e.isDefined()) {
            return null;
        }
        if (method == IntervalMethod.WALD) {
            return new double[] {e.npsValue(), e.standardError().orElseThrow()};
        }
        double[] adj = ConfidenceIntervals.adjusted(ConfidenceIntervals.effectiveCounts(e, 1.0));
        return new double[] {100 * adj[0], 100 * adj[1]};
    }
}
