package io.github.nps4j.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What to score and how, independent of the engine that counts: the weighting (with its role weights), the grouping
 * fields, the de-duplication rule, the date window, the episode types kept and whether episode types may be mixed in
 * one figure. One spec feeds every engine — {@link NpsScorer} (response objects), {@code table.TableScorer}
 * (columnar table), {@code csv.StreamingScorer} (a CSV read row by row) and the Spark aggregators — and each engine
 * owns only its counting loop, so the rules below hold identically everywhere:
 * <ol>
 * <li><b>Filters</b>: a response is kept when its episode type is among {@link #episodes()} (all when not
 * restricted), its answer day is in the {@link #window()} (all days when none), and it passes the
 * {@link #filter() object filter} (object engine only); see {@link #keeps(EpisodeType, long)}.</li>
 * <li><b>Episodes</b>: relationship and episode NPS are never mixed silently. If the kept responses hold more than
 * one episode type and the spec neither groups by {@link GroupField#EPISODE}, nor restricts the episodes to one,
 * nor {@link Builder#mixEpisodes() mixes them}, scoring fails with a {@link MixedEpisodesException}. Grouped by
 * episode, the overall figure (which would mix them) is left out. See {@link #checkEpisodes(Collection)}.</li>
 * <li><b>Groups</b> by the {@link #groupBy() fields}; the overall group holds every kept response.</li>
 * <li><b>De-duplication</b> within each group ({@link Dedupe#LATEST_PER_CONTACT}: a contact counts at most once in
 * every group — once per quarter when grouped by quarter).</li>
 * <li><b>Weights</b> within each group's accounts ({@link Weighting}).</li>
 * </ol>
 *
 * <p>Custom weightings and object filters need the response objects, and segment grouping needs the accounts'
 * segment tags: the columnar and streaming engines refuse such a spec, the Spark engine only the first two
 * ({@link #requireColumnar(String, boolean)}).
 *
 * <p>Immutable, value-based and thread-safe. Example usage:
 * <pre>{@code
 * ScoringSpec spec = ScoringSpec.builder()
 *         .weighting(Weighting.roleAccountEqual(RoleWeights.defaults()))
 *         .groupBy(GroupField.ROLE)
 *         .dedupe(Dedupe.LATEST_PER_CONTACT)
 *         .episodes(EpisodeType.RELATIONSHIP)
 *         .window(DateWindow.lastDays(LocalDate.of(2026, 6, 30), 365))
 *         .build();
 * GroupedNps objects = NpsScorer.of(spec, accounts).score(responses);
 * GroupedEstimates columns = TableScorer.of(spec).score(table);      // same figures
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ScoringSpec {
    private static final ScoringSpec DEFAULTS = new Builder().build();

    private final Weighting weighting;
    private final List<GroupField> groupBy;
    private final Dedupe dedupe;
    private final Optional<DateWindow> window;
    private final Optional<Set<EpisodeType>> episodes;
    private final boolean mixEpisodes;
    private final @Nullable Predicate<Response> filter;

    private ScoringSpec(Builder b) {
        this.weighting = b.weighting;
        this.groupBy = List.copyOf(b.groupBy);
        this.dedupe = b.dedupe;
        this.window = b.window;
        this.episodes = b.episodes.map(Set::copyOf);
        this.mixEpisodes = b.mixEpisodes;
        this.filter = b.filter;
    }

    /**
     * Returns the default spec: unweighted, not grouped, no de-duplication, every day and episode type, episodes not
     * mixed.
     *
     * @return the defaults
     */
    public static ScoringSpec defaults() {
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
     * Starts a builder holding this spec's settings.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.weighting = weighting;
        b.groupBy.addAll(groupBy);
        b.dedupe = dedupe;
        b.window = window;
        b.episodes = episodes;
        b.mixEpisodes = mixEpisodes;
        b.filter = filter;
        return b;
    }

    /**
     * Returns the weighting.
     *
     * @return the weighting (its role weights included)
     */
    public Weighting weighting() {
        return weighting;
    }

    /**
     * Returns the grouping fields, in key order.
     *
     * @return the fields; empty when only the overall figure is scored
     */
    public List<GroupField> groupBy() {
        return groupBy;
    }

    /**
     * Returns the grouping fields' names, as group keys spell them.
     *
     * @return the names, in key order
     */
    public List<String> fieldNames() {
        return groupBy.stream().map(GroupField::name).toList();
    }

    /**
     * Returns the de-duplication rule.
     *
     * @return the rule
     */
    public Dedupe dedupe() {
        return dedupe;
    }

    /**
     * Returns the window of answer days kept, if restricted.
     *
     * @return the window, or empty for every day
     */
    public Optional<DateWindow> window() {
        return window;
    }

    /**
     * Returns the episode types kept, if restricted.
     *
     * @return the types, or empty for all
     */
    public Optional<Set<EpisodeType>> episodes() {
        return episodes;
    }

    /**
     * Tells whether responses of different episode types may be scored together in one figure.
     *
     * @return true if the caller allowed it
     */
    public boolean mixesEpisodes() {
        return mixEpisodes;
    }

    /**
     * Returns the caller's filter on response objects, if any (only {@link NpsScorer} can apply it).
     *
     * @return the filter
     */
    public Optional<Predicate<Response>> filter() {
        return Optional.ofNullable(filter);
    }

    /**
     * Tells whether an episode type is kept.
     *
     * @param episode the episode type
     * @return true when episodes are not restricted or the type is listed
     */
    public boolean keepsEpisode(EpisodeType episode) {
        return episodes.isEmpty() || episodes.get().contains(episode);
    }

    /**
     * Tells whether an answer day, as an epoch day ({@link LocalDate#toEpochDay()}), is in the window.
     *
     * @param epochDay the day
     * @return true when there is no window or the day is in it
     */
    public boolean keepsEpochDay(long epochDay) {
        return window.isEmpty() || window.get().containsEpochDay(epochDay);
    }

    /**
     * The spec's filters on what every engine knows of a response: its episode type and answer day. The object
     * engine also applies {@link #filter()}.
     *
     * @param episode the episode type
     * @param epochDay the answer day as an epoch day
     * @return true if the response is kept
     */
    public boolean keeps(EpisodeType episode, long epochDay) {
        return keepsEpisode(episode) && keepsEpochDay(epochDay);
    }

    /**
     * Applies every filter of the spec to a response object.
     *
     * @param response the response
     * @return true if the response is kept
     */
    public boolean keeps(Response response) {
        Objects.requireNonNull(response, "response");
        return keeps(response.episode(), response.answeredOn().toEpochDay())
                && (filter == null || filter.test(response));
    }

    /**
     * Applies the episode rule to the episode types present among the kept responses.
     *
     * @param present the names of the episode types present (any collection of names or {@link EpisodeType}s)
     * @return true when the overall figure must be left out (more than one type, grouped by episode, not mixed);
     *         false when it can be scored
     * @throws MixedEpisodesException when the types would be mixed silently (more than one type, not grouped by
     *         episode, not mixed deliberately)
     */
    public boolean checkEpisodes(Collection<?> present) {
        SortedSet<String> names = new TreeSet<>();
        present.forEach(p -> names.add(p.toString()));
        if (names.size() <= 1 || mixEpisodes) {
            return false;
        }
        if (groupBy.contains(GroupField.EPISODE)) {
            return true;
        }
        throw new MixedEpisodesException(names);
    }

    /**
     * Checks that this spec can be scored without the accounts: fails when the weighting needs annual values or a
     * grouping field needs the accounts.
     *
     * @param accountsGiven whether the accounts are available
     * @throws IllegalArgumentException when they are needed but not given, saying what needs them
     */
    public void requireAccounts(boolean accountsGiven) {
        if (accountsGiven) {
            return;
        }
        if (weighting.needsAccountValues()) {
            throw new IllegalArgumentException(weighting.label() + " weighting needs the accounts (annual values)");
        }
        for (GroupField f : groupBy) {
            if (f.needsAccounts()) {
                throw new IllegalArgumentException("grouping by " + f + " needs the accounts");
            }
        }
    }

    /**
     * Checks that an engine without response objects (columnar, streaming, Spark) can apply this spec. Custom
     * weightings and object filters need the response objects and are refused by every such engine; grouping by a
     * segment ({@code seg:<name>}) needs the accounts' segment tags, which the columnar and streaming engines do not
     * keep and the Spark engine reads from the accounts' {@code seg:} columns.
     *
     * @param engine the engine's name, for the message
     * @param segments whether the engine keeps the accounts' segment tags (so it can group by {@code seg:} fields)
     * @throws IllegalArgumentException for a custom weighting, an object filter or, unless {@code segments}, segment
     *         grouping, naming it
     */
    public void requireColumnar(String engine, boolean segments) {
        Objects.requireNonNull(engine, "engine");
        if (weighting.isCustom()) {
            throw new IllegalArgumentException("custom weighting '" + weighting.label() + "' needs the response "
                    + "objects; " + engine + " cannot apply it: score them with NpsScorer");
        }
        for (GroupField f : groupBy) {
            if (!segments && f.name().startsWith("seg:")) {
                throw new IllegalArgumentException("grouping by " + f + " is not supported by " + engine
                        + " (it keeps no segment tags); use NpsScorer");
            }
        }
        if (filter != null) {
            throw new IllegalArgumentException("a filter on response objects needs the response objects; " + engine
                    + " cannot apply it: use a window and episodes, or NpsScorer");
        }
    }

    /**
     * Describes the spec in words, for outputs that state the rules they used.
     *
     * @return e.g. {@code weighting role+account-equal; grouped by role; latest answer per contact; answered in
     *         (2025-06-30, 2026-06-30]; episodes [relationship]}
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("weighting " + weighting.label()
                + (weighting.usesRoleWeights() ? " (role weights " + weighting.roleWeights() + ")" : ""));
        if (!groupBy.isEmpty()) {
            parts.add("grouped by " + String.join(", ", fieldNames()));
        }
        parts.add(dedupe == Dedupe.LATEST_PER_CONTACT ? "latest answer per contact" : "every answer");
        window.ifPresent(w -> parts.add("answered in " + w));
        episodes.ifPresent(e -> parts.add("episodes " + new TreeSet<>(e)));
        if (mixEpisodes) {
            parts.add("episode types mixed");
        }
        if (filter != null) {
            parts.add("with a caller's filter");
        }
        return String.join("; ", parts);
    }

    /**
     * Compares all settings; two specs with filters are equal only if the filters are the same object.
     *
     * @param o another object
     * @return true for specs with the same settings
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ScoringSpec s && s.weighting.equals(weighting) && s.groupBy.equals(groupBy)
                && s.dedupe == dedupe && s.window.equals(window) && s.episodes.equals(episodes)
                && s.mixEpisodes == mixEpisodes && s.filter == filter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(weighting, groupBy, dedupe, window, episodes, mixEpisodes);
    }

    @Override
    public String toString() {
        return "ScoringSpec[" + describe() + "]";
    }

    /** A builder of {@link ScoringSpec}, starting from the defaults; validates eagerly; not thread-safe. */
    public static final class Builder {
        private Weighting weighting = Weighting.none();
        private final List<GroupField> groupBy = new ArrayList<>();
        private Dedupe dedupe = Dedupe.NONE;
        private Optional<DateWindow> window = Optional.empty();
        private Optional<Set<EpisodeType>> episodes = Optional.empty();
        private boolean mixEpisodes;
        private @Nullable Predicate<Response> filter;

        private Builder() {
        }

        /**
         * Sets the weighting.
         *
         * @param w the weighting (its role weights included)
         * @return this builder
         */
        public Builder weighting(Weighting w) {
            this.weighting = Objects.requireNonNull(w, "weighting");
            return this;
        }

        /**
         * Groups by the given fields, replacing earlier ones.
         *
         * @param fields the fields, in key order
         * @return this builder
         * @throws IllegalArgumentException if a field repeats
         */
        public Builder groupBy(GroupField... fields) {
            return groupBy(List.of(fields));
        }

        /**
         * Groups by the given fields, replacing earlier ones.
         *
         * @param fields the fields, in key order
         * @return this builder
         * @throws IllegalArgumentException if a field repeats
         */
        public Builder groupBy(List<GroupField> fields) {
            Objects.requireNonNull(fields, "fields");
            if (Set.copyOf(fields).size() != fields.size()) {
                throw new IllegalArgumentException("group fields repeat: " + fields);
            }
            groupBy.clear();
            groupBy.addAll(fields);
            return this;
        }

        /**
         * Sets the de-duplication rule.
         *
         * @param d the rule
         * @return this builder
         */
        public Builder dedupe(Dedupe d) {
            this.dedupe = Objects.requireNonNull(d, "dedupe");
            return this;
        }

        /**
         * Keeps only responses answered in a window.
         *
         * @param w the window, e.g. {@link DateWindow#lastDays(LocalDate, long)}
         * @return this builder
         */
        public Builder window(DateWindow w) {
            this.window = Optional.of(Objects.requireNonNull(w, "window"));
            return this;
        }

        /**
         * Keeps only responses answered from {@code firstDay} to {@code lastDay}, both included.
         *
         * @param firstDay the first day kept
         * @param lastDay the last day kept
         * @return this builder
         * @throws IllegalArgumentException if {@code lastDay} is before {@code firstDay}
         */
        public Builder window(LocalDate firstDay, LocalDate lastDay) {
            return window(DateWindow.ofDays(firstDay, lastDay));
        }

        /**
         * Keeps responses of every day (the default).
         *
         * @return this builder
         */
        public Builder anyDay() {
            this.window = Optional.empty();
            return this;
        }

        /**
         * Keeps only responses of these episode types.
         *
         * @param types the types, at least one
         * @return this builder
         * @throws IllegalArgumentException if none is given
         */
        public Builder episodes(EpisodeType... types) {
            return episodes(List.of(types));
        }

        /**
         * Keeps only responses of these episode types.
         *
         * @param types the types, at least one
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
         * Keeps responses of every episode type (the default).
         *
         * @return this builder
         */
        public Builder allEpisodes() {
            this.episodes = Optional.empty();
            return this;
        }

        /**
         * Allows responses of different episode types to be scored together in one figure.
         *
         * @return this builder
         */
        public Builder mixEpisodes() {
            return mixEpisodes(true);
        }

        /**
         * Allows (or forbids, the default) responses of different episode types in one figure.
         *
         * @param mix the setting
         * @return this builder
         */
        public Builder mixEpisodes(boolean mix) {
            this.mixEpisodes = mix;
            return this;
        }

        /**
         * Keeps only responses that pass a predicate, combined with earlier filters by AND. Only {@link NpsScorer}
         * can apply it; other engines refuse a spec with a filter.
         *
         * @param p the predicate
         * @return this builder
         */
        public Builder filter(Predicate<Response> p) {
            Objects.requireNonNull(p, "filter");
            Predicate<Response> before = filter;
            this.filter = before == null ? p : before.and(p);
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the spec
         */
        public ScoringSpec build() {
            return new ScoringSpec(this);
        }
    }
}
