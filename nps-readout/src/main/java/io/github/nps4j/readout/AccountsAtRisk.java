package io.github.nps4j.readout;

import io.github.nps4j.accountmap.AccountMap;
import io.github.nps4j.accountmap.MappedAccount;
import io.github.nps4j.accountmap.RevenueAtRisk;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The riskiest accounts — those that carry a flag or whose account category is detractor, in the account map's risk
 * order — and the revenue at risk.
 *
 * <p>A value-based, immutable record.
 *
 * @param top the riskiest accounts, at most {@link ReadoutOptions#topAccountsAtRisk()}, riskiest first
 * @param flagged how many accounts carry at least one flag
 * @param revenueAtRisk the revenue at risk with its rule
 * @param map the whole account map (for pictures of the portfolio and of single accounts)
 * @param rule how the accounts are ranked, in words
 * @since 0.1.0
 */
public record AccountsAtRisk(List<MappedAccount> top, long flagged, RevenueAtRisk revenueAtRisk, AccountMap map,
        String rule) {
    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code flagged} is negative
     */
    public AccountsAtRisk {
        Objects.requireNonNull(top, "top");
        top = List.copyOf(top);
        Objects.requireNonNull(revenueAtRisk, "revenueAtRisk");
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(rule, "rule");
        if (flagged < 0) {
            throw new IllegalArgumentException("flagged " + flagged + " must not be negative");
        }
    }

    /**
     * Returns the summed annual value of every account in the map, the base of {@link #shareOfValueAtRisk()}.
     * Accounts without an annual value add 0, as they do to the revenue at risk.
     *
     * @return the total annual value, 0 when no account has one
     * @since 0.1.0
     */
    public double totalAnnualValue() {
        return map.accounts().stream().mapToDouble(m -> m.account().annualValue().orElse(0)).sum();
    }

    /**
     * Returns the revenue at risk as a share of {@link #totalAnnualValue()}, between 0 and 1.
     *
     * @return the share, or empty when the total annual value is 0 (no account has a value)
     * @since 0.1.0
     */
    public OptionalDouble shareOfValueAtRisk() {
        double total = totalAnnualValue();
        return total > 0 ? OptionalDouble.of(revenueAtRisk.total() / total) : OptionalDouble.empty();
    }
}
