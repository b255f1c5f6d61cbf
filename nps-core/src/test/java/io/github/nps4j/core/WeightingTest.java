package io.github.nps4j.core;

import static io.github.nps4j.core.Fixtures.assertClose;
import static io.github.nps4j.core.HandPortfolio.ACCOUNTS;
import static io.github.nps4j.core.HandPortfolio.BY_ID;
import static io.github.nps4j.core.HandPortfolio.RESPONSES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Weights of the {@link HandPortfolio} responses r1..r8, worked out by hand. */
class WeightingTest {

    private static void assertWeights(double[] expected, Weighting w) {
        double[] actual = w.weigh(RESPONSES, BY_ID);
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], w.label() + " weight of r" + (i + 1));
        }
    }

    private static double overallNps(Weighting w) {
        return NpsScorer.builder().accounts(ACCOUNTS).weighting(w).build().score(RESPONSES).overall().orElseThrow()
                .estimate().npsValue();
    }

    @Test
    void none() {
        assertWeights(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, Weighting.none());
        // 4 promoters, 2 detractors of 8: 100·2/8 = 25
        assertClose(25.0, overallNps(Weighting.none()));
        assertEquals("none", Weighting.none().label());
    }

    @Test
    void roleWithDefaults() {
        // DM 3, INF 2, GK 1, USER 1
        assertWeights(new double[] {3, 3, 1, 3, 2, 1, 1, 1}, Weighting.role(RoleWeights.defaults()));
        // Σw = 15; promoters r1 3 + r3 1 + r4 3 + r7 1 = 8; detractors r2 3 + r6 1 = 4 → 100·4/15
        assertClose(400.0 / 15, overallNps(Weighting.role(RoleWeights.defaults())));
    }

    @Test
    void roleWithParsedCustomWeights() {
        RoleWeights rw = RoleWeights.parse(" decision-maker = 5 , User=2 ");
        assertEquals(5.0, rw.weightOf(Role.DECISION_MAKER));
        assertEquals(2.0, rw.weightOf(Role.USER));
        assertEquals(2.0, rw.weightOf(Role.INFLUENCER), "unlisted well-known roles keep their default weight");
        assertEquals(1.0, rw.weightOf(Role.GATEKEEPER), "unlisted well-known roles keep their default weight");
        assertEquals(1.0, rw.weightOf(Role.of("buyer")), "other roles weigh 1");
        assertEquals(1.0, rw.defaultWeight());
        // DM 5, USER 2, INF 2 (default), GK 1
        RoleWeights explicit = RoleWeights.parse("decision-maker=5,user=2,influencer=1");
        assertWeights(new double[] {5, 5, 2, 5, 1, 2, 2, 1}, Weighting.role(explicit));
        // Σw = 23; promoters 5 + 2 + 5 + 2 = 14; detractors 5 + 2 = 7 → 100·7/23
        assertClose(700.0 / 23, overallNps(Weighting.role(explicit)));
    }

    @Test
    void roleWeightOfResponseWithoutRoleIsTheDefault() {
        Response noRole = Response.builder("x", "A1", "c").answeredAt(LocalDate.of(2026, 1, 1)).score(9).build();
        assertEquals(1.0, RoleWeights.defaults().weightOf(noRole));
        assertEquals(0.5, new RoleWeights(Map.of(Role.USER, 4.0), 0.5).weightOf(noRole));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " , ", "decision-maker", "=3", "user=", "user=abc", "user=1,user=2", "user=-1",
        "user=NaN", "bad role!=1"})
    void roleWeightParseErrors(String spec) {
        assertThrows(IllegalArgumentException.class, () -> RoleWeights.parse(spec));
    }

    @Test
    void accountEqual() {
        // A1 one response: 1; A2 two: 1/2 each; A3 five: 1/5 each
        assertWeights(new double[] {1, 0.5, 0.5, 0.2, 0.2, 0.2, 0.2, 0.2}, Weighting.accountEqual());
        // Σw = 3; promoters 1 + 0.5 + 0.2 + 0.2 = 1.9; detractors 0.5 + 0.2 = 0.7 → 100·1.2/3 = 40
        assertClose(40.0, overallNps(Weighting.accountEqual()));
    }

    @Test
    void accountValue() {
        // A1 100/1; A2 300/2 = 150 each; A3 600/5 = 120 each
        assertWeights(new double[] {100, 150, 150, 120, 120, 120, 120, 120}, Weighting.accountValue());
        // Σw = 1000; promoters 100 + 150 + 120 + 120 = 490; detractors 150 + 120 = 270 → 100·220/1000 = 22
        assertClose(22.0, overallNps(Weighting.accountValue()));
    }

    @Test
    void roleAccountEqual() {
        // A1: r1 3/3 = 1; A2: role weights 3, 1 → 3/4, 1/4; A3: 3, 2, 1, 1, 1 (Σ 8) → 3/8, 2/8, 1/8, 1/8, 1/8
        Weighting w = Weighting.roleAccountEqual(RoleWeights.defaults());
        assertWeights(new double[] {1, 0.75, 0.25, 3.0 / 8, 2.0 / 8, 1.0 / 8, 1.0 / 8, 1.0 / 8}, w);
        // Σw = 3; promoters 1 + 1/4 + 3/8 + 1/8 = 7/4; detractors 3/4 + 1/8 = 7/8 → 100·(7/8)/3 = 175/6
        assertClose(175.0 / 6, overallNps(w));
    }

    @Test
    void roleAccountValue() {
        // the role+account-equal shares times the value: A1 100; A2 225, 75; A3 225, 150, 75, 75, 75
        Weighting w = Weighting.roleAccountValue(RoleWeights.defaults());
        assertWeights(new double[] {100, 225, 75, 225, 150, 75, 75, 75}, w);
        // Σw = 1000; promoters 100 + 75 + 225 + 75 = 475; detractors 225 + 75 = 300 → 100·175/1000 = 17.5
        assertClose(17.5, overallNps(w));
    }

    @Test
    void roleAccountWithAllZeroRoleWeightsDropsThatAccount() {
        // users weigh 0: A2 keeps only r2 (D), A3 keeps r4 (P), r5 (A), r8 (A); r3, r6, r7 weigh 0
        RoleWeights rw = new RoleWeights(Map.of(Role.USER, 0.0), 1.0);
        double[] w = Weighting.roleAccountEqual(rw).weigh(RESPONSES, BY_ID);
        assertClose(1.0, w[1]);
        assertClose(0.0, w[2]);
        assertClose(1.0 / 3, w[3]);
        // an account with only zero-weight roles contributes nothing
        Response onlyUser = Fixtures.resp("u", "A1", "cu", Role.USER, Fixtures.d(1, 1), 0);
        assertEquals(0.0, Weighting.roleAccountEqual(rw).weigh(List.of(onlyUser), BY_ID)[0]);
    }

    @Test
    void custom() {
        // weight = score + 1: r1..r8 scores 10, 6, 9, 9, 7, 3, 10, 8
        Weighting w = Weighting.custom("score-plus-one", r -> r.score() + 1);
        assertEquals("score-plus-one", w.label());
        assertWeights(new double[] {11, 7, 10, 10, 8, 4, 11, 9}, w);
        // Σw = 70; promoters 11 + 10 + 10 + 11 = 42; detractors 7 + 4 = 11 → 100·31/70
        assertClose(3100.0 / 70, overallNps(w));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void badCustomWeightNamesTheResponse(double bad) {
        Weighting w = Weighting.custom("odd", r -> r.id().equals("r6") ? bad : 1.0);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> w.weigh(RESPONSES, BY_ID));
        assertTrue(e.getMessage().contains("r6"), e.getMessage());
        assertTrue(e.getMessage().contains(Double.toString(bad)), e.getMessage());
        NpsScorer scorer = NpsScorer.builder().weighting(w).build();
        e = assertThrows(IllegalArgumentException.class, () -> scorer.score(RESPONSES));
        assertTrue(e.getMessage().contains("r6"), e.getMessage());
    }

    @Test
    void valueWeightingNeedsEveryAnnualValue() {
        Map<String, Account> accounts = new HashMap<>(BY_ID);
        accounts.put("A2", Account.builder("A2").build());
        for (Weighting w : List.of(Weighting.accountValue(), Weighting.roleAccountValue(RoleWeights.defaults()))) {
            assertTrue(w.needsAccountValues());
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> w.weigh(RESPONSES, accounts));
            assertTrue(e.getMessage().contains("A2"), e.getMessage());
            // unknown account
            accounts.remove("A2");
            e = assertThrows(IllegalArgumentException.class, () -> w.weigh(RESPONSES, accounts));
            assertTrue(e.getMessage().contains("A2"), e.getMessage());
            accounts.put("A2", Account.builder("A2").build());
            // and without any accounts, the scorer refuses at build()
            assertThrows(IllegalArgumentException.class, () -> NpsScorer.builder().weighting(w).build());
        }
        assertFalse(Weighting.accountEqual().needsAccountValues());
    }

    @Test
    void parseNames() {
        RoleWeights rw = RoleWeights.parse("user=4");
        for (String name : List.of("none", "role", "account-equal", "account-value", "role+account-equal",
                "role+account-value")) {
            Weighting w = Weighting.parse(" " + name + " ", rw);
            assertEquals(name, w.label());
            assertEquals(name, w.toString());
        }
        assertEquals(rw, Weighting.parse("role", rw).roleWeights());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Weighting.parse("revenue", rw));
        assertTrue(e.getMessage().contains("revenue"), e.getMessage());
    }

    @Test
    void accountEqualNormalisesWithinEachQuarter() {
        GroupedNps byQuarter = NpsScorer.builder().weighting(Weighting.accountEqual())
                .groupBy(GroupField.period(PeriodUnit.QUARTER)).build().score(RESPONSES);
        assertEquals(List.of("period:quarter"), byQuarter.fields());
        assertEquals(2, byQuarter.groups().size());
        // Q1: r1 (A1, 1), r2 (A2, 1), r4 r5 r6 (A3, 1/3 each): P 1 + 1/3, D 1 + 1/3 → NPS 0
        NpsEstimate q1 = byQuarter.group("2026-Q1").orElseThrow().estimate();
        assertClose(0.0, q1.npsValue());
        assertClose(3.0, q1.weightSum());
        // Q2: r3 (A2, 1), r7 r8 (A3, 1/2 each): P 1.5, A 0.5 → NPS 100·1.5/2 = 75
        NpsEstimate q2 = byQuarter.group("2026-Q2").orElseThrow().estimate();
        assertClose(75.0, q2.npsValue());
        assertClose(2.0, q2.weightSum());
        for (GroupedNps.Group g : byQuarter.groups()) {
            Map<String, Double> perAccount = accountTotals(g.data());
            perAccount.forEach((account, total) -> assertClose(1.0, total, g.key() + " " + account));
        }
        // overall: each account 1 across the whole year (as in the accountEqual() test): 40
        assertClose(40.0, byQuarter.overall().orElseThrow().estimate().npsValue());
    }

    @Test
    void accountValueNormalisesWithinEachRole() {
        GroupedNps byRole = NpsScorer.builder().accounts(ACCOUNTS).weighting(Weighting.accountValue())
                .groupBy(GroupField.ROLE).build().score(RESPONSES);
        for (GroupedNps.Group g : byRole.groups()) {
            accountTotals(g.data()).forEach((account, total) -> assertClose(BY_ID.get(account).annualValue()
                    .getAsDouble(), total, g.key() + " " + account));
        }
        // users: r3 (A2, 300), r6 r7 (A3, 300 each): P 300 + 300, D 300 → 100·300/900
        assertClose(100.0 / 3, byRole.group("user").orElseThrow().estimate().npsValue());
        // decision-makers: r1 100 P, r2 300 D, r4 600 P → 100·400/1000 = 40
        assertClose(40.0, byRole.group("decision-maker").orElseThrow().estimate().npsValue());
    }

    @Test
    void accountEqualNormalisesWithinEachRole() {
        GroupedNps byRole = NpsScorer.builder().weighting(Weighting.accountEqual()).groupBy(GroupField.ROLE)
                .build().score(RESPONSES);
        for (GroupedNps.Group g : byRole.groups()) {
            accountTotals(g.data()).forEach((account, total) -> assertClose(1.0, total, g.key() + " " + account));
        }
        // users: r3 (A2, 1) P; r6 D, r7 P (A3, 1/2 each) → P 1.5, D 0.5 → 100·1/2 = 50
        assertClose(50.0, byRole.group("user").orElseThrow().estimate().npsValue());
        // decision-makers r1 P, r2 D, r4 P, one per account → 100/3
        assertClose(100.0 / 3, byRole.group("decision-maker").orElseThrow().estimate().npsValue());
    }

    static Map<String, Double> accountTotals(WeightedGroup g) {
        Map<String, Double> totals = new HashMap<>();
        for (int i = 0; i < g.responses().size(); i++) {
            totals.merge(g.responses().get(i).accountId(), g.weight(i), Double::sum);
        }
        return totals;
    }

    @Test
    void misspelledWellKnownNamesAreRecognised() {
        assertEquals(java.util.Optional.of(Role.DECISION_MAKER), Role.of("decisionmaker").likelyMeant());
        assertEquals(java.util.Optional.of(Role.INFLUENCER), Role.of("influencr").likelyMeant());
        assertEquals(java.util.Optional.empty(), Role.DECISION_MAKER.likelyMeant());
        assertEquals(java.util.Optional.empty(), Role.of("procurement").likelyMeant());
        assertEquals(java.util.Optional.of(EpisodeType.RELATIONSHIP), EpisodeType.of("relation").likelyMeant());
        assertEquals(java.util.Optional.of(EpisodeType.SERVICE_EVENT), EpisodeType.of("service_evnt").likelyMeant());
        assertEquals(java.util.Optional.empty(), EpisodeType.of("audit").likelyMeant());
        assertEquals(java.util.Optional.empty(), EpisodeType.RENEWAL.likelyMeant());
    }
}
