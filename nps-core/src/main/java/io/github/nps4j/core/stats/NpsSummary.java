package io.github.nps4j.core.stats;

import io.github.nps4j.core.NpsEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Everything a report prints for one group, in NPS points: NPS, independent and (when account data are given)
 * clustered standard errors, the number of accounts, and one confidence interval — with notes that explain any
 * missing or degenerate figure. Made for command lines and JSON: {@code standardError}, {@code clusteredStandardError}
 * and {@code ci{lower, upper}} map one to one.
 *
 * <p>Example usage:
 * <pre>{@code
 * NpsSummary s = NpsSummary.of(clusteredTally.snapshot(), IntervalMethod.parse("score"), 0.95);
 * s.ci().ifPresent(ci -> System.out.printf("[%.1f, %.1f]%n", ci.lower(), ci.upper()));
 * }</pre>
 *
 * <p>A value-based, immutable record.
 *
 * @param estimate the group's estimate (counts, weights)
 * @param clusteredStandardError account-clustered SE, when clustered data were given and G ≥ 2
 * @param clusters number of accounts, when clustered data were given
 * @param ci the interval, empty for an empty group (or clustered Wald with fewer than two accounts)
 * @param method the interval method asked for
 * @param level the confidence level
 * @param notes human-readable caveats (degenerate interval, why a figure is missing); empty when none
 * @since 0.1.0
 */
