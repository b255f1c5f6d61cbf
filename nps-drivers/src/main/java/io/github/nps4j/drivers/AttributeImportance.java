package io.github.nps4j.drivers;

import java.util.Objects;

/**
 * All raw relative-importance metrics of one attribute, as shares of var(y) (relaimpo {@code rela = FALSE}; see
 * {@link ImportanceMetric}). Value-based and immutable.
 *
 * @param name the attribute
 * @param first squared zero-order correlation
 * @param last squared semipartial correlation (R² gain entering last)
 * @param betasq squared standardised coefficient
 * @param pratt standardised coefficient × correlation
 * @param lmg exact Shapley value of R²
 * @param johnson Johnson's relative weight (= relaimpo genizi)
 * @param car squared CAR score
 * @since 0.1.0
 */
public record AttributeImportance(String name, double first, double last, double betasq, double pratt, double lmg,
        double johnson, double car) {
    /**
     * Validates the name.
     *
     * @throws NullPointerException on a null name
     */
    public AttributeImportance {
        Objects.requireNonNull(name, "name");
    }
}
