package io.github.nps4j.core;

import static io.github.nps4j.core.Fixtures.assertClose;
import static io.github.nps4j.core.Fixtures.d;
import static io.github.nps4j.core.Fixtures.resp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Four accounts, role weights DM 3, INF 2, GK 1, USER 1 (defaults):
 * <pre>
 * X (100): DM 6, INF 10, USER 10, USER 9   mean 35/4 = 8.75; role-weighted (18+20+10+9)/7 = 57/7 ≈ 8.14 → passive;
 *                                          waterfall DM 6 → detractor; NPS (3 P, 1 D) = 50
 * Y (200): INF 9, USER 4                   mean 6.5; role-weighted (18+4)/3 = 22/3 ≈ 7.33 → passive;
 *                                          waterfall INF 9 → promoter
 * Z (300): DM 10, USER 7                   mean 8.5; role-weighted (30+7)/4 = 9.25 → promoter; waterfall DM 10 → promoter
 * W (50):  USER 3, GK 10                   mean 6.5; role-weighted (3+10)/2 = 6.5 → detractor;
 *                                          waterfall GK (above user) 10 → promoter
 * </pre>
 */
class AccountViewsTest {
    private static final List<Response> RESPONSES = List.of(
            resp("x1", "X", "cx1", Role.DECISION_MAKER, d(1, 1), 6),
            resp("x2", "X", "cx2", Role.INFLUENCER, d(1, 1), 10),
            resp("x3", "X", "cx3", Role.USER, d(1, 1), 10),
            resp("x4", "X", "cx4", Role.USER, d(1, 1), 9),
            resp("y1", "Y", "cy1", Role.INFLUENCER, d(1, 1), 9),
            resp("y2", "Y", "cy2", Role.USER, d(1, 1), 4),
            resp("z1", "Z", "cz1", Role.DECISION_MAKER, d(1, 1), 10),
            resp("z2", "Z", "cz2", Role.USER, d(1, 1), 7),
            resp("w1", "W", "cw1", Role.USER, d(1, 1), 3),
            resp("w2", "W", "cw2", Role.GATEKEEPER, d(1, 1), 10));
    private static final Map<String, Account> VALUES = Map.of(
            "X", Account.builder("X").annualValue(100).build(),
            "Y", Account.builder("Y").annualValue(200).build(),
            "Z", Account.builder("Z").annualValue(300).build(),
            "W", Account.builder("W").annualValue(50).build());

