package io.github.nps4j.drivers;

/**
 * A closed interval [lower, upper] of one importance measure: a bootstrap percentile interval in
 * {@link BootstrapRow} (the drivers' counterpart of the core's NPS interval,
 * {@link io.github.nps4j.core.stats.Interval}). Value-based and immutable.
 *
 * @param lower the lower end
 * @param upper the upper end
 * @since 0.1.0
 */
public record ImportanceInterval(double lower, double upper) {
    /**
     * Validates the ends.
     *
     * @throws IllegalArgumentException if lower &gt; upper or an end is NaN
     */
    public ImportanceInterval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] is empty or NaN");
        }
    }

    /**
     * Tests membership.
     *
     * @param x a value
     * @return whether lower ≤ x ≤ upper
     */
    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }
}
