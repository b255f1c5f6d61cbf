package io.github.nps4j.core;

/**
 * The part a contact plays in the buying organisation. An open vocabulary: the well-known roles are constants, and
 * any other lowercase-hyphen name is allowed ({@code Role.of("Procurement Lead")} is {@code procurement-lead}).
 *
 * <p>Value-based: compare with {@code equals}.
 *
 * @param name the normalised lowercase-hyphen name
 * @since 0.1.0
 */
public record Role(String name) implements Comparable<Role> {
    /** Signs the contract; the role whose opinion decides a renewal. */
    public static final Role DECISION_MAKER = new Role("decision-maker");
    /** Shapes the decision without signing it. */
    public static final Role INFLUENCER = new Role("influencer");
    /** Controls access to the deciders (procurement, assistants). */
    public static final Role GATEKEEPER = new Role("gatekeeper");
    /** Uses the product or service day to day. */
    public static final Role USER = new Role("user");

    /**
     * Validates and normalises the name.
     *
     * @throws IllegalArgumentException if the name is blank or not made of letters, digits and separators
     */
    public Role {
        name = Vocabulary.normalise("role", name);
    }

    /**
     * Returns the role with the given name, normalised to lowercase-hyphen.
     *
     * @param name a role name such as {@code decision-maker} or {@code "Decision maker"}
     * @return the role
     * @throws IllegalArgumentException if the name is not a valid role name
     */
    public static Role of(String name) {
        return new Role(name);
    }

    @Override
    public int compareTo(Role other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Returns the well-known roles.
     *
     * @return {@link #DECISION_MAKER}, {@link #INFLUENCER}, {@link #GATEKEEPER}, {@link #USER}
     */
    public static java.util.List<Role> wellKnown() {
        return java.util.List.of(DECISION_MAKER, INFLUENCER, GATEKEEPER, USER);
    }

    /**
     * Tells which well-known role this one is probably a misspelling of: a name that is not well-known but equal
     * to one once hyphens are dropped, within edit distance 2 of one, or a prefix of one of at least 4 letters (so
     * {@code decisionmaker} means {@code decision-maker}). Command lines refuse such names with the
     * suggestion; the API accepts every custom name.
     *
     * @return the well-known role probably meant, or empty when this one is well-known or close to none
     */
    public java.util.Optional<Role> likelyMeant() {
        return Vocabulary.likelyMeant(name, wellKnown(), Role::name);
    }
}
