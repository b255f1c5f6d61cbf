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

/**
 * Grouped, weighted Net Promoter scoring: filter, de-duplicate, group, weigh within each group, tally.
 *
 * <p>The steps, in order, for each call of {@link #score}:
 * <ol>
 * <li>keep responses that pass the filters ({@link Builder#window window}, {@link Builder#episodes episodes},
 * {@link Builder#filter filter});</li>
 * <li>split them into groups by the {@link Builder#groupBy fields} (the overall group holds all of them);</li>
 * <li>de-duplicate within each group ({@link Dedupe#LATEST_PER_CONTACT}: a contact counts at most once in every
 * group — once per quarter when grouped by quarter);</li>
 * <li>weigh each group's responses with the {@link Weighting}, normalising within the group's accounts;</li>
 * <li>tally each group into an {@link NpsEstimate}.</li>
 * </ol>
 *
 * <p>Relationship and episode NPS are never mixed silently: if the kept responses hold more than one
 * {@link EpisodeType} and the caller neither groups by {@link GroupField#EPISODE}, nor restricts
 * {@link Builder#episodes episodes}, nor calls {@link Builder#mixEpisodes()}, scoring fails with a message saying so.
 * When grouped by episode, the overall figure (which would mix them) is left out.
 *
 * <p>Immutable and thread-safe once built. Example usage:
 * <pre>{@code
 * GroupedNps byRole = NpsScorer.builder()
 *         .accounts(accounts)
 *         .weighting(Weighting.roleAccountEqual(RoleWeights.defaults()))
 *         .groupBy(GroupField.ROLE)
 *         .build()
 *         .score(responses);
 * byRole.group("decision-maker").map(g -> g.estimate().nps());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class NpsScorer {
    private final Map<String, Account> accounts;
    private final Weighting weighting;
    private final List<GroupField> fields;
    private final Dedupe dedupe;
    private final Predicate<Response> filter;
    private final Optional<Set<EpisodeType>> episodes;
    private final boolean mixEpisodes;

    private NpsScorer(Builder b) {
        this.accounts = b.accounts;
        this.weighting = b.weighting;
        this.fields = List.copyOf(b.fields);
        this.dedupe = b.dedupe;
        this.filter = b.filter;
        this.episodes = b.episodes.map(Set::copyOf);
        this.mixEpisodes = b.mixEpisodes;
    }

    /**
     * Starts a builder: no accounts, no weighting, no grouping, no de-duplication, no filter.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scores responses with unit weights as one group.
     *
     * @param responses the responses
     * @return their estimate
     */
    public static NpsEstimate scoreAll(Collection<Response> responses) {
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
     * @throws IllegalArgumentException when episode types would be mixed silently, when a grouping field or the
     *         weighting needs an account that is unknown or lacks an annual value, or a custom weight is invalid
     */
    public GroupedNps score(Collection<Response> responses) {
        List<Response> kept = filtered(responses);
        boolean groupedByEpisode = fields.contains(GroupField.EPISODE);
        Set<EpisodeType> present = new TreeSet<>();
        kept.forEach(r -> present.add(r.episode()));
        boolean mixed = present.size() > 1 && !mixEpisodes;
        if (mixed && !groupedByEpisode) {
            throw new IllegalArgumentException("the responses mix episode types " + present
                    + "; relationship and episode NPS are not mixed silently: group by episode, restrict episodes, "
                    + "or ask to mix them");
        }
        Optional<GroupedNps.Group> overall = mixed ? Optional.empty()
                : Optional.of(group(new GroupKey(List.of(), List.of()), kept));
        List<GroupedNps.Group> groups = new ArrayList<>();
        if (!fields.isEmpty()) {
            TreeMap<GroupKey, List<Response>> split = new TreeMap<>();
            List<String> names = fields.stream().map(GroupField::name).toList();
            for (Response r : kept) {
                List<String> values = new ArrayList<>(fields.size());
                for (GroupField f : fields) {
                    values.add(f.valueOf(r, accounts));
                }
                split.computeIfAbsent(new GroupKey(names, values), k -> new ArrayList<>()).add(r);
            }
            split.forEach((k, rs) -> groups.add(group(k, rs)));
        }
        return new GroupedNps(weighting.label(), dedupe, fields.stream().map(GroupField::name).toList(), overall,
                groups);
    }

    private List<Response> filtered(Collection<Response> responses) {
        List<Response> kept = new ArrayList<>(responses.size());
        for (Response r : responses) {
            Objects.requireNonNull(r, "response");
            if (episodes.isPresent() && !episodes.get().contains(r.episode())) {
                continue;
            }
            if (filter.test(r)) {
                kept.add(r);
            }
        }
        return kept;
    }

    private GroupedNps.Group group(GroupKey key, List<Response> members) {
        List<Response> deduped = dedupe.apply(members);
        WeightedGroup data = new WeightedGroup(key, deduped, weighting.weigh(deduped, accounts));
        return new GroupedNps.Group(key, data.estimate(), data);
    }

    /** A builder of {@link NpsScorer}; validates eagerly; not thread-safe. */
    public static final class Builder {
        private Map<String, Account> accounts = Map.of();
        private Weighting weighting = Weighting.none();
        private final List<GroupField> fields = new ArrayList<>();
        private Dedupe dedupe = Dedupe.NONE;
        private Predicate<Response> filter = r -> true;
        private Optional<Set<EpisodeType>> episodes = Optional.empty();
        private boolean mixEpisodes;

        private Builder() {
        }

        /**
         * Sets the accounts (needed by tier and segment grouping and by value weighting).
         *
         * @param list the accounts
         * @return this builder
         * @throws IllegalArgumentException on duplicate ids
         */
        public Builder accounts(Collection<Account> list) {
            this.accounts = Portfolio.index(List.copyOf(list), Account::id, "account");
            return this;
        }

        /** @param w the weighting @return this builder */
        public Builder weighting(Weighting w) {
            this.weighting = Objects.requireNonNull(w, "weighting");
            return this;
        }

        /**
         * Groups by the given fields (replacing earlier ones).
         *
         * @param groupFields the fields, in key order
         * @return this builder
         * @throws IllegalArgumentException if a field repeats
         */
        public Builder groupBy(GroupField... groupFields) {
            return groupBy(List.of(groupFields));
        }

        /**
         * Groups by the given fields (replacing earlier ones).
         *
         * @param groupFields the fields, in key order
         * @return this builder
         * @throws IllegalArgumentException if a field repeats
         */
        public Builder groupBy(List<GroupField> groupFields) {
            if (Set.copyOf(groupFields).size() != groupFields.size()) {
                throw new IllegalArgumentException("group fields repeat: " + groupFields);
            }
            fields.clear();
            fields.addAll(groupFields);
            return this;
        }

        /** @param d the de-duplication rule @return this builder */
        public Builder dedupe(Dedupe d) {
            this.dedupe = Objects.requireNonNull(d, "dedupe");
            return this;
        }

        /**
         * Keeps only responses answered in {@code [from, to]} (both days included).
         *
         * @param from first day
         * @param to last day
         * @return this builder
         * @throws IllegalArgumentException if {@code to} is before {@code from}
         */
        public Builder window(LocalDate from, LocalDate to) {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("window ends " + to + " before it starts " + from);
            }
            return filter(r -> !r.answeredOn().isBefore(from) && !r.answeredOn().isAfter(to));
        }

        /**
         * Keeps only responses that pass a predicate (combined with earlier filters by AND).
         *
         * @param p the predicate
         * @return this builder
         */
        public Builder filter(Predicate<Response> p) {
            this.filter = this.filter.and(Objects.requireNonNull(p, "filter"));
            return this;
        }

        /**
         * Keeps only responses of these episode types.
         *
         * @param types the types, at least one
         * @return this builder
         */
        public Builder episodes(EpisodeType... types) {
            if (types.length == 0) {
                throw new IllegalArgumentException("episodes: name at least one episode type");
            }
            this.episodes = Optional.of(Set.of(types));
            return this;
        }

        /**
         * Allows responses of different episode types to be scored together in one figure.
         *
         * @return this builder
         */
        public Builder mixEpisodes() {
            this.mixEpisodes = true;
            return this;
        }

        /**
         * Builds the scorer.
         *
         * @return the scorer
         * @throws IllegalArgumentException if the weighting needs account values and no accounts were given, or a
         *         field needs accounts and none were given
         */
        public NpsScorer build() {
            if (accounts.isEmpty()) {
                if (weighting.needsAccountValues()) {
                    throw new IllegalArgumentException(weighting.label() + " weighting needs the accounts (annual values)");
                }
                for (GroupField f : fields) {
                    if (f.needsAccounts()) {
                        throw new IllegalArgumentException("grouping by " + f + " needs the accounts");
                    }
                }
            }
            return new NpsScorer(this);
        }
    }
}
