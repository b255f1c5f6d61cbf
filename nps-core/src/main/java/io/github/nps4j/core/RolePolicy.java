package io.github.nps4j.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one place that says what the roles of a buying organisation mean to nps4j: which roles decide and which
 * influence, their seniority (for the waterfall answer and for the order roles are shown in), the weight of each role
 * in role-weighted figures, and the aliases under which exports and CRMs spell roles. The account map, the account
 * views, the follow-up queue and the survey planner all read it, so one change reaches all of them.
 *
 * <p>{@link #defaults()} is: deciders {@code decision-maker}; influencers {@code influencer}; seniority
 * decision-maker &gt; influencer &gt; gatekeeper &gt; user (roles outside the list rank after it, by name); weights
 * {@link RoleWeights#defaults()} (decision-maker 3, influencer 2, gatekeeper 1, user 1, others 1); aliases
 * {@link #crmAliases()}, the buying-role words of CRMs and survey tools:
 *
 * <table>
 * <caption>Built-in role aliases (case, spaces, {@code _} and {@code -} ignored)</caption>
 * <tr><th>spelling</th><th>role</th></tr>
 * <tr><td>Decision Maker, Economic Buyer, Executive Sponsor</td><td>{@code decision-maker}</td></tr>
 * <tr><td>Influencer, Champion, Technical Evaluator, Technical Buyer</td><td>{@code influencer}</td></tr>
 * <tr><td>User, Users, End User</td><td>{@code user}</td></tr>
 * <tr><td>Gatekeeper, Procurement, Purchasing</td><td>{@code gatekeeper}</td></tr>
 * </table>
 *
 * <p>{@link #plusAliases(Map)} adds an organisation's own words to these (e.g. {@code Entscheider}); {@link
 * #withAliases(Map)} replaces them. {@link #knows(Role)} tells whether a role means something to the policy, so
 * that importers can warn about roles that map to nothing known.
 *
 * <p>A value-based, immutable record. Example usage:
 * <pre>{@code
 * RolePolicy policy = RolePolicy.defaults()
 *         .withDeciders(Set.of(Role.DECISION_MAKER, Role.of("executive-sponsor")))
 *         .withAliases(Map.of("Entscheider", Role.DECISION_MAKER));
 * policy.isDecider(policy.resolve("entscheider"));   // true
 * }</pre>
 *
 * @param deciders the roles whose members decide (a detractor among them is an account risk)
 * @param influencers the roles whose members shape the decision
 * @param seniority roles from most to least senior, distinct
 * @param weights the weight of each role in role-weighted figures
 * @param aliases spellings (compared after normalisation: case, spaces, {@code _} and {@code -} ignored) → role
 * @since 0.1.0
 */
public record RolePolicy(Set<Role> deciders, Set<Role> influencers, List<Role> seniority, RoleWeights weights,
        Map<String, Role> aliases) {

    private static final List<Role> DEFAULT_SENIORITY =
            List.of(Role.DECISION_MAKER, Role.INFLUENCER, Role.GATEKEEPER, Role.USER);
    private static final Map<String, Role> CRM_ALIASES = crmTable();
    private static final RolePolicy DEFAULTS = new RolePolicy(Set.of(Role.DECISION_MAKER), Set.of(Role.INFLUENCER),
            DEFAULT_SENIORITY, RoleWeights.defaults(), CRM_ALIASES);

    private static Map<String, Role> crmTable() {
        Map<String, Role> m = new java.util.LinkedHashMap<>();
        for (String s : List.of("Decision Maker", "Economic Buyer", "Executive Sponsor")) {
            m.put(s, Role.DECISION_MAKER);
        }
        for (String s : List.of("Influencer", "Champion", "Technical Evaluator", "Technical Buyer")) {
            m.put(s, Role.INFLUENCER);
        }
        for (String s : List.of("User", "Users", "End User")) {
            m.put(s, Role.USER);
        }
        for (String s : List.of("Gatekeeper", "Procurement", "Purchasing")) {
            m.put(s, Role.GATEKEEPER);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the seniority is empty or repeats a role, no role decides, a role both decides and
     *         influences, or an alias is blank or two aliases normalise to the same key with different roles
     */
    public RolePolicy {
        Objects.requireNonNull(weights, "weights");
        deciders = Collections.unmodifiableSet(new TreeSet<>(requireNoNulls(deciders, "deciders")));
        influencers = Collections.unmodifiableSet(new TreeSet<>(requireNoNulls(influencers, "influencers")));
        seniority = List.copyOf(requireNoNulls(seniority, "seniority"));
        if (seniority.isEmpty() || Set.copyOf(seniority).size() != seniority.size()) {
            throw new IllegalArgumentException("seniority must list distinct roles: " + seniority);
        }
        if (deciders.isEmpty()) {
            throw new IllegalArgumentException("a role policy needs at least one deciding role");
        }
        for (Role r : influencers) {
            if (deciders.contains(r)) {
                throw new IllegalArgumentException("role " + r + " cannot both decide and influence");
            }
        }
        Map<String, Role> copy = new TreeMap<>();
        for (Map.Entry<String, Role> e : Objects.requireNonNull(aliases, "aliases").entrySet()) {
            String key = aliasKey(Objects.requireNonNull(e.getKey(), "alias"));
            Role role = Objects.requireNonNull(e.getValue(), "role of alias " + e.getKey());
            if (key.isEmpty()) {
                throw new IllegalArgumentException("role alias '" + e.getKey() + "' is blank");
            }
            Role before = copy.put(key, role);
            if (before != null && !before.equals(role)) {
                throw new IllegalArgumentException("role alias '" + e.getKey() + "' maps to both " + before + " and "
                        + role);
            }
        }
        aliases = Collections.unmodifiableMap(copy);
    }

    /**
     * Returns the default policy (see the type's description).
     *
     * @return the default policy
     */
    public static RolePolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Returns the built-in aliases for the buying-role words of CRMs and survey tools (the table in the type's
     * description), which {@link #defaults()} carries.
     *
     * @return spelling → role, unmodifiable, in the table's order
     * @since 0.1.0
     */
    public static Map<String, Role> crmAliases() {
        return CRM_ALIASES;
    }

    /**
     * Returns a copy with more aliases: the given ones are added to the current ones, and win where a spelling is
     * already an alias.
     *
     * @param spellings spelling → role
     * @return the copy
     * @throws IllegalArgumentException if an alias is blank, or two of the given ones normalise to the same key with
     *         different roles
     * @since 0.1.0
     */
    public RolePolicy plusAliases(Map<String, Role> spellings) {
        Objects.requireNonNull(spellings, "spellings");
        new RolePolicy(deciders, influencers, seniority, weights, spellings); // validates the given ones alone
        Map<String, Role> merged = new TreeMap<>(aliases);
        for (Map.Entry<String, Role> e : spellings.entrySet()) {
            merged.put(aliasKey(e.getKey()), e.getValue());
        }
        return new RolePolicy(deciders, influencers, seniority, weights, merged);
    }

    /**
     * Tells whether a role means something to this policy: it is one of the well-known roles ({@link
     * Role#DECISION_MAKER}, {@link Role#INFLUENCER}, {@link Role#GATEKEEPER}, {@link Role#USER}), decides,
     * influences, is in the seniority order, has its own weight, or is the target of an alias. Importers keep other
     * roles as custom roles but warn about them (they would weigh the default weight).
     *
     * @param role the role
     * @return whether it is known
     * @since 0.1.0
     */
    public boolean knows(Role role) {
        Objects.requireNonNull(role, "role");
        return DEFAULT_SENIORITY.contains(role) || deciders.contains(role) || influencers.contains(role)
                || seniority.contains(role) || weights.weights().containsKey(role) || aliases.containsValue(role);
    }

    /**
     * Returns a copy with other deciding roles.
     *
     * @param roles the deciding roles, at least one
     * @return the copy
     * @throws IllegalArgumentException as the constructor
     */
    public RolePolicy withDeciders(Set<Role> roles) {
        return new RolePolicy(roles, influencers, seniority, weights, aliases);
    }

    /**
     * Returns a copy with other influencing roles.
     *
     * @param roles the influencing roles
     * @return the copy
     * @throws IllegalArgumentException as the constructor
     */
    public RolePolicy withInfluencers(Set<Role> roles) {
        return new RolePolicy(deciders, roles, seniority, weights, aliases);
    }

    /**
     * Returns a copy with another seniority order.
     *
     * @param order roles from most to least senior, distinct
     * @return the copy
     * @throws IllegalArgumentException as the constructor
     */
    public RolePolicy withSeniority(List<Role> order) {
        return new RolePolicy(deciders, influencers, order, weights, aliases);
    }

    /**
     * Returns a copy with other role weights.
     *
     * @param roleWeights the weights
     * @return the copy
     */
    public RolePolicy withWeights(RoleWeights roleWeights) {
        return new RolePolicy(deciders, influencers, seniority, roleWeights, aliases);
    }

    /**
     * Returns a copy with other aliases, replacing the current ones (including the built-in {@link #crmAliases()};
     * use {@link #plusAliases(Map)} to keep them).
     *
     * @param spellings spelling → role
     * @return the copy
     * @throws IllegalArgumentException as the constructor
     */
    public RolePolicy withAliases(Map<String, Role> spellings) {
        return new RolePolicy(deciders, influencers, seniority, weights, spellings);
    }

    /**
     * Tells whether a role decides.
     *
     * @param role the role
     * @return true if it is among {@link #deciders()}
     */
    public boolean isDecider(Role role) {
        return deciders.contains(Objects.requireNonNull(role, "role"));
    }

    /**
     * Tells whether a role influences.
     *
     * @param role the role
     * @return true if it is among {@link #influencers()}
     */
    public boolean isInfluencer(Role role) {
        return influencers.contains(Objects.requireNonNull(role, "role"));
    }

    /**
     * Tells whether a role is a key role: one that decides or influences.
     *
     * @param role the role
     * @return true for deciders and influencers
     */
    public boolean isKeyRole(Role role) {
        return isDecider(role) || isInfluencer(role);
    }

    /**
     * Returns a role's rank in the seniority order: 0 for the most senior, the list's size for roles not in it.
     *
     * @param role the role
     * @return its rank
     */
    public int seniorityRank(Role role) {
        int i = seniority.indexOf(Objects.requireNonNull(role, "role"));
        return i < 0 ? seniority.size() : i;
    }

    /**
     * Orders roles by seniority, most senior first; roles outside the seniority list follow by name.
     *
     * @return the comparator
     */
    public Comparator<Role> bySeniority() {
        return Comparator.comparingInt(this::seniorityRank).thenComparing(Comparator.naturalOrder());
    }

    /**
     * Sorts roles by seniority ({@link #bySeniority()}).
     *
     * @param roles the roles
     * @return a new sorted list
     */
    public List<Role> sorted(java.util.Collection<Role> roles) {
        List<Role> out = new ArrayList<>(roles);
        out.sort(bySeniority());
        return List.copyOf(out);
    }

    /**
     * Returns the weight of a role in role-weighted figures.
     *
     * @param role the role
     * @return {@code weights().weightOf(role)}
     */
    public double weightOf(Role role) {
        return weights.weightOf(role);
    }

    /**
     * Reads a role as an export or a CRM spells it: an alias if one matches (case, spaces, {@code _} and {@code -}
     * ignored), else the role of that name ({@link Role#of}).
     *
     * @param text the spelling, e.g. {@code "Decision Maker"}
     * @return the role
     * @throws IllegalArgumentException if the text is neither an alias nor a valid role name
     */
    public Role resolve(String text) {
        Objects.requireNonNull(text, "text");
        Role alias = aliases.get(aliasKey(text));
        return alias != null ? alias : Role.of(text);
    }

    /**
     * Tells whether a spelling is one of this policy's aliases.
     *
     * @param text the spelling
     * @return true if {@link #resolve} maps it through an alias
     */
    public boolean isAlias(String text) {
        return aliases.containsKey(aliasKey(Objects.requireNonNull(text, "text")));
    }

    private static String aliasKey(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '_' && c != '-') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static <T> java.util.Collection<T> requireNoNulls(java.util.Collection<T> items, String what) {
        Objects.requireNonNull(items, what);
        for (T t : items) {
            Objects.requireNonNull(t, () -> what + " holds null");
        }
        return items;
    }
}
