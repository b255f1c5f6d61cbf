package io.github.nps4j.core.stats;

import io.github.nps4j.core.NpsEstimate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The estimate of one group together with its per-account totals, giving the account-clustered standard error beside
 * the independent one (never instead of it silently).
 *
 * <p>With G accounts, weights w, z = +1/0/−1 and m = Σwz/Σw, the clustered variance is
 * V<sub>c</sub> = G/(G−1) · Σ<sub>g</sub> (Σ<sub>i∈g</sub> w<sub>i</sub>(z<sub>i</sub> − m))² / (Σw)², the
 * with-replacement Taylor linearization variance that R {@code survey::svymean} reports for
 * {@code svydesign(ids = ~account, weights = ~w)} (Kish; Wolter). Compare with the independent-response
 * {@link NpsEstimate#standardError()}, which has no G/(G−1) or n/(n−1) factor. When every account gave exactly one
 * answer, V<sub>c</sub> = n/(n−1)·V, i.e. the clustered SE is the independent SE times √(G/(G−1)).
 *
 * <p><b>Domains.</b> A group within a larger design (a role, a segment, when the whole scored data are clustered by
 * account) is a domain: its variance counts every account of the design, also those without an answer in the group
 * ({@link #inDesign(int)}). Then G above is the design's number of accounts, {@link #designClusters()}, and the sum runs
 * over the group's own accounts only (an account without an answer in the group has u<sub>g</sub> = 0). That is
 * domain estimation, R {@code survey::svyby(~s, ~role, design, svymean)}: since Σ<sub>g</sub> u<sub>g</sub> = 0 for
 * the domain mean, survey's centred sum of squares equals this one.
 *
 * <p><b>Few accounts.</b> The clustered standard error needs at least two accounts in the group
 * ({@link #clusteredStandardError()} is empty for fewer; {@link #clusteredStandardErrorUnavailableReason()} says why),
 * and clustered intervals are refused then ({@link #interval}). With fewer than {@value #FEW_CLUSTERS} accounts in the
 * group, clustered intervals use a Student t quantile with (accounts in the group − 1) degrees of freedom instead of
 * the normal one ({@link #criticalValue(double)}) — the group's own accounts, not the design's, because they are all
 * the information there is about the group. Every account with at least one answer counts as a cluster, also if its
 * answers all have weight 0 (as {@code survey} counts every PSU of the design).
 *
 * <p>A value-based, immutable record; the account map is a sorted, unmodifiable copy, so sums over accounts are taken
 * in account-id order and are reproducible.
 *
 * @param estimate the group's estimate (all answers)
 * @param accounts per-account totals keyed by account id
 * @param designClusters the number of accounts of the design the group belongs to, at least {@code accounts.size()}
 *     (equal to it for a group scored as its own design)
 * @since 0.1.0
 */
public record ClusteredEstimate(NpsEstimate estimate, SortedMap<String, AccountTotals> accounts, int designClusters) {

    /** Below this many accounts in a group, clustered intervals use Student t with G − 1 degrees of freedom. */
    public static final int FEW_CLUSTERS = 10;

    /**
     * A group scored as its own design ({@code designClusters = accounts.size()}).
     *
     * @param estimate the group's estimate
     * @param accounts per-account totals keyed by account id
     * @throws IllegalArgumentException if the accounts' answer counts do not add up to the estimate's n
     */
    public ClusteredEstimate(NpsEstimate estimate, SortedMap<String, AccountTotals> accounts) {
        this(estimate, accounts, Objects.requireNonNull(accounts, "accounts").size());
    }

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the accounts' answer counts do not add up to the estimate's n, or the
     *     design has fewer accounts than the group
     */
    public ClusteredEstimate {
        Objects.requireNonNull(estimate, "estimate");
        accounts = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(accounts, "accounts")));
        long n = 0;
        for (AccountTotals t : accounts.values()) {
            n += Objects.requireNonNull(t, "account totals").responses();
        }
        if (n != estimate.n()) {
            throw new IllegalArgumentException("the accounts hold " + n + " answers but the estimate has "
                    + estimate.n());
        }
        if (designClusters < accounts.size()) {
            throw new IllegalArgumentException("the design has " + designClusters + " accounts but the group alone has "
                    + accounts.size());
        }
    }

    /**
     * Returns this group as a domain of a design with {@code designClusters} accounts (see the class comment).
     *
     * @param designClusters the design's number of accounts, at least {@link #clusters()}
     * @return the domain's clustered estimate
     * @throws IllegalArgumentException if the design has fewer accounts than the group
     */
    public ClusteredEstimate inDesign(int designClusters) {
        return new ClusteredEstimate(estimate, accounts, designClusters);
    }

    /**
     * Tells whether the group has so few accounts (fewer than {@value #FEW_CLUSTERS}) that clustered intervals use
     * Student t with {@link #clusters()} − 1 degrees of freedom.
     *
     * @return true for 2..9 accounts (and for fewer, which clustered inference refuses)
     */
    public boolean fewClusters() {
        return clusters() < FEW_CLUSTERS;
    }

    /**
     * Returns the critical value of a two-sided clustered interval: the normal quantile, or with fewer than
     * {@value #FEW_CLUSTERS} accounts the Student t quantile with {@link #clusters()} − 1 degrees of freedom.
     *
     * @param level confidence level in (0, 1)
     * @return the critical value
     * @throws IllegalArgumentException if the level is not in (0, 1) or the group has fewer than two accounts
     */
    public double criticalValue(double level) {
        return criticalValue(level, clusters());
    }

    /** Normal quantile, or t with g − 1 df below {@link #FEW_CLUSTERS} clusters; g ≥ 2. */
    static double criticalValue(double level, int g) {
        double z = Numerics.zForLevel(level);
        if (g < 2) {
            throw new IllegalArgumentException(g + " account: clustered inference needs at least 2");
        }
        return g < FEW_CLUSTERS ? TDistribution.of(g - 1).inverseSurvivalProbability((1 - level) / 2) : z;
    }

    /** Two-sided p-value of a statistic: normal, or t with g − 1 df below {@link #FEW_CLUSTERS} clusters. */
    static double twoSidedP(double stat, int g) {
        if (g < FEW_CLUSTERS) {
            return 2 * TDistribution.of(g - 1).survivalProbability(Math.abs(stat));
        }
        return Numerics.twoSidedP(stat);
    }

    /**
     * Creates a clustered estimate from per-account totals.
     *
     * @param estimate the group's estimate
     * @param accounts per-account totals keyed by account id (copied)
     * @return the clustered estimate
     * @throws IllegalArgumentException if the accounts' counts do not add up to the estimate's n
     */
    public static ClusteredEstimate of(NpsEstimate estimate, Map<String, AccountTotals> accounts) {
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(accounts, "accounts");
        return new ClusteredEstimate(estimate, new TreeMap<>(accounts), accounts.size());
    }

    /**
     * Clusters a scored group by account: its responses with the weights the weighting gave them.
     *
     * @param group a group from {@link io.github.nps4j.core.NpsScorer} (or built by hand)
     * @return the clustered estimate of the group
     */
    public static ClusteredEstimate of(io.github.nps4j.core.WeightedGroup group) {
        Objects.requireNonNull(group, "group");
        ClusteredTally t = new ClusteredTally();
        for (int i = 0; i < group.responses().size(); i++) {
            io.github.nps4j.core.Response r = group.responses().get(i);
            t.add(r.accountId(), r.category(), group.weight(i));
        }
        return t.snapshot();
    }

    /**
     * Returns the number of accounts (clusters) G.
     *
     * @return G
     */
    public int clusters() {
        return accounts.size();
    }

    /**
     * Returns the independent-response standard error, as {@link NpsEstimate#standardError()}.
     *
     * @return the standard error in NPS points, or empty for an empty group
     */
    public OptionalDouble standardError() {
        return estimate.standardError();
    }

    /**
     * Returns the account-clustered standard error 100·√V<sub>c</sub> in NPS points (see the class comment).
     *
     * @return the clustered standard error, or empty for an empty group or fewer than two accounts
     */
    public OptionalDouble clusteredStandardError() {
        if (!estimate.isDefined() || clusters() < 2) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100 * Math.sqrt(clusteredVariance()));
    }

    /**
     * Says why {@link #clusteredStandardError()} is empty.
     *
     * @return the reason, or empty when the clustered standard error is available
     */
    public Optional<String> clusteredStandardErrorUnavailableReason() {
        if (!estimate.isDefined()) {
            return Optional.of("empty group: no answer with positive weight, so there is no NPS");
        }
        if (clusters() < 2) {
            return Optional.of("only " + clusters() + " account in the group: a clustered standard error needs at "
                    + "least 2 accounts (G/(G-1) is undefined)");
        }
        return Optional.empty();
    }

    /**
     * Returns the design effect of clustering, (clustered SE / independent SE)².
     *
     * @return the design effect, or empty when either standard error is unavailable or the independent one is 0
     */
    public OptionalDouble designEffect() {
        OptionalDouble c = clusteredStandardError();
        OptionalDouble s = standardError();
        if (c.isEmpty() || s.isEmpty() || s.getAsDouble() == 0) {
            return OptionalDouble.empty();
        }
        double r = c.getAsDouble() / s.getAsDouble();
        return OptionalDouble.of(r * r);
    }

    /**
     * Wald interval with the clustered standard error, m ± z·SE<sub>c</sub> (normal quantile whatever the number of
     * accounts; R {@code survey}'s {@code confint(svymean(...))}). Flagged {@link Interval#degenerate()} when
     * SE<sub>c</sub> is 0. {@link #interval} uses t for fewer than {@value #FEW_CLUSTERS} accounts instead.
     *
     * @param level confidence level in (0, 1)
     * @return the interval, or empty when the clustered standard error is unavailable
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public Optional<Interval> clusteredWaldInterval(double level) {
        double z = Numerics.zForLevel(level);
        return clusteredInterval(level, z);
    }

    /**
     * Wald interval with the clustered standard error and a Student t quantile with G − 1 degrees of freedom
     * (R {@code survey}'s {@code confint(m, df = degf(design))}); wider than the normal one for few accounts.
     *
     * @param level confidence level in (0, 1)
     * @return the interval, or empty when the clustered standard error is unavailable
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public Optional<Interval> clusteredTInterval(double level) {
        Numerics.requireLevel(level);
        if (clusters() < 2) {
            return Optional.empty();
        }
        double t = TDistribution.of(clusters() - 1).inverseSurvivalProbability((1 - level) / 2);
        return clusteredInterval(level, t);
    }

    private Optional<Interval> clusteredInterval(double level, double q) {
        OptionalDouble se = clusteredStandardError();
        if (se.isEmpty()) {
            return Optional.empty();
        }
        double m = estimate.npsValue();
        double s = se.getAsDouble();
        return Optional.of(Interval.clipped(m - q * s, m + q * s, IntervalMethod.WALD, level, m, s == 0));
    }

    /**
     * Computes an interval that accounts for clustering by accounts, with the critical value
     * {@link #criticalValue(double)} (Student t with G − 1 degrees of freedom for fewer than {@value #FEW_CLUSTERS}
     * accounts in the group, the normal quantile otherwise):
     * <ul>
     * <li>{@link IntervalMethod#WALD}: m ± q·SE<sub>c</sub>;</li>
     * <li>{@link IntervalMethod#ADJUSTED_WALD} and {@link IntervalMethod#SCORE}: the count-based method on the
     * Kish-effective counts divided by the clustering design effect when it exceeds 1 (the effective sample size of
     * Korn &amp; Graubard 1998); when the design effect is unavailable (fewer than two accounts, or a degenerate group)
     * or at most 1, the Kish-effective counts are used unchanged;</li>
     * <li>{@link IntervalMethod#BOOTSTRAP}: not here — use {@link Bootstrap#accounts(ClusteredEstimate)}.</li>
     * </ul>
     *
     * @param method the method
     * @param level confidence level in (0, 1)
     * @return the interval, or empty for an empty group
     * @throws IllegalArgumentException for {@link IntervalMethod#BOOTSTRAP}, a level not in (0, 1), or fewer than two
     *     accounts in the group (clustered inference is refused then; the message gives the count)
     */
    public Optional<Interval> interval(IntervalMethod method, double level) {
        Objects.requireNonNull(method, "method");
        Numerics.requireLevel(level);
        if (!estimate.isDefined()) {
            return Optional.empty();
        }
        if (method == IntervalMethod.BOOTSTRAP) {
            throw new IllegalArgumentException(
                    "the clustered bootstrap interval is computed by Bootstrap.accounts(ClusteredEstimate)");
        }
        if (clusters() < 2) {
            throw new IllegalArgumentException("the group has answers from " + clusters() + " account: clustered "
                    + "intervals and tests need at least 2 accounts");
        }
        double deff = Math.max(1, designEffect().orElse(1));
        double z = criticalValue(level);
        return switch (method) {
            case WALD -> clusteredInterval(level, z);
            case ADJUSTED_WALD -> {
                double[] adj = ConfidenceIntervals.adjusted(ConfidenceIntervals.effectiveCounts(estimate, deff));
                yield Optional.of(Interval.clipped(100 * (adj[0] - z * adj[1]), 100 * (adj[0] + z * adj[1]),
                        IntervalMethod.ADJUSTED_WALD, level, estimate.npsValue(), false));
            }
            case SCORE -> {
                double[] c = ConfidenceIntervals.effectiveCounts(estimate, deff);
                double[] lim = ConfidenceIntervals.tango(c[0], c[2], c[0] + c[1] + c[2], z);
                yield Optional.of(Interval.clipped(100 * lim[0], 100 * lim[1], IntervalMethod.SCORE, level,
                        estimate.npsValue(), false));
            }
            case BOOTSTRAP -> throw new IllegalArgumentException(
                    "the clustered bootstrap interval is computed by Bootstrap.accounts(ClusteredEstimate)");
        };
    }

    /** V<sub>c</sub> on the [−1, 1] scale; requires a defined estimate and G ≥ 2. */
    double clusteredVariance() {
        double m = estimate.proportionDifference();
        double w = estimate.weightSum();
        double sum = 0;
        for (AccountTotals t : accounts.values()) {
            double u = (t.weightedSignSum() - m * t.weightSum()) / w;
            sum += u * u;
        }
        int g = designClusters;
        return (double) g / (g - 1) * sum;
    }

    /** Per-account linearized residual u<sub>g</sub> = Σ<sub>i∈g</sub> w(z − m)/W, or 0 for an absent account. */
    double residual(String account) {
        AccountTotals t = accounts.get(account);
        if (t == null) {
            return 0;
        }
        return (t.weightedSignSum() - estimate.proportionDifference() * t.weightSum()) / estimate.weightSum();
    }
}
