package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.internal.LogCapture;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** What a lenient or strict read logs under {@code io.github.nps4j.core.csv.PortfolioReader}. */
class PortfolioReaderLoggingTest {
    private static final String LOGGER = "io.github.nps4j.core.csv.PortfolioReader";

    @Test
    void skippedRowsAreWarnedWithFileLineFieldAndReasonButNoPersonalData() {
        String accounts = """
                account_id,name,tier,parent_id,annual_value,owner
                A1,Acme,direct,,1000,Maria Rossi
                A2,Beta,direct,,-5,Jane Doe
                """;
        String responses = """
                response_id,account_id,contact_id,role,episode,answered_at,score,comment
                R1,A1,C1,user,,2026-01-15,9,fine
                R2,A1,C2,user,,2026-01-16,11,"Call Jane Doe on jane.doe@example.com, she is furious"
                R3,A1,C3,user,,2026-01-17,7,"Jane Doe again",extra
                """;
        try (LogCapture log = LogCapture.of(LOGGER)) {
            ReadResult result = CsvFixtures.read(PortfolioReader.Mode.LENIENT, responses, accounts, null, null);
            assertEquals(3, result.errors().size());

            List<String> warn = log.messages(Level.WARN);
            assertEquals(List.of(
                    "Skipped accounts.csv, line 3, field annual_value: " + result.errors().get(0).reason(),
                    "Skipped responses.csv, line 3, field score: " + result.errors().get(1).reason(),
                    "Skipped responses.csv, line 4: " + result.errors().get(2).reason(),
                    "Lenient read of accounts.csv: 1 row(s) skipped; every one is in ReadResult.errors()",
                    "Lenient read of responses.csv: 2 row(s) skipped; every one is in ReadResult.errors()"), warn);
            for (String m : log.messagesAboveDebug()) {
                String lower = m.toLowerCase(Locale.ROOT);
                assertFalse(lower.contains("jane") || lower.contains("example.com") || lower.contains("furious")
                        || lower.contains("-5"), () -> "personal data or a value above DEBUG: " + m);
            }
            // the values (not comments) are there for whoever turns DEBUG on
            assertTrue(log.messages(Level.DEBUG).stream().anyMatch(m -> m.contains("value '-5'")),
                    () -> "DEBUG: " + log.messages(Level.DEBUG));
            assertTrue(log.messages(Level.DEBUG).stream().noneMatch(m -> m.toLowerCase(Locale.ROOT).contains("furious")),
                    () -> "a comment reached DEBUG: " + log.messages(Level.DEBUG));
        }
    }

    @Test
    void manySkippedRowsAreWarnedTenAtATimeAndSummarised() {
        StringBuilder responses = new StringBuilder("response_id,account_id,contact_id,answered_at,score\n");
        for (int i = 1; i <= 13; i++) {
            responses.append("R").append(i).append(",A1,C1,2026-01-01,").append(i < 13 ? "12" : "9").append('\n');
        }
        try (LogCapture log = LogCapture.of(LOGGER)) {
            ReadResult result = CsvFixtures.read(PortfolioReader.Mode.LENIENT, responses.toString(), null, null, null);
            assertEquals(12, result.errors().size());
            List<String> warn = log.messages(Level.WARN);
            assertEquals(ReadSession.ROWS_LOGGED_PER_FILE + 1, warn.size(), () -> "WARN: " + warn);
            assertEquals("Lenient read of responses.csv: 12 row(s) skipped (the first 10 logged above); every one is "
                    + "in ReadResult.errors()", warn.get(warn.size() - 1));
            assertEquals(12, log.messages(Level.DEBUG).size());
        }
    }

    @Test
    void customRolesTiersAndEpisodesAreReportedOnceAtInfo() {
        String accounts = """
                account_id,name,tier
                A1,Acme,direct
                A2,Beta,integrator
                """;
        String responses = """
                response_id,account_id,contact_id,role,episode,answered_at,score
                R1,A1,C1,owner-rep,,2026-01-15,9
                R2,A1,C2,Champion,,2026-01-16,6
                R3,A2,C3,Owner Rep,site-visit,2026-01-17,7
                R4,A2,C4,lab-lead,renewal,2026-01-18,8
                """;
        try (LogCapture log = LogCapture.of(LOGGER)) {
            CsvFixtures.read(PortfolioReader.Mode.STRICT, responses, accounts, null, null);
            assertEquals(List.of(
                    "Roles outside the well-known [decision-maker, influencer, gatekeeper, user] kept as custom roles: "
                            + "[lab-lead, owner-rep] (map them with a role map if they are spellings of well-known "
                            + "ones)",
                    "Tiers outside the well-known [direct, distributor, retailer, end-user] kept as custom tiers: "
                            + "[integrator]",
                    "Episode types outside the well-known [relationship, onboarding, contract-negotiation, "
                            + "service-event, delivery, project-completion, renewal] kept as custom episodes: "
                            + "[site-visit]"),
                    log.messages(Level.INFO));
            assertEquals(List.of(), log.messages(Level.WARN));
        }
    }

    @Test
    void aCleanReadOfWellKnownVocabularyLogsNothingAboveDebug() {
        try (LogCapture log = LogCapture.of(LOGGER)) {
            ReadResult result = CsvFixtures.read(PortfolioReader.Mode.LENIENT, CsvFixtures.RESPONSES,
                    CsvFixtures.ACCOUNTS, CsvFixtures.CONTACTS, CsvFixtures.INVITATIONS);
            assertTrue(result.isClean());
            assertEquals(List.of(), log.messagesAboveDebug());
        }
    }
}
