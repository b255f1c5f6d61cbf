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
        Optional<Interval> ci = estimate.estimate().isDefined() ? Optional.of(bootstrap.accounts(estimate))
                : Optional.empty();
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
        return build(estimate, OptionalDouble.empty(), OptionalInt.empty(), Optional.of(ci), ci.method(), ci.level(),
                null);
    }

    private static NpsSummary build(NpsEstimate e, OptionalDouble seC, OptionalInt g, Optional<Interval> ci,
            IntervalMethod method, double level, @org.jspecify.annotations.Nullable ClusteredEstimate c) {
        List<String> notes = new ArrayList<>();
        if (!e.isDefined()) {
            notes.add("empty group: no answer with positive weight, so there is no NPS, standard error or interval");
        } else {
            if (c != null) {
                c.clusteredStandardErrorUnavailableReason().ifPresent(notes::add);
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
