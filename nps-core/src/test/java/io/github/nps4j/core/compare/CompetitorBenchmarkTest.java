package io.github.nps4j.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.stats.UncertaintyOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Golden values of the paired competitor comparison, computed by hand. */
class CompetitorBenchmarkTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    static Response r(String id, String account, Role role, int us, Integer them) {
        Response.Builder b = Response.builder(id, account, "C" + id).role(role).answeredAt(DAY).score(us);
        if (them != null) {
            b.competitorScore("rival", them);
        }
        return b.build();
    }

    /**
     * d = 2, 0, 1, −1 (R5 did not rate the rival): ours 100·(1+1+0−1)/4 = 25, theirs 100·(−1+1−1+0)/4 = −25,
     * difference 50, m = 0.5, Σ(d−m)² = 2.25+0.25+0.25+2.25 = 5, SE = 100·√5/4 = 55.9017; by account A1: 1.5−0.5 = 1,
     * A2: 0.5−1.5 = −1, clustered SE = 100·√(2/1·2)/4 = 50; z = 0.894427, p = 2Φ(−z) = 0.371093.
     */
    static final List<Response> HAND = List.of(r("R1", "A1", Role.USER, 10, 6), r("R2", "A1", Role.USER, 9, 9),
            r("R3", "A2", Role.DECISION_MAKER, 7, 3), r("R4", "A2", Role.USER, 5, 8),
            r("R5", "A3", Role.USER, 10, null));

    @Test
    void handComputedPairedFigures() {
        List<PairedComparison> rows = CompetitorBenchmark.of(NpsScorer.of(ScoringSpec.defaults()),
                UncertaintyOptions.defaults()).compare(HAND);
        assertEquals(1, rows.size());
        PairedComparison c = rows.get(0);
        assertEquals("rival", c.competitor());
        assertEquals(4, c.n());
        assertEquals(2, c.accounts());
        assertEquals(25, c.ourNps(), 1e-12);
        assertEquals(-25, c.competitorNps(), 1e-12);
        assertEquals(50, c.difference(), 1e-12);
        assertEquals(100 * Math.sqrt(5) / 4, c.standardError(), 1e-12);
        assertEquals(50, c.clusteredStandardError().getAsDouble(), 1e-12);
        assertEquals(0.37109336952269767, c.pValue().getAsDouble(), 1e-12);
        assertEquals(50 - 1.959963984540054 * 55.90169943749474, c.lower(), 1e-9);
        assertEquals(50 + 1.959963984540054 * 55.90169943749474, c.upper(), 1e-9);
        assertTrue(c.degreesOfFreedom().isEmpty());
    }

    @Test
    void clusteredTestOnFewAccountsUsesTWithGMinusOneDegreesOfFreedom() {
        PairedComparison c = CompetitorBenchmark.of(NpsScorer.of(ScoringSpec.defaults()),
                UncertaintyOptions.defaults().clusteredByAccount()).compare(HAND).get(0);
        assertTrue(c.clustered());
        assertEquals(1, c.degreesOfFreedom().getAsInt());
        // t with 1 df is Cauchy: P(|T| > 50/50) = 0.5; its 97.5 % quantile 12.7 puts the interval at the clip
        assertEquals(0.5, c.pValue().getAsDouble(), 1e-12);
        assertEquals(-200, c.lower());
        assertEquals(200, c.upper());
        assertEquals(50, c.testStandardError(), 1e-12);
    }

    @Test
    void weightsAndGroupsComeFromTheScorer() {
        // role weights: R3 (decision-maker) weighs 3: ours (1+1+0·3−1)/6, theirs (−1+1−3+0)/6
        ScoringSpec spec = ScoringSpec.builder()
                .weighting(io.github.nps4j.core.Weighting.parse("role", io.github.nps4j.core.RoleWeights.defaults()))
                .groupBy(GroupField.parse("role")).build();
        List<PairedComparison> rows = CompetitorBenchmark.of(NpsScorer.of(spec), UncertaintyOptions.defaults())
                .compare(HAND);
        assertEquals(3, rows.size()); // overall, decision-maker, user
        assertEquals(100.0 / 6, rows.get(0).ourNps(), 1e-12);
        assertEquals(-50, rows.get(0).competitorNps(), 1e-12);
        assertEquals(6, rows.get(0).weightSum(), 1e-12);
        assertEquals("decision-maker", rows.get(1).key().get("role"));
        assertEquals(1, rows.get(1).n());
        assertEquals(3, rows.get(2).n());
    }

    @Test
    void identicalDifferencesHaveNoPValueAndSayWhy() {
        List<Response> same = List.of(r("R1", "A1", Role.USER, 10, 6), r("R2", "A2", Role.USER, 9, 3));
        PairedComparison c = CompetitorBenchmark.of(NpsScorer.of(ScoringSpec.defaults()),
                UncertaintyOptions.defaults()).compare(same).get(0);
        assertEquals(200, c.difference(), 1e-12);
        assertEquals(0, c.standardError());
        assertTrue(c.pValue().isEmpty());
        assertTrue(c.note().isPresent());
    }

    @Test
    void clusteredTestNeedsTwoAccounts() {
        List<Response> one = List.of(r("R1", "A1", Role.USER, 10, 6), r("R2", "A1", Role.USER, 9, 9));
        CompetitorBenchmark b = CompetitorBenchmark.of(NpsScorer.of(ScoringSpec.defaults()),
                UncertaintyOptions.defaults().clusteredByAccount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.compare(one));
        assertTrue(e.getMessage().contains("rival"), e.getMessage());
    }

    @Test
    void noCompetitorRatingsGiveNoRows() {
        assertEquals(List.of(), CompetitorBenchmark.of(NpsScorer.of(ScoringSpec.defaults()),
                UncertaintyOptions.defaults()).compare(List.of(r("R1", "A1", Role.USER, 10, null))));
    }

    /**
     * A planted correlation: the rival's score is our score on 80 % of respondents. The paired SE is far below the
     * unpaired √(SE₁² + SE₂²), which treats the same people as two independent samples.
     */
    @Test
    void pairedStandardErrorIsSmallerThanTheUnpairedOneOnCorrelatedRatings() {
        Random rnd = new Random(42);
        List<Response> rs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int us = rnd.nextInt(11);
            int them = rnd.nextDouble() < 0.8 ? us : rnd.nextInt(11);
            rs.add(r("R" + i, "A" + (i % 40), Role.USER, us, them));
        }
        PairedComparison c = CompetitorBenchmark.of(NpsScorer.of(ScoringSpec.defaults()),
                UncertaintyOptions.defaults()).compare(rs).get(0);
        double unpaired = Math.hypot(unitSe(rs, false), unitSe(rs, true));
        assertTrue(c.standardError() < 0.6 * unpaired, c.standardError() + " vs " + unpaired);
    }

    /** The unit-weight NPS standard error of one side, 100·√((p_P + p_D − (p_P − p_D)²)/n). */
    static double unitSe(List<Response> rs, boolean competitor) {
        double p = 0;
        double d = 0;
        for (Response r : rs) {
            int s = competitor ? r.competitorScore("rival").getAsInt() : r.score();
            p += s >= 9 ? 1 : 0;
            d += s <= 6 ? 1 : 0;
        }
        int n = rs.size();
        p /= n;
        d /= n;
        return 100 * Math.sqrt((p + d - (p - d) * (p - d)) / n);
    }
}
