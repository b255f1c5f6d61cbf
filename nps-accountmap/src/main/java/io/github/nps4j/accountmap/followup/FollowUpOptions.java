package io.github.nps4j.accountmap.followup;

import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.RolePolicy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rules of the follow-up queue: how far back to look, whether passive decision-makers get a case, the SLA per
 * role and the role weights of the priority. {@link #defaults()} gives the values stated on each accessor.
 *
 * <p>Immutable and thread-safe. Example usage:
 * <pre>{@code
 * FollowUpOptions o = FollowUpOptions.builder().lookbackDays(30).includePassiveDecisionMakers(true)
 *         .slaDays(Role.DECISION_MAKER, 1).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FollowUpOptions {
    /**
     * The default look-back, in days: {@value} — one quarter, so a queue read weeks after a survey wave still holds
     * the wave's detractors (the overdue ones marked). The readout and the command line use it too.
     */
    public static final int DEFAULT_LOOKBACK_DAYS = 90;

    private static final FollowUpOptions DEFAULTS = builder().build();

    private final int lookbackDays;
    private final boolean includePassiveDecisionMakers;
    private final RolePolicy roles;
    private final Map<Role, Integer> slaDays;
    private final int defaultSlaDays;
    private final Optional<Set<EpisodeType>> episodes;

    private FollowUpOptions(Builder b) {
        this.lookbackDays = b.lookbackDays;
        this.includePassiveDecisionMakers = b.includePassiveDecisionMakers;
        this.roles = b.roles;
        this.slaDays = Collections.unmodifiableMap(new TreeMap<>(b.slaDays));
        this.defaultSlaDays = b.defaultSlaDays;
        this.episodes = b.episodes;
    }

    /**
     * Returns the default rules.
     *
     * @return the defaults
     */
    public static FollowUpOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder holding the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns how many days back answers open cases: the window {@code (asOf − days, asOf]}; default
     * {@value #DEFAULT_LOOKBACK_DAYS}.
     *
     * @return days
     */
    public int lookbackDays() {
        return lookbackDays;
    }

    /**
     * Tells whether passive answers of decision-makers open cases too; default false.
     *
     * @return the setting
     */
    public boolean includePassiveDecisionMakers() {
        return includePassiveDecisionMakers;
    }

    /**
     * Returns the role policy: its deciders are the decision-makers of {@link #includePassiveDecisionMakers()}, its
     * weights weigh the priority; default {@link RolePolicy#defaults()} (decision-maker 3, influencer 2, others 1).
     *
     * @return the policy
     */
    public RolePolicy rolePolicy() {
        return roles;
    }

    /**
     * Returns the SLA per role in days; defaults: decision-maker 2, influencer 5, gatekeeper 5, user 7.
     *
     * @return days per role
     */
    public Map<Role, Integer> slaDays() {
        return slaDays;
    }

    /**
     * Returns the SLA of roles not listed in {@link #slaDays()}; default 7.
     *
     * @return days
     */
    public int defaultSlaDays() {
        return defaultSlaDays;
    }

    /**
     * Returns the SLA of one role.
     *
     * @param role the role
     * @return its days, or the default SLA
     */
    public int slaDays(Role role) {
        return slaDays.getOrDefault(role, defaultSlaDays);
    }

    /**
     * Returns the episode types whose answers open cases; empty (the default) means all.
     *
     * @return the types, if restricted
     */
    public Optional<Set<EpisodeType>> episodes() {
        return episodes;
    }

    /** A builder of {@link FollowUpOptions}, starting from the defaults; validates eagerly; not thread-safe. */
    public static final class Builder {
        private int lookbackDays = DEFAULT_LOOKBACK_DAYS;
        private boolean includePassiveDecisionMakers;
        private RolePolicy roles = RolePolicy.defaults();
        private final Map<Role, Integer> slaDays = new TreeMap<>(Map.of(Role.DECISION_MAKER, 2, Role.INFLUENCER, 5,
                Role.GATEKEEPER, 5, Role.USER, 7));
        private int defaultSlaDays = 7;
        private Optional<Set<EpisodeType>> episodes = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the look-back.
         *
         * @param days at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder lookbackDays(int days) {
            if (days < 1) {
                throw new IllegalArgumentException("lookbackDays " + days + " must be at least 1");
            }
            this.lookbackDays = days;
            return this;
        }

        /**
         * Opens cases for passive decision-makers too (or not).
         *
         * @param include the setting
         * @return this builder
         */
        public Builder includePassiveDecisionMakers(boolean include) {
            this.includePassiveDecisionMakers = include;
            return this;
        }

        /**
         * Sets the role policy (deciders and the role weights of the priority).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder rolePolicy(RolePolicy policy) {
            this.roles = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the SLA of one role.
         *
         * @param role the role
         * @param days days, {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder slaDays(Role role, int days) {
            Objects.requireNonNull(role, "role");
            if (days < 0) {
                throw new IllegalArgumentException("SLA of role " + role + " is " + days + " days; must be >= 0");
            }
            slaDays.put(role, days);
            return this;
        }

        /**
         * Sets the SLA of roles not listed.
         *
         * @param days days, {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder defaultSlaDays(int days) {
            if (days < 0) {
                throw new IllegalArgumentException("default SLA " + days + " days must be >= 0");
            }
            this.defaultSlaDays = days;
            return this;
        }

        /**
         * Restricts the episode types whose answers open cases.
         *
         * @param types at least one
         * @return this builder
         * @throws IllegalArgumentException if none
         */
        public Builder episodes(EpisodeType... types) {
            if (types.length == 0) {
                throw new IllegalArgumentException("episodes: name at least one episode type");
            }
            this.episodes = Optional.of(Set.copyOf(List.of(types)));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public FollowUpOptions build() {
            return new FollowUpOptions(this);
        }
    }
}
