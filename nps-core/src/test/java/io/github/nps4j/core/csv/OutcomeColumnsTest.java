package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.AccountOutcome;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** {@code outcome:renewed} and {@code outcome:revenue_growth} columns of {@code accounts.csv}. */
class OutcomeColumnsTest {
    static final String RESPONSES = "response_id,account_id,contact_id,answered_at,score\nR1,A1,C1,2026-01-15,9\n";

    static List<Account> accounts(String text) {
        return CsvFixtures.read(PortfolioReader.Mode.STRICT, RESPONSES, text, null, null).portfolio().accounts();
    }

    @Test
    void readsRenewalAndGrowthWithBlanksUnknown() {
        List<Account> a = accounts("account_id,outcome:renewed,outcome:revenue_growth\nA1,true,0.12\nA2,FALSE,\n"
                + "A3,,-0.3\nA4,,\n");
        assertEquals(new AccountOutcome(Optional.of(true), OptionalDouble.of(0.12)), a.get(0).outcome());
        assertEquals(new AccountOutcome(Optional.of(false), OptionalDouble.empty()), a.get(1).outcome());
        assertEquals(new AccountOutcome(Optional.empty(), OptionalDouble.of(-0.3)), a.get(2).outcome());
        assertTrue(a.get(3).outcome().isEmpty());
    }

    @Test
    void badValuesAndUnknownOutcomeColumnsAreErrorsNamingTheField() {
        ReadResult r = CsvFixtures.read(PortfolioReader.Mode.LENIENT, RESPONSES,
                "account_id,outcome:renewed\nA1,maybe\n", null, null);
        assertEquals("outcome:renewed", r.errors().get(0).field());
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> accounts("account_id,outcome:churn\n"
                + "A1,1\n"));
        assertTrue(e.getMessage().contains("outcome:churn"), e.getMessage());
    }
}
