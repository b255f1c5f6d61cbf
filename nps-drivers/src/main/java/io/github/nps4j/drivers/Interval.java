package io.github.nps4j.drivers;

/**
 * A closed interval [lower, upper]. Value-based and immutable.
 *
 * @param lower the lower end
 * @param upper the upper end
 * @since 0.1.0
 */
public record Interval(double lower, double upper) {
    /**
     * Validates the ends.
     *
     * @throws IllegalArgumentException if lower &gt; upper or an end is NaN
     */
    public Interval {
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
