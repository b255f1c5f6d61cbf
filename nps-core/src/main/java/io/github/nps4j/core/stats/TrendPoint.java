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
 * @since 0.1.0
 */
public record TrendPoint(String period, NpsEstimate estimate, OptionalDouble clusteredStandardError,
        OptionalDouble change, OptionalDouble changeStandardError, OptionalDouble changePValue, boolean significant,
        boolean clustered, Optional<String> note) {

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
