package io.github.nps4j.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A customer organisation. Accounts form hierarchies (group → subsidiary, distributor → retailer → end user) through
 * {@link #parentId()}, sit at a channel {@link #tier()}, may carry an annual value (revenue), an owner (the account
 * manager) and free segment tags such as {@code industry} or {@code region}.
 *
 * <p>Value-based and immutable. Example usage:
 * <pre>{@code
 * Account acme = Account.builder("A1").name("Acme GmbH").tier(Tier.DIRECT)
 *         .annualValue(250_000).owner("maria").segment("region", "emea").build();
 * }</pre>
 *
 * @param id the account id, non-blank
 * @param name the display name (defaults to the id)
 * @param tier the channel tier
 * @param parentId the parent account's id, if any (never equal to {@code id})
 * @param annualValue the annual value (revenue), finite and {@code >= 0}, if known
 * @param owner the account owner (account manager), if known
 * @param segments segment tags, e.g. {@code industry → chemicals}; keys are non-blank
 * @param outcome whether the account renewed and how its revenue grew, for loyalty economics (often unknown)
 * @since 0.1.0
 */
public record Account(String id, String name, Tier tier, Optional<String> parentId, OptionalDouble annualValue,
        Optional<String> owner, Map<String, String> segments, AccountOutcome outcome) {

    /**
     * Validates the account.
     *
     * @throws IllegalArgumentException on a blank id, a negative or non-finite annual value, a blank segment name, or
     *         an account that is its own parent
     */
    public Account {
        id = Ids.require(id, "account id");
        Objects.requireNonNull(name, "name");
        name = name.isBlank() ? id : name;
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(parentId, "parentId");
        parentId = parentId.map(String::strip).filter(p -> !p.isEmpty());
        if (parentId.isPresent() && parentId.get().equals(id)) {
            throw new IllegalArgumentException("account " + id + " cannot be its own parent");
        }
        Objects.requireNonNull(annualValue, "annualValue");
        if (annualValue.isPresent()) {
            Ids.requireNonNegativeFinite(annualValue.getAsDouble(), "annual value of account " + id);
        }
        Objects.requireNonNull(owner, "owner");
        owner = owner.map(String::strip).filter(o -> !o.isEmpty());
        Objects.requireNonNull(segments, "segments");
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : segments.entrySet()) {
            String k = Ids.require(e.getKey(), "segment name", "account", id);
            copy.put(k, Objects.requireNonNull(e.getValue(), "segment " + k + " of account " + id));
        }
        segments = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * Creates an account without a known outcome.
     *
     * @param id the account id, non-blank
     * @param name the display name (defaults to the id)
     * @param tier the channel tier
     * @param parentId the parent account's id, if any
     * @param annualValue the annual value (revenue), finite and {@code >= 0}, if known
     * @param owner the account owner, if known
     * @param segments segment tags
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Account(String id, String name, Tier tier, Optional<String> parentId, OptionalDouble annualValue,
            Optional<String> owner, Map<String, String> segments) {
        this(id, name, tier, parentId, annualValue, owner, segments, AccountOutcome.none());
    }

    /**
     * Returns a direct account with only an id and a name.
     *
     * @param id the id
     * @param name the name
     * @return the account
     */
    public static Account of(String id, String name) {
        return builder(id).name(name).build();
    }

    /**
     * Starts a builder.
     *
     * @param id the account id
     * @return a builder with tier {@link Tier#DIRECT} and nothing else set
     */
    public static Builder builder(String id) {
        Objects.requireNonNull(id, "id");
        return new Builder(id);
    }

    /**
     * Returns a segment tag.
     *
     * @param segment e.g. {@code region}
     * @return its value for this account, if tagged
     */
    public Optional<String> segment(String segment) {
        return Optional.ofNullable(segments.get(segment));
    }

    /** A builder of {@link Account}; not thread-safe. */
    public static final class Builder {
        private final String id;
        private String name = "";
        private Tier tier = Tier.DIRECT;
        private Optional<String> parentId = Optional.empty();
        private OptionalDouble annualValue = OptionalDouble.empty();
        private Optional<String> owner = Optional.empty();
        private final Map<String, String> segments = new TreeMap<>();
        private AccountOutcome outcome = AccountOutcome.none();

        private Builder(String id) {
            this.id = id;
        }

        /**
         * Sets the account's display name (empty by default).
         *
         * @param name the display name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the account's position in the channel; the default is {@link Tier#DIRECT}.
         *
         * @param tier the channel tier
         * @return this builder
         */
        public Builder tier(Tier tier) {
            this.tier = Objects.requireNonNull(tier, "tier");
            return this;
        }

        /**
         * Sets the parent account in a hierarchy (group → subsidiary).
         *
         * @param parentId the parent account id, or {@code null} for none
         * @return this builder
         */
        public Builder parent(@org.jspecify.annotations.Nullable String parentId) {
            this.parentId = Optional.ofNullable(parentId);
            return this;
        }

        /**
         * Sets the annual value (revenue) used by value weighting and revenue at risk; checked by {@link #build()}.
         *
         * @param value annual value, finite and {@code >= 0}
         * @return this builder
         */
        public Builder annualValue(double value) {
            this.annualValue = OptionalDouble.of(value);
            return this;
        }

        /**
         * Sets the account owner (account manager), who gets the account's follow-up cases. A person's name: never
         * logged above DEBUG.
         *
         * @param owner the account owner, or {@code null} for none
         * @return this builder
         */
        public Builder owner(@org.jspecify.annotations.Nullable String owner) {
            this.owner = Optional.ofNullable(owner);
            return this;
        }

        /**
         * Adds a free segment tag such as {@code industry} or {@code region}; a later value for the same name replaces
         * it.
         *
         * @param name segment name
         * @param value its value
         * @return this builder
         */
        public Builder segment(String name, String value) {
            segments.put(name, value);
            return this;
        }

        /**
         * Sets what became of the account (renewal, revenue growth), for loyalty economics.
         *
         * @param outcome the outcome
         * @return this builder
         * @since 0.1.0
         */
        public Builder outcome(AccountOutcome outcome) {
            this.outcome = Objects.requireNonNull(outcome, "outcome");
            return this;
        }

        /**
         * Builds the account.
         *
         * @return the account
         * @throws IllegalArgumentException as {@link Account#Account}
         */
        public Account build() {
            return new Account(id, name, tier, parentId, annualValue, owner, segments, outcome);
        }
    }
}
