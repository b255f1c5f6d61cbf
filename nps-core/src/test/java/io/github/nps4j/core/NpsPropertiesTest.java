package io.github.nps4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/** Invariants over generated portfolios: 4 accounts × up to 4 contacts in fixed roles, scores 0–10, dates in 2026. */
class NpsPropertiesTest {
    private static final Role[] ROLES = {Role.DECISION_MAKER, Role.INFLUENCER, Role.USER, Role.GATEKEEPER};
    private static final List<Account> ACCOUNTS = List.of(
            Account.builder("A0").annualValue(100).segment("region", "emea").build(),
            Account.builder("A1").annualValue(250.5).tier(Tier.DISTRIBUTOR).build(),
            Account.builder("A2").annualValue(1e6).segment("region", "apac").build(),
            Account.builder("A3").annualValue(3).tier(Tier.RETAILER).build());
    private static final List<Weighting> WEIGHTINGS = List.of(Weighting.none(),
            Weighting.role(RoleWeights.defaults()), Weighting.accountEqual(), Weighting.accountValue(),
            Weighting.roleAccountEqual(RoleWeights.defaults()),
            Weighting.roleAccountValue(RoleWeights.parse("decision-maker=5,user=0.5")));
    private static final List<GroupField> FIELDS =
            List.of(GroupField.ROLE, GroupField.period(PeriodUnit.QUARTER));

