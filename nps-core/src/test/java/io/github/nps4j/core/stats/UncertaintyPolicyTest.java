package io.github.nps4j.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.PeriodUnit;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Tier;
import io.github.nps4j.core.WeightedGroup;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.RoleWeights;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The uncertainty policy of {@link UncertaintyOptions}: each entry point gives what the hand wiring it replaces (the
 * command line's former {@code StatsOptions}, {@code TrendCommand} and {@code CompareCommand}, kept below as the
 * reference) gives, for every method, clustering and weighting.
 */
class UncertaintyPolicyTest {
    private static final Role[] ROLES = {Role.DECISION_MAKER, Role.INFLUENCER, Role.USER, Role.GATEKEEPER};
    private static final List<Account> ACCOUNTS = List.of(
            Account.builder("A0").annualValue(100).tier(Tier.DIRECT).build(),
            Account.builder("A1").annualValue(250.5).tier(Tier.DISTRIBUTOR).build(),
            Account.builder("A2").annualValue(1e6).tier(Tier.DIRECT).build(),
            Account.builder("A3").annualValue(3).tier(Tier.RETAILER).build(),
            Account.builder("A4").annualValue(40).tier(Tier.RETAILER).build());
    private static final List<Weighting> WEIGHTINGS = List.of(Weighting.none(), Weighting.accountEqual(),
            Weighting.roleAccountValue(RoleWeights.defaults()));

