package io.github.nps4j.drivers;

import java.util.Objects;

/**
 * Drivers of a binary outcome (promoter vs rest, detractor vs rest). Value-based and immutable.
 *
 * <p>What "importance" means here: the logistic model gives direction and size of each attribute's effect
 * (coefficients, odds ratios, Wald tests, McFadden R²). An LMG decomposition of McFadden's R² is <em>not</em>
 * offered (it is not a variance decomposition and its Shapley value is not what relaimpo-style LMG means). Relative
 * importance is instead the exact LMG (and Johnson) decomposition of the R² of the linear probability model, i.e.
 * OLS of the 0/1 indicator on the attributes — the share of the indicator's variance each attribute accounts for.
 *
 * @param outcome the binary outcome
 * @param n rows used (complete cases)
 * @param dropped rows dropped for missing ratings
 * @param logistic the logistic fit
 * @param linearProbability relative importance for the 0/1 indicator (linear probability model)
 * @since 0.1.0
 */
public record BinaryDriverResult(BinaryOutcome outcome, long n, long dropped, LogisticFit logistic,
        ImportanceDecomposition linearProbability) {
    /**
     * Checks nulls.
     *
     * @throws NullPointerException on null components
     */
    public BinaryDriverResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(logistic, "logistic");
        Objects.requireNonNull(linearProbability, "linearProbability");
    }
}
