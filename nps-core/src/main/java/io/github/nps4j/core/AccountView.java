package io.github.nps4j.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One account seen as one customer, each figure labelled by what it is: the NPS of the account's own responses, its
 * mean 0–10 score (a "mean score", never called NPS), the waterfall answer (the most senior role present) and the
 * account's category under the rule stated with it.
 *
 * @param accountId the account
 * @param accountNps the NPS estimate of the account's own responses ({@code account-nps}), weighted as chosen
 * @param meanScore the plain mean 0–10 score — a <em>mean score</em>, not an NPS
 * @param roleWeightedMeanScore the role-weighted mean 0–10 score (empty when all role weights are 0)
 * @param waterfallRole the most senior role present
 * @param waterfallScore the mean score of that role's answers
 * @param category the account's category under {@code rule} (empty when undefined)
 * @param rule the rule that gave the category
 * @since 0.1.0
 */
public record AccountView(String accountId, NpsEstimate accountNps, OptionalDouble meanScore,
        OptionalDouble roleWeightedMeanScore, Optional<Role> waterfallRole, OptionalDouble waterfallScore,
        Optional<Category> category, AccountCategoryRule rule) {

    /** Checks for nulls. */
    public AccountView {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accountNps, "accountNps");
        Objects.requireNonNull(meanScore, "meanScore");
        Objects.requireNonNull(roleWeightedMeanScore, "roleWeightedMeanScore");
        Objects.requireNonNull(waterfallRole, "waterfallRole");
        Objects.requireNonNull(waterfallScore, "waterfallScore");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * Returns the figure the category rule classifies: the role-weighted mean score under
     * {@link AccountCategoryRule#ROLE_WEIGHTED_MEAN}, the waterfall score under {@link AccountCategoryRule#WATERFALL}.
     * Show this beside the category (not the plain {@link #meanScore()}), so that the two agree.
     *
     * @return the mean score the category comes from, or empty when there is no category
     */
    public OptionalDouble categoryScore() {
        return rule == AccountCategoryRule.WATERFALL ? waterfallScore : roleWeightedMeanScore;
    }
}
