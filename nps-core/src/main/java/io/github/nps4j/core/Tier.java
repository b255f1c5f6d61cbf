package io.github.nps4j.core;

/**
 * An account's position in the sales channel. An open vocabulary: the well-known tiers are constants, and any other
 * lowercase-hyphen name is allowed ({@code Tier.of("Value Added Reseller")} is {@code value-added-reseller}).
 *
 * <p>Value-based: compare with {@code equals}.
 *
 * @param name the normalised lowercase-hyphen name
 * @since 0.1.0
 */
public record Tier(String name) implements Comparable<Tier> {
    /** Buys directly from us. */
    public static final Tier DIRECT = new Tier("direct");
    /** Buys from us and sells on to retailers. */
    public static final Tier DISTRIBUTOR = new Tier("distributor");
    /** Buys from a distributor and sells to end users. */
    public static final Tier RETAILER = new Tier("retailer");
    /** Uses what it bought through the channel. */
    public static final Tier END_USER = new Tier("end-user");

    /**
     * Validates and normalises the name.
     *
     * @throws IllegalArgumentException if the name is blank or not made of letters, digits and separators
     */
    public Tier {
        name = Vocabulary.normalise("tier", name);
    }

    /**
     * Returns the tier with the given name, normalised to lowercase-hyphen.
     *
     * @param name a tier name such as {@code distributor} or {@code "End user"}
     * @return the tier
     * @throws IllegalArgumentException if the name is not a valid tier name
     */
    public static Tier of(String name) {
        return new Tier(name);
    }

    @Override
    public int compareTo(Tier other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
