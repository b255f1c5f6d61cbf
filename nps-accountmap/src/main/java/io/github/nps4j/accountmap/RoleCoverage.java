package io.github.nps4j.accountmap;

import io.github.nps4j.core.Category;
import io.github.nps4j.core.Role;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How well one role is covered, at one account or across the portfolio: contacts mapped, invited, responded, and
 * the categories of their latest answers in the window.
 *
 * <p>{@code responded <= invited <= mapped} always holds, because an answer counts as an invitation. Value-based and
 * immutable.
 *
 * @param role the role
 * @param mapped contacts in this role
 * @param invited of them, invited (or answered) in the window
 * @param responded of them, answered in the window
 * @param promoters of them, latest answer a promoter
 * @param passives of them, latest answer a passive
 * @param detractors of them, latest answer a detractor
 * @since 0.1.0
 */
public record RoleCoverage(Role role, long mapped, long invited, long responded, long promoters, long passives,
        long detractors) {

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is negative, or the counts are inconsistent
     */
    public RoleCoverage {
        Objects.requireNonNull(role, "role");
        if (mapped < 0 || invited < 0 || responded < 0 || promoters < 0 || passives < 0 || detractors < 0) {
            throw new IllegalArgumentException("negative count in coverage of role " + role);
        }
        if (responded > invited || invited > mapped || promoters + passives + detractors != responded) {
            throw new IllegalArgumentException("inconsistent coverage of role " + role + ": mapped " + mapped
                    + ", invited " + invited + ", responded " + responded + " (" + promoters + " promoters, "
                    + passives + " passives, " + detractors + " detractors)");
        }
    }

    /**
     * Returns an empty coverage.
     *
     * @param role the role
     * @return all counts zero
     */
    public static RoleCoverage empty(Role role) {
        return new RoleCoverage(role, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Returns this coverage with one more contact.
     *
     * @param entry the contact, which must be in this role
     * @return the new coverage
     * @throws IllegalArgumentException if the contact's role differs
     */
    public RoleCoverage plus(ContactEntry entry) {
        if (!entry.role().equals(role)) {
            throw new IllegalArgumentException("contact " + entry.contactId() + " has role " + entry.role()
                    + ", not " + role);
        }
        Category c = entry.category().orElse(null);
        return new RoleCoverage(role, mapped + 1, invited + (entry.invited() ? 1 : 0),
                responded + (entry.responded() ? 1 : 0), promoters + (c == Category.PROMOTER ? 1 : 0),
                passives + (c == Category.PASSIVE ? 1 : 0), detractors + (c == Category.DETRACTOR ? 1 : 0));
    }

    /**
     * Adds another coverage of the same role (e.g. of another account).
     *
     * @param other the other coverage
     * @return the sum
     * @throws IllegalArgumentException if the roles differ
     */
    public RoleCoverage merge(RoleCoverage other) {
        if (!other.role.equals(role)) {
            throw new IllegalArgumentException("cannot merge coverage of role " + other.role + " into " + role);
        }
        return new RoleCoverage(role, mapped + other.mapped, invited + other.invited, responded + other.responded,
                promoters + other.promoters, passives + other.passives, detractors + other.detractors);
    }

    /**
     * Returns the response rate: responded / invited.
     *
     * @return the rate in [0, 1], or empty if nobody was invited
     */
    public OptionalDouble responseRate() {
        return invited == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) responded / invited);
    }

    /**
     * Returns the coverage: responded / mapped.
     *
     * @return the share in [0, 1], or empty if no contact is mapped
     */
    public OptionalDouble coverage() {
        return mapped == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) responded / mapped);
    }
}
