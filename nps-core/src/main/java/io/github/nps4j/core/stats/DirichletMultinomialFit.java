package io.github.nps4j.core.stats;

import java.util.Objects;

/**
 * A Dirichlet prior fitted across accounts by Dirichlet-multinomial maximum likelihood ({@link EmpiricalBayes#fit}).
 *
 * <p>A value-based, immutable record.
 *
 * @param alpha the fitted α (the empirical-Bayes prior)
 * @param logLikelihood the maximised Dirichlet-multinomial log-likelihood, including the multinomial coefficients
 * @param iterations iterations used
 * @param accounts number of accounts with at least one answer that entered the fit
 * @param answers number of answers that entered the fit
 * @since 0.1.0
 */
public record DirichletMultinomialFit(DirichletPrior alpha, double logLikelihood, int iterations, int accounts,
        long answers) {

    /**
     * Validates the record.
     *
     * @throws IllegalArgumentException if the log-likelihood is not finite or a count is negative
     */
    public DirichletMultinomialFit {
        Objects.requireNonNull(alpha, "alpha");
        if (!Double.isFinite(logLikelihood) || iterations < 0 || accounts < 0 || answers < 0) {
            throw new IllegalArgumentException("invalid fit: logLikelihood=" + logLikelihood + ", iterations="
                    + iterations + ", accounts=" + accounts + ", answers=" + answers);
        }
    }

    /**
     * Returns the overdispersion θ = 1/(1 + Σα) as R {@code dirmult} reports it: 0 means accounts differ no more
     * than sampling noise, values near 1 that answers within an account are nearly unanimous.
     *
     * @return θ in (0, 1)
     */
    public double theta() {
        return 1 / (1 + alpha.strength());
    }
}
