package io.github.nps4j.drivers;

import java.util.Objects;

/**
 * One attribute's line in a driver analysis. Raw importances are shares of var(y) (they are R² parts); shares are
 * normalised as the analysis was configured. When the analysis signs importances by the full-model coefficient,
 * {@code lmg}, {@code johnson} and the shares carry the sign of the coefficient. Value-based and immutable.
 *
 * @param name the attribute
 * @param correlation Pearson correlation with the outcome (weighted when the data are weighted)
 * @param spearman Spearman rank correlation with the outcome (unweighted, average ranks for ties)
 * @param first squared correlation
 * @param last R² gain entering last
 * @param betasq squared standardised coefficient
 * @param pratt standardised coefficient × correlation
 * @param lmg LMG (Shapley) share of var(y)
 * @param johnson Johnson's relative weight
 * @param car squared CAR score
 * @param lmgShare LMG normalised (sums to 1 under {@link Normalisation#SUM})
 * @param johnsonShare Johnson weight normalised
 * @param performance mean rating over the rows used (weighted mean when weighted)
 * @param quadrant the importance–performance quadrant (LMG share vs performance)
 * @since 0.1.0
 */
public record ImportanceRow(String name, double correlation, double spearman, double first, double last,
        double betasq, double pratt, double lmg, double johnson, double car, double lmgShare, double johnsonShare,
        double performance, Quadrant quadrant) {
    /**
     * Validates the row.
     *
     * @throws NullPointerException on null components
     */
    public ImportanceRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(quadrant, "quadrant");
    }
}
