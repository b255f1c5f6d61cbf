package io.github.nps4j.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The account tree built from parent links (group → subsidiary, distributor → retailer → end user), and roll-ups
 * along it. A roll-up scores the raw responses of an account and all its descendants as one group — it never
 * averages the children's NPS.
 *
 * <p>Immutable and thread-safe. Example usage:
 * <pre>{@code
 * AccountHierarchy h = AccountHierarchy.of(accounts);
 * Map<String, NpsEstimate> rolled = h.rollup(responses, Weighting.accountEqual(), Dedupe.NONE);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AccountHierarchy {
    private final Map<String, Account> accounts;
    private final Map<String, List<String>> children;

    private AccountHierarchy(Map<String, Account> accounts, Map<String, List<String>> children) {
        this.accounts = accounts;
        this.children = children;
    }

    /**
     * Builds the tree.
     *
     * @param list the accounts
     * @return the hierarchy
     * @throws IllegalArgumentException on a duplicate id, a parent that is not among the accounts, or a cycle
     */
    public static AccountHierarchy of(Collection<Account> list) {
        Objects.requireNonNull(list, "list");
        Map<String, Account> byId = Portfolio.index(List.copyOf(list), Account::id, "account");
        Map<String, List<String>> children = new HashMap<>();
        for (Account a : byId.values()) {
            if (a.parentId().isPresent()) {
                String p = a.parentId().get();
                if (!byId.containsKey(p)) {
                    throw new IllegalArgumentException("account " + a.id() + " names parent " + p
                            + ", which is not among the accounts");
                }
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(a.id());
            }
        }
        for (Account a : byId.values()) {
            Set<String> seen = new LinkedHashSet<>();
            Account cur = a;
            while (cur != null) {
                if (!seen.add(cur.id())) {
                    throw new IllegalArgumentException("account hierarchy has a cycle: " + String.join(" -> ", seen)
                            + " -> " + cur.id());
                }
                cur = cur.parentId().map(byId::get).orElse(null);
            }
        }
        children.replaceAll((k, v) -> List.copyOf(v));
        return new AccountHierarchy(byId, Map.copyOf(children));
    }

    /**
     * Returns the direct children of an account.
     *
     * @param id the account id
     * @return their ids, in input order
     * @throws IllegalArgumentException if the account is unknown
     */
    public List<String> children(String id) {
        require(id);
        return children.getOrDefault(id, List.of());
    }

    /**
     * Returns an account and everything below it.
     *
     * @param id the account id
     * @return the subtree's ids, the account first, breadth-first
     * @throws IllegalArgumentException if the account is unknown
     */
    public Set<String> subtree(String id) {
        require(id);
        Set<String> out = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(id);
        while (!queue.isEmpty()) {
            String cur = queue.poll();
            out.add(cur);
            queue.addAll(children.getOrDefault(cur, List.of()));
        }
        return out;
    }

    /**
     * Returns the accounts without a parent.
     *
     * @return their ids, in input order
     */
    public List<String> roots() {
        return accounts.values().stream().filter(a -> a.parentId().isEmpty()).map(Account::id).toList();
    }

    /**
     * Scores every account together with its descendants, from the raw responses. Weights are computed within each
     * subtree (with {@code account-equal}, each account of the subtree counts once).
     *
     * @param responses the responses
     * @param weighting the weighting
     * @param dedupe the de-duplication rule, applied within each subtree
     * @return an estimate per account id, in input order of the accounts (empty estimates for silent subtrees)
     * @throws IllegalArgumentException as {@link Weighting#weigh}
     */
    public Map<String, NpsEstimate> rollup(Collection<Response> responses, Weighting weighting, Dedupe dedupe) {
        Map<String, List<Response>> byAccount = new HashMap<>();
        for (Response r : responses) {
            byAccount.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r);
        }
        Map<String, NpsEstimate> out = new LinkedHashMap<>();
        for (String id : accounts.keySet()) {
            List<Response> members = new ArrayList<>();
            for (String a : subtree(id)) {
                members.addAll(byAccount.getOrDefault(a, List.of()));
            }
            List<Response> kept = dedupe.apply(members);
            double[] w = weighting.weigh(kept, accounts);
            out.put(id, new WeightedGroup(new GroupKey(List.of("account"), List.of(id)), kept, w).estimate());
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private void require(String id) {
        if (!accounts.containsKey(id)) {
            throw new IllegalArgumentException("account " + id + " is not in the hierarchy");
        }
    }
}
