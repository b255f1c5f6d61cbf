package io.github.nps4j.testkit;

import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Score;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One answer in a hand-written test, before ids are assigned: who (a role, optionally a fixed contact id), the score
 * and optionally the episode, the time, a comment and attribute ratings. {@link Responses} turns answers into
 * {@code Response}s and portfolios.
 *
 * <p>Value-based and immutable; the {@code with}-style methods return copies. Example usage:
 * <pre>{@code
 * import static io.github.nps4j.testkit.Answer.*;
 * List<Response> rs = Responses.of("A1", decisionMaker(3), user(9), user(10).rating("delivery", 9));
 * }</pre>
 *
 * @param role the answering contact's role
 * @param score the score, 0–10
 * @param episode what the answer is about
 * @param answeredAt when it was given; empty = {@link Responses#DEFAULT_DATE} at midnight
 * @param contactId the answering contact's id; empty = a fresh contact per answer
 * @param comment the comment, if any
 * @param ratings attribute ratings, sorted by name
 * @since 0.1.0
 */
public record Answer(Role role, int score, EpisodeType episode, Optional<LocalDateTime> answeredAt,
        Optional<String> contactId, Optional<String> comment, Map<String, Double> ratings) {

    /**
     * Validates the answer.
     *
     * @throws IllegalArgumentException if the score is not 0–10 or a rating is not finite
     */
    public Answer {
        Objects.requireNonNull(role, "role");
        Score.requireValid(score);
        Objects.requireNonNull(episode, "episode");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(comment, "comment");
        TreeMap<String, Double> copy = new TreeMap<>();
        ratings.forEach((k, v) -> {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("rating " + k + " = " + v + " is not finite");
            }
            copy.put(k, v);
        });
        ratings = Collections.unmodifiableMap(copy);
    }

    /**
     * Returns a relationship answer of a role.
     *
     * @param role the role
     * @param score the score, 0–10
     * @return the answer
     * @throws IllegalArgumentException if the score is out of range
     */
    public static Answer of(Role role, int score) {
        return new Answer(role, score, EpisodeType.RELATIONSHIP, Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of());
    }

    /**
     * Returns a decision-maker's relationship answer.
     *
     * @param score the score, 0–10
     * @return the answer
     * @throws IllegalArgumentException if the score is out of range
     */
    public static Answer decisionMaker(int score) {
        return of(Role.DECISION_MAKER, score);
    }

    /**
     * Returns an influencer's relationship answer.
     *
     * @param score the score, 0–10
     * @return the answer
     * @throws IllegalArgumentException if the score is out of range
     */
    public static Answer influencer(int score) {
        return of(Role.INFLUENCER, score);
    }

    /**
     * Returns a gatekeeper's relationship answer.
     *
     * @param score the score, 0–10
     * @return the answer
     * @throws IllegalArgumentException if the score is out of range
     */
    public static Answer gatekeeper(int score) {
        return of(Role.GATEKEEPER, score);
    }

    /**
     * Returns a user's relationship answer.
     *
     * @param score the score, 0–10
     * @return the answer
     * @throws IllegalArgumentException if the score is out of range
     */
    public static Answer user(int score) {
        return of(Role.USER, score);
    }

    /**
     * Returns a copy answered on a day (at midnight).
     *
     * @param day the day
     * @return the copy
     */
    public Answer on(LocalDate day) {
        return at(day.atStartOfDay());
    }

    /**
     * Returns a copy answered at a time.
     *
     * @param time the local date-time
     * @return the copy
     */
    public Answer at(LocalDateTime time) {
        return new Answer(role, score, episode, Optional.of(time), contactId, comment, ratings);
    }

    /**
     * Returns a copy about another episode.
     *
     * @param type the episode type
     * @return the copy
     */
    public Answer episode(EpisodeType type) {
        return new Answer(role, score, type, answeredAt, contactId, comment, ratings);
    }

    /**
     * Returns a copy given by a fixed contact (use the same id twice for repeat answers of one person).
     *
     * @param id the contact id
     * @return the copy
     */
    public Answer contact(String id) {
        return new Answer(role, score, episode, answeredAt, Optional.of(id), comment, ratings);
    }

    /**
     * Returns a copy with a comment.
     *
     * @param text the comment
     * @return the copy
     */
    public Answer comment(String text) {
        return new Answer(role, score, episode, answeredAt, contactId, Optional.of(text), ratings);
    }

    /**
     * Returns a copy with one more attribute rating (replacing one of the same name).
     *
     * @param attribute the attribute name
     * @param value the rating, finite
     * @return the copy
     * @throws IllegalArgumentException if the rating is not finite
     */
    public Answer rating(String attribute, double value) {
        Map<String, Double> m = new TreeMap<>(ratings);
        m.put(attribute, value);
        return new Answer(role, score, episode, answeredAt, contactId, comment, m);
    }
}
