package io.github.nps4j.readout;

import io.github.nps4j.accountmap.planner.PlannedInvitation;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The head of the next day's survey plan: whom to invite, most senior roles first.
 *
 * <p>A value-based, immutable record.
 *
 * @param day the planning day (the day after the as-of day)
 * @param top the first invitations, most senior roles first, at most {@link ReadoutOptions#topInvitations()}
 * @param planned how many invitations the plan holds
 * @param rule the contact-frequency limits in short, in words
 * @param plannerRules every rule of the planner, in words ({@link
 *     io.github.nps4j.accountmap.planner.SurveyPlanner#rules()})
 * @since 0.1.0
 */
public record Invitations(LocalDate day, List<PlannedInvitation> top, long planned, String rule,
        String plannerRules) {
    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code planned} is negative
     */
    public Invitations {
        Objects.requireNonNull(day, "day");
        top = List.copyOf(top);
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(plannerRules, "plannerRules");
        if (planned < 0) {
            throw new IllegalArgumentException("planned " + planned + " must not be negative");
        }
    }
}
