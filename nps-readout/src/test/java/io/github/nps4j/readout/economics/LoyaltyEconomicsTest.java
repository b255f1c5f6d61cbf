package io.github.nps4j.readout.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.accountmap.AccountMap;
import io.github.nps4j.core.Account;
import io.github.nps4j.core.AccountOutcome;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.stats.UncertaintyOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Loyalty economics on a small portfolio computed by hand. */
class LoyaltyEconomicsTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    /** One decision-maker answer per account: its score makes the account's category. */
    record Row(String id, int score, Double value, Boolean renewed, Double growth) {
    }

    /**
     * Promoters P1–P4: renewed 2 of 3 known, values 100, 300, 200 (P4 unknown) → mean 200, growth (0.10 + 0.20)/2 =
     * 0.15, lifetime value 200 / (1 − 2/3) = 600. Passive Q1: renewed 1 of 1 → no lifetime value. Detractors D1–D3:
     * renewed 1 of 3, mean value 200, growth (−0.1 + 0)/2 = −0.05, lifetime value 200 / (1 − 1/3) = 300. Ratio 2.
     * Account U1 has no answer in the window: uncategorised.
     */
    static final List<Row> ROWS = List.of(new Row("P1", 10, 100.0, true, 0.10), new Row("P2", 9, 300.0, true, 0.20),
            new Row("P3", 10, 200.0, false, null), new Row("P4", 9, null, null, null),
            new Row("Q1", 8, 50.0, true, null), new Row("D1", 3, 100.0, false, -0.1),
            new Row("D2", 2, 300.0, true, 0.0), new Row("D3", 5, 200.0, false, null));

    static Portfolio portfolio(List<Row> rows) {
        List<Account> accounts = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<Response> responses = new ArrayList<>();
        for (Row r : rows) {
            Account.Builder b = Account.builder(r.id()).outcome(new AccountOutcome(Optional.ofNullable(r.renewed()),
                    r.growth() == null ? OptionalDouble.empty() : OptionalDouble.of(r.growth())));
            if (r.value() != null) {
                b.annualValue(r.value());
            }
            accounts.add(b.build());
            contacts.add(new Contact(r.id() + "-C", r.id(), Role.DECISION_MAKER, Optional.empty(),
                    OptionalDouble.empty()));
            responses.add(Response.builder(r.id() + "-R", r.id(), r.id() + "-C").role(Role.DECISION_MAKER)
                    .answeredAt(AS_OF.minusDays(10)).score(r.score()).build());
        }
        accounts.add(Account.builder("U1").annualValue(1000).build());
        return Portfolio.of(accounts, contacts, responses, List.of());
    }

    @Test
    void handComputedCategoriesRatioAndRenewalModel() {
        LoyaltyEconomics e = LoyaltyEconomics.of(AccountMap.of(portfolio(ROWS), AS_OF), UncertaintyOptions.defaults());
        CategoryEconomics p = e.category(Category.PROMOTER);
        assertEquals(4, p.accounts());
        assertEquals(3, p.accountsWithOutcome());
        assertEquals(2.0 / 3, p.renewalRate().getAsDouble(), 1e-12);
        assertEquals(200, p.meanAnnualValue().getAsDouble(), 1e-12);
        assertEquals(0.15, p.meanRevenueGrowth().getAsDouble(), 1e-12);
        assertEquals(600, p.lifetimeValue().getAsDouble(), 1e-9);
        CategoryEconomics q = e.category(Category.PASSIVE);
        assertEquals(1, q.accounts());
        assertEquals(1, q.renewalRate().getAsDouble());
        assertTrue(q.lifetimeValue().isEmpty()); // a renewal rate of 1: no finite lifetime value
        assertTrue(q.meanRevenueGrowth().isEmpty());
        CategoryEconomics d = e.category(Category.DETRACTOR);
        assertEquals(3, d.accounts());
        assertEquals(1.0 / 3, d.renewalRate().getAsDouble(), 1e-12);
        assertEquals(-0.05, d.meanRevenueGrowth().getAsDouble(), 1e-12);
        assertEquals(300, d.lifetimeValue().getAsDouble(), 1e-9);
        assertEquals(1, e.uncategorisedAccounts());
        assertEquals(2, e.promoterToDetractorValueRatio().getAsDouble(), 1e-9);
        ValueRatioInterval ci = e.ci().orElseThrow();
        assertTrue(ci.lower() <= ci.upper());
        assertEquals(UncertaintyOptions.defaults().resamples(), ci.resamples());
        // 3 promoters with a known renewal: a resample of only renewed ones has an unbounded ratio, kept as +∞
        assertTrue(ci.unbounded());
        assertTrue(ci.lower() >= 0);
        // numpy IRLS of renewed on account NPS (100, 100, 100, 0, −100, −100, −100 → 1, 1, 0, 1, 0, 1, 0):
        // intercept 0.31922977 (SE 0.80780425), slope 0.00710227 (SE 0.00880077)
        var model = e.renewalModel().orElseThrow();
        assertEquals(7, model.n());
        assertEquals(0.31922977, model.coefficients().get(0).estimate(), 1e-7);
        assertEquals(0.00710227, model.coefficient(LoyaltyEconomics.ACCOUNT_NPS).estimate(), 1e-8);
        assertEquals(0.00880077, model.coefficient(LoyaltyEconomics.ACCOUNT_NPS).standardError(), 1e-8);
        assertTrue(e.renewalModelNote().isEmpty());
    }

    @Test
    void bootstrapIsSeededAndReproducible() {
        AccountMap map = AccountMap.of(portfolio(ROWS), AS_OF);
        UncertaintyOptions o = UncertaintyOptions.defaults().withBootstrap(7, 500);
        assertEquals(LoyaltyEconomics.of(map, o).ci(), LoyaltyEconomics.of(map, o).ci());
    }

    @Test
    void undefinedRatioAndUnfittableModelAreEmptyWithAReason() {
        List<Row> allRenewed = List.of(new Row("P1", 10, 100.0, true, null), new Row("D1", 3, 100.0, true, null),
                new Row("D2", 3, 100.0, true, null), new Row("D3", 4, 100.0, true, null));
        LoyaltyEconomics e = LoyaltyEconomics.of(AccountMap.of(portfolio(allRenewed), AS_OF),
                UncertaintyOptions.defaults());
        assertTrue(e.promoterToDetractorValueRatio().isEmpty());
        assertTrue(e.ci().isEmpty());
        assertTrue(e.renewalModel().isEmpty());
        assertTrue(e.renewalModelNote().isPresent());
    }

    @Test
    void resampledRatioKeepsUnboundedLifetimeValues() {
        CategoryEconomics allRenewed = LoyaltyEconomics.category(Category.PROMOTER, List.of());
        assertTrue(LoyaltyEconomics.resampledRatio(allRenewed, allRenewed).isEmpty()); // nothing known
        CategoryEconomics p = new CategoryEconomics(Category.PROMOTER, 2, 2, OptionalDouble.of(1),
                OptionalDouble.of(100), OptionalDouble.empty(), OptionalDouble.empty());
        CategoryEconomics d = new CategoryEconomics(Category.DETRACTOR, 2, 2, OptionalDouble.of(0.5),
                OptionalDouble.of(100), OptionalDouble.empty(), OptionalDouble.of(200));
        assertEquals(Double.POSITIVE_INFINITY, LoyaltyEconomics.resampledRatio(p, d).getAsDouble());
        CategoryEconomics dAll = new CategoryEconomics(Category.DETRACTOR, 2, 2, OptionalDouble.of(1),
                OptionalDouble.of(100), OptionalDouble.empty(), OptionalDouble.empty());
        assertEquals(0, LoyaltyEconomics.resampledRatio(
                new CategoryEconomics(Category.PROMOTER, 2, 2, OptionalDouble.of(0.5), OptionalDouble.of(100),
                        OptionalDouble.empty(), OptionalDouble.of(200)), dAll).getAsDouble());
        assertEquals(Double.POSITIVE_INFINITY, LoyaltyEconomics.quantile(new double[] {1, 2, Double.POSITIVE_INFINITY},
                0.9));
        assertEquals(1.5, LoyaltyEconomics.quantile(new double[] {1, 2, Double.POSITIVE_INFINITY}, 0.25));
    }

    @Test
    void lifetimeValueRule() {
        assertEquals(OptionalDouble.of(400), LoyaltyEconomics.lifetimeValue(OptionalDouble.of(100),
                OptionalDouble.of(0.75)));
        assertEquals(OptionalDouble.empty(), LoyaltyEconomics.lifetimeValue(OptionalDouble.of(100),
                OptionalDouble.of(1)));
        assertEquals(OptionalDouble.empty(), LoyaltyEconomics.lifetimeValue(OptionalDouble.of(100),
                OptionalDouble.empty()));
        assertEquals(OptionalDouble.empty(), LoyaltyEconomics.ratio(OptionalDouble.of(100), OptionalDouble.of(0)));
    }
}
