package io.github.nps4j.accountmap.planner;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The invitations proposed for one day, with the rules that produced them.
 *
 * @param date the planning day
 * @param invitations the invitations, by account (portfolio order), then in the order chosen
 * @param rules the rules applied, in words
 * @since 0.1.0
 */
public record SurveyPlan(LocalDate date, List<PlannedInvitation> invitations, String rules) {

    /** Copies the list. */
    public SurveyPlan {
        Objects.requireNonNull(date, "date");
        invitations = List.copyOf(invitations);
        Objects.requireNonNull(rules, "rules");
    }
}
