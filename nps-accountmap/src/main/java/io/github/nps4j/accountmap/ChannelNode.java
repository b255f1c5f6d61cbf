package io.github.nps4j.accountmap;

import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.Tier;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One account's place in the channel: its own NPS, and the NPS of everything below it (a distributor with its
 * retailers and their end users), overall and by tier. Subtree figures are scored from the raw latest answers of all
 * accounts in the subtree (unweighted, one per contact), never by averaging the children's NPS.
 *
 * @param accountId the account
 * @param tier its tier
 * @param parentId its parent, if any
 * @param children its direct children
 * @param own the NPS of its own contacts' latest answers in the window
 * @param subtree the NPS of the latest answers of the account and all its descendants
 * @param subtreeByTier the subtree's NPS per tier (e.g. a distributor's end users), sorted by tier
 * @since 0.1.0
 */
public record ChannelNode(String accountId, Tier tier, Optional<String> parentId, List<String> children,
        NpsEstimate own, NpsEstimate subtree, Map<Tier, NpsEstimate> subtreeByTier) {

    /** Copies the collections. */
    public ChannelNode {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(parentId, "parentId");
        children = List.copyOf(children);
        Objects.requireNonNull(own, "own");
        Objects.requireNonNull(subtree, "subtree");
        subtreeByTier = Collections.unmodifiableMap(new TreeMap<>(subtreeByTier));
    }
}
