package io.github.nps4j.drivers;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A fitted logistic regression (maximum likelihood by IRLS). Value-based and immutable.
 *
 * @param outcome what is modelled
 * @param coefficients intercept first, then attributes
 * @param n rows used
 * @param events rows with outcome 1 (weighted sum when weighted)
 * @param logLikelihood log-likelihood at the estimate
 * @param nullLogLikelihood log-likelihood of the intercept-only model
 * @param mcFaddenR2 1 − logLikelihood / nullLogLikelihood
 * @param iterations IRLS iterations used
 * @since 0.1.0
 */
public record LogisticFit(BinaryOutcome outcome, List<LogisticCoefficient> coefficients, long n, double events,
        double logLikelihood, double nullLogLikelihood, double mcFaddenR2, int iterations) {
    /**
     * Copies the table.
     *
     * @throws NullPointerException on null components
     */
    public LogisticFit {
        Objects.requireNonNull(outcome, "outcome");
        coefficients = List.copyOf(coefficients);
    }

    /**
     * Looks up a coefficient.
     *
     * @param name attribute or {@value Coefficient#INTERCEPT}
     * @return the row
     * @throws NoSuchElementException if absent
     */
    public LogisticCoefficient coefficient(String name) {
        for (LogisticCoefficient c : coefficients) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new NoSuchElementException("no coefficient '" + name + "'");
    }
}
