package io.github.nps4j.readout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.accountmap.AccountMap;
import io.github.nps4j.accountmap.followup.FollowUpOptions;
import io.github.nps4j.accountmap.followup.FollowUpQueue;
import io.github.nps4j.accountmap.planner.SurveyPlanner;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.PeriodUnit;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.stats.IntervalMethod;
import io.github.nps4j.core.stats.NpsSummary;
import io.github.nps4j.core.stats.SummarizedNps;
import io.github.nps4j.core.stats.Trend;
import io.github.nps4j.core.stats.UncertaintyOptions;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readout's figures are what the core, account-map and driver APIs give directly; its rules follow its settings. */
class PortfolioReadoutTest {
    private static final SyntheticPortfolio SYNTHETIC = SyntheticPortfolio.builder().seed(11).build();
    private static final Portfolio P = SYNTHETIC.portfolio();
    private static final LocalDate AS_OF = SYNTHETIC.truth().asOf();
    private static final Readout R = PortfolioReadout.of(P, ReadoutOptions.asOf(AS_OF));

    private static NpsScorer.Builder relationship() {
        return NpsScorer.builder().accounts(P.accounts()).dedupe(Dedupe.LATEST_PER_CONTACT)
                .episodes(EpisodeType.RELATIONSHIP).window(AS_OF.minusDays(364), AS_OF);
    }

    private static final UncertaintyOptions CLUSTERED = UncertaintyOptions.defaults().clusteredByAccount();

    @Test
    void headlineFiguresAreTheScorersFiguresUnderClusteredScore() {
        GroupedNps overall = relationship().build().score(P.responses());
        assertEquals(NpsSummary.of(overall.overall().orElseThrow(), CLUSTERED), R.relationship().overall().summary());
        GroupedNps byRole = relationship().groupBy(GroupField.ROLE).build().score(P.responses());
        assertEquals(byRole.groups().size(), R.relationship().byRole().size());
        for (int i = 0; i < byRole.groups().size(); i++) {
            assertEquals(byRole.groups().get(i).key(), R.relationship().byRole().get(i).key());
            // the roles are domains of the whole design: their clustered SE counts every account answering
            assertEquals(SummarizedNps.of(byRole, CLUSTERED).groups().get(i).summary(),
                    R.relationship().byRole().get(i).summary());
            int design = (int) byRole.groups().stream().flatMap(g -> g.data().responses().stream())
                    .map(io.github.nps4j.core.Response::accountId).distinct().count();
            assertEquals(io.github.nps4j.core.stats.ClusteredEstimate.of(byRole.groups().get(i).data()).inDesign(design)
                    .clusteredStandardError(), R.relationship().byRole().get(i).clusteredStandardError());
        }
        GroupedNps byTier = relationship().groupBy(GroupField.TIER).build().score(P.responses());
        assertEquals(byTier.groups().stream().map(g -> g.key().tier().orElseThrow()).toList(),
                R.relationship().byTier().stream().map(g -> g.key().tier().orElseThrow()).toList());
        assertEquals(relationship().weighting(Weighting.accountValue()).build().score(P.responses()).overall()
                .orElseThrow().estimate().nps(), R.relationship().revenueWeighted());
        assertEquals(AccountMap.of(P, AS_OF).overview().accountCountNps(), R.relationship().accountCount());
        assertEquals(AS_OF.minusDays(364), R.relationship().from());
    }

    @Test
    void trendIsTheCoreTrendOfQuartersUpToTheAsOfDay() {
        GroupedNps quarters = NpsScorer.builder().accounts(P.accounts()).dedupe(Dedupe.LATEST_PER_CONTACT)
                .episodes(EpisodeType.RELATIONSHIP).filter(r -> !r.answeredOn().isAfter(AS_OF))
                .groupBy(GroupField.period(PeriodUnit.QUARTER)).build().score(P.responses());
        Trend expected = Trend.of(quarters, CLUSTERED);
        assertEquals(expected, R.trend().trend());
        assertTrue(R.trend().trend().points().stream().allMatch(p -> p.interval().isPresent()));
    }

    @Test
    void accountsAtRiskFollowUpsAndInvitationsAreTheAccountMapsQueuesAndPlan() {
        AccountMap map = AccountMap.of(P, AS_OF);
        assertEquals(map.revenueAtRisk(), R.accountsAtRisk().revenueAtRisk());
        assertEquals(map.accounts().stream().filter(a -> !a.flags().isEmpty()).count(), R.accountsAtRisk().flagged());
        assertTrue(R.accountsAtRisk().top().size() <= ReadoutOptions.DEFAULT_TOP_ACCOUNTS);
        assertTrue(R.accountsAtRisk().top().stream().allMatch(a -> !a.flags().isEmpty()
                || a.category().map(c -> c == io.github.nps4j.core.Category.DETRACTOR).orElse(false)));
        // riskiest first, in the account map's ranking order
        List<String> ranking = map.overview().ranking().stream().map(e -> e.accountId()).toList();
        List<Integer> positions = R.accountsAtRisk().top().stream().map(a -> ranking.indexOf(a.accountId())).toList();
        assertEquals(positions.stream().sorted().toList(), positions);

        FollowUpQueue queue = FollowUpQueue.of(P, AS_OF, FollowUpOptions.builder().lookbackDays(90).build());
        assertEquals(queue.cases().size(), R.followUps().open());
        assertEquals(queue.cases().subList(0, Math.min(6, queue.cases().size())), R.followUps().top());

        var plan = SurveyPlanner.builder().build().plan(P, AS_OF.plusDays(1));
        assertEquals(plan.invitations().size(), R.invitations().planned());
        assertEquals(AS_OF.plusDays(1), R.invitations().day());
        assertTrue(plan.invitations().containsAll(R.invitations().top()));
        List<Integer> seniority = R.invitations().top().stream()
                .map(i -> io.github.nps4j.core.RolePolicy.defaults().seniorityRank(i.role())).toList();
        assertEquals(seniority.stream().sorted().toList(), seniority);
    }

