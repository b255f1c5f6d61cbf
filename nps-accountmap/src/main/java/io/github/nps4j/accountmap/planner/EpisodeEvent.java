package io.github.nps4j.accountmap.planner;

import io.github.nps4j.core.EpisodeType;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Something that happened at an account and may trigger a transactional survey: a service event, a delivery, a
 * renewal… Given to the {@link SurveyPlanner} explicitly, beside the episodes it reads from answers and invitations.
 *
 * @param accountId the account
 * @param episode the episode type (a relationship "episode" triggers nothing)
 * @param on the day it happened
 * @since 0.1.0
 */
public record EpisodeEvent(String accountId, EpisodeType episode, LocalDate on) {

    /**
     * Validates the event.
     *
     * @throws IllegalArgumentException on a blank account id
     */
    public EpisodeEvent {
        Objects.requireNonNull(accountId, "accountId");
        accountId = accountId.strip();
        if (accountId.isEmpty()) {
            throw new IllegalArgumentException("account id of episode event is blank");
        }
        Objects.requireNonNull(episode, "episode");
        Objects.requireNonNull(on, "on");
    }
}
