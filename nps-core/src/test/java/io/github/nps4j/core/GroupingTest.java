package io.github.nps4j.core;

import static io.github.nps4j.core.Fixtures.assertClose;
import static io.github.nps4j.core.Fixtures.d;
import static io.github.nps4j.core.Fixtures.resp;
import static io.github.nps4j.core.HandPortfolio.ACCOUNTS;
import static io.github.nps4j.core.HandPortfolio.RESPONSES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Grouping of the {@link HandPortfolio} responses, unweighted unless said otherwise. */
class GroupingTest {

    private static GroupedNps score(GroupField... fields) {
        return NpsScorer.builder().accounts(ACCOUNTS).groupBy(fields).build().score(RESPONSES);
    }

    private static List<List<String>> keys(GroupedNps g) {
        return g.groups().stream().map(x -> x.key().values()).toList();
    }

    private static double nps(GroupedNps g, String... values) {
        return g.group(values).orElseThrow(() -> new AssertionError("no group " + List.of(values))).estimate()
                .npsValue();
    }

    @Test
    void ungroupedHasOnlyTheOverallFigure() {
        GroupedNps g = NpsScorer.builder().build().score(RESPONSES);
        assertEquals(List.of(), g.groups());
        assertEquals(List.of(), g.fields());
        assertEquals("none", g.weighting());
        assertEquals(Dedupe.NONE, g.dedupe());
        assertClose(25.0, g.overall().orElseThrow().estimate().npsValue());
        assertEquals(8, g.overall().orElseThrow().estimate().n());
    }

    @Test
    void byAccount() {
        GroupedNps g = score(GroupField.ACCOUNT);
        assertEquals(List.of(List.of("A1"), List.of("A2"), List.of("A3")), keys(g));
        assertClose(100.0, nps(g, "A1"));
        assertClose(0.0, nps(g, "A2")); // r2 D, r3 P
        assertClose(20.0, nps(g, "A3")); // P r4 r7, D r6, of 5
        assertClose(25.0, g.overall().orElseThrow().estimate().npsValue());
        assertEquals(Map.of("account", "A3"), g.groups().get(2).key().asMap());
        assertEquals("A3", g.groups().get(2).key().get("account"));
    }

    @Test
    void byRole() {
        GroupedNps g = score(GroupField.ROLE);
        assertEquals(List.of(List.of("decision-maker"), List.of("gatekeeper"), List.of("influencer"),
                List.of("user")), keys(g));
        assertClose(100.0 / 3, nps(g, "decision-maker")); // r1 P, r2 D, r4 P
        assertClose(0.0, nps(g, "gatekeeper")); // r8 A
        assertClose(0.0, nps(g, "influencer")); // r5 A
        assertClose(100.0 / 3, nps(g, "user")); // r3 P, r6 D, r7 P
    }

    @Test
    void unknownRoleFallsInNone() {
        Response noRole = Response.builder("r9", "A1", "c9").answeredAt(d(1, 1)).score(0).build();
        GroupedNps g = NpsScorer.builder().groupBy(GroupField.ROLE).build().score(List.of(noRole));
        assertEquals(List.of(List.of(GroupField.NONE)), keys(g));
        assertEquals("(none)", GroupField.NONE);
    }

    @Test
    void byTier() {
        GroupedNps g = score(GroupField.TIER);
        assertEquals(List.of(List.of("direct"), List.of("distributor")), keys(g));
        // direct = A1 + A3: P r1 r4 r7, D r6, A r5 r8 → 100·2/6
        assertClose(100.0 / 3, nps(g, "direct"));
        assertEquals(6, g.group("direct").orElseThrow().estimate().n());
        assertClose(0.0, nps(g, "distributor"));
    }

    @Test
    void byPeriods() {
        GroupedNps months = score(GroupField.period(PeriodUnit.MONTH));
        assertEquals(List.of(List.of("2026-01"), List.of("2026-02"), List.of("2026-03"), List.of("2026-04"),
                List.of("2026-05"), List.of("2026-06")), keys(months));
        assertClose(100.0, nps(months, "2026-01")); // r1 P, r4 P
        assertClose(-50.0, nps(months, "2026-02")); // r2 D, r5 A
        assertClose(-100.0, nps(months, "2026-03")); // r6 D
        GroupedNps quarters = score(GroupField.period(PeriodUnit.QUARTER));
        assertEquals(List.of(List.of("2026-Q1"), List.of("2026-Q2")), keys(quarters));
        assertClose(0.0, nps(quarters, "2026-Q1")); // r1 P r2 D r4 P r5 A r6 D
        assertClose(100.0 * 2 / 3, nps(quarters, "2026-Q2")); // r3 P r7 P r8 A
        GroupedNps years = score(GroupField.period(PeriodUnit.YEAR));
        assertEquals(List.of(List.of("2026")), keys(years));
        assertClose(25.0, nps(years, "2026"));
    }

