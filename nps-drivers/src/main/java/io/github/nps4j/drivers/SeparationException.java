package io.github.nps4j.drivers;

/**
 * Thrown when a logistic model has no finite maximum-likelihood estimate because the outcome is (quasi-)completely
 * separated: some attribute, or a combination of attributes, predicts it perfectly, so coefficients diverge.
 *
 * @since 0.1.0
 */
public final class SeparationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what separates the outcome
     */
    public SeparationException(String message) {
        super(message);
    }
}