public record NpsSummary(NpsEstimate estimate, OptionalDouble clusteredStandardError, OptionalInt clusters,
        Optional<Interval> ci, IntervalMethod method, double level, List<String> notes) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public NpsSummary {
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(clusteredStandardError, "clusteredStandardError");
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(ci, "ci");
        Objects.requireNonNull(method, "method");
        Numerics.requireLevel(level);
        notes = List.copyOf(notes);
    }

    /**
     * Summarises a group of independent responses.
     *
     * @param estimate the group's estimate
     * @param method {@link IntervalMethod#WALD}, {@link IntervalMethod#ADJUSTED_WALD} or {@link IntervalMethod#SCORE}
     * @param level confidence level in (0, 1)
     * @return the summary
     * @throws IllegalArgumentException for {@link IntervalMethod#BOOTSTRAP} (use {@link #of(NpsEstimate, Interval)})
     *     or a level not in (0, 1)
     */
    public static NpsSummary of(NpsEstimate estimate, IntervalMethod method, double level) {
        Optional<Interval> ci = ConfidenceIntervals.of(estimate, method, level);
        return build(estimate, OptionalDouble.empty(), OptionalInt.empty(), ci, method, level, null);
    }

    /**
     * Summarises a group with account-clustered data; the interval accounts for clustering as
     * {@link ClusteredEstimate#interval(IntervalMethod, double)} describes.
     *
     * @param estimate the clustered estimate
     * @param method {@link IntervalMethod#WALD}, {@link IntervalMethod#ADJUSTED_WALD} or {@link IntervalMethod#SCORE}
     * @param level confidence level in (0, 1)
     * @return the summary
     * @throws IllegalArgumentException for {@link IntervalMethod#BOOTSTRAP} (use
     *     {@link #of(ClusteredEstimate, Bootstrap)}) or a level not in (0, 1)
     */
    public static NpsSummary of(ClusteredEstimate estimate, IntervalMethod method, double level) {
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(method, "method");
        Optional<Interval> ci = estimate.interval(method, level);
        return build(estimate.estimate(), estimate.clusteredStandardError(), OptionalInt.of(estimate.clusters()), ci,
                method, level, estimate);
    }

    /**
     * Summarises a group with account-clustered data and a bootstrap interval that resamples whole accounts.
     *
     * @param estimate the clustered estimate
     * @param bootstrap seed, resamples, level, progress and cancellation
     * @return the summary (no interval for an empty group)
     * @throws java.util.concurrent.CancellationException if the bootstrap is cancelled
     */
    public static NpsSummary of(ClusteredEstimate estimate, Bootstrap bootstrap) {
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(bootstrap, "bootstrap");
        Optional<Interval> ci = estimate.estimate().isDefined()
                ? Optional.of(beside(bootstrap.accounts(estimate), estimate.estimate())) : Optional.empty();
        return build(estimate.estimate(), estimate.clusteredStandardError(), OptionalInt.of(estimate.clusters()), ci,
                IntervalMethod.BOOTSTRAP, bootstrap.level(), estimate);
    }

    /**
     * Summarises a group of independent responses with an interval computed elsewhere (e.g. by
     * {@link Bootstrap#responses(byte[], double[])}).
     *
     * @param estimate the group's estimate
     * @param ci the interval
     * @return the summary
     */
    public static NpsSummary of(NpsEstimate estimate, Interval ci) {
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(ci, "ci");
        Interval shown = estimate.isDefined() ? beside(ci, estimate) : ci;
        return build(estimate, OptionalDouble.empty(), OptionalInt.empty(), Optional.of(shown), ci.method(),
                ci.level(), null);
    }

    /**
     * The interval re-based on the estimate's NPS (the figure printed beside it), which a bootstrap computes from its
     * own sums and can differ from in the last bit; extended to it if needed.
     */
    private static Interval beside(Interval ci, NpsEstimate e) {
        return Interval.clipped(ci.lower(), ci.upper(), ci.method(), ci.level(), e.npsValue(), ci.degenerate());
    }

    /**
     * Summarises a scored group under the given options — the one call that turns a group into its figures:
     * <ul>
     * <li>clustered ({@link UncertaintyOptions.Clustering#ACCOUNT}): the interval accounts for clustering by account
     * ({@link #of(ClusteredEstimate, IntervalMethod, double)}; the bootstrap resamples whole accounts);</li>
     * <li>not clustered: the interval treats answers as independent ({@link #of(NpsEstimate, IntervalMethod, double)};
     * the bootstrap resamples answers), and the account-clustered standard error and the number of accounts are
     * still given beside it.</li>
     * </ul>
     * Any posterior in the options is not part of the summary; {@link SummarizedNps} adds it. Clustered inference for
     * a group with answers from one account is refused ({@link SummarizedNps} and {@link Trend}, which summarise many
     * groups, give such a group no interval and a note instead).
     *
     * <p>Example usage:
     * <pre>{@code
     * WeightedGroup scored = NpsScorer.builder().build().score(responses).overall().orElseThrow().data();
     * NpsSummary s = NpsSummary.of(scored, UncertaintyOptions.defaults().clusteredByAccount());
     * }</pre>
     *
     * @param group a scored group: its responses and weights
     * @param options the uncertainty options
     * @return the summary
     * @throws IllegalArgumentException when the options cluster by account and the group has answers from one
     *     account, naming the group and its count
     */
    public static NpsSummary of(io.github.nps4j.core.WeightedGroup group, UncertaintyOptions options) {
        return of(group, options, -1, true);
    }

    /**
     * As {@link #of(io.github.nps4j.core.WeightedGroup, UncertaintyOptions)}, the group being a domain of a design
     * with {@code designClusters} accounts ({@link ClusteredEstimate#inDesign(int)}), or its own design for −1. When
     * the options cluster by account and the group has answers from fewer than two accounts, clustered inference is
     * refused: by an exception when {@code refuse}, otherwise (one row of a table of groups) by a summary without an
     * interval whose note names the group and its count.
     *
     * @throws IllegalArgumentException when refused, naming the group and its count
     */
    static NpsSummary of(io.github.nps4j.core.WeightedGroup group, UncertaintyOptions options, int designClusters,
            boolean refuse) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(options, "options");
        ClusteredEstimate own = ClusteredEstimate.of(group);
        ClusteredEstimate c = designClusters < 0 ? own : own.inDesign(designClusters);
        NpsSummary tooFew = tooFewAccounts(c, "group " + describe(group.key()), options, refuse);
        if (tooFew != null) {
            return tooFew;
        }
        IntervalMethod m = options.method();
        double level = options.level();
        if (m == IntervalMethod.BOOTSTRAP) {
            Bootstrap b = options.bootstrap();
            if (options.clustered()) {
                return of(c, b);
            }
            NpsEstimate e = c.estimate();
            if (!e.isDefined()) {
                return beside(build(e, OptionalDouble.empty(), OptionalInt.empty(), Optional.empty(),
                        IntervalMethod.BOOTSTRAP, level, null), c);
            }
            byte[] signs = new byte[group.responses().size()];
            for (int i = 0; i < signs.length; i++) {
                signs[i] = (byte) group.responses().get(i).category().sign();
            }
            return beside(of(e, b.responses(signs, group.weights())), c);
        }
        return totals(c, options);
    }

    /**
     * Clustered inference for a group with answers from fewer than two accounts: refused with an exception when
     * {@code refuse}, else a summary without an interval whose note names the group; null when not the case.
     */
    private static @org.jspecify.annotations.Nullable NpsSummary tooFewAccounts(ClusteredEstimate c, String what,
            UncertaintyOptions options, boolean refuse) {
        if (options.clustered() && c.estimate().isDefined() && c.clusters() < 2) {
            String why = what + " has answers from " + c.clusters() + " account: "
                    + "clustered intervals and tests need at least 2 accounts";
            if (refuse) {
                throw new IllegalArgumentException(why + " (use --cluster none, or group more broadly)");
            }
            return new NpsSummary(c.estimate(), OptionalDouble.empty(), OptionalInt.of(c.clusters()),
                    Optional.empty(), options.method(), options.level(), List.of(why + ": no interval"));
        }
        return null;
    }

    /**
     * As {@link #of(ClusteredEstimate, UncertaintyOptions)} for one group of a table of groups (the streaming scorer's,
     * a Spark result's): a clustered group with answers from one account is not refused but gets no interval and a note
     * naming it, as {@link SummarizedNps#of(io.github.nps4j.core.GroupedNps, UncertaintyOptions)} gives it.
     *
     * @param group the group's estimate and per-account totals (a domain of its design where it is one, see
     *     {@link ClusteredEstimate#inDesign(int)})
     * @param key the group's key, named in the note
     * @param options the uncertainty options; not a bootstrap that resamples answers, which needs the responses
     * @return the summary
     * @throws IllegalArgumentException for {@link IntervalMethod#BOOTSTRAP} without clustering by account
     * @since 0.1.0
     */
    public static NpsSummary of(ClusteredEstimate group, io.github.nps4j.core.GroupKey key,
            UncertaintyOptions options) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(options, "options");
        NpsSummary tooFew = tooFewAccounts(group, "group " + describe(key), options, false);
        return tooFew != null ? tooFew : totals(group, options);
    }

    /**
     * Summarises a group known by its per-account totals (e.g. from {@link io.github.nps4j.core.csv.StreamingScorer})
     * under the given options, to the figures {@link #of(io.github.nps4j.core.WeightedGroup, UncertaintyOptions)}
     * gives for the group's responses: clustered, the interval accounts for clustering (the bootstrap resamples whole
     * accounts); not clustered, the interval treats answers as independent, with the clustered standard error and the
     * number of accounts beside it.
     *
     * @param group the group's estimate and per-account totals
     * @param options the uncertainty options; not a bootstrap that resamples answers, which needs the responses
     * @return the summary
     * @throws IllegalArgumentException for {@link IntervalMethod#BOOTSTRAP} without clustering by account, or when
     *     the options cluster by account and the group has answers from one account
     * @since 0.1.0
     */
    public static NpsSummary of(ClusteredEstimate group, UncertaintyOptions options) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(options, "options");
        NpsSummary tooFew = tooFewAccounts(group, "the group", options, true);
        return tooFew != null ? tooFew : totals(group, options);
    }

    /** The figures of a group known by its per-account totals (no check of the number of accounts). */
    private static NpsSummary totals(ClusteredEstimate group, UncertaintyOptions options) {
        IntervalMethod m = options.method();
        if (m == IntervalMethod.BOOTSTRAP) {
            if (!options.clustered()) {
                throw new IllegalArgumentException("a bootstrap that resamples answers needs the group's responses; "
                        + "per-account totals allow the bootstrap clustered by account");
            }
            return of(group, options.bootstrap());
        }
        if (options.clustered()) {
            return of(group, m, options.level());
        }
        return beside(of(group.estimate(), m, options.level()), group);
    }

    /**
     * Summarises one group of a {@link io.github.nps4j.core.GroupedNps} under the given options
     * ({@code of(group.data(), options)}).
     *
     * @param group the group
     * @param options the uncertainty options
     * @return the summary
     */
    public static NpsSummary of(io.github.nps4j.core.GroupedNps.Group group, UncertaintyOptions options) {
        return of(Objects.requireNonNull(group, "group").data(), options);
    }

    /**
     * Summarises a group known only by its totals (e.g. from a streaming or columnar scorer), with independent
     * answers.
     *
     * @param estimate the group's estimate
     * @param options the uncertainty options: {@code wald}, {@code adjusted-wald} or {@code score}, not clustered, no
     *     fitted prior
     * @return the summary
     * @throws IllegalArgumentException when the options need the group's responses
     *     ({@link UncertaintyOptions#needsResponses()}), saying which
     */
    public static NpsSummary of(NpsEstimate estimate, UncertaintyOptions options) {
        Objects.requireNonNull(options, "options");
        if (options.needsResponses()) {
            throw new IllegalArgumentException("a group known only by its totals cannot be summarised with "
                    + options.method().label() + (options.clustered() ? ", clustered by account" : "")
                    + (options.posterior().map(UncertaintyOptions.Posterior::fitted).orElse(false)
                            ? ", a prior fitted across accounts" : "")
                    + ": that needs the group's responses");
        }
        return of(estimate, options.method(), options.level());
    }

    /** A group key as a user reads it: {@code role=user}, or {@code (overall)}. */
    static String describe(io.github.nps4j.core.GroupKey key) {
        if (key.fields().isEmpty()) {
            return "(overall)";
        }
        StringBuilder b = new StringBuilder();
        key.asMap().forEach((f, v) -> b.append(b.length() == 0 ? "" : ", ").append(f).append('=').append(v));
        return b.toString();
    }

    /** An independent summary with the clustered standard error and the number of accounts put beside it. */
    private static NpsSummary beside(NpsSummary s, ClusteredEstimate c) {
        return new NpsSummary(s.estimate(), c.clusteredStandardError(), OptionalInt.of(c.clusters()), s.ci(),
                s.method(), s.level(), s.notes());
    }

    private static NpsSummary build(NpsEstimate e, OptionalDouble seC, OptionalInt g, Optional<Interval> ci,
            IntervalMethod method, double level, @org.jspecify.annotations.Nullable ClusteredEstimate c) {
        List<String> notes = new ArrayList<>();
        if (!e.isDefined()) {
            notes.add("empty group: no answer with positive weight, so there is no NPS, standard error or interval");
        } else {
            if (c != null) {
                c.clusteredStandardErrorUnavailableReason().ifPresent(notes::add);
                if (c.clusters() >= 2 && c.fewClusters()) {
                    notes.add(method == IntervalMethod.BOOTSTRAP
                            ? "only " + c.clusters() + " accounts: an account bootstrap from so few accounts is rough"
                            : "only " + c.clusters() + " accounts: the clustered interval uses Student t with "
                                    + (c.clusters() - 1) + " degrees of freedom");
                }
            }
            ci.flatMap(Interval::note).ifPresent(notes::add);
            if (e.isDegenerate() && ci.isPresent() && !ci.get().degenerate()) {
                notes.add("all answers fall in one category; the " + method.label() + " interval still reflects the "
                        + "uncertainty of a small group");
            }
        }
        return new NpsSummary(e, seC, g, ci, method, level, notes);
    }

    /**
     * Returns the NPS.
     *
     * @return the NPS in points, or empty for an empty group
     */
    public OptionalDouble nps() {
        return estimate.nps();
    }

    /**
     * Returns the independent-response standard error ({@link NpsEstimate#standardError()}).
     *
     * @return the SE in NPS points, or empty for an empty group
     */
    public OptionalDouble standardError() {
        return estimate.standardError();
    }
}
