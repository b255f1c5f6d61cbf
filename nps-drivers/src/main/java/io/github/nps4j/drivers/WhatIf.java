package io.github.nps4j.drivers;

import java.util.Objects;

/**
 * A what-if scenario: "raise {@code attribute} by {@code delta} points for every respondent whose rating is below
 * {@code below}". Value-based and immutable.
 *
 * <p>Example usage:
 * <pre>{@code
 * WhatIf delivery = WhatIf.raise("delivery", 1).forRatingsBelow(7);
 * }</pre>
 *
 * @param attribute the attribute to change
 * @param delta the change in rating points (may be negative)
 * @param below only respondents with rating strictly below this are changed ({@code +∞} = everyone)
 * @since 0.1.0
 */
public record WhatIf(String attribute, double delta, double below) {
    /**
     * Validates the scenario.
     *
     * @throws IllegalArgumentException if delta is not finite or the threshold is NaN
     */
    public WhatIf {
        Objects.requireNonNull(attribute, "attribute");
        if (!Double.isFinite(delta)) {
            throw new IllegalArgumentException("what-if delta " + delta + " is not finite");
        }
        if (Double.isNaN(below)) {
            throw new IllegalArgumentException("what-if threshold is NaN");
        }
    }

    /**
     * Raises an attribute for everyone.
     *
     * @param attribute the attribute
     * @param delta rating points
     * @return the scenario
     */
    public static WhatIf raise(String attribute, double delta) {
        return new WhatIf(attribute, delta, Double.POSITIVE_INFINITY);
    }

    /**
     * Restricts the change to respondents rating below a threshold.
     *
     * @param threshold ratings strictly below it are raised
     * @return a new scenario
     */
    public WhatIf forRatingsBelow(double threshold) {
        return new WhatIf(attribute, delta, threshold);
    }
}