    @Test
    void periodLabelsAndStarts() {
        LocalDate date = LocalDate.of(2026, 12, 31);
        assertEquals("2026-12", PeriodUnit.MONTH.label(date));
        assertEquals("2026-Q4", PeriodUnit.QUARTER.label(date));
        assertEquals("2026-Q1", PeriodUnit.QUARTER.label(LocalDate.of(2026, 3, 31)));
        assertEquals("2026-Q2", PeriodUnit.QUARTER.label(LocalDate.of(2026, 4, 1)));
        assertEquals("2026", PeriodUnit.YEAR.label(date));
        assertEquals(LocalDate.of(2026, 10, 1), PeriodUnit.QUARTER.start(date));
        assertEquals(LocalDate.of(2026, 12, 1), PeriodUnit.MONTH.start(date));
        assertEquals(LocalDate.of(2026, 1, 1), PeriodUnit.YEAR.start(date));
        // the date as written: 23:59 on 31 March is still Q1
        Response late = Response.builder("x", "A", "c").answeredAt(LocalDateTime.of(2026, 3, 31, 23, 59))
                .score(9).build();
        assertEquals("2026-Q1", GroupField.period(PeriodUnit.QUARTER).valueOf(late, Map.of()));
    }

    @Test
    void bySegment() {
        GroupedNps g = score(GroupField.segment("region"));
        // "(none)" sorts before letters
        assertEquals(List.of(List.of("(none)"), List.of("amer"), List.of("emea")), keys(g));
        assertClose(20.0, nps(g, "(none)")); // A3 has no region tag
        assertClose(0.0, nps(g, "amer"));
        assertClose(100.0, nps(g, "emea"));
        assertEquals(List.of("seg:region"), g.fields());
    }

    @Test
    void roleByQuarter() {
        GroupedNps g = score(GroupField.ROLE, GroupField.period(PeriodUnit.QUARTER));
        assertEquals(List.of("role", "period:quarter"), g.fields());
        assertEquals(List.of(List.of("decision-maker", "2026-Q1"), List.of("gatekeeper", "2026-Q2"),
                List.of("influencer", "2026-Q1"), List.of("user", "2026-Q1"), List.of("user", "2026-Q2")), keys(g));
        assertClose(100.0 / 3, nps(g, "decision-maker", "2026-Q1"));
        assertClose(-100.0, nps(g, "user", "2026-Q1")); // r6
        assertClose(100.0, nps(g, "user", "2026-Q2")); // r3, r7
        assertEquals(Map.of("role", "user", "period:quarter", "2026-Q2"), g.groups().get(4).key().asMap());
        assertEquals(Optional.empty(), g.group("user", "2026-Q3"));
        // swapping the field order sorts by quarter first
        GroupedNps swapped = score(GroupField.period(PeriodUnit.QUARTER), GroupField.ROLE);
        assertEquals(List.of(List.of("2026-Q1", "decision-maker"), List.of("2026-Q1", "influencer"),
                List.of("2026-Q1", "user"), List.of("2026-Q2", "gatekeeper"), List.of("2026-Q2", "user")),
                keys(swapped));
    }

    @Test
    void parseFields() {
        assertEquals(GroupField.ACCOUNT, GroupField.parse("account"));
        assertEquals(GroupField.ROLE, GroupField.parse(" role "));
        assertEquals(GroupField.EPISODE, GroupField.parse("episode"));
        assertEquals(GroupField.TIER, GroupField.parse("tier"));
        assertEquals(GroupField.period(PeriodUnit.MONTH), GroupField.parse("period:month"));
        assertEquals(Optional.of(PeriodUnit.QUARTER), GroupField.parse("period:quarter").periodUnit());
        assertEquals("period:year", GroupField.parse("period:year").name());
        assertEquals("seg:industry", GroupField.parse("seg:industry").name());
        assertTrue(GroupField.parse("seg:industry").needsAccounts());
        assertTrue(GroupField.TIER.needsAccounts());
        assertEquals(Optional.empty(), GroupField.ROLE.periodUnit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Account", "roles", "period", "period:week", "period:", "seg:", "seg: ", "region"})
    void parseErrors(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GroupField.parse(text));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    @Test
    void parseErrorNamesTheField() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> GroupField.parse("region"));
        assertTrue(e.getMessage().contains("region"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GroupField.parse("period:week"));
        assertTrue(e.getMessage().contains("week"), e.getMessage());
    }

    @Test
    void fieldsNeedingAccountsFailAtBuildWithout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpsScorer.builder().groupBy(GroupField.TIER).build());
        assertTrue(e.getMessage().contains("tier"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> NpsScorer.builder().groupBy(GroupField.segment("region")).build());
        // and an account missing from the map fails when scoring, naming it
        NpsScorer s = NpsScorer.builder().accounts(List.of(HandPortfolio.A1)).groupBy(GroupField.TIER).build();
        e = assertThrows(IllegalArgumentException.class, () -> s.score(RESPONSES));
        assertTrue(e.getMessage().contains("A2"), e.getMessage());
    }

