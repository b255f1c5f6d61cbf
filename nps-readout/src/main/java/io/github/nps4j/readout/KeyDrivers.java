package io.github.nps4j.readout;

import io.github.nps4j.drivers.DriverResult;
import java.util.Objects;
import java.util.Optional;

/**
 * The key drivers of the score among the headline answers that carry attribute ratings, with one what-if; or the
 * reason they are missing.
 *
 * <p>A value-based, immutable record.
 *
 * @param analysis the driver analysis with its what-if ({@link DriverResult#whatIf()}), or empty
 * @param unavailableReason why the analysis is missing, or empty
 * @param answers what the analysed answers are, e.g. {@code relationship answers with ratings}
 * @param rule how the what-if was chosen, in words
 * @since 0.1.0
 */
public record KeyDrivers(Optional<DriverResult> analysis, Optional<String> unavailableReason, String answers,
        String rule) {
    /**
     * Validates.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if both or neither of the analysis and the reason are present
     */
    public KeyDrivers {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(unavailableReason, "unavailableReason");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(rule, "rule");
        if (analysis.isPresent() == unavailableReason.isPresent()) {
            throw new IllegalArgumentException("key drivers need either an analysis or the reason it is missing");
        }
    }
}