    private static AccountView view(List<AccountView> views, String id) {
        return views.stream().filter(v -> v.accountId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void roleWeightedMeanRule() {
        AccountViews av = AccountViews.builder().build();
        List<AccountView> views = av.of(RESPONSES);
        assertEquals(List.of("W", "X", "Y", "Z"), views.stream().map(AccountView::accountId).toList());
        AccountView x = view(views, "X");
        assertClose(8.75, x.meanScore().getAsDouble());
        assertClose(57.0 / 7, x.roleWeightedMeanScore().getAsDouble());
        assertEquals(Optional.of(Role.DECISION_MAKER), x.waterfallRole());
        assertClose(6.0, x.waterfallScore().getAsDouble());
        assertEquals(Optional.of(Category.PASSIVE), x.category());
        assertEquals(AccountCategoryRule.ROLE_WEIGHTED_MEAN, x.rule());
        assertClose(50.0, x.accountNps().npsValue());
        assertEquals(4, x.accountNps().n());

        AccountView y = view(views, "Y");
        assertClose(6.5, y.meanScore().getAsDouble());
        assertClose(22.0 / 3, y.roleWeightedMeanScore().getAsDouble());
        assertEquals(Optional.of(Role.INFLUENCER), y.waterfallRole());
        assertEquals(Optional.of(Category.PASSIVE), y.category());
        assertClose(0.0, y.accountNps().npsValue());

        AccountView z = view(views, "Z");
        assertClose(9.25, z.roleWeightedMeanScore().getAsDouble());
        assertEquals(Optional.of(Category.PROMOTER), z.category());

        AccountView w = view(views, "W");
        assertClose(6.5, w.roleWeightedMeanScore().getAsDouble());
        assertEquals(Optional.of(Role.GATEKEEPER), w.waterfallRole());
        assertClose(10.0, w.waterfallScore().getAsDouble());
        assertEquals(Optional.of(Category.DETRACTOR), w.category());

        // X passive, Y passive, Z promoter, W detractor: 100·(1 − 1)/4 = 0
        // by value: (300·1 − 50·1)/(100 + 200 + 300 + 50) = 250/650
        AccountCountNps count = av.accountCountNps(views, VALUES);
        assertEquals(4, count.accounts());
        assertEquals(1, count.promoterAccounts());
        assertEquals(2, count.passiveAccounts());
        assertEquals(1, count.detractorAccounts());
        assertClose(0.0, count.nps().getAsDouble());
        assertClose(100.0 * 250 / 650, count.valueWeightedNps().getAsDouble());
        assertEquals(AccountCategoryRule.ROLE_WEIGHTED_MEAN, count.rule());
        assertTrue(av.accountCountNps(views, Map.of()).valueWeightedNps().isEmpty());
    }

    @Test
    void waterfallRule() {
        AccountViews av = AccountViews.builder().rule(AccountCategoryRule.WATERFALL).build();
        List<AccountView> views = av.of(RESPONSES);
        assertEquals(Optional.of(Category.DETRACTOR), view(views, "X").category());
        assertEquals(Optional.of(Category.PROMOTER), view(views, "Y").category());
        assertEquals(Optional.of(Category.PROMOTER), view(views, "Z").category());
        assertEquals(Optional.of(Category.PROMOTER), view(views, "W").category());
        // 3 promoter accounts, 1 detractor of 4: 100·2/4 = 50
        // by value: (200 + 300 + 50 − 100)/650 = 450/650
        AccountCountNps count = av.accountCountNps(views, VALUES);
        assertClose(50.0, count.nps().getAsDouble());
        assertClose(100.0 * 450 / 650, count.valueWeightedNps().getAsDouble());
        assertEquals(AccountCategoryRule.WATERFALL, count.rule());
        assertTrue(AccountCategoryRule.WATERFALL.description().contains("waterfall"));
    }

    @Test
    void waterfallAveragesTheTopRoleAndFollowsConfiguredSeniority() {
        List<Response> rs = List.of(
                resp("a", "Q", "c1", Role.DECISION_MAKER, d(1, 1), 10),
                resp("b", "Q", "c2", Role.DECISION_MAKER, d(1, 1), 7),
                resp("c", "Q", "c3", Role.USER, d(1, 1), 0));
        AccountView v = AccountViews.builder().build().view("Q", rs);
        assertClose(8.5, v.waterfallScore().getAsDouble()); // (10 + 7)/2
        AccountView usersFirst = AccountViews.builder().rolePolicy(RolePolicy.defaults().withSeniority(List.of(Role.USER, Role.DECISION_MAKER)))
                .rule(AccountCategoryRule.WATERFALL).build().view("Q", rs);
        assertEquals(Optional.of(Role.USER), usersFirst.waterfallRole());
        assertEquals(Optional.of(Category.DETRACTOR), usersFirst.category());
        assertThrows(IllegalArgumentException.class,
                () -> RolePolicy.defaults().withSeniority(List.of(Role.USER, Role.USER)));
        assertThrows(IllegalArgumentException.class, () -> RolePolicy.defaults().withSeniority(List.of()));
    }

    @Test
    void weightedAccountNpsAndDedupe() {
        // role weighting on X: DM 3 D, INF 2 P, USER 1 P, USER 1 P → 100·(4 − 3)/7
        AccountView x = AccountViews.builder().weighting(Weighting.role(RoleWeights.defaults())).build()
                .view("X", RESPONSES);
        assertClose(100.0 / 7, x.accountNps().npsValue());
        // de-duplication: the same contact twice, the later answer counts
        List<Response> repeat = List.of(resp("a", "Q", "c1", Role.USER, d(1, 1), 0),
                resp("b", "Q", "c1", Role.USER, d(2, 1), 9));
        AccountView q = AccountViews.builder().dedupe(Dedupe.LATEST_PER_CONTACT).build().view("Q", repeat);
        assertEquals(1, q.accountNps().n());
        assertClose(9.0, q.meanScore().getAsDouble());
    }

    @Test
    void accountWithoutResponsesHasNoFigures() {
        AccountView v = AccountViews.builder().build().view("NONE", RESPONSES);
        assertTrue(v.meanScore().isEmpty());
        assertTrue(v.category().isEmpty());
        assertTrue(v.waterfallRole().isEmpty());
        assertTrue(v.accountNps().nps().isEmpty());
        AccountCountNps c = AccountViews.builder().build().accountCountNps(List.of(v), Map.of());
        assertEquals(0, c.accounts());
        assertTrue(c.nps().isEmpty());
    }

    @Test
    void valueWeightedAccountNpsNeedsEveryValue() {
        AccountViews av = AccountViews.builder().build();
        Map<String, Account> missing = new HashMap<>(VALUES);
        missing.put("Y", Account.builder("Y").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> av.accountCountNps(av.of(RESPONSES), missing));
        assertTrue(e.getMessage().contains("Y"), e.getMessage());
    }

    @Test
    void classifyMeanCutOffs() {
        assertEquals(Category.PROMOTER, AccountCategoryRule.classifyMean(9.0));
        assertEquals(Category.PASSIVE, AccountCategoryRule.classifyMean(8.999));
        assertEquals(Category.PASSIVE, AccountCategoryRule.classifyMean(7.0));
        assertEquals(Category.DETRACTOR, AccountCategoryRule.classifyMean(6.999));
        assertEquals(Category.DETRACTOR, AccountCategoryRule.classifyMean(0));
        assertThrows(IllegalArgumentException.class, () -> AccountCategoryRule.classifyMean(10.5));
        assertThrows(IllegalArgumentException.class, () -> AccountCategoryRule.classifyMean(Double.NaN));
    }
}
