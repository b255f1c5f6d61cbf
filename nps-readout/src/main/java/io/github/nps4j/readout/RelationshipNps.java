package io.github.nps4j.readout;

import io.github.nps4j.core.AccountCountNps;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.stats.SummarizedNps;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The headline: NPS of each contact's latest answer in the window, overall, by role and by tier, with the readout's
 * uncertainty options; account-count NPS (every account counted once) and revenue-weighted NPS (each account weighs
 * its annual value).
 *
 * <p>A value-based, immutable record.
 *
 * @param from the window's first day
 * @param to the window's last day (the as-of day)
 * @param episode the episode type scored, or empty when the data hold no relationship answers and all episode types
 *     were mixed
 * @param overall the overall figure (its key has no fields)
 * @param byRole one figure per role, sorted by role ({@code key().role()})
 * @param byTier one figure per channel tier, sorted by tier ({@code key().tier()})
 * @param accountCount account-count NPS, with its account category rule
 * @param revenueWeighted revenue-weighted NPS, empty when it is not available
 * @param revenueWeightedUnavailable why the revenue-weighted NPS is not available, or empty
 * @param rule the rule of the figures, in words
 * @since 0.1.0
 */
public record RelationshipNps(LocalDate from, LocalDate to, Optional<EpisodeType> episode, SummarizedNps.Group overall,
        List<SummarizedNps.Group> byRole, List<SummarizedNps.Group> byTier, AccountCountNps accountCount,
        OptionalDouble revenueWeighted, Optional<String> revenueWeightedUnavailable, String rule) {

    /** How the revenue-weighted NPS weighs answers. */
    static final String REVENUE_WEIGHTED_RULE = "each account weighs its annual value";

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     */
    public RelationshipNps {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(episode, "episode");
        Objects.requireNonNull(overall, "overall");
        byRole = List.copyOf(byRole);
        byTier = List.copyOf(byTier);
        Objects.requireNonNull(accountCount, "accountCount");
        Objects.requireNonNull(revenueWeighted, "revenueWeighted");
        Objects.requireNonNull(revenueWeightedUnavailable, "revenueWeightedUnavailable");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * Returns how the revenue-weighted NPS weighs answers.
     *
     * @return the rule, in words
     */
    public String revenueWeightedRule() {
        return REVENUE_WEIGHTED_RULE;
    }
}
