package io.github.nps4j.core;

/**
 * How an account, seen as one customer, is classified as promoter, passive or detractor. Every output that shows
 * account categories states the rule used.
 *
 * @since 0.1.0
 */
public enum AccountCategoryRule {
    /**
     * The category of the account's role-weighted mean score with the standard cut-offs: mean ≥ 9 promoter, ≥ 7
     * passive, otherwise detractor. The default.
     */
    ROLE_WEIGHTED_MEAN("role-weighted mean score, >= 9 promoter, >= 7 passive, else detractor"),
    /** The category of the waterfall answer: the mean score of the most senior role present, same cut-offs. */
    WATERFALL("waterfall: mean score of the most senior role present, >= 9 promoter, >= 7 passive, else detractor");

    private final String description;

    AccountCategoryRule(String description) {
        this.description = description;
    }

    /**
     * Returns the rule in words, for outputs.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Returns a short name of the figure the rule classifies, for a column header beside the category.
     *
     * @return {@code role-weighted mean} or {@code waterfall score}
     */
    public String scoreLabel() {
        return this == WATERFALL ? "waterfall score" : "role-weighted mean";
    }

    /**
     * Rounds a mean score down to one decimal for display beside its category, so that the shown figure agrees with
     * the cut-offs: 6.96 is shown as 6.9 (a detractor), never as 7.0 (which reads passive). Exact for the
     * cut-offs 7 and 9 because rounding down never crosses a whole number from below.
     *
     * @param mean a mean score in [0, 10]
     * @return the mean rounded down to a multiple of 0.1 (with a 1e-9 allowance for binary representation)
     */
    public static double shownScore(double mean) {
        return Math.floor(mean * 10 + 1e-9) / 10;
    }

    /**
     * Classifies a (possibly fractional) mean score with the standard cut-offs.
     *
     * @param mean a mean score in [0, 10]
     * @return the category
     * @throws IllegalArgumentException if the mean is not in [0, 10]
     */
    public static Category classifyMean(double mean) {
        if (!(mean >= 0 && mean <= 10)) {
            throw new IllegalArgumentException("mean score " + mean + " is not in [0, 10]");
        }
        return mean >= 9 ? Category.PROMOTER : mean >= 7 ? Category.PASSIVE : Category.DETRACTOR;
    }
}
