package io.github.nps4j.drivers;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One row of an OLS coefficient table. Value-based and immutable.
 *
 * @param name the attribute name, or {@value #INTERCEPT} for the intercept
 * @param estimate the coefficient
 * @param standardError its standard error (0 for an exact fit)
 * @param t estimate / standard error (infinite for an exact fit)
 * @param p two-sided p-value from Student's t with the residual degrees of freedom
 * @param standardized b·sd(x)/sd(y) (weighted sds when weighted); empty for the intercept
 * @param vif variance inflation factor 1/(1 − R²ⱼ) from the centred design; empty for the intercept and for models
 *        without an intercept
 * @since 0.1.0
 */
public record Coefficient(String name, double estimate, double standardError, double t, double p,
        OptionalDouble standardized, OptionalDouble vif) {
    /** The name of the intercept row. */
    public static final String INTERCEPT = "(intercept)";

    /**
     * Validates the row.
     *
     * @throws NullPointerException on null components
     */
    public Coefficient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(standardized, "standardized");
        Objects.requireNonNull(vif, "vif");
    }

    /**
     * Returns whether this is the intercept row.
     *
     * @return whether this is the intercept row
     */
    public boolean isIntercept() {
        return INTERCEPT.equals(name);
    }
}
