package io.github.nps4j.drivers;

import java.util.Objects;

/**
 * One row of a logistic regression table. Value-based and immutable.
 *
 * @param name the attribute or {@value Coefficient#INTERCEPT}
 * @param estimate log-odds coefficient
 * @param standardError from the inverse Fisher information
 * @param z estimate / standard error (Wald)
 * @param p two-sided p-value from the standard normal
 * @param oddsRatio exp(estimate): multiplicative change of the odds per rating point
 * @since 0.1.0
 */
public record LogisticCoefficient(String name, double estimate, double standardError, double z, double p,
        double oddsRatio) {
    /**
     * Validates the row.
     *
     * @throws NullPointerException on a null name
     */
    public LogisticCoefficient {
        Objects.requireNonNull(name, "name");
    }
}