    @Provide
    Arbitrary<List<Response>> responses() {
        Arbitrary<int[]> row = Combinators.combine(
                Arbitraries.integers().between(0, 3), // account
                Arbitraries.integers().between(0, 3), // contact within the account; its role follows
                Arbitraries.integers().between(0, 10), // score
                Arbitraries.integers().between(1, 365), // day of 2026
                Arbitraries.integers().between(0, 2)) // hour: few values, so equal times happen
                .as((a, c, s, day, h) -> new int[] {a, c, s, day, h});
        return row.list().ofMaxSize(40).map(rows -> {
            List<Response> out = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                int[] x = rows.get(i);
                out.add(Response.builder(String.format("R%03d", i), "A" + x[0], "C" + x[0] + "-" + x[1])
                        .role(ROLES[x[1]]).answeredAt(LocalDateTime.of(2026, 1, 1, x[4], 0).plusDays(x[3] - 1))
                        .score(x[2]).build());
            }
            return out;
        });
    }

    private static GroupedNps score(List<Response> rs, Weighting w, Dedupe dedupe) {
        return NpsScorer.builder().accounts(ACCOUNTS).weighting(w).dedupe(dedupe).groupBy(FIELDS).build()
                .score(rs);
    }

    private static List<GroupedNps.Group> allGroups(GroupedNps g) {
        List<GroupedNps.Group> all = new ArrayList<>(g.groups());
        all.add(g.overall().orElseThrow());
        return all;
    }

    private static void assertRel(double expected, double actual, String what) {
        double tol = 1e-12 * Math.max(1.0, Math.abs(expected));
        assertTrue(Math.abs(actual - expected) <= tol, what + ": " + expected + " vs " + actual);
    }

    @Property
    void npsIsWithinBounds(@ForAll("responses") List<Response> rs) {
        for (Weighting w : WEIGHTINGS) {
            for (GroupedNps.Group g : allGroups(score(rs, w, Dedupe.NONE))) {
                NpsEstimate e = g.estimate();
                if (e.isDefined()) {
                    double nps = e.npsValue();
                    assertTrue(nps >= -100 && nps <= 100, w + " " + g.key() + ": " + nps);
                    assertTrue(e.standardError().getAsDouble() >= 0);
                    assertTrue(e.effectiveN().getAsDouble() <= e.n() * (1 + 1e-12), "Kish n <= n");
                }
            }
        }
    }

    @Property
    void groupsPartitionTheOverallCounts(@ForAll("responses") List<Response> rs) {
        GroupedNps g = score(rs, Weighting.none(), Dedupe.NONE);
        Tally merged = new Tally();
        for (GroupedNps.Group x : g.groups()) {
            for (Response r : x.data().responses()) {
                merged.add(r.score());
            }
        }
        NpsEstimate overall = g.overall().orElseThrow().estimate();
        assertEquals(rs.size(), overall.n());
        assertEquals(overall, merged.snapshot());
    }

    @Property
    void orderIndependence(@ForAll("responses") List<Response> rs, @ForAll Random random) {
        List<Response> shuffled = new ArrayList<>(rs);
        Collections.shuffle(shuffled, random);
        for (Weighting w : WEIGHTINGS) {
            for (Dedupe dedupe : Dedupe.values()) {
                List<GroupedNps.Group> a = allGroups(score(rs, w, dedupe));
                List<GroupedNps.Group> b = allGroups(score(shuffled, w, dedupe));
                assertEquals(a.size(), b.size());
                for (int i = 0; i < a.size(); i++) {
                    NpsEstimate x = a.get(i).estimate();
                    NpsEstimate y = b.get(i).estimate();
                    String what = w + " " + dedupe + " " + a.get(i).key();
                    assertEquals(a.get(i).key(), b.get(i).key(), what);
                    assertEquals(x.detractors(), y.detractors(), what);
                    assertEquals(x.passives(), y.passives(), what);
                    assertEquals(x.promoters(), y.promoters(), what);
                    assertEquals(x.isDefined(), y.isDefined(), what);
                    assertRel(x.weightSum(), y.weightSum(), what + " Σw");
                    assertRel(x.weightSquareSum(), y.weightSquareSum(), what + " Σw²");
                    if (x.isDefined()) {
                        assertRel(x.npsValue(), y.npsValue(), what + " nps");
                        assertRel(x.standardError().getAsDouble(), y.standardError().getAsDouble(), what + " se");
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Tuple2<Integer, Double>>> weightedScores() {
        return Combinators.combine(Arbitraries.integers().between(0, 10),
                Arbitraries.doubles().between(0, 1000).withSpecialValue(0.0)).as(Tuple::of).list().ofMaxSize(30);
    }

    private static Tally tally(List<Tuple2<Integer, Double>> xs) {
        Tally t = new Tally();
        xs.forEach(x -> t.add(x.get1(), x.get2()));
        return t;
    }

    @Property
    void mergeEqualsTallyOfConcatenation(@ForAll("weightedScores") List<Tuple2<Integer, Double>> a,
            @ForAll("weightedScores") List<Tuple2<Integer, Double>> b) {
        List<Tuple2<Integer, Double>> both = new ArrayList<>(a);
        both.addAll(b);
        NpsEstimate merged = tally(a).merge(tally(b)).snapshot();
        NpsEstimate whole = tally(both).snapshot();
        NpsEstimate mergedOtherWay = tally(b).merge(tally(a)).snapshot();
        for (NpsEstimate m : List.of(merged, mergedOtherWay)) {
            assertEquals(whole.detractors(), m.detractors());
            assertEquals(whole.passives(), m.passives());
            assertEquals(whole.promoters(), m.promoters());
            assertRel(sum(whole, whole.detractorWeight()), sum(m, m.detractorWeight()), "detractor weight");
            assertRel(sum(whole, whole.passiveWeight()), sum(m, m.passiveWeight()), "passive weight");
            assertRel(sum(whole, whole.promoterWeight()), sum(m, m.promoterWeight()), "promoter weight");
            assertRel(square(whole, whole.detractorWeightSq()), square(m, m.detractorWeightSq()), "detractor weight²");
            assertRel(square(whole, whole.passiveWeightSq()), square(m, m.passiveWeightSq()), "passive weight²");
            assertRel(square(whole, whole.promoterWeightSq()), square(m, m.promoterWeightSq()), "promoter weight²");
        }
    }

    /** A weight total of an estimate in true units. */
    private static double sum(NpsEstimate e, double scaledTotal) {
        return Math.scalb(scaledTotal, e.weightScale());
    }

    /** A squared-weight total of an estimate in true units. */
    private static double square(NpsEstimate e, double scaledTotal) {
        return Math.scalb(scaledTotal, 2 * e.weightScale());
    }

    /**
     * Weights anywhere in the range of doubles give the figures of ordinary weights: NPS, Kish n, the standard error
     * and the score and adjusted-Wald intervals are scale-free, and are computed so in floating point (weights of
     * 1e-200 square to 0 and 1e300 to infinity; the tally holds its totals relative to a power of two).
     */
    @Property
    void extremeWeightScalesGiveTheFiguresOfOrdinaryWeights(@ForAll("responses") List<Response> rs,
            @ForAll @DoubleRange(min = -300, max = 300) double decades) {
        double c = Math.pow(10, decades);
        Weighting base = Weighting.custom("base", r -> 1 + (r.score() * 7 + r.id().hashCode() & 7));
        Weighting scaled = Weighting.custom("scaled", r -> c * (1 + (r.score() * 7 + r.id().hashCode() & 7)));
        List<GroupedNps.Group> a = allGroups(score(rs, base, Dedupe.NONE));
        List<GroupedNps.Group> b = allGroups(score(rs, scaled, Dedupe.NONE));
        for (int i = 0; i < a.size(); i++) {
            NpsEstimate x = a.get(i).estimate();
            NpsEstimate y = b.get(i).estimate();
            assertEquals(x.isDefined(), y.isDefined());
            if (x.isDefined()) {
                String what = a.get(i).key() + " scaled by " + c;
                assertRel(x.npsValue(), y.npsValue(), "nps of " + what);
                assertRel(x.effectiveN().getAsDouble(), y.effectiveN().getAsDouble(), "Kish n of " + what);
                assertRel(x.standardError().getAsDouble(), y.standardError().getAsDouble(), "SE of " + what);
                for (io.github.nps4j.core.stats.IntervalMethod m : List.of(
                        io.github.nps4j.core.stats.IntervalMethod.SCORE,
                        io.github.nps4j.core.stats.IntervalMethod.ADJUSTED_WALD)) {
                    var ix = io.github.nps4j.core.stats.ConfidenceIntervals.of(x, m, 0.95).orElseThrow();
                    var iy = io.github.nps4j.core.stats.ConfidenceIntervals.of(y, m, 0.95).orElseThrow();
                    assertEquals(ix.lower(), iy.lower(), 1e-9, m + " lower of " + what);
                    assertEquals(ix.upper(), iy.upper(), 1e-9, m + " upper of " + what);
                }
            }
        }
    }

    /** Annual values of 1e-200 or 1e300 weigh accounts as values of 1 and 3 would (revenue NPS is scale-free). */
    @Property
    void extremeAnnualValuesGiveTheFiguresOfOrdinaryValues(@ForAll("responses") List<Response> rs,
            @ForAll @DoubleRange(min = -300, max = 300) double decades) {
        double c = Math.pow(10, decades);
        List<Account> plain = new ArrayList<>();
        List<Account> extreme = new ArrayList<>();
        for (Account acc : ACCOUNTS) {
            double v = acc.annualValue().getAsDouble();
            plain.add(Account.builder(acc.id()).annualValue(v).build());
            extreme.add(Account.builder(acc.id()).annualValue(v * c).build());
        }
        for (Weighting w : List.of(Weighting.accountValue(), Weighting.roleAccountValue(RoleWeights.defaults()))) {
            ScoringSpec spec = ScoringSpec.builder().weighting(w).groupBy(GroupField.ROLE).build();
            GroupedNps x = NpsScorer.of(spec, plain).score(rs);
            GroupedNps y = NpsScorer.of(spec, extreme).score(rs);
            GroupedEstimates tx = io.github.nps4j.core.table.TableScorer.of(spec)
                    .score(io.github.nps4j.core.table.ResponseTable.of(rs, plain));
            GroupedEstimates ty = io.github.nps4j.core.table.TableScorer.of(spec)
                    .score(io.github.nps4j.core.table.ResponseTable.of(rs, extreme));
            if (x.overall().orElseThrow().estimate().isDefined()) {
                for (NpsEstimate e : List.of(y.overall().orElseThrow().estimate(), tx.overall().orElseThrow(),
                        ty.overall().orElseThrow())) {
                    NpsEstimate base = x.overall().orElseThrow().estimate();
                    assertRel(base.npsValue(), e.npsValue(), w + " nps scaled by " + c);
                    assertRel(base.effectiveN().getAsDouble(), e.effectiveN().getAsDouble(), w + " Kish n");
                    assertRel(base.standardError().getAsDouble(), e.standardError().getAsDouble(), w + " SE");
                }
            }
        }
    }

    @Property
    void scalingCustomWeightsLeavesNpsUnchanged(@ForAll("responses") List<Response> rs,
            @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(6) double c) {
        Weighting base = Weighting.custom("base", r -> 1 + (r.score() * 7 + r.id().hashCode() & 7));
        Weighting scaled = Weighting.custom("scaled", r -> c * (1 + (r.score() * 7 + r.id().hashCode() & 7)));
        List<GroupedNps.Group> a = allGroups(score(rs, base, Dedupe.NONE));
        List<GroupedNps.Group> b = allGroups(score(rs, scaled, Dedupe.NONE));
        for (int i = 0; i < a.size(); i++) {
            NpsEstimate x = a.get(i).estimate();
            NpsEstimate y = b.get(i).estimate();
            if (x.isDefined()) {
                assertRel(x.npsValue(), y.npsValue(), "nps of " + a.get(i).key() + " scaled by " + c);
                assertRel(x.effectiveN().getAsDouble(), y.effectiveN().getAsDouble(), "Kish n");
                assertRel(x.weightSum() * c, y.weightSum(), "Σw");
            }
        }
    }

    @Property
    void accountEqualGivesEveryAccountTheSameTotalInEachGroup(@ForAll("responses") List<Response> rs) {
        for (Dedupe dedupe : Dedupe.values()) {
            for (GroupedNps.Group g : allGroups(score(rs, Weighting.accountEqual(), dedupe))) {
                Map<String, Double> totals = WeightingTest.accountTotals(g.data());
                totals.forEach((account, total) -> assertRel(1.0, total, g.key() + " " + account));
                if (!totals.isEmpty()) {
                    assertRel(totals.size(), g.estimate().weightSum(), "Σw = number of accounts");
                }
            }
        }
    }

    @Property
    void latestPerContactKeepsExactlyOneAnswerPerContact(@ForAll("responses") List<Response> rs) {
        List<Response> kept = Dedupe.LATEST_PER_CONTACT.apply(rs);
        Set<String> contacts = new HashSet<>();
        rs.forEach(r -> contacts.add(r.contactId()));
        assertEquals(contacts.size(), kept.size());
        Map<String, Response> latest = new HashMap<>();
        for (Response r : rs) {
            latest.merge(r.contactId(), r, (x, y) -> Dedupe.LATEST_ORDER.compare(x, y) >= 0 ? x : y);
        }
        Set<String> seen = new HashSet<>();
        for (Response r : kept) {
            assertTrue(seen.add(r.contactId()), "contact kept twice: " + r.contactId());
            assertEquals(latest.get(r.contactId()), r, "not the latest answer of " + r.contactId());
            for (Response other : rs) {
                if (other.contactId().equals(r.contactId())) {
                    assertTrue(!other.answeredAt().isAfter(r.answeredAt()), "a later answer exists");
                }
            }
        }
        // and within each group of the scorer: one answer per contact per group
        for (GroupedNps.Group g : allGroups(score(rs, Weighting.none(), Dedupe.LATEST_PER_CONTACT))) {
            Set<String> inGroup = new HashSet<>();
            for (Response r : g.data().responses()) {
                assertTrue(inGroup.add(r.contactId()), g.key() + " keeps " + r.contactId() + " twice");
            }
        }
    }
}
