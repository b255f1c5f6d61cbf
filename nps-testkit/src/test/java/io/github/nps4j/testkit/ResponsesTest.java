package io.github.nps4j.testkit;

import static io.github.nps4j.testkit.Answer.decisionMaker;
import static io.github.nps4j.testkit.Answer.influencer;
import static io.github.nps4j.testkit.Answer.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nps4j.core.Category;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponsesTest {

    @Test
    void detractorDeciderAndTwoPromoterUsersInOneLine() {
        List<Response> rs = Responses.of("A1", decisionMaker(3), user(9), user(10));
        assertEquals(List.of("A1-R1", "A1-R2", "A1-R3"), rs.stream().map(Response::id).toList());
        assertEquals(List.of("A1-C1", "A1-C2", "A1-C3"), rs.stream().map(Response::contactId).toList());
        assertEquals(Optional.of(Role.DECISION_MAKER), rs.get(0).role());
        assertEquals(Category.DETRACTOR, rs.get(0).category());
        assertEquals(Category.PROMOTER, rs.get(2).category());
        assertEquals(Responses.DEFAULT_DATE, rs.get(1).answeredOn());
        NpsAssertions.assertNps(NpsScorer.scoreAll(rs), 100.0 / 3, 1e-9);
    }

    @Test
    void portfolioDerivesContactsAndInvitations() {
        Portfolio p = Responses.portfolio()
                .account("A1", decisionMaker(3), user(9), user(10))
                .account("A2", influencer(8).contact("X").on(LocalDate.of(2026, 2, 1)),
                        influencer(6).contact("X").on(LocalDate.of(2026, 5, 1)))
                .silentContact("A2", "A2-DM", Role.DECISION_MAKER)
                .build();
        assertEquals(2, p.accounts().size());
        assertEquals(List.of("A1-C1", "A1-C2", "A1-C3", "X", "A2-DM"), p.contacts().stream().map(Contact::id)
                .toList());
        assertEquals(5, p.responses().size());
        assertEquals(6, p.invitations().size());
        assertEquals(p.responses(), p.withRoles().responses());
    }

    @Test
    void scoresShortcutAndValidation() {
        NpsAssertions.assertCounts(NpsScorer.scoreAll(Responses.scores(10, 9, 8, 0)), 2, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> user(11));
        assertThrows(IllegalArgumentException.class, () -> user(5).rating("delivery", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Responses.portfolio().account("A1", user(9))
                .account("A1", user(8)));
        assertThrows(IllegalArgumentException.class, () -> Responses.portfolio()
                .account("A1", user(9).contact("C"), decisionMaker(9).contact("C")));
    }
}
