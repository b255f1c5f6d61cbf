package io.github.nps4j.readout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Account;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Revenue at risk as a share of the portfolio's total annual value. */
class AccountsAtRiskTest {
    private static final SyntheticPortfolio SYNTHETIC = SyntheticPortfolio.builder().seed(11).build();
    private static final Readout R = PortfolioReadout.of(SYNTHETIC.portfolio(),
            ReadoutOptions.asOf(SYNTHETIC.truth().asOf()));

    @Test
    void totalAnnualValueSumsEveryAccountOfThePortfolio() {
        double expected = SYNTHETIC.portfolio().accounts().stream().map(Account::annualValue)
                .mapToDouble(v -> v.orElse(0)).sum();
        assertTrue(expected > 0, "the synthetic accounts carry values");
        assertEquals(expected, R.accountsAtRisk().totalAnnualValue(), 1e-6 * expected);
    }

    @Test
    void shareIsRevenueAtRiskOverTotalValue() {
        AccountsAtRisk a = R.accountsAtRisk();
        OptionalDouble share = a.shareOfValueAtRisk();
        assertTrue(share.isPresent());
        assertEquals(a.revenueAtRisk().total() / a.totalAnnualValue(), share.getAsDouble(), 1e-12);
        assertTrue(share.getAsDouble() > 0 && share.getAsDouble() < 1, "some but not all value is at risk: " + share);
    }
}