    @Test
    void driversAreTheDriverAnalysisOfTheRatedHeadlineAnswersWithAWhatIf() {
        var d = R.drivers().analysis().orElseThrow();
        var rated = relationship().build().score(P.responses()).overall().orElseThrow().data().responses().stream()
                .filter(r -> !r.ratings().isEmpty()).toList();
        var direct = io.github.nps4j.drivers.DriverAnalysis.builder().build().analyze(rated);
        assertEquals(direct.importance(), d.importance());
        assertEquals(direct.r2(), d.r2());
        var w = d.whatIf().orElseThrow();
        assertEquals(1, w.scenario().delta());
        assertEquals(7, w.scenario().below());
        assertTrue(R.drivers().unavailableReason().isEmpty());
    }

    @Test
    void rulesAreGeneratedFromTheSettings() {
        Readout other = PortfolioReadout.of(P, ReadoutOptions.builder(AS_OF).windowDays(180)
                .uncertainty(UncertaintyOptions.defaults().withMethod(IntervalMethod.SCORE).withLevel(0.9))
                .followUps(FollowUpOptions.builder().lookbackDays(30).build())
                .planner(SurveyPlanner.builder().quietDays(60).maxPerAccount(2).build()).whatIf(2, 6).build());
        assertTrue(R.invitations().rule().contains("quiet period 90 days, at most 5 per account"), R.invitations()::rule);
        assertTrue(other.invitations().rule().contains("quiet period 60 days, at most 2 per account"),
                other.invitations()::rule);
        assertTrue(R.followUps().rule().contains("last 90 days"), R.followUps()::rule);
        assertTrue(other.followUps().rule().contains("last 30 days"), other.followUps()::rule);
        assertTrue(R.relationship().rule().contains("95 % score intervals, clustered by account"),
                R.relationship()::rule);
        assertTrue(other.relationship().rule().contains("90 % score intervals"), other.relationship()::rule);
        assertTrue(other.relationship().rule().contains("from " + AS_OF.minusDays(179)), other.relationship()::rule);
        assertTrue(R.trend().rule().contains("p < 0.05"));
        assertTrue(other.trend().rule().contains("p < 0.1") && !other.trend().rule().contains("clustered"),
                other.trend()::rule);
        assertTrue(other.drivers().rule().contains("by 2 points for every answer rating it below 6"),
                other.drivers()::rule);
        assertNotEquals(R.rules(), other.rules());
        assertEquals(12, R.rules().size());
        assertTrue(other.rules().stream().anyMatch(s -> s.contains("quiet period 60 days")), other.rules()::toString);
    }

    @Test
    void asOfIsRequiredAndSettingsAreValidated() {
        assertThrows(NullPointerException.class, () -> ReadoutOptions.asOf(null));
        assertThrows(NullPointerException.class, () -> ReadoutOptions.builder(null));
        assertThrows(IllegalArgumentException.class, () -> ReadoutOptions.builder(AS_OF).windowDays(0));
        assertThrows(IllegalArgumentException.class, () -> ReadoutOptions.builder(AS_OF).topInvitations(-1));
        assertThrows(IllegalArgumentException.class, () -> ReadoutOptions.builder(AS_OF).whatIf(0, 7));
        assertThrows(IllegalArgumentException.class, () -> ReadoutOptions.builder(AS_OF).whatIf(1, Double.NaN));
        assertEquals(AS_OF, R.asOf());
    }

    @Test
    void missingFiguresCarryTheirReason() {
        Portfolio noRatings = Portfolio.of(P.accounts(), P.contacts(), P.responses().stream()
                .map(r -> io.github.nps4j.core.Response.builder(r.id(), r.accountId(), r.contactId())
                        .role(r.role().orElse(Role.USER)).episode(r.episode()).answeredAt(r.answeredAt())
                        .score(r.score()).build()).toList(), P.invitations());
        Readout r = PortfolioReadout.of(noRatings, ReadoutOptions.asOf(AS_OF));
        assertTrue(r.drivers().analysis().isEmpty());
        assertTrue(r.drivers().unavailableReason().orElseThrow().contains("ratings"));
        assertFalse(r.relationship().overall().nps().isEmpty());
    }
}
