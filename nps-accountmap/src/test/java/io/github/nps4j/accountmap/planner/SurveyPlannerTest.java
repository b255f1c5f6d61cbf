package io.github.nps4j.accountmap.planner;

import static io.github.nps4j.accountmap.Fx.AS_OF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.accountmap.Fx;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyPlannerTest {
    private static final Role DM = Role.DECISION_MAKER;
    private static final Role INF = Role.INFLUENCER;
    private static final Role USER = Role.USER;

    private static List<String> contacts(SurveyPlan plan) {
        return plan.invitations().stream().map(PlannedInvitation::contactId).toList();
    }

    @Test
    void uncoveredRolesFirstThenDecidersInfluencersUsers() {
        Portfolio p = Fx.portfolio().account("A").contact("u1", "A", USER).contact("in1", "A", INF)
                .contact("dm1", "A", DM).contact("dm2", "A", DM).contact("in2", "A", INF)
                .answer("dm2", "A", 200, 9) // decision-makers heard 200 days ago: covered
                .build();
        SurveyPlan plan = SurveyPlanner.builder().build().plan(p, AS_OF);
        // dm2 is not quiet any more (200 >= 90) but its role is covered: uncovered influencers and users first
        assertEquals(List.of("in1", "in2", "u1", "dm1", "dm2"), contacts(plan));
        assertTrue(plan.invitations().get(0).reason().contains("no answer"), plan.invitations().get(0).reason());
        assertTrue(plan.invitations().get(3).reason().contains("was heard"));
    }

    @Test
    void capPerAccount() {
        Portfolio p = Fx.portfolio().account("A").account("B").contacts("a", 7, "A", USER)
                .contacts("b", 2, "B", USER).build();
        SurveyPlan plan = SurveyPlanner.builder().maxPerAccount(3).build().plan(p, AS_OF);
        assertEquals(List.of("a1", "a2", "a3", "b1", "b2"), contacts(plan));
    }

    @Test
    void quietPeriodCountsFromTheLaterOfInvitationAndAnswer() {
        Portfolio p = Fx.portfolio().account("A")
                .contact("inv90", "A", USER).invitation("inv90", AS_OF.minusDays(90), EpisodeType.RELATIONSHIP)
                .contact("inv89", "A", USER).invitation("inv89", AS_OF.minusDays(89), EpisodeType.RELATIONSHIP)
                .contact("ans89", "A", USER).invitation("ans89", AS_OF.minusDays(200), EpisodeType.RELATIONSHIP)
                .answer("ans89", "A", 89, 9)
                .contact("inv120", "A", USER).invitation("inv120", AS_OF.minusDays(120), EpisodeType.RELATIONSHIP)
                .answer("inv120", "A", 95, 9)
                .build();
        SurveyPlan plan = SurveyPlanner.builder().build().plan(p, AS_OF);
        assertEquals(List.of("inv120", "inv90"), contacts(plan));
        assertTrue(plan.invitations().get(1).reason().contains("last invited " + AS_OF.minusDays(90)));
    }

    @Test
    void recentEpisodeSwitchesTheSurvey() {
        Portfolio p = Fx.portfolio().account("A").account("B").account("C")
                .contact("a", "A", USER).contact("b", "B", USER).contact("c", "C", USER).contact("c2", "C", USER)
                .answer("c2", "C", AS_OF.minusDays(3), 4, EpisodeType.DELIVERY)
                .build();
        SurveyPlan plan = SurveyPlanner.builder()
                .episodeEvents(List.of(new EpisodeEvent("A", EpisodeType.SERVICE_EVENT, AS_OF.minusDays(13)),
                        new EpisodeEvent("B", EpisodeType.SERVICE_EVENT, AS_OF.minusDays(14))))
                .build().plan(p, AS_OF);
        assertEquals(List.of("a", "b", "c"), contacts(plan));
        assertEquals(EpisodeType.SERVICE_EVENT, plan.invitations().get(0).episode());
        assertTrue(plan.invitations().get(0).reason().contains("service-event survey"));
        assertEquals(EpisodeType.RELATIONSHIP, plan.invitations().get(1).episode());
        assertEquals(EpisodeType.DELIVERY, plan.invitations().get(2).episode());
    }

    @Test
    void everyInvitationHasAReasonAndTheRulesAreStated() {
        Portfolio p = Fx.portfolio().account("A").contacts("c", 3, "A", USER).build();
        SurveyPlan plan = SurveyPlanner.builder().quietDays(30).build().plan(p, AS_OF);
        assertFalse(plan.invitations().isEmpty());
        plan.invitations().forEach(i -> assertFalse(i.reason().isBlank()));
        assertTrue(plan.rules().contains("quiet period 30 days"));
    }

    @Test
    void badSettingsNameTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> SurveyPlanner.builder().maxPerAccount(0));
        assertTrue(e.getMessage().contains("maxPerAccount 0"));
        assertThrows(IllegalArgumentException.class, () -> SurveyPlanner.builder().quietDays(-1));
    }
}
