package io.github.nps4j.core;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Weights per role for {@code role} weighting, with a stated weight for every role not listed (and for responses whose
 * role is unknown).
 *
 * <p>{@link #defaults()} is decision-maker = 3, influencer = 2, gatekeeper = 1, user = 1, any other role 1.
 *
 * @param weights weight per role, finite and {@code >= 0}
 * @param defaultWeight weight of unlisted roles, finite and {@code >= 0}
 * @since 0.1.0
 */
public record RoleWeights(Map<Role, Double> weights, double defaultWeight) {

    /**
     * Validates and copies the weights.
     *
     * @throws IllegalArgumentException on a negative or non-finite weight, naming the role
     */
    public RoleWeights {
        Objects.requireNonNull(weights, "weights");
        TreeMap<Role, Double> copy = new TreeMap<>();
        for (Map.Entry<Role, Double> e : weights.entrySet()) {
            Role role = Objects.requireNonNull(e.getKey(), "role");
            double w = Objects.requireNonNull(e.getValue(), "weight of " + role);
            Ids.requireNonNegativeFinite(w, "weight of role " + role);
            copy.put(role, w);
        }
        weights = Collections.unmodifiableMap(copy);
        Ids.requireNonNegativeFinite(defaultWeight, "default role weight");
    }

    /**
     * Returns the default weights: decision-maker 3, influencer 2, gatekeeper 1, user 1, others 1.
     *
     * @return the default weights
     */
    public static RoleWeights defaults() {
        return new RoleWeights(Map.of(Role.DECISION_MAKER, 3.0, Role.INFLUENCER, 2.0, Role.GATEKEEPER, 1.0,
                Role.USER, 1.0), 1.0);
    }

    /**
     * Parses {@code decision-maker=3,influencer=2,user=1}. The pairs given replace the {@link #defaults()} of those
     * roles; the well-known roles not listed keep their default weights (so {@code decision-maker=5} means
     * decision-maker 5, influencer 2, gatekeeper 1, user 1), and any other role weighs 1.
     *
     * @param spec comma-separated {@code role=weight} pairs
     * @return the weights
     * @throws IllegalArgumentException on a malformed pair, a repeated role or a bad weight, naming it
     */
    public static RoleWeights parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        Map<Role, Double> map = new TreeMap<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("role weight '" + p + "' is not of the form role=weight");
            }
            Role role = Role.of(p.substring(0, eq));
            double w;
            try {
                w = Double.parseDouble(p.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("role weight '" + p + "' has a non-numeric weight", e);
            }
            if (map.put(role, w) != null) {
                throw new IllegalArgumentException("role " + role + " is weighted twice in '" + spec + "'");
            }
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException("role weights '" + spec + "' list no role");
        }
        Map<Role, Double> all = new TreeMap<>(defaults().weights());
        all.putAll(map);
        return new RoleWeights(all, defaults().defaultWeight());
    }

    /**
     * Returns the weight of a role.
     *
     * @param role the role
     * @return its weight, or {@link #defaultWeight()} if unlisted
     */
    public double weightOf(Role role) {
        Double w = weights.get(role);
        return w == null ? defaultWeight : w;
    }

    /**
     * Returns the weight of a response's role, the default weight when its role is unknown.
     *
     * @param response the response
     * @return its role weight
     */
    public double weightOf(Response response) {
        return response.role().map(this::weightOf).orElse(defaultWeight);
    }

    /**
     * Formats the weights as {@link #parse} reads them.
     *
     * @return e.g. {@code decision-maker=3.0,influencer=2.0}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        weights.forEach((r, w) -> sb.append(sb.length() == 0 ? "" : ",").append(r).append('=').append(w));
        return sb.append(" (others ").append(defaultWeight).append(')').toString();
    }
}
