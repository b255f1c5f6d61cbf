package io.github.nps4j.core;

import io.github.nps4j.core.internal.RowMap;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * One answer of one contact: the 0–10 score, the "why" comment and optional attribute ratings (e.g. {@code delivery →
 * 6}; an attribute the respondent skipped is simply absent).
 *
 * <p>The role may be left empty when the caller knows it only through the contact; {@link Portfolio#withRoles} and
 * the CSV reader fill it from {@code contacts.csv}. The answer time is the local date-time as written by the source
 * system; periods are taken from its date without any time-zone shift.
 *
 * <p>Value-based and immutable. {@link #toString()} leaves the comment out: comments are personal data and must not
 * reach logs by accident.
 *
 * <p>Example usage:
 * <pre>{@code
 * Response r = Response.builder("R1", "A1", "C1").role(Role.DECISION_MAKER)
 *         .answeredAt(LocalDate.of(2026, 3, 14)).score(6).rating("delivery", 5).build();
 * }</pre>
 *
 * @param id the response id, non-blank
 * @param accountId the answering contact's account
 * @param contactId the answering contact
 * @param role the contact's role, if known
 * @param episode what the answer is about ({@link EpisodeType#RELATIONSHIP} by default)
 * @param answeredAt when the answer was given (local date-time as written)
 * @param score the 0–10 score
 * @param comment the free-text "why", if any
 * @param ratings attribute ratings, finite numbers, keyed by attribute name
 * @param competitorScores the respondent's 0–10 scores of competitors (from {@code competitor:<name>} columns), keyed
 *        by competitor name; a competitor the respondent did not rate is absent
 * @since 0.1.0
 */
public record Response(String id, String accountId, String contactId, Optional<Role> role, EpisodeType episode,
        LocalDateTime answeredAt, int score, Optional<String> comment, Map<String, Double> ratings,
        Map<String, Integer> competitorScores) {

    /**
     * Validates the response.
     *
     * @throws IllegalArgumentException on a blank id, account or contact id, a score or competitor score outside 0–10,
     *         or a rating that is not finite (each message names the response)
     */
    public Response {
        id = Ids.require(id, "response id", "response", null);
        accountId = Ids.require(accountId, "account id", "response", id);
        contactId = Ids.require(contactId, "contact id", "response", id);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(episode, "episode");
        Objects.requireNonNull(answeredAt, "answeredAt");
        if (score < Score.MIN || score > Score.MAX) {
            throw new IllegalArgumentException(
                    "score " + score + " of response " + id + " is out of range; expected an integer 0-10");
        }
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(ratings, "ratings");
        if (ratings instanceof RowMap<Double>) {
            // a row of the reader's columns: validated when read, immutable, in name order
        } else if (ratings.isEmpty()) {
            ratings = Map.of();
        } else {
            TreeMap<String, Double> copy = new TreeMap<>();
            for (Map.Entry<String, Double> e : ratings.entrySet()) {
                String k = Ids.require(e.getKey(), "attribute name", "response", id);
                Double v = Objects.requireNonNull(e.getValue(), "rating " + k + " of response " + id);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(
                            "rating " + k + " = " + v + " of response " + id + " is not finite");
                }
                copy.put(k, v);
            }
            ratings = Collections.unmodifiableMap(copy);
        }
        Objects.requireNonNull(competitorScores, "competitorScores");
        if (competitorScores instanceof RowMap<Integer>) {
            // a row of the reader's columns: validated when read
        } else if (competitorScores.isEmpty()) {
            competitorScores = Map.of();
        } else {
            TreeMap<String, Integer> competitors = new TreeMap<>();
            for (Map.Entry<String, Integer> e : competitorScores.entrySet()) {
                String k = Ids.require(e.getKey(), "competitor name", "response", id);
                Integer v = Objects.requireNonNull(e.getValue(), "competitor score " + k + " of response " + id);
                if (v < Score.MIN || v > Score.MAX) {
                    throw new IllegalArgumentException("competitor score " + k + " = " + v + " of response " + id
                            + " is out of range; expected an integer 0-10");
                }
                competitors.put(k, v);
            }
            competitorScores = Collections.unmodifiableMap(competitors);
        }
    }

    /**
     * Creates a response without competitor scores.
     *
     * @param id the response id, non-blank
     * @param accountId the answering contact's account
     * @param contactId the answering contact
     * @param role the contact's role, if known
     * @param episode what the answer is about
     * @param answeredAt when the answer was given (local date-time as written)
     * @param score the 0–10 score
     * @param comment the free-text "why", if any
     * @param ratings attribute ratings, finite numbers, keyed by attribute name
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Response(String id, String accountId, String contactId, Optional<Role> role, EpisodeType episode,
            LocalDateTime answeredAt, int score, Optional<String> comment, Map<String, Double> ratings) {
        this(id, accountId, contactId, role, episode, answeredAt, score, comment, ratings, Map.of());
    }

    /**
     * Starts a builder.
     *
     * @param id the response id
     * @param accountId the account id
     * @param contactId the contact id
     * @return a builder (episode {@code relationship}, no role, no comment, no ratings; score and date must be set)
     */
    public static Builder builder(String id, String accountId, String contactId) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(contactId, "contactId");
        return new Builder(id, accountId, contactId);
    }

    /**
     * Starts a builder of a contact's answer: the account and the role are the contact's (a role set on the builder
     * wins). Example usage, from a CRM's objects:
     * <pre>{@code
     * Contact c = new Contact("C1", "A1", Role.DECISION_MAKER, Optional.empty(), OptionalDouble.empty());
     * Response r = Response.builder("R1", c).answeredAt(Instant.parse("2026-03-14T09:30:00Z"), ZoneId.of("Europe/Berlin"))
     *         .score(9).build();
     * }</pre>
     *
     * @param id the response id
     * @param contact the answering contact
     * @return a builder (episode {@code relationship}, the contact's role, no comment, no ratings; score and date must
     *         be set)
     * @since 0.1.0
     */
    public static Builder builder(String id, Contact contact) {
        Objects.requireNonNull(contact, "contact");
        Builder b = new Builder(id, contact.accountId(), contact.id());
        b.role = Optional.of(contact.role());
        return b;
    }

    /**
     * Returns the category of the score.
     *
     * @return promoter, passive or detractor
     */
    public Category category() {
        return Category.of(score);
    }

    /**
     * Returns the day the answer was given.
     *
     * @return the date part of {@link #answeredAt()}
     */
    public LocalDate answeredOn() {
        return answeredAt.toLocalDate();
    }

    /**
     * Returns one attribute rating.
     *
     * @param attribute the attribute name
     * @return the rating, or empty when the respondent skipped it
     */
    public OptionalDouble rating(String attribute) {
        Double v = ratings.get(attribute);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * Returns the respondent's score of one competitor.
     *
     * @param competitor the competitor's name
     * @return the 0–10 score, or empty when the respondent did not rate that competitor
     * @since 0.1.0
     */
    public OptionalInt competitorScore(String competitor) {
        Integer v = competitorScores.get(competitor);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /**
     * Returns a copy with the given role.
     *
     * @param newRole the role
     * @return the copy
     */
    public Response withRole(Role newRole) {
        return new Response(id, accountId, contactId, Optional.of(newRole), episode, answeredAt, score, comment,
                ratings, competitorScores);
    }

    /**
     * Returns a copy with another score (used by what-if simulations).
     *
     * @param newScore the score, 0–10
     * @return the copy
     */
    public Response withScore(int newScore) {
        return new Response(id, accountId, contactId, role, episode, answeredAt, newScore, comment, ratings,
                competitorScores);
    }

    /** Describes the response without its comment, which is personal data. */
    @Override
    public String toString() {
        return "Response[id=" + id + ", account=" + accountId + ", contact=" + contactId + ", role="
                + role.map(Role::name).orElse("?") + ", episode=" + episode + ", answeredAt=" + answeredAt
                + ", score=" + score + ", comment=" + (comment.isPresent() ? "<" + comment.get().length() + " chars>"
                        : "none")
                + ", ratings=" + ratings + (competitorScores.isEmpty() ? "" : ", competitorScores=" + competitorScores)
                + "]";
    }

    /** A builder of {@link Response}; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String accountId;
        private final String contactId;
        private Optional<Role> role = Optional.empty();
        private EpisodeType episode = EpisodeType.RELATIONSHIP;
        private LocalDateTime answeredAt;
        private Integer score;
        private Optional<String> comment = Optional.empty();
        private final Map<String, Double> ratings = new TreeMap<>();
        private final Map<String, Integer> competitorScores = new TreeMap<>();

        private Builder(String id, String accountId, String contactId) {
            this.id = id;
            this.accountId = accountId;
            this.contactId = contactId;
        }

        /**
         * Sets the respondent's role for this answer; without it the role comes from the contact (see {@link
         * Portfolio#withRoles()}).
         *
         * @param role the role
         * @return this builder
         */
        public Builder role(Role role) {
            this.role = Optional.of(role);
            return this;
        }

        /**
         * Sets the episode the answer follows; the default is {@link EpisodeType#RELATIONSHIP} (the periodic survey).
         *
         * @param episode the episode type
         * @return this builder
         */
        public Builder episode(EpisodeType episode) {
            this.episode = Objects.requireNonNull(episode, "episode");
            return this;
        }

        /**
         * Sets the day of the answer, taken as the start of that day; the time is not shifted between zones.
         *
         * @param date the answer day
         * @return this builder
         */
        public Builder answeredAt(LocalDate date) {
            this.answeredAt = date.atStartOfDay();
            return this;
        }

        /**
         * Sets the date and time of the answer, as written (local, no time-zone shift).
         *
         * @param dateTime the answer time
         * @return this builder
         */
        public Builder answeredAt(LocalDateTime dateTime) {
            this.answeredAt = Objects.requireNonNull(dateTime, "answeredAt");
            return this;
        }

        /**
         * Sets the answer time from an instant, as local date-time in the given zone (periods are taken from that
         * local date).
         *
         * @param instant the moment of the answer, e.g. a CRM's UTC timestamp
         * @param zone the zone whose local time counts, e.g. the account's or the survey's
         * @return this builder
         * @since 0.1.0
         */
        public Builder answeredAt(java.time.Instant instant, java.time.ZoneId zone) {
            Objects.requireNonNull(instant, "instant");
            Objects.requireNonNull(zone, "zone");
            this.answeredAt = LocalDateTime.ofInstant(instant, zone);
            return this;
        }

        /**
         * Sets the answer time to the local date-time as written in an offset date-time, the offset ignored (as the
         * CSV reader does: periods are those of the source system).
         *
         * @param dateTime the answer time with its offset
         * @return this builder
         * @since 0.1.0
         */
        public Builder answeredAt(java.time.OffsetDateTime dateTime) {
            this.answeredAt = Objects.requireNonNull(dateTime, "answeredAt").toLocalDateTime();
            return this;
        }

        /**
         * Sets the answer time from an offset date-time converted to the local time of a zone.
         *
         * @param dateTime the answer time with its offset
         * @param zone the zone whose local time counts
         * @return this builder
         * @since 0.1.0
         */
        public Builder answeredAt(java.time.OffsetDateTime dateTime, java.time.ZoneId zone) {
            Objects.requireNonNull(dateTime, "answeredAt");
            return answeredAt(dateTime.toInstant(), zone);
        }

        /**
         * Sets the 0–10 answer to "how likely are you to recommend…"; checked by {@link #build()}.
         *
         * @param score the score, 0–10
         * @return this builder
         */
        public Builder score(int score) {
            this.score = score;
            return this;
        }

        /**
         * Sets the free-text comment (the "why"). Comments are personal data: nps4j never logs them above DEBUG.
         *
         * @param comment the comment, or {@code null} for none
         * @return this builder
         */
        public Builder comment(@org.jspecify.annotations.Nullable String comment) {
            this.comment = Optional.ofNullable(comment);
            return this;
        }

        /**
         * Adds the rating of one attribute (e.g. {@code delivery}); a later rating of the same attribute replaces it.
         *
         * @param attribute attribute name
         * @param value its rating
         * @return this builder
         */
        public Builder rating(String attribute, double value) {
            ratings.put(attribute, value);
            return this;
        }

        /**
         * Adds the respondent's 0–10 score of a competitor (checked by {@link #build()}); a later score of the same
         * competitor replaces it.
         *
         * @param competitor the competitor's name
         * @param competitorScore the score the respondent gave the competitor
         * @return this builder
         * @since 0.1.0
         */
        public Builder competitorScore(String competitor, int competitorScore) {
            competitorScores.put(Objects.requireNonNull(competitor, "competitor"), competitorScore);
            return this;
        }

        /**
         * Builds the response.
         *
         * @return the response
         * @throws IllegalStateException if the score or answer date was not set
         * @throws IllegalArgumentException as {@link Response#Response}
         */
        public Response build() {
            if (score == null) {
                throw new IllegalStateException("response " + id + ": score not set");
            }
            if (answeredAt == null) {
                throw new IllegalStateException("response " + id + ": answeredAt not set");
            }
            return new Response(id, accountId, contactId, role, episode, answeredAt, score, comment, ratings,
                    competitorScores);
        }
    }
}
