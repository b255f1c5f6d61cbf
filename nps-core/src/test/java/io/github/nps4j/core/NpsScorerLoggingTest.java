package io.github.nps4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nps4j.core.internal.LogCapture;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** Degenerate groups are reported once per scoring call under {@code io.github.nps4j.core.NpsScorer}. */
class NpsScorerLoggingTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static Response r(String id, Role role, int score) {
        return Response.builder(id, "A1", "C" + id).role(role).answeredAt(DAY).score(score).build();
    }

    @Test
    void degenerateGroupsAreLoggedOncePerCallAtInfoWithTheirKeysAtDebug() {
        List<Response> responses = List.of(r("1", Role.USER, 9), r("2", Role.USER, 10), r("3", Role.INFLUENCER, 3),
                r("4", Role.INFLUENCER, 9), r("5", Role.DECISION_MAKER, 2));
        try (LogCapture log = LogCapture.of("io.github.nps4j.core.NpsScorer")) {
            NpsScorer.builder().groupBy(GroupField.ROLE).build().score(responses);
            assertEquals(List.of("2 of 4 scored groups are degenerate (every answer in one category): their Wald "
                    + "standard error is 0, which is not certainty; use the score or adjusted-wald interval. First: "
                    + "[{role=decision-maker}, {role=user}]"), log.messages(Level.INFO));
            assertEquals(List.of("Degenerate groups: [{role=decision-maker}, {role=user}]"),
                    log.messages(Level.DEBUG));
        }
    }

    @Test
    void groupsWithMoreThanOneCategoryLogNothing() {
        List<Response> responses = List.of(r("1", Role.USER, 9), r("2", Role.USER, 3));
        try (LogCapture log = LogCapture.of("io.github.nps4j.core.NpsScorer")) {
            NpsScorer.builder().groupBy(GroupField.ROLE).build().score(responses);
            assertEquals(List.of(), log.all());
        }
    }
}
