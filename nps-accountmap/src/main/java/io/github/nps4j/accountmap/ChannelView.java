package io.github.nps4j.accountmap;

import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.Tier;
import java.util.Objects;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * NPS by channel tier and through the channel (via parent links), from the contacts' latest answers in the map
 * window, unweighted.
 *
 * @param byTier the NPS of all answers of accounts in each tier, sorted by tier
 * @param nodes one node per account, in map order
 * @since 0.1.0
 */
public record ChannelView(Map<Tier, NpsEstimate> byTier, List<ChannelNode> nodes) {

    /** Copies the collections. */
    public ChannelView {
        Objects.requireNonNull(byTier, "byTier");
        Objects.requireNonNull(nodes, "nodes");
        byTier = Collections.unmodifiableMap(new TreeMap<>(byTier));
        nodes = List.copyOf(nodes);
    }

    /**
     * Returns the node of one account.
     *
     * @param accountId the account
     * @return its node, if the account is in the map
     */
    public Optional<ChannelNode> node(String accountId) {
        return nodes.stream().filter(n -> n.accountId().equals(accountId)).findFirst();
    }
}
