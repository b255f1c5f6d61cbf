package io.github.nps4j.core.stats;

import io.github.nps4j.core.NpsEstimate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One period of a {@link Trend}: its estimate and the change from the previous period.
 *
 * <p>A value-based, immutable record. The change fields are empty for the first period, when this or the previous
 * period is empty, or when the change has standard error 0; {@link #note()} then says why.
 *
 * @param period the period key as given (e.g. {@code 2026-Q1})
 * @param estimate the period's estimate
 * @param clusteredStandardError the period's account-clustered SE in NPS points, when clustered data were given and
 *     at least two accounts answered
 * @param change NPS of this period minus NPS of the previous period, NPS points
 * @param changeStandardError standard error of the change (clustered when {@link #clustered()}), NPS points
 * @param changePValue two-sided p-value 2Φ(−|z|) of the change
 * @param significant true when the change p-value is below the trend's alpha
 * @param clustered true when the change SE accounts for the same accounts answering in both periods
 * @param note why the change fields are empty, or empty
 * @param summary the period's summary (interval, standard errors, notes) when the trend was built from scored groups
 *     with {@link Trend#of(io.github.nps4j.core.GroupedNps, UncertaintyOptions)}; empty otherwise
 * @since 0.1.0
 */
public record TrendPoint(String period, NpsEstimate estimate, OptionalDouble clusteredStandardError,
        OptionalDouble change, OptionalDouble changeStandardError, OptionalDouble changePValue, boolean significant,
        boolean clustered, Optional<String> note, Optional<NpsSummary> summary) {

    /**
     * Validates non-null components.
     *
     * @throws NullPointerException if a component is null
     */
    public TrendPoint {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(clusteredStandardError, "clusteredStandardError");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(changeStandardError, "changeStandardError");
        Objects.requireNonNull(changePValue, "changePValue");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * Creates a point without a summary.
     *
     * @param period the period key
     * @param estimate the period's estimate
     * @param clusteredStandardError the period's account-clustered SE
     * @param change the change from the previous period
     * @param changeStandardError the change's standard error
     * @param changePValue the change's two-sided p-value
     * @param significant whether the change is significant
     * @param clustered whether the change SE is clustered
     * @param note why the change fields are empty, or empty
     */
    public TrendPoint(String period, NpsEstimate estimate, OptionalDouble clusteredStandardError,
            OptionalDouble change, OptionalDouble changeStandardError, OptionalDouble changePValue,
            boolean significant, boolean clustered, Optional<String> note) {
        this(period, estimate, clusteredStandardError, change, changeStandardError, changePValue, significant,
                clustered, note, Optional.empty());
    }

    /**
     * Returns the period's interval, when the point has a summary.
     *
     * @return the interval, or empty (no summary, or an empty period)
     */
    public Optional<Interval> interval() {
        return summary.flatMap(NpsSummary::ci);
    }

    /**
     * Returns a copy with the period's summary.
     *
     * @param summary the summary
     * @return the copy
     */
    TrendPoint withSummary(NpsSummary summary) {
        return new TrendPoint(period, estimate, clusteredStandardError, change, changeStandardError, changePValue,
                significant, clustered, note, Optional.of(summary));
    }

    /**
     * Returns the period's NPS.
     *
     * @return the NPS in points, or empty for an empty period
     */
    public OptionalDouble nps() {
        return estimate.nps();
    }

    /**
     * Returns the period's independent-response standard error.
     *
     * @return the SE in NPS points, or empty for an empty period
     */
    public OptionalDouble standardError() {
        return estimate.standardError();
    }
}
