package io.github.nps4j.drivers;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An ordinary (or weighted) least-squares fit. Value-based and immutable.
 *
 * <p>R² is 1 − RSS/TSS with TSS centred when the model has an intercept and uncentred (Σwy²) without, as R's
 * {@code summary.lm}; adjusted R² = 1 − (1 − R²)(n − i)/(n − k) with i = 1 with an intercept, 0 without, and k
 * the number of estimated parameters.
 *
 * @param coefficients the coefficient table, intercept first when present (named {@value Coefficient#INTERCEPT})
 * @param r2 coefficient of determination
 * @param adjustedR2 adjusted R²
 * @param sigma residual standard error √(RSS/df)
 * @param n rows used
 * @param dfResidual residual degrees of freedom
 * @param intercept whether the model has an intercept
 * @since 0.1.0
 */
public record OlsFit(List<Coefficient> coefficients, double r2, double adjustedR2, double sigma, long n,
        long dfResidual, boolean intercept) {

    /**
     * Copies the table.
     *
     * @throws NullPointerException on a null table
     */
    public OlsFit {
        coefficients = List.copyOf(Objects.requireNonNull(coefficients, "coefficients"));
    }

    /**
     * Looks up a coefficient by name.
     *
     * @param name an attribute name or {@value Coefficient#INTERCEPT}
     * @return the row
     * @throws NoSuchElementException if there is no such row
     */
    public Coefficient coefficient(String name) {
        for (Coefficient c : coefficients) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new NoSuchElementException("no coefficient '" + name + "'");
    }
}
