package io.github.nps4j.drivers;

import java.util.Locale;

/**
 * The relative-importance metrics, named as in R's {@code relaimpo}. Raw values are shares of var(y) (relaimpo's
 * {@code rela = FALSE}): {@link #LMG}, {@link #JOHNSON}, {@link #PRATT} and {@link #CAR} sum to R²; {@link #FIRST},
 * {@link #LAST} and {@link #BETASQ} do not sum to anything meaningful.
 *
 * @since 0.1.0
 */
public enum ImportanceMetric {
    /** Shapley value of R² over all orderings of the attributes (Lindeman, Merenda and Gold), exact. */
    LMG,
    /** Johnson's (2000) relative weights, numerically identical to relaimpo's {@code genizi}. */
    JOHNSON,
    /** Pratt's measure: standardised coefficient × zero-order correlation; can be negative. */
    PRATT,
    /** Squared zero-order correlation with the outcome. */
    FIRST,
    /** R² increase when the attribute enters last (squared semipartial correlation). */
    LAST,
    /** Squared standardised coefficient. */
    BETASQ,
    /** Squared CAR score (Zuber and Strimmer 2010): (R_xx^−½ r_xy)². */
    CAR;

    /**
     * Returns this metric's value in a row.
     *
     * @param a the attribute's importances
     * @return the raw value
     */
    public double of(AttributeImportance a) {
        return switch (this) {
            case LMG -> a.lmg();
            case JOHNSON -> a.johnson();
            case PRATT -> a.pratt();
            case FIRST -> a.first();
            case LAST -> a.last();
            case BETASQ -> a.betasq();
            case CAR -> a.car();
        };
    }

    /**
     * Returns the lowercase name used in output ({@code lmg}, {@code johnson}, …).
     *
     * @return the lowercase name used in output ({@code lmg}, {@code johnson}, …)
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
