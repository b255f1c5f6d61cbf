package io.github.nps4j.accountmap;

import io.github.nps4j.core.AccountCategoryRule;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.RolePolicy;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of an {@link AccountMap}: window lengths, flag thresholds, which episodes count, how accounts are
 * classified and how risk is ranked. {@link #defaults()} gives the values stated on each accessor.
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}, which validates eagerly. Example usage:
 * <pre>{@code
 * AccountMapOptions o = AccountMapOptions.builder()
 *         .windowDays(365).silentDays(180).lowCoverageShare(0.2)
 *         .episodes(EpisodeType.RELATIONSHIP)          // default: all episode types
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AccountMapOptions {
    /** The role given to a contact that answered but is missing from the contact list and whose answer has no role. */
    public static final Role UNKNOWN_ROLE = Role.of("unknown");

    private static final AccountMapOptions DEFAULTS = builder().build();

    private final int windowDays;
    private final int silentDays;
    private final int decliningDays;
    private final double significanceLevel;
    private final double lowCoverageShare;
    private final Optional<Set<EpisodeType>> episodes;
    private final RolePolicy roles;
    private final AccountCategoryRule categoryRule;
    private final Map<Flag, Double> flagRiskWeights;
    private final Map<Category, Double> categoryRiskWeights;

    private AccountMapOptions(Builder b) {
        this.windowDays = b.windowDays;
        this.silentDays = b.silentDays;
        this.decliningDays = b.decliningDays;
        this.significanceLevel = b.significanceLevel;
        this.lowCoverageShare = b.lowCoverageShare;
        this.episodes = b.episodes;
        this.roles = b.roles;
        this.categoryRule = b.categoryRule;
        this.flagRiskWeights = Collections.unmodifiableMap(new EnumMap<>(b.flagRiskWeights));
        this.categoryRiskWeights = Collections.unmodifiableMap(new EnumMap<>(b.categoryRiskWeights));
    }

    /**
     * Returns the default options.
     *
     * @return the defaults
     */
    public static AccountMapOptions defaults() {
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
     * Returns the length of the map window {@code (asOf − days, asOf]}; default 365. The trend compares it with the
     * window of the same length just before.
     *
     * @return days
     */
    public int windowDays() {
        return windowDays;
    }

    /**
     * Returns the days without any answer after which an account is {@link Flag#SILENT}; default 180.
     *
     * @return days
     */
    public int silentDays() {
        return silentDays;
    }

    /**
     * Returns the length of each of the two periods compared by {@link Flag#DECLINING}; default 90.
     *
     * @return days
     */
    public int decliningDays() {
        return decliningDays;
    }

    /**
     * Returns the significance level of the {@link Flag#DECLINING} test (two-sided p below it); default 0.05.
     *
     * @return the level, in (0, 1)
     */
    public double significanceLevel() {
        return significanceLevel;
    }

    /**
     * Returns the share of mapped contacts that must have answered in the window to avoid {@link Flag#LOW_COVERAGE};
     * default 0.20.
     *
     * @return the share, in [0, 1]
     */
    public double lowCoverageShare() {
        return lowCoverageShare;
    }

    /**
     * Returns the episode types that count; empty means all (the default: a contact's latest stance is their latest
     * answer, whatever it was about).
     *
     * @return the episode types, if restricted
     */
    public Optional<Set<EpisodeType>> episodes() {
        return episodes;
    }

    /**
     * Tells whether answers and invitations of an episode type count.
     *
     * @param episode the episode type
     * @return true when no restriction is set or the type is listed
     */
    public boolean counts(EpisodeType episode) {
        return episodes.isEmpty() || episodes.get().contains(episode);
    }

    /**
     * Returns the role policy: which roles decide (for {@link Flag#DECIDER_DETRACTOR} and {@link Flag#NO_DECIDER_HEARD})
     * and influence (for {@link Flag#POLARISED}), the role weights of the role-weighted mean score, and the seniority
     * order of the waterfall answer and of the roles in outputs; default {@link RolePolicy#defaults()}.
     *
     * @return the policy
     */
    public RolePolicy rolePolicy() {
        return roles;
    }

    /**
     * Returns the rule that classifies an account as one customer; default
     * {@link AccountCategoryRule#ROLE_WEIGHTED_MEAN}.
     *
     * @return the rule
     */
    public AccountCategoryRule categoryRule() {
        return categoryRule;
    }

    /**
     * Returns the risk weight of each flag; defaults: decider-detractor 5, declining 3, no-decider-heard 2, silent 2,
     * polarised 2, low-coverage 1.
     *
     * @return weight per flag (every flag present)
     */
    public Map<Flag, Double> flagRiskWeights() {
        return flagRiskWeights;
    }

    /**
     * Returns the risk weight of each account category; defaults: detractor 4, passive 1, promoter 0.
     *
     * @return weight per category (every category present)
     */
    public Map<Category, Double> categoryRiskWeights() {
        return categoryRiskWeights;
    }

    /**
     * Compares all settings.
     *
     * @param o another object
     * @return true for options with the same settings
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof AccountMapOptions x && x.windowDays == windowDays && x.silentDays == silentDays
                && x.decliningDays == decliningDays && x.significanceLevel == significanceLevel
                && x.lowCoverageShare == lowCoverageShare && x.episodes.equals(episodes)
                && x.roles.equals(roles) && x.categoryRule == categoryRule
                && x.flagRiskWeights.equals(flagRiskWeights) && x.categoryRiskWeights.equals(categoryRiskWeights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(windowDays, silentDays, decliningDays, significanceLevel, lowCoverageShare,
                episodes, roles, categoryRule, flagRiskWeights, categoryRiskWeights);
    }

    @Override
    public String toString() {
        return "AccountMapOptions[windowDays=" + windowDays + ", silentDays=" + silentDays + ", decliningDays="
                + decliningDays + ", significanceLevel=" + significanceLevel + ", lowCoverageShare="
                + lowCoverageShare + ", episodes=" + episodes.map(Object::toString).orElse("all") + ", rule="
                + categoryRule + "]";
    }

    /** A builder of {@link AccountMapOptions}, starting from the defaults; validates eagerly; not thread-safe. */
    public static final class Builder {
        private int windowDays = 365;
        private int silentDays = 180;
        private int decliningDays = 90;
        private double significanceLevel = 0.05;
        private double lowCoverageShare = 0.20;
        private Optional<Set<EpisodeType>> episodes = Optional.empty();
        private RolePolicy roles = RolePolicy.defaults();
        private AccountCategoryRule categoryRule = AccountCategoryRule.ROLE_WEIGHTED_MEAN;
        private final EnumMap<Flag, Double> flagRiskWeights = new EnumMap<>(Map.of(Flag.DECIDER_DETRACTOR, 5.0,
                Flag.DECLINING, 3.0, Flag.NO_DECIDER_HEARD, 2.0, Flag.SILENT, 2.0, Flag.POLARISED, 2.0,
                Flag.LOW_COVERAGE, 1.0));
        private final EnumMap<Category, Double> categoryRiskWeights = new EnumMap<>(Map.of(Category.DETRACTOR, 4.0,
                Category.PASSIVE, 1.0, Category.PROMOTER, 0.0));

        private Builder() {
        }

        /**
         * Sets the map window length.
         *
         * @param days days, at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder windowDays(int days) {
            this.windowDays = positive(days, "windowDays");
            return this;
        }

        /**
         * Sets the silence threshold of {@link Flag#SILENT}.
         *
         * @param days days, at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder silentDays(int days) {
            this.silentDays = positive(days, "silentDays");
            return this;
        }

        /**
         * Sets the period length of {@link Flag#DECLINING}.
         *
         * @param days days, at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder decliningDays(int days) {
            this.decliningDays = positive(days, "decliningDays");
            return this;
        }

        /**
         * Sets the significance level of {@link Flag#DECLINING}.
         *
         * @param alpha a level strictly between 0 and 1
         * @return this builder
         * @throws IllegalArgumentException otherwise
         */
        public Builder significanceLevel(double alpha) {
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("significanceLevel " + alpha + " must be strictly between 0 and 1");
            }
            this.significanceLevel = alpha;
            return this;
        }

        /**
         * Sets the coverage threshold of {@link Flag#LOW_COVERAGE}.
         *
         * @param share a share in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException otherwise
         */
        public Builder lowCoverageShare(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("lowCoverageShare " + share + " must be in [0, 1]");
            }
            this.lowCoverageShare = share;
            return this;
        }

        /**
         * Restricts answers and invitations to these episode types.
         *
         * @param types at least one type
         * @return this builder
         * @throws IllegalArgumentException if none is given
         */
        public Builder episodes(EpisodeType... types) {
            return episodes(List.of(types));
        }

        /**
         * Restricts answers and invitations to these episode types.
         *
         * @param types at least one type
         * @return this builder
         * @throws IllegalArgumentException if none is given
         */
        public Builder episodes(Collection<EpisodeType> types) {
            Objects.requireNonNull(types, "types");
            if (types.isEmpty()) {
                throw new IllegalArgumentException("episodes: name at least one episode type");
            }
            this.episodes = Optional.of(Set.copyOf(types));
            return this;
        }

        /**
         * Counts answers and invitations of every episode type (the default).
         *
         * @return this builder
         */
        public Builder allEpisodes() {
            this.episodes = Optional.empty();
            return this;
        }

        /**
         * Sets the role policy (deciders, influencers, role weights, seniority).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder rolePolicy(RolePolicy policy) {
            this.roles = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the account category rule.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder categoryRule(AccountCategoryRule rule) {
            this.categoryRule = Objects.requireNonNull(rule, "categoryRule");
            return this;
        }

        /**
         * Sets the risk weight of one flag.
         *
         * @param flag the flag
         * @param weight a finite weight {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException on a negative or non-finite weight
         */
        public Builder riskWeight(Flag flag, double weight) {
            flagRiskWeights.put(Objects.requireNonNull(flag, "flag"), nonNegative(weight, "risk weight of " + flag));
            return this;
        }

        /**
         * Sets the risk weight of one account category.
         *
         * @param category the category
         * @param weight a finite weight {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException on a negative or non-finite weight
         */
        public Builder riskWeight(Category category, double weight) {
            categoryRiskWeights.put(Objects.requireNonNull(category, "category"),
                    nonNegative(weight, "risk weight of category " + category.label()));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public AccountMapOptions build() {
            return new AccountMapOptions(this);
        }

        private static int positive(int days, String what) {
            if (days < 1) {
                throw new IllegalArgumentException(what + " " + days + " must be at least 1");
            }
            return days;
        }

        private static double nonNegative(double w, String what) {
            if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(what + " " + w + " must be a finite number >= 0");
            }
            return w;
        }
    }
}
