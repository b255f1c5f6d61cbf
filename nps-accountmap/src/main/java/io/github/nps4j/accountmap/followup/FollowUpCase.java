package io.github.nps4j.accountmap.followup;

import io.github.nps4j.core.Role;
import io.github.nps4j.core.Score;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One case of the follow-up queue: an answer that calls for a call-back, who owns it, how urgent it is and where it
 * stands. Transitions return a new case; a case is never changed in place.
 *
 * <p>The comment is personal data: {@link #toString()} shows only its length. Value-based and immutable.
 *
 * @param responseId the answer that opened the case
 * @param accountId the account
 * @param contactId the contact who answered
 * @param role the contact's role
 * @param score the 0–10 score
 * @param comment the answer's comment, if any
 * @param owner the account's owner, if known
 * @param priority role weight × account annual value (0 when the value is unknown)
 * @param answeredAt when the answer was given
 * @param due the day the call-back is due: answer day + the role's SLA
 * @param state the case state
 * @since 0.1.0
 */
public record FollowUpCase(String responseId, String accountId, String contactId, Role role, int score,
        Optional<String> comment, Optional<String> owner, double priority, LocalDateTime answeredAt, LocalDate due,
        CaseState state) {

    /**
     * Validates the case.
     *
     * @throws IllegalArgumentException on a score outside 0–10, a negative or non-finite priority, a due date
     *         before the answer day, or the derived state {@link CaseState#OVERDUE} (each naming the response)
     */
    public FollowUpCase {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(role, "role");
        if (score < Score.MIN || score > Score.MAX) {
            throw new IllegalArgumentException("score " + score + " of case " + responseId + " is not in 0-10");
        }
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(owner, "owner");
        if (!(priority >= 0) || priority == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("priority " + priority + " of case " + responseId
                    + " must be a finite number >= 0");
        }
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(due, "due");
        if (due.isBefore(answeredAt.toLocalDate())) {
            throw new IllegalArgumentException("due date " + due + " of case " + responseId
                    + " is before the answer day " + answeredAt.toLocalDate());
        }
        Objects.requireNonNull(state, "state");
        if (state == CaseState.OVERDUE) {
            throw new IllegalArgumentException("case " + responseId + ": overdue is derived from the due date "
                    + "(stateAsOf), not stored; give open, in-progress or closed");
        }
    }

    /**
     * Returns this case in another state.
     *
     * @param next the next state
     * @return the new case
     * @throws IllegalStateException if the transition is not allowed, naming both states and the case
     */
    public FollowUpCase moveTo(CaseState next) {
        Objects.requireNonNull(next, "next");
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("case " + responseId + " cannot move from " + state + " to " + next
                    + "; allowed: open -> in-progress -> closed");
        }
        return new FollowUpCase(responseId, accountId, contactId, role, score, comment, owner, priority, answeredAt,
                due, next);
    }

    /**
     * Moves an open case to in-progress.
     *
     * @return the new case
     * @throws IllegalStateException unless the case is open
     */
    public FollowUpCase start() {
        return moveTo(CaseState.IN_PROGRESS);
    }

    /**
     * Closes an in-progress case.
     *
     * @return the new case
     * @throws IllegalStateException unless the case is in progress
     */
    public FollowUpCase close() {
        return moveTo(CaseState.CLOSED);
    }

    /**
     * Returns the state the case shows on a day: {@link CaseState#OVERDUE} when it is not closed and the day is after
     * its due date, its stored {@link #state()} otherwise. Outputs show this state; transitions use the stored one.
     *
     * @param day the day (the as-of day of a queue)
     * @return the state shown on that day
     */
    public CaseState stateAsOf(LocalDate day) {
        return isOverdue(day) ? CaseState.OVERDUE : state;
    }

    /**
     * Tells whether the case is overdue on a day: not closed and the day is after the due date.
     *
     * @param day the day
     * @return true if overdue
     */
    public boolean isOverdue(LocalDate day) {
        return state != CaseState.CLOSED && day.isAfter(due);
    }

    /** Describes the case without its comment, which is personal data. */
    @Override
    public String toString() {
        return "FollowUpCase[response=" + responseId + ", account=" + accountId + ", contact=" + contactId
                + ", role=" + role + ", score=" + score + ", comment="
                + (comment.isPresent() ? "<" + comment.get().length() + " chars>" : "none") + ", owner="
                + owner.orElse("(none)") + ", priority=" + priority + ", answeredAt=" + answeredAt + ", due=" + due
                + ", state=" + state + "]";
    }
}
