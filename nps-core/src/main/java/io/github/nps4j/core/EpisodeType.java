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

    /**
     * Returns the well-known episode types.
     *
     * @return {@link #RELATIONSHIP}, {@link #ONBOARDING}, {@link #CONTRACT_NEGOTIATION}, {@link #SERVICE_EVENT}, {@link #DELIVERY}, {@link #PROJECT_COMPLETION}, {@link #RENEWAL}
     */
    public static java.util.List<EpisodeType> wellKnown() {
        return java.util.List.of(RELATIONSHIP, ONBOARDING, CONTRACT_NEGOTIATION, SERVICE_EVENT, DELIVERY, PROJECT_COMPLETION, RENEWAL);
    }

    /**
     * Tells which well-known episode type this one is probably a misspelling of: a name that is not well-known but equal
     * to one once hyphens are dropped, within edit distance 2 of one, or a prefix of one of at least 4 letters (so
     * {@code relation} means {@code relationship}). Command lines refuse such names with the
     * suggestion; the API accepts every custom name.
     *
     * @return the well-known episode type probably meant, or empty when this one is well-known or close to none
     */
    public java.util.Optional<EpisodeType> likelyMeant() {
        return Vocabulary.likelyMeant(name, wellKnown(), EpisodeType::name);
    }
}
