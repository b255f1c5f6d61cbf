package io.github.nps4j.core.stats;

/**
 * One account's totals within a group, as the clustered standard error and the account bootstrap need them.
 *
 * <p>A value-based, immutable record.
 *
 * @param responses number of answers of the account in the group
 * @param weightSum Σw over those answers
 * @param weightedSignSum Σw·z over those answers (z = +1 promoter, 0 passive, −1 detractor)
 * @since 0.1.0
 */
public record AccountTotals(long responses, double weightSum, double weightedSignSum) {

    /**
     * Validates the totals.
     *
     * @throws IllegalArgumentException if a value is negative or not finite, or |Σwz| &gt; Σw beyond rounding
     */
    public AccountTotals {
        if (responses < 0) {
            throw new IllegalArgumentException("responses " + responses + " must be >= 0");
        }
        if (!(weightSum >= 0) || weightSum == Double.POSITIVE_INFINITY || !Double.isFinite(weightedSignSum)
                || Math.abs(weightedSignSum) > weightSum * (1 + 1e-12)) {
            throw new IllegalArgumentException("account totals weightSum=" + weightSum + ", weightedSignSum="
                    + weightedSignSum + " must be finite with |weightedSignSum| <= weightSum");
        }
    }
}
