package io.github.nps4j.core.stats;

import io.github.nps4j.core.NpsEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * NPS over ordered periods with the change from each period to the next and whether it is significant.
 *
 * <p>Each change compares a period with the one immediately before it in the list (not the last non-empty one) by a
 * two-sided Wald test ({@link Comparison}): independent groups for {@link #of}, and the account-clustered covariance
 * for {@link #ofClustered} — use that when the same accounts answer in successive periods. Grouping answers by period
 * is the caller's job; the list order is the time order.
 *
 * <p>Example usage:
 * <pre>{@code
 * Trend t = Trend.of(List.of(Map.entry("2026-Q1", q1), Map.entry("2026-Q2", q2)), 0.05);
 * for (TrendPoint p : t.points()) System.out.println(p.period() + " " + p.nps() + " " + p.significant());
 * }</pre>
 *
 * <p>A value-based, immutable record.
 *
 * @param points one point per period, in the given order
 * @param alpha the significance level used for {@link TrendPoint#significant()}
 * @since 0.1.0
 */
public record Trend(List<TrendPoint> points, double alpha) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if alpha is not in (0, 1)
     */
    public Trend {
        Objects.requireNonNull(points, "points");
        points = List.copyOf(points);
        Numerics.requireLevel(alpha);
    }

    /**
     * Builds a trend of independent samples per period.
     *
     * @param periods (period key, estimate) in time order
     * @param alpha significance level in (0, 1), e.g. 0.05; the change p-value must be below it
     * @return the trend
     * @throws IllegalArgumentException if alpha is not in (0, 1) or a period key repeats
     */
    public static Trend of(List<? extends Map.Entry<String, NpsEstimate>> periods, double alpha) {
        Numerics.requireLevel(alpha);
        requireDistinct(periods);
        List<TrendPoint> out = new ArrayList<>(periods.size());
        NpsEstimate prev = null;
        for (Map.Entry<String, NpsEstimate> e : periods) {
            NpsEstimate cur = Objects.requireNonNull(e.getValue(), "estimate");
            Optional<Comparison> c = Optional.empty();
            Optional<String> why = Optional.of("first period");
            if (prev != null) {
                c = Comparison.of(cur, prev, IntervalMethod.WALD, 1 - alpha);
                why = c.isEmpty() ? Optional.of("this or the previous period is empty") : Optional.empty();
            }
            out.add(point(e.getKey(), cur, OptionalDouble.empty(), c, alpha, why));
            prev = cur;
        }
        return new Trend(out, alpha);
    }

    /**
     * Builds a trend whose changes use the account-clustered covariance ({@link Comparison#clustered}).
     *
     * @param periods (period key, clustered estimate) in time order
     * @param alpha significance level in (0, 1)
     * @return the trend; a change is empty (with a note) when fewer than two accounts answered in the two periods
     * @throws IllegalArgumentException if alpha is not in (0, 1) or a period key repeats
     */
    public static Trend ofClustered(List<? extends Map.Entry<String, ClusteredEstimate>> periods, double alpha) {
        Numerics.requireLevel(alpha);
        requireDistinct(periods);
        List<TrendPoint> out = new ArrayList<>(periods.size());
        ClusteredEstimate prev = null;
        for (Map.Entry<String, ClusteredEstimate> e : periods) {
            ClusteredEstimate cur = Objects.requireNonNull(e.getValue(), "estimate");
            Optional<Comparison> c = Optional.empty();
            Optional<String> why = Optional.of("first period");
            if (prev != null) {
                try {
                    for (ClusteredEstimate x : List.of(cur, prev)) {
                        if (x.estimate().isDefined() && x.clusters() < 2) {
                            throw new IllegalArgumentException("a period with answers from " + x.clusters()
                                    + " account: a clustered test needs at least 2 accounts in each period");
                        }
                    }
                    c = Comparison.clustered(cur, prev, 1 - alpha);
                    why = c.isEmpty() ? Optional.of("this or the previous period is empty") : Optional.empty();
                } catch (IllegalArgumentException ex) {
                    why = Optional.of(ex.getMessage());
                }
            }
            out.add(point(e.getKey(), cur.estimate(), cur.clusteredStandardError(), c, alpha, why));
            prev = cur;
        }
        return new Trend(out, alpha);
    }

    /**
     * Builds the trend of a result grouped by one period field, under the given options: each period's summary
     * ({@link NpsSummary#of(io.github.nps4j.core.WeightedGroup, UncertaintyOptions)}, available as
     * {@link TrendPoint#summary()} and {@link TrendPoint#interval()}) and each change tested at alpha = 1 − level
     * ({@link UncertaintyOptions#alpha()}) — with the account-clustered covariance ({@link #ofClustered}) when the
     * options cluster by account, as independent samples ({@link #of(List, double)}) otherwise.
     *
     * <p>Example usage:
     * <pre>{@code
     * GroupedNps byQuarter = NpsScorer.builder().groupBy(GroupField.period(PeriodUnit.QUARTER)).build()
     *         .score(responses);
     * Trend t = Trend.of(byQuarter, UncertaintyOptions.defaults().clusteredByAccount());
     * }</pre>
     *
     * @param byPeriod a result grouped by exactly one period field (its groups sorted by key, i.e. in time order)
     * @param options the uncertainty options
     * @return the trend, one point per group
     * @throws IllegalArgumentException if the result is not grouped by exactly one period field
     */
    public static Trend of(io.github.nps4j.core.GroupedNps byPeriod, UncertaintyOptions options) {
        Objects.requireNonNull(byPeriod, "byPeriod");
        Objects.requireNonNull(options, "options");
        requirePeriod(byPeriod.fields());
        List<io.github.nps4j.core.GroupedNps.Group> groups = byPeriod.groups();
        // the periods are domains of one design: all accounts of the scored data (SummarizedNps)
        int design = SummarizedNps.designClusters(byPeriod);
        List<String> keys = new ArrayList<>(groups.size());
        List<NpsEstimate> estimates = new ArrayList<>(groups.size());
        List<ClusteredEstimate> clustered = new ArrayList<>(groups.size());
        List<NpsSummary> summaries = new ArrayList<>(groups.size());
        for (io.github.nps4j.core.GroupedNps.Group g : groups) {
            keys.add(g.key().values().get(0));
            estimates.add(g.estimate());
            if (options.clustered()) {
                clustered.add(ClusteredEstimate.of(g.data()).inDesign(design));
            }
            summaries.add(NpsSummary.of(g.data(), options, design, false));
        }
        return of(keys, estimates, clustered, summaries, options);
    }

    /**
     * Builds the trend of a result grouped by one period field and known by per-account totals — a
     * {@link io.github.nps4j.core.csv.StreamingScorer.Result}, which reads a file without keeping its answers — to
     * the figures {@link #of(io.github.nps4j.core.GroupedNps, UncertaintyOptions)} gives for the same responses
     * (sums to floating-point rounding).
     *
     * <p>Example usage:
     * <pre>{@code
     * StreamingScorer.Result r = StreamingScorer.of(ScoringSpec.builder()
     *         .groupBy(GroupField.period(PeriodUnit.QUARTER)).build()).scoreWithReport(responses, null, null);
     * Trend t = Trend.of(r.estimates(), r.overallByAccount(), r.groupsByAccount(), UncertaintyOptions.defaults());
     * }</pre>
     *
     * @param byPeriod the estimates, grouped by exactly one period field (groups sorted by key, i.e. in time order)
     * @param overall the overall group with its per-account totals, present exactly when the estimates have one
     * @param groups each period with its per-account totals, in the order of {@code byPeriod.groups()}
     * @param options the uncertainty options: any but a bootstrap that resamples answers or a prior fitted across
     *     accounts, which need the responses
     * @return the trend, one point per group
     * @throws IllegalArgumentException if the result is not grouped by exactly one period field, the groups do not
     *     match the estimates, or the options need the responses
     * @since 0.1.0
     */
    public static Trend of(io.github.nps4j.core.GroupedEstimates byPeriod, Optional<ClusteredEstimate> overall,
            List<ClusteredEstimate> groups, UncertaintyOptions options) {
        Objects.requireNonNull(byPeriod, "byPeriod");
        requirePeriod(byPeriod.fields());
        SummarizedNps summarized = SummarizedNps.of(byPeriod, overall, groups, options);
        int design = SummarizedNps.designClusters(overall, groups);
        List<String> keys = new ArrayList<>(groups.size());
        List<NpsEstimate> estimates = new ArrayList<>(groups.size());
        List<ClusteredEstimate> clustered = new ArrayList<>(groups.size());
        List<NpsSummary> summaries = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            keys.add(byPeriod.groups().get(i).key().values().get(0));
            estimates.add(byPeriod.groups().get(i).estimate());
            if (options.clustered()) {
                clustered.add(groups.get(i).inDesign(design));
            }
            summaries.add(summarized.groups().get(i).summary());
        }
        return of(keys, estimates, clustered, summaries, options);
    }

    private static void requirePeriod(List<String> fields) {
        if (fields.size() != 1 || !fields.get(0).startsWith("period:")) {
            throw new IllegalArgumentException("a trend needs results grouped by one period field "
                    + "(period:month, period:quarter or period:year); they are grouped by " + fields);
        }
    }

    /**
     * The trend of periods given as keys, estimates, clustered estimates (when the options cluster) and summaries,
     * each in time order: the changes tested at alpha = 1 − level, each point carrying its summary.
     */
    private static Trend of(List<String> keys, List<NpsEstimate> estimates, List<ClusteredEstimate> clustered,
            List<NpsSummary> summaries, UncertaintyOptions options) {
        double alpha = options.alpha();
        Trend t;
        if (options.clustered()) {
            List<Map.Entry<String, ClusteredEstimate>> periods = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                periods.add(Map.entry(keys.get(i), clustered.get(i)));
            }
            t = ofClustered(periods, alpha);
        } else {
            List<Map.Entry<String, NpsEstimate>> periods = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                periods.add(Map.entry(keys.get(i), estimates.get(i)));
            }
            t = of(periods, alpha);
        }
        List<TrendPoint> points = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            points.add(t.points().get(i).withSummary(summaries.get(i)));
        }
        return new Trend(points, alpha);
    }

    private static TrendPoint point(String key, NpsEstimate est, OptionalDouble seC, Optional<Comparison> c,
            double alpha, Optional<String> why) {
        Objects.requireNonNull(key, "period key");
        if (c.isEmpty()) {
            return new TrendPoint(key, est, seC, OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), false, false, why);
        }
        Comparison k = c.get();
        return new TrendPoint(key, est, seC, OptionalDouble.of(k.difference()),
                OptionalDouble.of(k.standardError()), k.pValue(), k.isSignificant(alpha), k.clustered(),
                k.notes().isEmpty() ? Optional.empty() : Optional.of(String.join("; ", k.notes())));
    }

    private static void requireDistinct(List<? extends Map.Entry<String, ?>> periods) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, ?> e : periods) {
            if (!seen.add(Objects.requireNonNull(e.getKey(), "period key"))) {
                throw new IllegalArgumentException("period '" + e.getKey() + "' appears twice in the trend");
            }
        }
    }
}
