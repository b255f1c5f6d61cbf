package io.github.nps4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.DateWindow;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.PeriodUnit;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.stats.ClusteredEstimate;
import io.github.nps4j.core.table.ResponseTable;
import io.github.nps4j.core.table.TableScorer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** NpsSpark.score gives the figures of NpsScorer (and TableScorer where it applies) on a seeded portfolio. */
class ScoreEqualityTest {
    static final double REL = 1e-9;
    private static SparkTests.Portfolio p;

    @BeforeAll
    static void data() {
        p = SparkTests.portfolio(20260517L, 60, 1500);
    }

    static Stream<Arguments> specs() {
        RoleWeights rw = RoleWeights.defaults();
        RoleWeights zeroUsers = RoleWeights.parse("decision-maker=3,influencer=2,user=0");
        List<Weighting> weightings = List.of(Weighting.none(), Weighting.role(rw), Weighting.accountEqual(),
                Weighting.accountValue(), Weighting.roleAccountEqual(rw), Weighting.roleAccountValue(rw));
        List<List<GroupField>> groupings = List.of(List.of(), List.of(GroupField.ROLE),
                List.of(GroupField.period(PeriodUnit.QUARTER), GroupField.ROLE), List.of(GroupField.segment("region")),
                List.of(GroupField.TIER, GroupField.period(PeriodUnit.MONTH)), List.of(GroupField.ACCOUNT),
                List.of(GroupField.period(PeriodUnit.YEAR)));
        List<Arguments> cases = new ArrayList<>();
        int i = 0;
        for (Weighting w : weightings) {
            for (int k = 0; k < 1; k++, i++) {
                List<GroupField> g = groupings.get(i % groupings.size());
                ScoringSpec.Builder b = ScoringSpec.builder().weighting(w).groupBy(g)
                        .dedupe(i % 2 == 0 ? Dedupe.LATEST_PER_CONTACT : Dedupe.NONE);
                if (i % 3 == 0) {
                    b.mixEpisodes();
                } else {
                    b.episodes(EpisodeType.RELATIONSHIP);
                }
                cases.add(Arguments.of(b.build()));
            }
        }
        // a window, an episode grouping (overall left out), zero role weights (an empty group), year + segment
        cases.add(Arguments.of(ScoringSpec.builder().weighting(Weighting.roleAccountEqual(rw))
                .groupBy(GroupField.ROLE).dedupe(Dedupe.LATEST_PER_CONTACT).episodes(EpisodeType.RELATIONSHIP)
                .window(DateWindow.lastDays(LocalDate.of(2026, 3, 31), 365)).build()));
        cases.add(Arguments.of(ScoringSpec.builder().weighting(Weighting.accountEqual())
                .groupBy(GroupField.EPISODE, GroupField.period(PeriodUnit.YEAR)).build()));
        cases.add(Arguments.of(ScoringSpec.builder().weighting(Weighting.role(zeroUsers)).groupBy(GroupField.ROLE)
                .mixEpisodes().build()));
        cases.add(Arguments.of(ScoringSpec.builder().weighting(Weighting.roleAccountValue(zeroUsers))
                .groupBy(GroupField.segment("region"), GroupField.period(PeriodUnit.YEAR))
                .dedupe(Dedupe.LATEST_PER_CONTACT).episodes(EpisodeType.SERVICE_EVENT).build()));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void sparkEqualsTheCoreEngines(ScoringSpec spec) {
        GroupedNps objects = NpsScorer.of(spec, p.accounts()).score(p.responses());
        List<Row> rows = NpsSpark.score(p.responseRows(), p.accountRows(), p.contactRows(), spec).collectAsList();
        int keys = spec.groupBy().size();
        Map<List<String>, Row> byKey = new HashMap<>();
        Row overall = null;
        List<List<String>> order = new ArrayList<>();
        for (Row r : rows) {
            if (keys > 0 && r.isNullAt(0)) {
                overall = r;
                continue;
            }
            if (keys == 0) {
                overall = r;
                continue;
            }
            List<String> key = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                key.add(r.getString(k));
            }
            order.add(key);
            byKey.put(key, r);
        }
        assertEquals(objects.overall().isPresent(), overall != null, "overall present");
        // the design of the domain estimation: every account with a kept answer
        java.util.Set<String> design = new java.util.HashSet<>();
        objects.overall().ifPresent(o -> o.data().responses().forEach(r -> design.add(r.accountId())));
        objects.groups().forEach(g -> g.data().responses().forEach(r -> design.add(r.accountId())));
        if (overall != null) {
            check(objects.overall().get(), overall, keys, design.size(), "overall");
        }
        assertEquals(objects.groups().size(), byKey.size(), "groups");
        List<List<String>> expectedOrder = new ArrayList<>();
        for (GroupedNps.Group g : objects.groups()) {
            expectedOrder.add(g.key().values());
            Row r = byKey.get(g.key().values());
            assertTrue(r != null, "group " + g.key() + " missing from Spark's " + byKey.keySet());
            check(g, r, keys, design.size(), g.key().toString());
        }
        assertEquals(expectedOrder, order, "groups sorted by key");
        if (spec.groupBy().stream().noneMatch(f -> f.name().startsWith("seg:"))) {
            GroupedEstimates columns = TableScorer.of(spec).score(ResponseTable.of(p.responses(), p.accounts()));
            columns.overall().ifPresent(e -> assertEstimate(e, objects.overall().orElseThrow().estimate()));
            for (GroupedEstimates.Entry e : columns.groups()) {
                assertEstimate(e.estimate(), objects.group(e.key().values().toArray(new String[0]))
                        .orElseThrow().estimate());
            }
        }
    }

