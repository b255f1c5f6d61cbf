package io.github.nps4j.core.stats;

import io.github.nps4j.core.NpsEstimate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * A two-group comparison (a − b), or one group against a benchmark NPS, with a test and an interval. The
 * {@link #difference()} is always the raw a − b of the two groups' observed NPS, in NPS points with its sign kept (not
 * |a − b| as R {@code NPS} reports), whatever the method; a method only decides the interval and the test, and the
 * interval (clipped to [−200, 200]) always contains the difference:
 * <ul>
 * <li>{@link IntervalMethod#WALD}: difference ± z·√(SE<sub>a</sub>² + SE<sub>b</sub>²);</li>
 * <li>{@link IntervalMethod#ADJUSTED_WALD} (Rocks 2016): the test and interval of the two adjusted NPS
 * (0.75/1.5/0.75 pseudo-responses added to each group), i.e. adjusted difference ± z·SE', extended to the raw
 * difference when it lies outside; z = adjusted difference / SE', as R {@code NPS};</li>
 * <li>{@link IntervalMethod#SCORE}: MOVER (Newcombe 1998; Zou &amp; Donner 2008) from the two groups' Tango score
 * intervals [l<sub>a</sub>, u<sub>a</sub>], [l<sub>b</sub>, u<sub>b</sub>] around their NPS a, b:
 * L = a − b − √((a − l<sub>a</sub>)² + (u<sub>b</sub> − b)²), U = a − b + √((u<sub>a</sub> − a)² + (b − l<sub>b</sub>)²);
 * the p-value is the one at which that interval just reaches 0 (the test the interval inverts; found by Brent's method
 * on the critical value, and reported as 2Φ(−37.5) ≈ 9e−308 when the interval still excludes 0 there), {@link #z()}
 * its normal quantile with the difference's sign, and {@link #standardError()} the Wald one, for reference.</li>
 * </ul>
 * The two-sided p-value is 2Φ(−|z|), which keeps its precision in the far tail (R {@code NPS}'s 1 − (2Φ(|z|) − 1)
 * returns exactly 0 beyond |z| ≈ 8.3). Clustered comparisons ({@link #clustered}) are Wald with the clustered
 * covariance, using Student t with G − 1 degrees of freedom when fewer than
 * {@value ClusteredEstimate#FEW_CLUSTERS} accounts answered in the two groups.
 *
 * <p>When both standard errors are 0 (both groups degenerate, e.g. all promoters), the test is undefined:
 * {@link #z()} and {@link #pValue()} are empty and {@link #degenerate()} is true — not a p-value of 0. A standard
 * error below 10⁻⁹ points is taken as that 0: a clustered one computed from per-account sums is rounding there.
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
 * @param method {@link IntervalMethod#WALD}, {@link IntervalMethod#ADJUSTED_WALD} or {@link IntervalMethod#SCORE}
 * @param clustered true when the standard error accounts for the same accounts answering in both groups
 * @param degenerate true when the standard error is 0 (the data cannot tell how uncertain the difference is)
 * @param degreesOfFreedom the Student t degrees of freedom (G − 1) of a clustered comparison of fewer than
 *     {@value ClusteredEstimate#FEW_CLUSTERS} accounts; empty when the normal distribution is used
 * @since 0.1.0
 */
public record Comparison(double difference, double standardError, OptionalDouble z, OptionalDouble pValue,
        double lower, double upper, double level, IntervalMethod method, boolean clustered, boolean degenerate,
        OptionalInt degreesOfFreedom) {

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
        Objects.requireNonNull(degreesOfFreedom, "degreesOfFreedom");
        Numerics.requireLevel(level);
        if (!Double.isFinite(difference) || !(standardError >= 0) || !Double.isFinite(standardError)
                || !(lower <= difference && difference <= upper) || !Double.isFinite(lower)
                || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("invalid comparison: difference=" + difference + ", se="
                    + standardError + ", interval [" + lower + ", " + upper + "]");
        }
    }

    /**
     * Compares two independent groups: difference a − b (raw), SE = √(SE<sub>a</sub>² + SE<sub>b</sub>²).
     * {@link IntervalMethod#WALD} uses each group's NPS and linearization SE; {@link IntervalMethod#ADJUSTED_WALD}
     * (Rocks 2016) tests and builds the interval from each group's adjusted NPS and SE after adding 0.75/1.5/0.75
     * pseudo-responses to its (Kish-effective) counts; {@link IntervalMethod#SCORE} combines the two Tango score
     * intervals by MOVER (see the class comment).
     *
     * @param a the first group (e.g. this period)
     * @param b the second group (e.g. the previous period)
     * @param method {@link IntervalMethod#WALD}, {@link IntervalMethod#ADJUSTED_WALD} or {@link IntervalMethod#SCORE}
     * @param level confidence level in (0, 1)
     * @return the comparison, or empty when either group is empty
     * @throws IllegalArgumentException for {@link IntervalMethod#BOOTSTRAP} or a level not in (0, 1)
     */
    public static Optional<Comparison> of(NpsEstimate a, NpsEstimate b, IntervalMethod method, double level) {
        if (method == IntervalMethod.SCORE) {
            Objects.requireNonNull(a, "estimate");
            Objects.requireNonNull(b, "estimate");
            Numerics.requireLevel(level);
            if (!a.isDefined() || !b.isDefined()) {
                return Optional.empty();
            }
            return Optional.of(mover(a, b, level));
        }
        double[] ma = meanAndSe(a, method);
        double[] mb = meanAndSe(b, method);
        Numerics.requireLevel(level);
        if (ma == null || mb == null) {
            return Optional.empty();
        }
        double se = Math.hypot(ma[1], mb[1]);
        return Optional.of(build(a.npsValue() - b.npsValue(), ma[0] - mb[0], se, level, method, false, 200, -1));
    }

    /** MOVER difference of two defined groups from their score intervals; the p-value inverts the interval. */
    private static Comparison mover(NpsEstimate a, NpsEstimate b, double level) {
        double d = a.npsValue() - b.npsValue();
        double q = Numerics.zForLevel(level);
        double[] lo = moverLimits(a, b, q);
        double se = Math.hypot(a.standardError().orElseThrow(), b.standardError().orElseThrow());
        // the critical value at which the interval's limit nearest 0 reaches 0: the p-value the interval inverts
        double zStat;
        if (d == 0) {
            zStat = 0;
        } else {
            int side = d > 0 ? 0 : 1;
            java.util.function.DoubleUnaryOperator limit = k -> moverLimits(a, b, k)[side];
            double top = 37.5;
            double atTop = limit.applyAsDouble(top);
            zStat = Math.signum(atTop) == Math.signum(d) ? top
                    : Numerics.brent(limit, 0, d, top, atTop, 1e-12);
        }
        double p = Numerics.twoSidedP(zStat);
        return new Comparison(d, se, OptionalDouble.of(Math.copySign(zStat, d)), OptionalDouble.of(p),
                Math.min(lo[0], d), Math.max(lo[1], d), level, IntervalMethod.SCORE, false, false, OptionalInt.empty());
    }

    /** MOVER {L, U} in NPS points for critical value q ≥ 0 (q = 0 gives the difference itself). */
    private static double[] moverLimits(NpsEstimate a, NpsEstimate b, double q) {
        double ta = a.npsValue();
        double tb = b.npsValue();
        double[] la = scoreLimits(a, q);
        double[] lb = scoreLimits(b, q);
        double d = ta - tb;
        double lower = d - Math.sqrt(sq(Math.max(0, ta - la[0])) + sq(Math.max(0, lb[1] - tb)));
        double upper = d + Math.sqrt(sq(Math.max(0, la[1] - ta)) + sq(Math.max(0, tb - lb[0])));
        return new double[] {lower, upper};
    }

    /** Tango limits in NPS points for critical value q (Kish-effective counts). */
    private static double[] scoreLimits(NpsEstimate e, double q) {
        double[] c = ConfidenceIntervals.effectiveCounts(e, 1.0);
        double[] lim = ConfidenceIntervals.tango(c[0], c[2], c[0] + c[1] + c[2], q);
        return new double[] {100 * lim[0], 100 * lim[1]};
    }

    private static double sq(double x) {
        return x * x;
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
     * @throws IllegalArgumentException for a method comparisons do not support, or (clustered) a group with answers
     *     from fewer than two accounts, naming the group and its count
     */
    public static Optional<Comparison> of(io.github.nps4j.core.GroupedNps.Group a,
            io.github.nps4j.core.GroupedNps.Group b, UncertaintyOptions options) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(options, "options");
        if (options.clustered()) {
            return of(a.key(), ClusteredEstimate.of(a.data()), b.key(), ClusteredEstimate.of(b.data()), options);
        }
        requireSupported(options);
        return of(a.estimate(), b.estimate(), options.method(), options.level());
    }

    /**
     * Compares two groups known by per-account totals (e.g. two of a
     * {@link io.github.nps4j.core.csv.StreamingScorer.Result}'s {@code groupsByAccount()}) under the given options,
     * as {@link #of(io.github.nps4j.core.GroupedNps.Group, io.github.nps4j.core.GroupedNps.Group,
     * UncertaintyOptions)} compares the same groups scored from their responses.
     *
     * @param aKey the first group's key (for messages)
     * @param a the first group
     * @param bKey the second group's key
     * @param b the second group
     * @param options the uncertainty options; the method must be one {@link #supports(IntervalMethod)}
     * @return the comparison, or empty when either group is empty
     * @throws IllegalArgumentException for a method comparisons do not support, or (clustered) a group with answers
     *     from fewer than two accounts, naming the group and its count
     * @since 0.1.0
     */
    public static Optional<Comparison> of(io.github.nps4j.core.GroupKey aKey, ClusteredEstimate a,
            io.github.nps4j.core.GroupKey bKey, ClusteredEstimate b, UncertaintyOptions options) {
        Objects.requireNonNull(aKey, "aKey");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(bKey, "bKey");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(options, "options");
        requireSupported(options);
        if (options.clustered()) {
            for (var g : List.of(Map.entry(aKey, a), Map.entry(bKey, b))) {
                if (g.getValue().estimate().isDefined() && g.getValue().clusters() < 2) {
                    throw new IllegalArgumentException("group " + NpsSummary.describe(g.getKey())
                            + " has answers from " + g.getValue().clusters() + " account: a clustered comparison "
                            + "needs at least 2 accounts in each group (use --cluster none, or group more broadly)");
                }
            }
            return clustered(a, b, options.level());
        }
        return of(a.estimate(), b.estimate(), options.method(), options.level());
    }

    private static void requireSupported(UncertaintyOptions options) {
        if (!supports(options.method())) {
            throw new IllegalArgumentException("comparisons support wald, adjusted-wald and score, not "
                    + options.method().label());
        }
    }

    /**
     * Tells whether comparisons support an interval method.
     *
     * @param method the method
     * @return true for {@link IntervalMethod#WALD}, {@link IntervalMethod#ADJUSTED_WALD} and
     *     {@link IntervalMethod#SCORE}
     */
    public static boolean supports(IntervalMethod method) {
        Objects.requireNonNull(method, "method");
        return method != IntervalMethod.BOOTSTRAP;
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
     * interval shifted by the benchmark. {@link IntervalMethod#SCORE}: the Tango interval shifted by the benchmark,
     * with Tango's score test of NPS = benchmark.
     *
     * @param a the group
     * @param benchmarkNps the benchmark in NPS points, −100..100
     * @param method {@link IntervalMethod#WALD}, {@link IntervalMethod#ADJUSTED_WALD} or {@link IntervalMethod#SCORE}
     * @param level confidence level in (0, 1)
     * @return the comparison, or empty when the group is empty
     * @throws IllegalArgumentException for another method, a benchmark outside [−100, 100] or a level not in (0, 1)
     */
    public static Optional<Comparison> toBenchmark(NpsEstimate a, double benchmarkNps, IntervalMethod method,
            double level) {
        if (!(benchmarkNps >= -100 && benchmarkNps <= 100)) {
            throw new IllegalArgumentException("benchmark NPS " + benchmarkNps + " must be in [-100, 100]");
        }
        if (method == IntervalMethod.SCORE) {
            Objects.requireNonNull(a, "estimate");
            Numerics.requireLevel(level);
            if (!a.isDefined()) {
                return Optional.empty();
            }
            double d = a.npsValue() - benchmarkNps;
            double[] lim = scoreLimits(a, Numerics.zForLevel(level));
            double[] c = ConfidenceIntervals.effectiveCounts(a, 1.0);
            double t = ConfidenceIntervals.tangoScore(c[0], c[2], c[0] + c[1] + c[2], benchmarkNps / 100);
            OptionalDouble z = Double.isFinite(t) ? OptionalDouble.of(t) : OptionalDouble.empty();
            OptionalDouble p = Double.isFinite(t) ? OptionalDouble.of(Numerics.twoSidedP(t))
                    : OptionalDouble.of(0);
            return Optional.of(new Comparison(d, a.standardError().orElseThrow(), z, p,
                    Math.min(lim[0] - benchmarkNps, d), Math.max(lim[1] - benchmarkNps, d), level,
                    IntervalMethod.SCORE, false, false, OptionalInt.empty()));
        }
        double[] ma = meanAndSe(a, method);
        Numerics.requireLevel(level);
        if (ma == null) {
            return Optional.empty();
        }
        return Optional.of(build(a.npsValue() - benchmarkNps, ma[0] - benchmarkNps, ma[1], level, method, false, 200,
                -1));
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
     * <p>With G &lt; {@value ClusteredEstimate#FEW_CLUSTERS}, the interval and p-value use Student t with G − 1
     * degrees of freedom ({@link #z()} is then the t statistic).
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
        return Optional.of(build(diff, diff, se, level, IntervalMethod.WALD, true, 200, g));
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
     * Returns every human-readable caveat: the degenerate one ({@link #note()}) and, for few accounts, that Student t
     * with G − 1 degrees of freedom was used.
     *
     * @return the notes, empty when there are none
     */
    public List<String> notes() {
        List<String> out = new java.util.ArrayList<>();
        note().ifPresent(out::add);
        degreesOfFreedom.ifPresent(df -> out.add("only " + (df + 1) + " accounts answered in the two groups: the "
                + "clustered interval and p-value use Student t with " + df + " degrees of freedom"));
        return List.copyOf(out);
    }

    /**
     * Returns a human-readable caveat for a degenerate comparison.
     *
     * @return the note, or empty
     */
    public Optional<String> note() {
        return degenerate
                ? Optional.of("standard error of the difference is 0 (every group in one category): no test possible; "
                        + "use score or adjusted-wald")
                : Optional.empty();
    }

    /**
     * Builds a Wald-type comparison: the interval centre ± q·se (extended to the raw difference), the test
     * centre / se; q and p normal, or Student t with g − 1 degrees of freedom for 2 ≤ g &lt; FEW_CLUSTERS.
     */
    private static Comparison build(double diff, double centre, double se, double level, IntervalMethod method,
            boolean clustered, double bound, int g) {
        boolean t = g >= 2 && g < ClusteredEstimate.FEW_CLUSTERS;
        double q = t ? ClusteredEstimate.criticalValue(level, g) : Numerics.zForLevel(level);
        // a clustered SE of a difference that is exactly known (every answer in one category) comes out as
        // rounding, ~1e-15 points, depending on the order of the per-account sums: that is 0, not a huge z
        if (se < ZERO_SE) {
            se = 0;
        }
        boolean degenerate = se == 0;
        OptionalDouble z = degenerate ? OptionalDouble.empty() : OptionalDouble.of(centre / se);
        OptionalDouble p = degenerate ? OptionalDouble.empty()
                : OptionalDouble.of(t ? ClusteredEstimate.twoSidedP(centre / se, g)
                        : Numerics.twoSidedP(centre / se));
        double lo = Math.min(Numerics.clip(centre - q * se, -bound, bound), diff);
        double hi = Math.max(Numerics.clip(centre + q * se, -bound, bound), diff);
        return new Comparison(diff, se, z, p, lo, hi, level, method, clustered, degenerate,
                t ? OptionalInt.of(g - 1) : OptionalInt.empty());
    }

    /**
     * A standard error below this many NPS points is floating-point rounding of 0 (no sample of fewer than 10¹¹
     * answers has a real one this small).
     */
    static final double ZERO_SE = 1e-9;

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
