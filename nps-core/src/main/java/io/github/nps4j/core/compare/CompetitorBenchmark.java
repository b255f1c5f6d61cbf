package io.github.nps4j.core.compare;

import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.WeightedGroup;
import io.github.nps4j.core.stats.UncertaintyOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Compares our NPS with each competitor's, from the respondents who rated both, with a paired test (see
 * {@link PairedComparison} for the arithmetic).
 *
 * <p>For each competitor, the responses carrying a score of that competitor are scored by the given
 * {@link NpsScorer} exactly as {@code score} scores responses: its filter (window, episodes), de-duplication, grouping
 * and weighting apply to those paired responses (so account normalisation counts the paired responses of each
 * account). The uncertainty options give the level and the clustering; the interval is a normal (Wald) interval
 * around the paired difference whatever interval method they name (t with G − 1 degrees of freedom for a clustered
 * test on fewer than 10 accounts), clipped to [−200, 200].
 *
 * <p>Immutable and thread-safe. Example usage:
 * <pre>{@code
 * CompetitorBenchmark bench = CompetitorBenchmark.of(NpsScorer.of(ScoringSpec.defaults()),
 *         UncertaintyOptions.defaults());
 * for (PairedComparison c : bench.compare(portfolio.responses())) {
 *     System.out.printf("%s: %+.1f points (p %.3f)%n", c.competitor(), c.difference(), c.pValue().orElse(1));
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CompetitorBenchmark {
    /** Below this many accounts a clustered test uses t with G − 1 degrees of freedom. */
    static final int T_BELOW_ACCOUNTS = 10;

    private final NpsScorer scorer;
    private final UncertaintyOptions options;

    private CompetitorBenchmark(NpsScorer scorer, UncertaintyOptions options) {
        this.scorer = scorer;
        this.options = options;
    }

    /**
     * Creates a benchmark.
     *
     * @param scorer weighs, filters and groups the paired respondents (as {@code score})
     * @param options the level and whether the test is clustered by account
     * @return the benchmark
     */
    public static CompetitorBenchmark of(NpsScorer scorer, UncertaintyOptions options) {
        return new CompetitorBenchmark(Objects.requireNonNull(scorer, "scorer"),
                Objects.requireNonNull(options, "options"));
    }

    /**
     * Returns the competitors rated in the responses.
     *
     * @param responses the responses
     * @return the competitor names, sorted
     */
    public static List<String> competitors(Collection<Response> responses) {
        Objects.requireNonNull(responses, "responses");
        TreeSet<String> names = new TreeSet<>();
        for (Response r : responses) {
            names.addAll(r.competitorScores().keySet());
        }
        return List.copyOf(names);
    }

    /**
     * Compares us with every competitor rated in the responses: per competitor the comparison over all its paired
     * respondents (unless the scorer's episodes may not be mixed), then one per group of the scorer's grouping fields.
     * Groups whose weights sum to 0 are left out. Groups are domains of one design: their clustered standard errors
     * count all G accounts of the competitor's paired respondents (as the core's {@code --by role --cluster account});
     * a clustered test needs G &ge; 2.
     *
     * @param responses the responses (not modified)
     * @return the comparisons, by competitor name, overall first, then groups by key; empty when no response rates a
     *         competitor
     * @throws IllegalArgumentException as {@link NpsScorer#score}, or when the test is clustered and a competitor's
     *         paired respondents come from fewer than 2 accounts
     * @throws io.github.nps4j.core.MixedEpisodesException as {@link NpsScorer#score}
     */
    public List<PairedComparison> compare(Collection<Response> responses) {
        Objects.requireNonNull(responses, "responses");
        List<PairedComparison> out = new ArrayList<>();
        for (String name : competitors(responses)) {
            List<Response> paired = new ArrayList<>();
            for (Response r : responses) {
                if (r.competitorScores().containsKey(name)) {
                    paired.add(r);
                }
            }
            GroupedNps scored = scorer.score(paired);
            // groups are domains of one design: their clustered errors count every account scored (= survey::svyby)
            java.util.Set<String> accounts = new java.util.HashSet<>();
            scored.overall().ifPresent(g -> g.data().responses().forEach(r -> accounts.add(r.accountId())));
            scored.groups().forEach(g -> g.data().responses().forEach(r -> accounts.add(r.accountId())));
            scored.overall().ifPresent(g -> add(out, name, g.data(), accounts.size()));
            for (GroupedNps.Group g : scored.groups()) {
                add(out, name, g.data(), accounts.size());
            }
        }
        return List.copyOf(out);
    }

    private void add(List<PairedComparison> out, String name, WeightedGroup data, int designAccounts) {
        if (data.responses().isEmpty()) {
            return;
        }
        PairedComparison c = pair(name, data, designAccounts, options);
        if (c != null) {
            out.add(c);
        }
    }

    /**
     * The paired comparison of one weighted group, a domain of a design with {@code designAccounts} accounts (accounts
     * without a member add 0 to the clustered sum but count in G); null when its weights sum to 0.
     */
    static @org.jspecify.annotations.Nullable PairedComparison pair(String name, WeightedGroup data,
            int designAccounts, UncertaintyOptions options) {
        List<Response> rs = data.responses();
        int n = rs.size();
        double[] w = data.weights();
        double sw = 0;
        double us = 0;
        double them = 0;
        for (int i = 0; i < n; i++) {
            sw += w[i];
            us += w[i] * rs.get(i).category().sign();
            them += w[i] * z(rs.get(i).competitorScores().get(name));
        }
        if (!(sw > 0)) {
            return null;
        }
        double ourNps = 100 * us / sw;
        double competitorNps = 100 * them / sw;
        double difference = ourNps - competitorNps;
        double m = difference / 100;
        double ss = 0;
        Map<String, double[]> byAccount = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Response r = rs.get(i);
            double dev = w[i] * (r.category().sign() - z(r.competitorScores().get(name)) - m);
            ss += dev * dev;
            byAccount.computeIfAbsent(r.accountId(), k -> new double[1])[0] += dev;
        }
        double se = 100 * Math.sqrt(ss) / sw;
        int g = Math.max(designAccounts, byAccount.size());
        OptionalDouble clusteredSe = OptionalDouble.empty();
        if (g >= 2) {
            double sc = 0;
            for (double[] t : byAccount.values()) {
                sc += t[0] * t[0];
            }
            clusteredSe = OptionalDouble.of(100 * Math.sqrt((double) g / (g - 1) * sc) / sw);
        }
        boolean clustered = options.clustered();
        if (clustered && clusteredSe.isEmpty()) {
            throw new IllegalArgumentException("competitor " + name + ": a test clustered by account needs at least 2 "
                    + "accounts, found " + g);
        }
        double testSe = clustered ? clusteredSe.getAsDouble() : se;
        OptionalInt df = clustered && g < T_BELOW_ACCOUNTS ? OptionalInt.of(g - 1) : OptionalInt.empty();
        double tail = (1 - options.level()) / 2;
        double q = df.isPresent() ? TDistribution.of(df.getAsInt()).inverseSurvivalProbability(tail)
                : NormalDistribution.of(0, 1).inverseSurvivalProbability(tail);
        OptionalDouble p = OptionalDouble.empty();
        if (testSe > 0) {
            double stat = Math.abs(difference / testSe);
            p = OptionalDouble.of(2 * (df.isPresent() ? TDistribution.of(df.getAsInt()).survivalProbability(stat)
                    : NormalDistribution.of(0, 1).survivalProbability(stat)));
        }
        double lower = Math.max(-200, difference - q * testSe);
        double upper = Math.min(200, difference + q * testSe);
        return new PairedComparison(name, data.key(), n, byAccount.size(), sw, ourNps, competitorNps, difference, se,
                clusteredSe, clustered, df, Math.min(lower, difference), Math.max(upper, difference), options.level(),
                p);
    }

    private static int z(int score) {
        return io.github.nps4j.core.Category.of(score).sign();
    }
}