    private static void check(GroupedNps.Group g, Row r, int keys, int designAccounts, String where) {
        NpsEstimate e = g.estimate();
        ClusteredEstimate c = ClusteredEstimate.of(g.data());
        int f = keys;
        assertNullable(e.nps(), r, f, where + " nps");
        assertEquals(e.promoters(), r.getLong(f + 1), where + " promoters");
        assertEquals(e.passives(), r.getLong(f + 2), where + " passives");
        assertEquals(e.detractors(), r.getLong(f + 3), where + " detractors");
        assertEquals(e.n(), r.getLong(f + 4), where + " n");
        close(e.weightSum(), r.getDouble(f + 5), where + " weightSum");
        assertNullable(e.effectiveN(), r, f + 6, where + " effectiveN");
        assertNullable(e.standardError(), r, f + 7, where + " standardError");
        // domain estimation: the group's Σ_a u_a² (the core's G_d/(G_d−1) factor taken out) with G of the design
        OptionalDouble domain = OptionalDouble.empty();
        if (c.clusteredStandardError().isPresent()) {
            double gd = c.clusters();
            double se = c.clusteredStandardError().getAsDouble();
            domain = OptionalDouble.of(Math.sqrt(se * se * (gd - 1) / gd * designAccounts / (designAccounts - 1)));
        }
        assertNullable(domain, r, f + 8, where + " clusteredStandardError (domain)");
        assertEquals(c.clusters(), r.getLong(f + 9), where + " accounts");
    }

    private static void assertEstimate(NpsEstimate expected, NpsEstimate actual) {
        assertEquals(expected.n(), actual.n());
        assertEquals(expected.promoters(), actual.promoters());
        close(expected.weightSum(), actual.weightSum(), "table weightSum");
    }

    private static void assertNullable(OptionalDouble expected, Row r, int i, String what) {
        if (expected.isEmpty()) {
            assertNull(r.get(i), what + " must be null");
        } else {
            assertTrue(!r.isNullAt(i), what + " must not be null");
            close(expected.getAsDouble(), r.getDouble(i), what);
        }
    }

    static void close(double expected, double actual, String what) {
        // relative, with a floor of 1 so that an NPS of 0 (6e-15 by one summation order, 0 by another) compares
        assertEquals(expected, actual, REL * Math.max(Math.abs(expected), 1), what);
    }

}
