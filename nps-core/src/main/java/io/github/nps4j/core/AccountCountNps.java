package io.github.nps4j.core;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The portfolio's account-count NPS: each account, classified as one customer, counts once —
 * 100·(promoter accounts − detractor accounts)/accounts — and optionally weighted by annual value
 * ("revenue NPS").
 *
 * @param accounts accounts with a category
 * @param promoterAccounts promoter accounts
 * @param passiveAccounts passive accounts
 * @param detractorAccounts detractor accounts
 * @param nps the account-count NPS; empty when no account has a category
 * @param valueWeightedNps 100·Σ value·z / Σ value; empty when values were not asked for or sum to 0
 * @param rule how accounts were classified
 * @since 0.1.0
 */
public record AccountCountNps(long accounts, long promoterAccounts, long passiveAccounts, long detractorAccounts,
        OptionalDouble nps, OptionalDouble valueWeightedNps, AccountCategoryRule rule) {

    /**
     * Checks that no component is null.
     *
     * @throws NullPointerException naming a null component
     */
    public AccountCountNps {
        Objects.requireNonNull(nps, "nps");
        Objects.requireNonNull(valueWeightedNps, "valueWeightedNps");
        Objects.requireNonNull(rule, "rule");
    }
}
