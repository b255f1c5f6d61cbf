package io.github.nps4j.accountmap;

import io.github.nps4j.core.Tier;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The summed annual value of the accounts at risk, with the rule that selected them, by tier and by owner.
 *
 * <p>An account is at risk when its category (under the map's account category rule) is detractor, or when it
 * carries {@link Flag#DECIDER_DETRACTOR}. Accounts without a known annual value add 0 and are counted in
 * {@link #accountsWithoutValue()}. Nothing is rounded. Value-based and immutable.
 *
 * @param total the summed annual value of the accounts at risk
 * @param rule the rule, in words
 * @param byTier the sum per tier of the accounts at risk, sorted by tier
 * @param byOwner the sum per owner of the accounts at risk, sorted; accounts without owner under {@link #NO_OWNER}
 * @param accountIds the ids of the accounts at risk, in map order
 * @param accountsWithoutValue how many accounts at risk have no annual value
 * @since 0.1.0
 */
public record RevenueAtRisk(double total, String rule, Map<Tier, Double> byTier, Map<String, Double> byOwner,
        List<String> accountIds, long accountsWithoutValue) {

    /** The owner key of accounts without an owner: {@value}. */
    public static final String NO_OWNER = "(none)";

    /** Copies the collections. */
    public RevenueAtRisk {
        Objects.requireNonNull(rule, "rule");
        byTier = Collections.unmodifiableMap(new TreeMap<>(byTier));
        byOwner = Collections.unmodifiableMap(new TreeMap<>(byOwner));
        accountIds = List.copyOf(accountIds);
    }
}