    @Test
    void repeatedFieldsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> NpsScorer.builder().groupBy(GroupField.ROLE, GroupField.parse("role")));
    }

    @Test
    void groupKeyChecks() {
        assertThrows(IllegalArgumentException.class, () -> new GroupKey(List.of("a", "b"), List.of("x")));
        GroupKey k = new GroupKey(List.of("role"), List.of("user"));
        assertThrows(IllegalArgumentException.class, () -> k.get("tier"));
        assertTrue(new GroupKey(List.of("p"), List.of("2026-Q1"))
                .compareTo(new GroupKey(List.of("p"), List.of("2026-Q2"))) < 0);
    }

    @Test
    void windowFilter() {
        // February and March only: r2 D, r5 A, r6 D → 100·(0 − 2)/3
        GroupedNps g = NpsScorer.builder().window(d(2, 1), d(3, 1)).build().score(RESPONSES);
        assertClose(-200.0 / 3, g.overall().orElseThrow().estimate().npsValue());
        assertThrows(IllegalArgumentException.class, () -> NpsScorer.builder().window(d(3, 1), d(2, 1)));
    }

    // ---- episode mixing rule ----

    private static final List<Response> MIXED = List.of(
            resp("e1", "A1", "c1", Role.USER, EpisodeType.RELATIONSHIP, d(1, 5), 10),
            resp("e2", "A1", "c2", Role.USER, EpisodeType.RELATIONSHIP, d(1, 6), 9),
            resp("e3", "A1", "c3", Role.USER, EpisodeType.SERVICE_EVENT, d(1, 7), 2));

    @Test
    void mixedEpisodesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpsScorer.builder().build().score(MIXED));
        assertTrue(e.getMessage().contains("relationship") && e.getMessage().contains("service-event"),
                e.getMessage());
        // grouping by something else does not help
        assertThrows(IllegalArgumentException.class,
                () -> NpsScorer.builder().groupBy(GroupField.ROLE).build().score(MIXED));
    }

    @Test
    void groupedByEpisodeHasNoOverall() {
        GroupedNps g = NpsScorer.builder().groupBy(GroupField.EPISODE).build().score(MIXED);
        assertEquals(Optional.empty(), g.overall());
        assertEquals(List.of(List.of("relationship"), List.of("service-event")), keys(g));
        assertClose(100.0, nps(g, "relationship"));
        assertClose(-100.0, nps(g, "service-event"));
    }

    @Test
    void groupedByEpisodeWithOneEpisodeKeepsOverall() {
        GroupedNps g = NpsScorer.builder().groupBy(GroupField.EPISODE).build().score(MIXED.subList(0, 2));
        assertClose(100.0, g.overall().orElseThrow().estimate().npsValue());
    }

    @Test
    void restrictedEpisodes() {
        GroupedNps g = NpsScorer.builder().episodes(EpisodeType.SERVICE_EVENT).build().score(MIXED);
        assertEquals(1, g.overall().orElseThrow().estimate().n());
        assertClose(-100.0, g.overall().orElseThrow().estimate().npsValue());
        // restricting to both still mixes them
        assertThrows(IllegalArgumentException.class, () -> NpsScorer.builder()
                .episodes(EpisodeType.SERVICE_EVENT, EpisodeType.RELATIONSHIP).build().score(MIXED));
        assertThrows(IllegalArgumentException.class, () -> NpsScorer.builder().episodes());
    }

    @Test
    void mixEpisodesOnRequest() {
        GroupedNps g = NpsScorer.builder().mixEpisodes().build().score(MIXED);
        // P e1 e2, D e3 → 100/3
        assertClose(100.0 / 3, g.overall().orElseThrow().estimate().npsValue());
        GroupedNps byEpisode = NpsScorer.builder().mixEpisodes().groupBy(GroupField.EPISODE).build().score(MIXED);
        assertClose(100.0 / 3, byEpisode.overall().orElseThrow().estimate().npsValue());
        assertEquals(2, byEpisode.groups().size());
    }

    @Test
    void inputIsNotModifiedAndEmptyInputIsUndefined() {
        GroupedNps g = NpsScorer.builder().groupBy(GroupField.ROLE).build().score(List.of());
        assertEquals(List.of(), g.groups());
        assertTrue(g.overall().orElseThrow().estimate().nps().isEmpty());
        assertEquals(NpsEstimate.ofCounts(2, 2, 4), NpsScorer.scoreAll(RESPONSES));
    }
}
