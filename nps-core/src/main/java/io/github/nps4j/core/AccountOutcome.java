package io.github.nps4j.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What became of an account commercially, for loyalty economics: whether it renewed and how its revenue grew (the
 * {@code outcome:renewed} and {@code outcome:revenue_growth} columns of {@code accounts.csv}). Either may be unknown.
 *
 * <p>Value-based and immutable.
 *
 * @param renewed true when the account renewed, false when it churned, empty when unknown
 * @param revenueGrowth revenue growth as a fraction ({@code 0.12} = +12 %, {@code -0.3} = −30 %), finite, if known
 * @since 0.1.0
 */
public record AccountOutcome(Optional<Boolean> renewed, OptionalDouble revenueGrowth) {
    private static final AccountOutcome NONE = new AccountOutcome(Optional.empty(), OptionalDouble.empty());

    /**
     * Validates the outcome.
     *
     * @throws IllegalArgumentException when the revenue growth is not finite
     */
    public AccountOutcome {
        Objects.requireNonNull(renewed, "renewed");
        Objects.requireNonNull(revenueGrowth, "revenueGrowth");
        if (revenueGrowth.isPresent() && !Double.isFinite(revenueGrowth.getAsDouble())) {
            throw new IllegalArgumentException("revenue growth " + revenueGrowth.getAsDouble() + " is not finite");
        }
    }

    /**
     * Returns the outcome with nothing known.
     *
     * @return the empty outcome
     */
    public static AccountOutcome none() {
        return NONE;
    }

    /**
     * Says whether nothing is known.
     *
     * @return true when both the renewal and the growth are unknown
     */
    public boolean isEmpty() {
        return renewed.isEmpty() && revenueGrowth.isEmpty();
    }
}
