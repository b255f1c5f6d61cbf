package io.github.nps4j.readout;

import io.github.nps4j.core.stats.Trend;
import java.util.Objects;

/**
 * NPS by calendar quarter up to the as-of day, each quarter with its interval ({@link
 * io.github.nps4j.core.stats.TrendPoint#interval()}) and the change from the previous quarter with its p-value.
 *
 * <p>A value-based, immutable record.
 *
 * @param trend the quarters in time order
 * @param rule when a change counts as significant, in words
 * @since 0.1.0
 */
public record QuarterlyTrend(Trend trend, String rule) {
    /**
     * Validates.
     *
     * @throws NullPointerException if a component is null
     */
    public QuarterlyTrend {
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(rule, "rule");
    }
}