    @Provide
    Arbitrary<List<Response>> responses() {
        Arbitrary<int[]> row = Combinators.combine(
                Arbitraries.integers().between(0, 4), // account
                Arbitraries.integers().between(0, 3), // contact within the account; its role follows
                Arbitraries.integers().between(0, 10), // score
                Arbitraries.integers().between(0, 364)) // day of 2026
                .as((a, c, s, day) -> new int[] {a, c, s, day});
        return row.list().ofMinSize(1).ofMaxSize(40).map(rows -> {
            List<Response> out = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                int[] x = rows.get(i);
                out.add(Response.builder(String.format("R%03d", i), "A" + x[0], "C" + x[0] + "-" + x[1])
                        .role(ROLES[x[1]]).answeredAt(LocalDate.of(2026, 1, 1).plusDays(x[3])).score(x[2]).build());
            }
            return out;
        });
    }

    @Provide
    Arbitrary<UncertaintyOptions> options() {
        return Combinators.combine(Arbitraries.of(IntervalMethod.values()),
                Arbitraries.of(0.8, 0.9, 0.95, 0.99), Arbitraries.of(UncertaintyOptions.Clustering.values()),
                Arbitraries.longs().between(0, 1000))
                .as((m, level, c, seed) -> new UncertaintyOptions(m, level, c, seed, 200, Optional.empty()));
    }

    /** The command line's former StatsOptions.summary, verbatim but for its inputs: the reference. */
    static NpsSummary handWired(WeightedGroup group, IntervalMethod m, double level, boolean clustered, long seed,
            int resamples, int design) {
        ClusteredEstimate c = ClusteredEstimate.of(group).inDesign(design);
        if (m == IntervalMethod.BOOTSTRAP) {
            Bootstrap b = Bootstrap.of(seed, resamples).level(level);
            if (clustered) {
                return NpsSummary.of(c, b);
            }
            NpsEstimate e = c.estimate();
            if (!e.isDefined()) {
                return NpsSummary.of(e, IntervalMethod.WALD, level);
            }
            byte[] signs = new byte[group.responses().size()];
            for (int i = 0; i < signs.length; i++) {
                signs[i] = (byte) group.responses().get(i).category().sign();
            }
            NpsSummary s = NpsSummary.of(e, b.responses(signs, group.weights()));
            return new NpsSummary(e, c.clusteredStandardError(), OptionalInt.of(c.clusters()), s.ci(), s.method(),
                    s.level(), s.notes());
        }
        if (clustered) {
            return NpsSummary.of(c, m, level);
        }
        NpsSummary s = NpsSummary.of(c.estimate(), m, level);
        return new NpsSummary(s.estimate(), c.clusteredStandardError(), OptionalInt.of(c.clusters()), s.ci(),
                s.method(), s.level(), s.notes());
    }

    private static GroupedNps score(List<Response> rs, Weighting w, GroupField... by) {
        return NpsScorer.builder().accounts(ACCOUNTS).weighting(w).groupBy(List.of(by)).build().score(rs);
    }

    @Property(tries = 150)
    void summaryEqualsTheHandWiringForEveryMethodAndClustering(@ForAll("responses") List<Response> rs,
            @ForAll("options") UncertaintyOptions o) {
        for (Weighting w : WEIGHTINGS) {
            GroupedNps g = score(rs, w, GroupField.ROLE);
            List<GroupedNps.Group> all = new ArrayList<>(g.groups());
            all.add(g.overall().orElseThrow());
            int design = (int) rs.stream().map(Response::accountId).distinct().count();
            boolean refused = false;
            for (GroupedNps.Group group : all) {
                if (!group.estimate().isDefined()) {
                    continue; // the hand wiring labelled an empty bootstrap group WALD: emptyGroupsHaveNoNps… covers them
                }
                if (o.clustered() && ClusteredEstimate.of(group.data()).clusters() < 2) {
                    // clustered inference from one account is refused, naming the group and its count
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> NpsSummary.of(group, o));
                    assertTrue(e.getMessage().contains("has answers from 1 account"), e::getMessage);
                    refused = true;
                    continue;
                }
                // the groups are domains of the design of all scored accounts (SummarizedNps), a lone group its own
                NpsSummary expected = handWired(group.data(), o.method(), o.level(), o.clustered(), o.seed(),
                        o.resamples(), design);
                assertEquals(expected, NpsSummary.of(group.data(), o, design, true), () -> group.key() + " " + o);
            }
            // a table of groups gives a one-account group no interval and a note, and keeps the others
            SummarizedNps s = SummarizedNps.of(g, o);
            assertEquals(g.groups().size(), s.groups().size());
            for (int i = 0; i < s.groups().size(); i++) {
                SummarizedNps.Group sg = s.groups().get(i);
                assertEquals(g.groups().get(i).key(), sg.key());
                assertEquals(NpsSummary.of(g.groups().get(i).data(), o, design, false), sg.summary());
                if (o.clustered() && sg.estimate().isDefined() && sg.accounts().getAsInt() < 2) {
                    assertTrue(sg.interval().isEmpty());
                    assertTrue(sg.notes().get(0).contains("has answers from 1 account"), sg.notes()::toString);
                }
                assertEquals(sg.summary().ci(), sg.interval());
                assertEquals(sg.summary().nps(), sg.nps());
                assertTrue(sg.posterior().isEmpty());
            }
        }
    }

    @Property(tries = 60)
    void bootstrapIsReproducibleBySeed(@ForAll("responses") List<Response> rs,
            @ForAll("options") UncertaintyOptions o) {
        UncertaintyOptions boot = o.withMethod(IntervalMethod.BOOTSTRAP);
        WeightedGroup g = score(rs, Weighting.none()).overall().orElseThrow().data();
        if (o.clustered() && ClusteredEstimate.of(g).clusters() < 2) {
            assertThrows(IllegalArgumentException.class, () -> NpsSummary.of(g, boot));
            return;
        }
        assertEquals(NpsSummary.of(g, boot), NpsSummary.of(g, boot));
        assertEquals(SummarizedNps.of(score(rs, Weighting.none()), boot),
                SummarizedNps.of(score(rs, Weighting.none()), boot));
    }

    @Property(tries = 100)
    void intervalsStayInRangeAndWaldAndScoreContainTheirNps(@ForAll("responses") List<Response> rs,
            @ForAll("options") UncertaintyOptions o) {
        GroupedNps scored = score(rs, Weighting.accountEqual(), GroupField.TIER);
        SummarizedNps s = SummarizedNps.of(scored, o);
        for (SummarizedNps.Group g : s.groups()) {
            if (g.interval().isPresent() && g.nps().isPresent()) {
                Interval ci = g.interval().get();
                assertTrue(ci.lower() >= -100 && ci.upper() <= 100, ci::toString);
                // every method's interval contains the NPS shown beside it (adjusted-wald extended to it)
                assertTrue(ci.contains(g.nps().getAsDouble()), () -> ci + " vs " + g.nps());
                assertEquals(g.nps().getAsDouble(), ci.pointEstimate(), 1e-9);
            }
        }
    }

    @Property(tries = 100)
    void trendEqualsTheHandWiring(@ForAll("responses") List<Response> rs, @ForAll("options") UncertaintyOptions o) {
        GroupedNps q = score(rs, Weighting.none(), GroupField.period(PeriodUnit.QUARTER));
        int design = (int) rs.stream().map(Response::accountId).distinct().count();
        Trend t = Trend.of(q, o);
        double alpha = java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(o.level())).doubleValue();
        Trend expected;
        if (o.clustered()) {
            List<Map.Entry<String, ClusteredEstimate>> periods = new ArrayList<>();
            for (GroupedNps.Group g : q.groups()) {
                periods.add(new AbstractMap.SimpleEntry<>(g.key().values().get(0),
                        ClusteredEstimate.of(g.data()).inDesign(design)));
            }
            expected = Trend.ofClustered(periods, alpha);
        } else {
            List<Map.Entry<String, NpsEstimate>> periods = new ArrayList<>();
            for (GroupedNps.Group g : q.groups()) {
                periods.add(new AbstractMap.SimpleEntry<>(g.key().values().get(0), g.estimate()));
            }
            expected = Trend.of(periods, alpha);
        }
        assertEquals(expected.alpha(), t.alpha());
        assertEquals(expected.points().size(), t.points().size());
        for (int i = 0; i < t.points().size(); i++) {
            TrendPoint p = t.points().get(i);
            TrendPoint e = expected.points().get(i);
            assertEquals(new TrendPoint(e.period(), e.estimate(), e.clusteredStandardError(), e.change(),
                    e.changeStandardError(), e.changePValue(), e.significant(), e.clustered(), e.note(),
                    Optional.of(NpsSummary.of(q.groups().get(i).data(), o, design, false))), p);
            assertEquals(p.summary().orElseThrow().ci(), p.interval());
        }
    }

    @Property(tries = 100)
    void comparisonEqualsTheHandWiring(@ForAll("responses") List<Response> rs,
            @ForAll("options") UncertaintyOptions o) {
        GroupedNps g = score(rs, Weighting.none(), GroupField.TIER);
        if (g.groups().size() < 2) {
            return;
        }
        GroupedNps.Group a = g.groups().get(0);
        GroupedNps.Group b = g.groups().get(1);
        if (!Comparison.supports(o.method())) {
            assertThrows(IllegalArgumentException.class, () -> Comparison.of(a, b, o));
            return;
        }
        if (o.clustered() && Stream.of(a, b).anyMatch(x -> x.estimate().isDefined()
                && ClusteredEstimate.of(x.data()).clusters() < 2)) {
            assertThrows(IllegalArgumentException.class, () -> Comparison.of(a, b, o));
            return;
        }
        Optional<Comparison> expected;
        try {
            expected = o.clustered()
                    ? Comparison.clustered(ClusteredEstimate.of(a.data()), ClusteredEstimate.of(b.data()), o.level())
                    : Comparison.of(a.estimate(), b.estimate(), o.method(), o.level());
        } catch (IllegalArgumentException e) {
            assertThrows(IllegalArgumentException.class, () -> Comparison.of(a, b, o));
            return;
        }
        assertEquals(expected, Comparison.of(a, b, o));
    }

    @Test
    void defaultsAreTheCommandLinesDefaults() {
        UncertaintyOptions d = UncertaintyOptions.defaults();
        assertEquals(IntervalMethod.SCORE, d.method());
        assertEquals(0.95, d.level());
        assertEquals(UncertaintyOptions.Clustering.NONE, d.clustering());
        assertEquals(1, d.seed());
        assertEquals(2000, d.resamples());
        assertTrue(d.posterior().isEmpty());
        assertEquals(d, UncertaintyOptions.parse("score", 0.95, "none", 1, 2000, null));
        assertEquals(0.05, d.alpha());
    }

    @Test
    void parseReadsTheCommandLinesSpellings() {
        UncertaintyOptions o = UncertaintyOptions.parse("bootstrap", 0.9, "account", 7, 500, "dirichlet:1,2,0.5");
        assertEquals(new UncertaintyOptions(IntervalMethod.BOOTSTRAP, 0.9, UncertaintyOptions.Clustering.ACCOUNT, 7,
                500, Optional.of(UncertaintyOptions.Posterior.fixed(DirichletPrior.of(1, 2, 0.5)))), o);
        assertTrue(UncertaintyOptions.parse("score", 0.95, "none", 1, 2000, "dirichlet:fit").posterior().orElseThrow()
                .fitted());
        assertEquals("account", UncertaintyOptions.Clustering.ACCOUNT.label());
        assertEquals(o, UncertaintyOptions.defaults().withMethod(IntervalMethod.BOOTSTRAP).withLevel(0.9)
                .clusteredByAccount().withBootstrap(7, 500)
                .withPosterior(UncertaintyOptions.Posterior.fixed(DirichletPrior.of(1, 2, 0.5))));
    }

    @Test
    void badValuesAreRejectedByName() {
        assertMessage("'nope'", () -> UncertaintyOptions.parse("nope", 0.95, "none", 1, 2000, null));
        assertMessage("level 1.5", () -> UncertaintyOptions.defaults().withLevel(1.5));
        assertMessage("level 0.0", () -> UncertaintyOptions.defaults().withLevel(0));
        assertMessage("level NaN", () -> UncertaintyOptions.defaults().withLevel(Double.NaN));
        assertMessage("cluster 'foo'", () -> UncertaintyOptions.parse("wald", 0.95, "foo", 1, 2000, null));
        assertMessage("resamples 99", () -> UncertaintyOptions.defaults().withBootstrap(1, 99));
        assertMessage("'beta:1,1'", () -> UncertaintyOptions.Posterior.parse("beta:1,1"));
        assertMessage("three prior weights", () -> UncertaintyOptions.Posterior.parse("dirichlet:1,2"));
        assertMessage("'x'", () -> UncertaintyOptions.Posterior.parse("dirichlet:1,x,2"));
        assertThrows(NullPointerException.class, () -> UncertaintyOptions.defaults().withMethod(null));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(part), x.getMessage());
    }

    private static List<Response> fixed() {
        // A0: 3 answers, A1: 2, A2: 4, A3: 1 — enough overdispersion for the empirical-Bayes fit
        int[][] rows = {{0, 10}, {0, 9}, {0, 10}, {1, 2}, {1, 3}, {2, 8}, {2, 7}, {2, 9}, {2, 1}, {3, 6}};
        List<Response> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            out.add(Response.builder("R" + i, "A" + rows[i][0], "C" + i).role(ROLES[i % 4])
                    .answeredAt(LocalDate.of(2026, 1 + i, 1)).score(rows[i][1]).build());
        }
        return out;
    }

    @Test
    void posteriorUnderAFittedPriorIsShrunkAndUsesTheFitOfTheAccountsCounts() {
        GroupedNps g = score(fixed(), Weighting.none(), GroupField.ROLE);
        SummarizedNps s = SummarizedNps.of(g, UncertaintyOptions.defaults()
                .withPosterior(UncertaintyOptions.Posterior.fitAcrossAccounts()));
        // the reference: each account's raw counts {detractors, passives, promoters}
        Map<String, long[]> counts = new HashMap<>();
        for (Response r : fixed()) {
            counts.computeIfAbsent(r.accountId(), k -> new long[3])[r.category().ordinal()]++;
        }
        DirichletMultinomialFit fit = EmpiricalBayes.fit(List.copyOf(counts.values()));
        assertEquals(fit, s.fit().orElseThrow());
        assertEquals(fit, EmpiricalBayes.fit(g));
        assertEquals(Optional.of(fit.alpha()), s.prior());
        for (SummarizedNps.Group x : s.groups()) {
            NpsPosterior p = x.posterior().orElseThrow();
            NpsPosterior unshrunk = NpsPosterior.of(x.estimate(), fit.alpha(), 0.95);
            assertEquals("shrunk", p.label());
            assertEquals(unshrunk.mean(), p.mean());
            assertEquals(unshrunk.lower(), p.lower());
            assertEquals(unshrunk.upper(), p.upper());
        }
    }

    @Test
    void posteriorUnderAFixedPriorIsNotShrunk() {
        DirichletPrior prior = DirichletPrior.of(1, 2, 1);
        GroupedNps g = score(fixed(), Weighting.none(), GroupField.TIER);
        SummarizedNps s = SummarizedNps.of(g, UncertaintyOptions.defaults().withLevel(0.9)
                .withPosterior(UncertaintyOptions.Posterior.fixed(prior)));
        assertTrue(s.fit().isEmpty());
        assertEquals(Optional.of(prior), s.prior());
        SummarizedNps.Group direct = s.group("direct").orElseThrow();
        assertEquals(NpsPosterior.of(direct.estimate(), prior, 0.9), direct.posterior().orElseThrow());
        assertEquals("posterior", direct.posterior().orElseThrow().label());
        assertTrue(direct.key().tier().orElseThrow().equals(Tier.DIRECT));
    }

    @Test
    void fittingAcrossAccountsNeedsAnOverallGroup() {
        GroupedNps noOverall = new GroupedNps("none", io.github.nps4j.core.Dedupe.NONE, List.of("episode"),
                Optional.empty(), List.of());
        assertThrows(IllegalArgumentException.class, () -> EmpiricalBayes.fit(noOverall));
    }

    @Test
    void totalsAloneCannotBeBootstrappedOrClustered() {
        NpsEstimate e = NpsEstimate.ofCounts(3, 4, 5);
        assertEquals(NpsSummary.of(e, IntervalMethod.SCORE, 0.9),
                NpsSummary.of(e, UncertaintyOptions.defaults().withMethod(IntervalMethod.SCORE).withLevel(0.9)));
        assertMessage("bootstrap", () -> NpsSummary.of(e,
                UncertaintyOptions.defaults().withMethod(IntervalMethod.BOOTSTRAP)));
        assertMessage("clustered", () -> NpsSummary.of(e, UncertaintyOptions.defaults().clusteredByAccount()));
        assertFalse(UncertaintyOptions.defaults().needsResponses());
    }

    @Test
    void emptyGroupsHaveNoNpsAndNoIntervalUnderEveryMethod() {
        GroupedNps g = NpsScorer.builder().accounts(List.of(Account.builder("A0").annualValue(0).build(),
                Account.builder("A1").annualValue(0).build())).weighting(Weighting.accountValue()).build()
                .score(List.of(Response.builder("R1", "A0", "C1").answeredAt(LocalDate.of(2026, 1, 1)).score(9)
                        .build(), Response.builder("R2", "A1", "C2").answeredAt(LocalDate.of(2026, 1, 1)).score(3)
                        .build()));
        for (IntervalMethod m : IntervalMethod.values()) {
            for (UncertaintyOptions.Clustering c : UncertaintyOptions.Clustering.values()) {
                NpsSummary s = NpsSummary.of(g.overall().orElseThrow(),
                        UncertaintyOptions.defaults().withMethod(m).withClustering(c));
                assertTrue(s.nps().isEmpty() && s.ci().isEmpty(), s::toString);
                assertEquals(m, s.method());
                assertFalse(s.notes().isEmpty());
            }
        }
    }

    @Test
    void scoreIntervalOfAWeightedGroupWithoutDetractorsOrPromotersEnds() {
        // found by summaryEqualsTheHandWiring…: the root finder recursed without end (StackOverflowError)
        List<Response> rs = List.of(
                Response.builder("R0", "A3", "C3-3").role(Role.GATEKEEPER).answeredAt(LocalDate.of(2026, 10, 12))
                        .score(3).build(),
                Response.builder("R1", "A3", "C3-0").role(Role.DECISION_MAKER).answeredAt(LocalDate.of(2026, 1, 21))
                        .score(9).build(),
                Response.builder("R2", "A0", "C0-1").role(Role.INFLUENCER).answeredAt(LocalDate.of(2026, 8, 5))
                        .score(7).build(),
                Response.builder("R3", "A2", "C2-0").role(Role.DECISION_MAKER).answeredAt(LocalDate.of(2026, 9, 10))
                        .score(4).build());
        UncertaintyOptions o = UncertaintyOptions.defaults().withMethod(IntervalMethod.SCORE).withLevel(0.99);
        for (Weighting w : WEIGHTINGS) {
            SummarizedNps s = SummarizedNps.of(score(rs, w, GroupField.ROLE), o);
            for (SummarizedNps.Group g : s.groups()) {
                Interval ci = g.interval().orElseThrow();
                assertTrue(ci.lower() <= g.nps().getAsDouble() && g.nps().getAsDouble() <= ci.upper(),
                        () -> w + " " + g);
            }
        }
    }

    @Test
    void trendNeedsOnePeriodField() {
        GroupedNps byRole = score(fixed(), Weighting.none(), GroupField.ROLE);
        assertMessage("[role]", () -> Trend.of(byRole, UncertaintyOptions.defaults()));
        GroupedNps byQuarter = score(fixed(), Weighting.none(), GroupField.period(PeriodUnit.QUARTER));
        // 2026-Q1 holds answers of account A0 only: clustered inference is refused for it, naming the group and its
        // count (a single group's summary throws; the trend gives that period no interval and says why)
        assertMessage("group period:quarter=2026-Q1 has answers from 1 account",
                () -> NpsSummary.of(byQuarter.groups().get(0), UncertaintyOptions.defaults().clusteredByAccount()));
        Trend t = Trend.of(byQuarter, UncertaintyOptions.defaults().clusteredByAccount());
        assertTrue(t.points().get(0).interval().isEmpty());
        assertTrue(t.points().get(0).summary().orElseThrow().notes().get(0)
                .contains("group period:quarter=2026-Q1 has answers from 1 account"));
        assertEquals(List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"),
                t.points().stream().map(TrendPoint::period).toList());
        // Q1 holds one account: the clustered test of the change to Q2 is refused, and says why
        assertTrue(t.points().get(1).change().isEmpty());
        assertTrue(t.points().get(1).note().orElseThrow().contains("answers from 1 account"),
                t.points().get(1)::toString);
        assertTrue(Trend.of(byQuarter, UncertaintyOptions.defaults()).points().get(1).change().isPresent());
        assertNotEquals(Optional.empty(), t.points().get(0).summary());
    }
}
