package io.github.nps4j.drivers;

import java.util.Objects;

/**
 * The outcome of a {@link WhatIf} simulation. Value-based and immutable.
 *
 * <p>Simulation: each changed respondent's own score s becomes clamp(roundHalfUp(s + b·delta), 0, 10) with b the
 * attribute's fitted OLS coefficient; everybody else keeps their score; NPS is re-scored (weighted when the data
 * are). The clamp belongs to the simulation (a score cannot leave 0–10), not to input validation.
 *
 * <p>Error ({@code crossValidatedError}): k-fold cross-validation of group-level NPS. Rows are split at random
 * (seeded) into k folds; for each fold the OLS model is refitted on the other folds, the fold's scores are predicted
 * from its ratings as clamp(roundHalfUp(ŷ), 0, 10), and the NPS of those predictions is compared with the fold's
 * actual NPS. The reported error is the root mean square of these k differences, in NPS points: how far an NPS
 * predicted from ratings by this model lands from the truth on data it was not fitted on. It is a yardstick for the
 * model, not a confidence interval of the change; it does not cover rounding effects when b·delta is far from a whole
 * number. {@code foldSpread} is the standard deviation, over the k training fits, of the predicted NPS of this
 * scenario (sensitivity to the coefficient).
 *
 * @param scenario the scenario
 * @param coefficient the OLS coefficient used
 * @param changedRows rows whose rating was below the threshold
 * @param baselineNps NPS of the rows used, −100..100
 * @param predictedNps simulated NPS
 * @param change predictedNps − baselineNps
 * @param crossValidatedError RMS cross-validated error of group-level NPS, NPS points
 * @param foldSpread standard deviation of the prediction across the k training fits, NPS points
 * @param folds k
 * @since 0.1.0
 */
public record WhatIfResult(WhatIf scenario, double coefficient, long changedRows, double baselineNps,
        double predictedNps, double change, double crossValidatedError, double foldSpread, int folds) {
    /**
     * Validates the result.
     *
     * @throws NullPointerException on a null scenario
     */
    public WhatIfResult {
        Objects.requireNonNull(scenario, "scenario");
    }
}
