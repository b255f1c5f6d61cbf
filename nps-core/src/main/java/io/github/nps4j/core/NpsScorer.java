package io.github.nps4j.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grouped, weighted Net Promoter scoring of response objects: the object engine of a {@link ScoringSpec}. The spec
 * fixes the rules (filters, the episode rule, grouping, de-duplication within each group, weighting within each
 * group's accounts — see {@link ScoringSpec}); this class only applies them to a collection of {@link Response}s and
 * tallies each group into an {@link NpsEstimate}, keeping the weighted responses behind every group
 * ({@link WeightedGroup}) for statistics that need more than totals.
 *
 * <p>Immutable and thread-safe. Example usage:
 * <pre>{@code
 * ScoringSpec spec = ScoringSpec.builder()
 *         .weighting(Weighting.roleAccountEqual(RoleWeights.defaults()))
 *         .groupBy(GroupField.ROLE)
 *         .build();
 * GroupedNps byRole = NpsScorer.of(spec, accounts).score(responses);
 * byRole.group("decision-maker").map(g -> g.estimate().nps());
 * }</pre>
 * {@link #builder()} sets the accounts and the spec's settings in one chain.
 *
 * @since 0.1.0
 */
public final class NpsScorer {
    private static final Logger LOG = LoggerFactory.getLogger(NpsScorer.class);
    private final Map<String, Account> accounts;
    private final Map<String, Contact> contacts;
    private final ScoringSpec spec;

    private NpsScorer(ScoringSpec spec, Map<String, Account> accounts, Map<String, Contact> contacts) {
        this.spec = spec;
        this.accounts = accounts;
        this.contacts = contacts;
    }

    /**
     * Returns the scorer of a spec without accounts.
     *
     * @param spec the spec
     * @return the scorer
     * @throws IllegalArgumentException if the spec needs the accounts (value weighting, tier or segment grouping)
     */
    public static NpsScorer of(ScoringSpec spec) {
        return of(spec, List.of());
    }

    /**
     * Returns the scorer of a spec with the accounts that tier and segment grouping and value weighting need.
     *
     * @param spec the spec
     * @param accounts the accounts
     * @return the scorer
     * @throws IllegalArgumentException on duplicate account ids, or if the spec needs the accounts and none are given
     */
    public static NpsScorer of(ScoringSpec spec, Collection<Account> accounts) {
        Objects.requireNonNull(spec, "spec");
        Map<String, Account> byId = Portfolio.index(List.copyOf(Objects.requireNonNull(accounts, "accounts")),
                Account::id, "account");
        spec.requireAccounts(!byId.isEmpty());
        return new NpsScorer(spec, byId, Map.of());
    }

    /**
     * Returns the scorer of a spec with the accounts and the contacts: responses without a role take their contact's
     * role when scored (so grouping or weighting by role needs no {@link Portfolio#withRoles()} step), and a response
     * whose account is not its contact's is refused. Example usage, from a CRM plugin's objects:
     * <pre>{@code
     * GroupedNps byRole = NpsScorer.of(ScoringSpec.builder().groupBy(GroupField.ROLE).build(), accounts, contacts)
     *         .score(responses);
     * }</pre>
     *
     * @param spec the spec
     * @param accounts the accounts (may be empty when the spec does not need them)
     * @param contacts the contacts
     * @return the scorer
     * @throws IllegalArgumentException on duplicate account or contact ids, or if the spec needs the accounts and
     *         none are given
     * @since 0.1.0
     */
    public static NpsScorer of(ScoringSpec spec, Collection<Account> accounts, Collection<Contact> contacts) {
        NpsScorer s = of(spec, accounts);
        Map<String, Contact> byId = Portfolio.index(List.copyOf(Objects.requireNonNull(contacts, "contacts")),
                Contact::id, "contact");
        return new NpsScorer(spec, s.accounts, byId);
    }

    /**
     * Starts a builder: no accounts and the {@link ScoringSpec#defaults() default spec}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the spec this scorer applies.
     *
     * @return the spec
     */
    public ScoringSpec spec() {
        return spec;
    }

    /**
     * Scores responses with unit weights as one group.
     *
     * @param responses the responses
     * @return their estimate
     */
    public static NpsEstimate scoreAll(Collection<Response> responses) {
        Objects.requireNonNull(responses, "responses");
        Tally t = new Tally();
        for (Response r : responses) {
            t.add(r.category(), 1.0);
        }
        return t.snapshot();
    }

    /**
     * Scores the responses.
     *
     * @param responses the responses (not modified)
     * @return the overall and grouped estimates
     * @throws MixedEpisodesException when episode types would be mixed silently
     * @throws IllegalArgumentException when a grouping field or the weighting needs an account that is unknown or
     *         lacks an annual value, a custom weight is invalid, or (with contacts) a response's account is not its
     *         contact's
     */
    public GroupedNps score(Collection<Response> responses) {
        Objects.requireNonNull(responses, "responses");
        if (!contacts.isEmpty()) {
            responses = Portfolio.fillRoles(List.copyOf(responses), contacts);
        }
        List<Response> kept = new ArrayList<>(responses.size());
        Set<EpisodeType> present = new TreeSet<>();
        for (Response r : responses) {
            if (spec.keeps(r)) {
                kept.add(r);
                present.add(r.episode());
            }
        }
        boolean omitOverall = spec.checkEpisodes(present);
        List<GroupField> fields = spec.groupBy();
        Optional<GroupedNps.Group> overall = omitOverall ? Optional.empty()
                : Optional.of(group(new GroupKey(List.of(), List.of()), kept));
        List<GroupedNps.Group> groups = new ArrayList<>();
        if (!fields.isEmpty()) {
            TreeMap<GroupKey, List<Response>> split = new TreeMap<>();
            List<String> names = spec.fieldNames();
            for (Response r : kept) {
                List<String> values = new ArrayList<>(fields.size());
                for (GroupField f : fields) {
                    values.add(f.valueOf(r, accounts));
                }
                split.computeIfAbsent(new GroupKey(names, values), k -> new ArrayList<>()).add(r);
            }
            split.forEach((k, rs) -> groups.add(group(k, rs)));
        }
        logDegenerate(overall, groups);
        return new GroupedNps(spec.weighting().label(), spec.dedupe(), spec.fieldNames(), overall, groups);
    }

    /** Groups listed by key in the degenerate-groups log line, at most. */
    static final int DEGENERATE_KEYS_LOGGED = 5;

    /**
     * One INFO line per call when some groups are degenerate (all answers in one category: a Wald standard error of 0
     * that is not certainty); their keys at DEBUG. Nothing per response.
     */
    private static void logDegenerate(Optional<GroupedNps.Group> overall, List<GroupedNps.Group> groups) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        List<String> degenerate = new ArrayList<>();
        overall.filter(g -> g.estimate().isDegenerate()).ifPresent(g -> degenerate.add("overall"));
        for (GroupedNps.Group g : groups) {
            if (g.estimate().isDegenerate()) {
                degenerate.add(g.key().toString());
            }
        }
        if (degenerate.isEmpty()) {
            return;
        }
        int total = groups.size() + (overall.isPresent() ? 1 : 0);
        LOG.info("{} of {} scored groups are degenerate (every answer in one category): their Wald standard error is "
                + "0, which is not certainty; use the score or adjusted-wald interval. First: {}", degenerate.size(),
                total, degenerate.subList(0, Math.min(DEGENERATE_KEYS_LOGGED, degenerate.size())));
        LOG.debug("Degenerate groups: {}", degenerate);
    }

    private GroupedNps.Group group(GroupKey key, List<Response> members) {
        List<Response> deduped = spec.dedupe().apply(members);
        WeightedGroup data = new WeightedGroup(key, deduped, spec.weighting().weigh(deduped, accounts));
        return new GroupedNps.Group(key, data.estimate(), data);
    }

    /**
     * A builder of {@link NpsScorer}: the accounts, and the settings of its {@link ScoringSpec} (each setter does
     * what the same-named {@link ScoringSpec.Builder} method does). Validates eagerly; not thread-safe.
     */
    public static final class Builder {
        private List<Account> accounts = List.of();
        private List<Contact> contacts = List.of();
        private ScoringSpec.Builder spec = ScoringSpec.builder();

        private Builder() {
        }

        /**
         * Sets the accounts (needed by tier and segment grouping and by value weighting).
         *
         * @param list the accounts
         * @return this builder
         */
        public Builder accounts(Collection<Account> list) {
            Objects.requireNonNull(list, "list");
            this.accounts = List.copyOf(list);
            return this;
        }

        /**
         * Sets the contacts: responses without a role take their contact's role, and a response of another account
         * than its contact's is refused ({@link NpsScorer#of(ScoringSpec, Collection, Collection)}).
         *
         * @param list the contacts
         * @return this builder
         * @since 0.1.0
         */
        public Builder contacts(Collection<Contact> list) {
            this.contacts = List.copyOf(Objects.requireNonNull(list, "contacts"));
            return this;
        }

        /**
         * Replaces every scoring setting with a spec's.
         *
         * @param s the spec
         * @return this builder
         */
        public Builder spec(ScoringSpec s) {
            Objects.requireNonNull(s, "s");
            this.spec = s.toBuilder();
            return this;
        }

        /**
         * Sets the weighting ({@link ScoringSpec.Builder#weighting}).
         *
         * @param w the weighting
         * @return this builder
         */
        public Builder weighting(Weighting w) {
            spec.weighting(w);
            return this;
        }

        /**
         * Groups by the given fields, replacing earlier ones ({@link ScoringSpec.Builder#groupBy(List)}).
         *
         * @param groupFields the fields, in key order
         * @return this builder
         * @throws IllegalArgumentException if a field repeats
         */
        public Builder groupBy(GroupField... groupFields) {
            spec.groupBy(groupFields);
            return this;
        }

        /**
         * Groups by the given fields, replacing earlier ones ({@link ScoringSpec.Builder#groupBy(List)}).
         *
         * @param groupFields the fields, in key order
         * @return this builder
         * @throws IllegalArgumentException if a field repeats
         */
        public Builder groupBy(List<GroupField> groupFields) {
            Objects.requireNonNull(groupFields, "groupFields");
            spec.groupBy(groupFields);
            return this;
        }

        /**
         * Sets the de-duplication rule ({@link ScoringSpec.Builder#dedupe}).
         *
         * @param d the rule
         * @return this builder
         */
        public Builder dedupe(Dedupe d) {
            spec.dedupe(d);
            return this;
        }

        /**
         * Keeps only responses answered from {@code from} to {@code to}, both included
         * ({@link ScoringSpec.Builder#window(LocalDate, LocalDate)}).
         *
         * @param from first day
         * @param to last day
         * @return this builder
         * @throws IllegalArgumentException if {@code to} is before {@code from}
         */
        public Builder window(LocalDate from, LocalDate to) {
            spec.window(from, to);
            return this;
        }

        /**
         * Keeps only responses answered in a window ({@link ScoringSpec.Builder#window(DateWindow)}).
         *
         * @param w the window
         * @return this builder
         */
        public Builder window(DateWindow w) {
            spec.window(w);
            return this;
        }

        /**
         * Keeps only responses that pass a predicate, combined with earlier filters by AND
         * ({@link ScoringSpec.Builder#filter}).
         *
         * @param p the predicate
         * @return this builder
         */
        public Builder filter(Predicate<Response> p) {
            spec.filter(p);
            return this;
        }

        /**
         * Keeps only responses of these episode types ({@link ScoringSpec.Builder#episodes(EpisodeType...)}).
         *
         * @param types the types, at least one
         * @return this builder
         * @throws IllegalArgumentException if none is given
         */
        public Builder episodes(EpisodeType... types) {
            spec.episodes(types);
            return this;
        }

        /**
         * Allows responses of different episode types in one figure ({@link ScoringSpec.Builder#mixEpisodes()}).
         *
         * @return this builder
         */
        public Builder mixEpisodes() {
            spec.mixEpisodes();
            return this;
        }

        /**
         * Builds the scorer.
         *
         * @return the scorer
         * @throws IllegalArgumentException on duplicate account ids, or if the spec needs the accounts (value
         *         weighting, tier or segment grouping) and none were given
         */
        public NpsScorer build() {
            return NpsScorer.of(spec.build(), accounts, contacts);
        }
    }
}
