package io.github.nps4j.accountmap;

import static io.github.nps4j.accountmap.Fx.AS_OF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.AccountCategoryRule;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.DateWindow;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Tier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountMapTest {
    private static final Role DM = Role.DECISION_MAKER;
    private static final Role INF = Role.INFLUENCER;
    private static final Role USER = Role.USER;

    @Test
    void rolesCoverageAndLatestAnswers() {
        var p = Fx.portfolio().account("A").contact("dm", "A", DM).contact("in", "A", INF)
                .contacts("u", 3, "A", USER)
                .answer("dm", "A", 300, 10).answer("dm", "A", 20, 4) // latest: detractor
                .answer("in", "A", 30, 8).answer("u1", "A", 40, 9)
                .invitation("u2", AS_OF.minusDays(50), EpisodeType.RELATIONSHIP)
                .invitation("u3", AS_OF.minusDays(400), EpisodeType.RELATIONSHIP).build();
        MappedAccount m = AccountMap.of(p, AS_OF).account("A").orElseThrow();

        assertEquals(List.of(DM, INF, Role.GATEKEEPER, USER), List.copyOf(m.roles().keySet()));
        RoleCoverage dm = m.roles().get(DM);
        assertEquals(new RoleCoverage(DM, 1, 1, 1, 0, 0, 1), dm);
        assertEquals(new RoleCoverage(USER, 3, 2, 1, 1, 0, 0), m.roles().get(USER));
        assertEquals(0.5, m.roles().get(USER).responseRate().getAsDouble());
        assertEquals(RoleCoverage.empty(Role.GATEKEEPER), m.roles().get(Role.GATEKEEPER));
        assertEquals(4, m.contacts(DM).get(0).latestAnswer().orElseThrow().score());
        assertEquals(Category.DETRACTOR, m.contacts(DM).get(0).category().orElseThrow());

        // account NPS: latest answers 4, 8, 9 -> (1 - 1) / 3 = 0
        assertEquals(0.0, m.nps().getAsDouble(), 0.0);
        assertEquals(3, m.view().accountNps().n());
        assertEquals(7.0, m.meanScore().getAsDouble(), 1e-12);
        // role-weighted mean (3*4 + 2*8 + 1*9) / 6 = 37/6 < 7 -> detractor account
        assertEquals(Category.DETRACTOR, m.category().orElseThrow());
        assertEquals(AccountCategoryRule.ROLE_WEIGHTED_MEAN, m.view().rule());
        assertEquals(DM, m.view().waterfallRole().orElseThrow());
        assertTrue(m.has(Flag.DECIDER_DETRACTOR));
    }

    @Test
    void trendComparesWithThePreviousWindow() {
        var p = Fx.portfolio().account("A").contact("c", "A", USER).contact("d", "A", USER)
                .answer("c", "A", 400, 10).answer("d", "A", 500, 10) // previous window: NPS 100
                .answer("c", "A", 10, 0).answer("d", "A", 10, 8).build(); // current: NPS -50
        AccountTrend t = AccountMap.of(p, AS_OF).account("A").orElseThrow().trend();
        assertEquals(100.0, t.previousEstimate().npsValue());
        assertEquals(-50.0, t.currentEstimate().npsValue());
        assertEquals(-150.0, t.change().getAsDouble());
        assertEquals(DateWindow.lastDays(AS_OF.minusDays(365), 365), t.previous());
    }

    @Test
    void unlistedContactsJoinTheMapWithTheirAnswersRole() {
        var fx = Fx.portfolio().account("A").contact("dm", "A", DM);
        var p = fx.build();
        var withStranger = io.github.nps4j.core.Portfolio.of(p.accounts(), p.contacts(),
                List.of(Response.builder("X1", "A", "stranger").role(INF).answeredAt(AS_OF).score(9).build(),
                        Response.builder("X2", "A", "ghost").answeredAt(AS_OF).score(3).build()),
                List.of());
        MappedAccount m = AccountMap.of(withStranger, AS_OF).account("A").orElseThrow();
        ContactEntry stranger = m.contacts(INF).get(0);
        assertFalse(stranger.listed());
        assertEquals(1, m.roles().get(AccountMapOptions.UNKNOWN_ROLE).detractors());
        assertEquals(3, m.total().mapped());
    }

    @Test
    void theContactListDecidesTheRole() {
        var p = Fx.portfolio().account("A").contact("c", "A", DM).build();
        var r = Response.builder("R1", "A", "c").role(USER).answeredAt(AS_OF).score(2).build();
        var q = io.github.nps4j.core.Portfolio.of(p.accounts(), p.contacts(), List.of(r), List.of());
        assertTrue(AccountMap.of(q, AS_OF).account("A").orElseThrow().has(Flag.DECIDER_DETRACTOR));
    }

    @Test
    void episodesCanBeRestricted() {
        var p = Fx.portfolio().account("A").contact("dm", "A", DM)
                .answer("dm", "A", AS_OF.minusDays(20), 9, EpisodeType.RELATIONSHIP)
                .answer("dm", "A", AS_OF.minusDays(2), 3, EpisodeType.SERVICE_EVENT).build();
        assertTrue(AccountMap.of(p, AS_OF).account("A").orElseThrow().has(Flag.DECIDER_DETRACTOR));
        var rel = AccountMapOptions.builder().episodes(EpisodeType.RELATIONSHIP).build();
        assertFalse(AccountMap.of(p, AS_OF, rel).account("A").orElseThrow().has(Flag.DECIDER_DETRACTOR));
    }

    @Test
    void revenueAtRiskByRuleTierAndOwner() {
        var p = Fx.portfolio()
                .account(Fx.account("A", "Alpha", Tier.DIRECT, null, 100, "olga"))
                .account(Fx.account("B", "Beta", Tier.DISTRIBUTOR, null, 250, "piet"))
                .account(Fx.account("C", "Gamma", Tier.DIRECT, null, 1000, "olga"))
                .account(Account.builder("D").name("Delta").build())
                .contact("a", "A", USER).contact("b1", "B", DM).contact("b2", "B", USER).contact("c", "C", DM)
                .contact("d", "D", USER)
                .answer("a", "A", 5, 2) // detractor account
                .answer("b1", "B", 5, 6).answer("b2", "B", 5, 10).answer("b2", "B", 5, 10) // decider-detractor
                .answer("c", "C", 5, 10) // promoter, safe
                .answer("d", "D", 5, 0) // detractor account, no value
                .build();
        AccountMap map = AccountMap.of(p, AS_OF);
        RevenueAtRisk r = map.revenueAtRisk();
        assertEquals(List.of("A", "B", "D"), r.accountIds());
        assertEquals(350.0, r.total());
        assertEquals(Map.of(Tier.DIRECT, 100.0, Tier.DISTRIBUTOR, 250.0), r.byTier().entrySet().stream()
                .filter(e -> e.getValue() > 0).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        Map.Entry::getValue)));
        assertEquals(Map.of("olga", 100.0, "piet", 250.0, RevenueAtRisk.NO_OWNER, 0.0), r.byOwner());
        assertEquals(1, r.accountsWithoutValue());
        assertTrue(r.rule().contains("decider-detractor") && r.rule().contains("detractor"), r.rule());
    }

    @Test
    void riskRankingBySeverityTimesValue() {
        var p = Fx.portfolio()
                .account(Fx.account("A", "Alpha", Tier.DIRECT, null, 100, "olga"))
                .account(Fx.account("B", "Beta", Tier.DIRECT, null, 10_000, "olga"))
                .account(Account.builder("C").name("Gamma").build())
                .contact("a", "A", DM).contact("b", "B", DM).contact("c", "C", DM)
                .answer("a", "A", 5, 0).answer("b", "B", 5, 9).answer("c", "C", 5, 0).build();
        List<RiskEntry> ranking = AccountMap.of(p, AS_OF).overview().ranking();
        // A: decider-detractor 5 + detractor 4 = 9 x 100 = 900; B: promoter, no flag = 0 x 10000 = 0;
        // C: severity 9, no value -> 0, ranked above B by severity
        assertEquals(List.of("A", "C", "B"), ranking.stream().map(RiskEntry::accountId).toList());
        assertEquals(900.0, ranking.get(0).riskScore());
        assertEquals(9.0, ranking.get(1).riskSeverity());
        assertEquals(List.of(1, 2, 3), ranking.stream().map(RiskEntry::rank).toList());
    }

    @Test
    void riskWeightsAreConfigurable() {
        var p = Fx.portfolio().account("A").contact("a", "A", DM).answer("a", "A", 5, 0).build();
        var o = AccountMapOptions.builder().riskWeight(Flag.DECIDER_DETRACTOR, 0).riskWeight(Category.DETRACTOR, 1)
                .build();
        assertEquals(1.0, AccountMap.of(p, AS_OF, o).account("A").orElseThrow().riskSeverity());
    }

    @Test
    void channelThroughParentLinks() {
        var p = Fx.portfolio()
                .account(Fx.account("D", "Distri", Tier.DISTRIBUTOR, null, 500, "olga"))
                .account(Fx.account("R", "Retail", Tier.RETAILER, "D", 100, "olga"))
                .account(Fx.account("E1", "End 1", Tier.END_USER, "R", 10, "olga"))
                .account(Fx.account("E2", "End 2", Tier.END_USER, "R", 10, "olga"))
                .contact("d", "D", DM).contact("r", "R", DM).contact("e1", "E1", USER).contact("e2", "E2", USER)
                .answer("d", "D", 5, 10).answer("r", "R", 5, 8).answer("e1", "E1", 5, 2).answer("e2", "E2", 5, 3)
                .build();
        ChannelView ch = AccountMap.of(p, AS_OF).channel();
        assertEquals(-100.0, ch.byTier().get(Tier.END_USER).npsValue());
        assertEquals(100.0, ch.byTier().get(Tier.DISTRIBUTOR).npsValue());
        ChannelNode d = ch.node("D").orElseThrow();
        assertEquals(4, d.subtree().n());
        assertEquals(-25.0, d.subtree().npsValue());
        assertEquals(-100.0, d.subtreeByTier().get(Tier.END_USER).npsValue());
        assertEquals(List.of("R"), d.children());
        assertEquals(List.of("E1", "E2"), ch.node("R").orElseThrow().children());
        assertEquals(100.0, d.own().npsValue());
    }

    @Test
    void portfolioCoverageByRoleAndAccountCountNps() {
        var p = Fx.portfolio().account("A").account("B").contact("a1", "A", DM).contact("a2", "A", USER)
                .contact("b1", "B", DM).answer("a1", "A", 5, 10).answer("b1", "B", 5, 3).build();
        PortfolioOverview o = AccountMap.of(p, AS_OF).overview();
        assertEquals(new RoleCoverage(DM, 2, 2, 2, 1, 0, 1), o.coverageByRole().get(DM));
        assertEquals(new RoleCoverage(USER, 1, 0, 0, 0, 0, 0), o.coverageByRole().get(USER));
        assertEquals(0.0, o.accountCountNps().nps().getAsDouble());
        assertEquals(0.0, o.accountCountNps().valueWeightedNps().getAsDouble());
    }

    @Test
    void badInputNamesTheValueAndItsSource() {
        var p = Fx.portfolio().account("A").contact("c", "A", USER).build();
        // a response filed under another account than its contact's is refused when the portfolio is made
        var e = assertThrows(IllegalArgumentException.class, () -> AccountMap.of(io.github.nps4j.core.Portfolio.of(
                p.accounts(), p.contacts(),
                List.of(Response.builder("R9", "Z", "c").answeredAt(AS_OF).score(9).build()), List.of()), AS_OF));
        assertTrue(e.getMessage().contains("R9") && e.getMessage().contains("Z"), e.getMessage());

        var p2 = Fx.portfolio().account("A").account("B").contact("c", "A", USER).build();
        var e2 = assertThrows(IllegalArgumentException.class, () -> AccountMap.of(io.github.nps4j.core.Portfolio.of(
                p2.accounts(), p2.contacts(),
                List.of(Response.builder("R8", "B", "c").answeredAt(AS_OF).score(9).build()), List.of()), AS_OF));
        assertTrue(e2.getMessage().contains("R8") && e2.getMessage().contains("belongs to account A"));

        var e3 = assertThrows(IllegalArgumentException.class,
                () -> AccountMapOptions.builder().lowCoverageShare(1.5));
        assertTrue(e3.getMessage().contains("1.5"));
    }

    @Test
    void resultsAreImmutable() {
        var p = Fx.portfolio().account("A").contact("c", "A", USER).answer("c", "A", 1, 9).build();
        MappedAccount m = AccountMap.of(p, AS_OF).account("A").orElseThrow();
        assertThrows(UnsupportedOperationException.class, () -> m.flags().add(Flag.SILENT));
        assertThrows(UnsupportedOperationException.class, () -> m.roles().clear());
        assertThrows(UnsupportedOperationException.class, () -> m.contacts().clear());
    }

    @Test
    void sameInputSameResult() {
        var p = Fx.portfolio().account("A").contact("c", "A", DM).answer("c", "A", 1, 3).answer("c", "A", 100, 9)
                .build();
        var o = AccountMapOptions.builder().windowDays(200).build();
        var o2 = AccountMapOptions.builder().windowDays(200).build();
        assertEquals(AccountMap.of(p, AS_OF, o), AccountMap.of(p, AS_OF, o2));
    }

    @Test
    void dateWindowIsHalfOpen() {
        DateWindow w = DateWindow.lastDays(AS_OF, 30);
        assertFalse(w.contains(AS_OF.minusDays(30)));
        assertTrue(w.contains(AS_OF.minusDays(29)));
        assertTrue(w.contains(AS_OF));
        assertFalse(w.contains(AS_OF.plusDays(1)));
        assertEquals(30, w.lengthInDays());
    }
}
