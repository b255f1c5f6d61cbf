package io.github.nps4j.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Tally;
import io.github.nps4j.core.Weighting;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples and error cases of the columnar scorer. */
class TableScorerTest {
    private static Response r(String id, String account, String contact, Role role, String day, int score) {
        return Response.builder(id, account, contact).role(role).answeredAt(LocalDate.parse(day)).score(score)
                .build();
    }

    @Test
    void roleAccountEqualByRoleByHand() {
        // A1: decision-maker 10, user 0 ; A2: user 9
        List<Response> rs = List.of(r("R1", "A1", "C1", Role.DECISION_MAKER, "2026-01-01", 10),
                r("R2", "A1", "C2", Role.USER, "2026-01-01", 0), r("R3", "A2", "C3", Role.USER, "2026-01-02", 9));
        ResponseTable t = ResponseTable.of(rs, List.of(Account.of("A1", "a"), Account.of("A2", "b")));
        GroupedEstimates e = TableScorer.of(ScoringSpec.builder().weighting(Weighting.roleAccountEqual(RoleWeights.defaults()))
                .build()).score(t);
        // overall: A1 weights 3/4 (promoter), 1/4 (detractor); A2 weight 1 (promoter) → NPS = 100 * (1.75 - 0.25) / 2
        assertEquals(75.0, e.overall().orElseThrow().npsValue(), 1e-12);
        assertEquals(3, e.overall().orElseThrow().n());
    }

    @Test
    void latestPerContactKeepsTheLaterAnswerOfTheSameDayByIdOrder() {
        List<Response> rs = List.of(r("R2", "A1", "C1", Role.USER, "2026-01-01", 0),
                r("R1", "A1", "C1", Role.USER, "2026-01-01", 10));
        ResponseTable t = ResponseTable.of(rs, List.of());
        GroupedEstimates e = TableScorer.of(ScoringSpec.builder().dedupe(Dedupe.LATEST_PER_CONTACT).build()).score(t);
        assertEquals(1, e.overall().orElseThrow().detractors());
        assertEquals(0, e.overall().orElseThrow().promoters());
    }

    @Test
    void tierOfUnknownAccountAndMissingValuesAreErrors() {
        List<Response> rs = List.of(r("R1", "A1", "C1", Role.USER, "2026-01-01", 9),
                r("R2", "A9", "C2", Role.USER, "2026-01-01", 9));
        ResponseTable t = ResponseTable.of(rs, List.of(Account.of("A1", "a")));
        IllegalArgumentException tier = assertThrows(IllegalArgumentException.class,
                () -> TableScorer.of(ScoringSpec.builder().groupBy(GroupField.TIER).build()).score(t));
        assertTrue(tier.getMessage().contains("A9"), tier.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> TableScorer.of(ScoringSpec.builder().weighting(Weighting.accountValue()).build()).score(t));
        assertTrue(value.getMessage().contains("A1"), value.getMessage());
    }

    @Test
    void mixedEpisodesAreNotScoredSilently() {
        Response a = r("R1", "A1", "C1", Role.USER, "2026-01-01", 9);
        Response b = Response.builder("R2", "A1", "C1").episode(EpisodeType.RENEWAL)
                .answeredAt(LocalDate.parse("2026-01-02")).score(3).build();
        ResponseTable t = ResponseTable.of(List.of(a, b), List.of());
        assertThrows(IllegalArgumentException.class, () -> TableScorer.of(ScoringSpec.builder().build()).score(t));
        GroupedEstimates byEpisode = TableScorer.of(ScoringSpec.builder().groupBy(GroupField.EPISODE).build()).score(t);
        assertTrue(byEpisode.overall().isEmpty());
        assertEquals(2, byEpisode.groups().size());
    }

    @Test
    void appenderValidatesCodesAndScores() {
        ResponseTable.Appender app = ResponseTable.appender(List.of(), 2);
        int a = app.account("A1");
        int c = app.contact("C1");
        int role = app.noRole();
        int e = app.episode(EpisodeType.RELATIONSHIP);
        assertThrows(IllegalArgumentException.class, () -> app.append(11, a, c, role, e, 0));
        assertThrows(IllegalArgumentException.class, () -> app.append(5, a + 1, c, role, e, 0));
        app.append(5, a, c, role, e, 20_000);
        ResponseTable t = app.build();
        assertEquals(1, t.size());
        assertEquals(GroupField.NONE, t.roles().get(t.role(0)));
        assertEquals(ResponseTable.UNKNOWN_TIER, t.tier(0));
        assertThrows(IllegalStateException.class, app::build);
    }

    @Test
    void tallyBulkAddValidates() {
        Tally t = new Tally().add(Category.PROMOTER, 2, 1.5, 1.25);
        assertEquals(2, t.count());
        assertThrows(IllegalArgumentException.class, () -> new Tally().add(Category.PROMOTER, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Tally().add(Category.PROMOTER, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Tally().add(Category.PROMOTER, 1, Double.NaN, 1));
    }
}
