package io.github.nps4j.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A survey invitation sent to a contact; the survey planner counts quiet periods from these.
 *
 * @param contactId the invited contact
 * @param invitedAt the day the invitation was sent
 * @param episode what the survey was about
 * @since 0.1.0
 */
public record Invitation(String contactId, LocalDate invitedAt, EpisodeType episode) {
    /**
     * Validates the invitation.
     *
     * @throws IllegalArgumentException on a blank contact id
     */
    public Invitation {
        contactId = Ids.require(contactId, "contact id of invitation");
        Objects.requireNonNull(invitedAt, "invitedAt");
        Objects.requireNonNull(episode, "episode");
    }
}
