package io.github.nps4j.core;

/**
 * What the answer is about: the periodic {@link #RELATIONSHIP} survey, or a transactional episode such as a contract
 * negotiation or a service event. An open vocabulary: the well-known types are constants and any other
 * lowercase-hyphen name is allowed. Relationship and episode NPS are never mixed into one figure unless the caller
 * groups or filters them together.
 *
 * <p>Value-based: compare with {@code equals}.
 *
 * @param name the normalised lowercase-hyphen name
 * @since 0.1.0
 */
public record EpisodeType(String name) implements Comparable<EpisodeType> {
    /** The periodic relationship survey; the default episode. */
    public static final EpisodeType RELATIONSHIP = new EpisodeType("relationship");
    /** After onboarding a new customer. */
    public static final EpisodeType ONBOARDING = new EpisodeType("onboarding");
    /** After a contract negotiation. */
    public static final EpisodeType CONTRACT_NEGOTIATION = new EpisodeType("contract-negotiation");
    /** After a service event (incident, support case, repair). */
    public static final EpisodeType SERVICE_EVENT = new EpisodeType("service-event");
    /** After a delivery. */
    public static final EpisodeType DELIVERY = new EpisodeType("delivery");
    /** After a project was completed. */
    public static final EpisodeType PROJECT_COMPLETION = new EpisodeType("project-completion");
    /** After a renewal. */
    public static final EpisodeType RENEWAL = new EpisodeType("renewal");

    /**
     * Validates and normalises the name.
     *
     * @throws IllegalArgumentException if the name is blank or not made of letters, digits and separators
     */
    public EpisodeType {
        name = Vocabulary.normalise("episode", name);
    }

    /**
     * Returns the episode type with the given name, normalised to lowercase-hyphen.
     *
     * @param name a episode type name such as {@code service-event} or {@code "Service event"}
     * @return the episode type
     * @throws IllegalArgumentException if the name is not a valid episode type name
     */
    public static EpisodeType of(String name) {
        return new EpisodeType(name);
    }

    @Override
    public int compareTo(EpisodeType other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
