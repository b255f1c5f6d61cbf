package io.github.nps4j.readout.economics;

import io.github.nps4j.core.Category;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The economics of the accounts in one account category. Value-based and immutable.
 *
 * @param category promoter, passive or detractor (the account map's account category)
 * @param accounts accounts in the category
 * @param accountsWithOutcome accounts whose renewal is known
 * @param renewalRate share of those that renewed; empty when none is known
 * @param meanAnnualValue mean annual value of the accounts with a known value; empty when none is known
 * @param meanRevenueGrowth mean revenue growth (a fraction) of the accounts with a known growth; empty when none is
 *        known
 * @param lifetimeValue meanAnnualValue / (1 − renewalRate); empty when either is unknown or the renewal rate is 1
 * @since 0.1.0
 */
public record CategoryEconomics(Category category, int accounts, int accountsWithOutcome, OptionalDouble renewalRate,
        OptionalDouble meanAnnualValue, OptionalDouble meanRevenueGrowth, OptionalDouble lifetimeValue) {

    /**
     * Validates the figures.
     *
     * @throws IllegalArgumentException when a count is negative or a rate outside [0, 1]
     */
    public CategoryEconomics {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(renewalRate, "renewalRate");
        Objects.requireNonNull(meanAnnualValue, "meanAnnualValue");
        Objects.requireNonNull(meanRevenueGrowth, "meanRevenueGrowth");
        Objects.requireNonNull(lifetimeValue, "lifetimeValue");
        if (accounts < 0 || accountsWithOutcome < 0 || accountsWithOutcome > accounts) {
            throw new IllegalArgumentException("invalid account counts " + accounts + ", " + accountsWithOutcome);
        }
        if (renewalRate.isPresent() && !(renewalRate.getAsDouble() >= 0 && renewalRate.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("renewal rate " + renewalRate.getAsDouble() + " is outside [0, 1]");
        }
    }
}
