package io.github.nps4j.accountmap.planner;

import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Role;
import java.util.Objects;

/**
 * One invitation the planner proposes, with the reason it was chosen.
 *
 * @param contactId the contact to invite
 * @param accountId the contact's account
 * @param role the contact's role
 * @param episode the survey to send: {@code relationship}, or the episode that triggered it
 * @param reason why this contact was chosen, in words (never empty)
 * @since 0.1.0
 */
public record PlannedInvitation(String contactId, String accountId, Role role, EpisodeType episode, String reason) {

    /**
     * Validates the invitation.
     *
     * @throws IllegalArgumentException on a blank reason
     */
    public PlannedInvitation {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(episode, "episode");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("planned invitation of contact " + contactId + " has no reason");
        }
    }
}
