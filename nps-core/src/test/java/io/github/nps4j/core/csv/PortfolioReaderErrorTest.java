package io.github.nps4j.core.csv;

import static io.github.nps4j.core.csv.CsvFixtures.ACCOUNTS;
import static io.github.nps4j.core.csv.CsvFixtures.CONTACTS;
import static io.github.nps4j.core.csv.CsvFixtures.INVITATIONS;
import static io.github.nps4j.core.csv.CsvFixtures.RESPONSES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Portfolio;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad-row rule, each checked in strict mode (the exception names file, line, field, value and reason) and in
 * lenient mode (the row is listed, the good rows around it are kept). The bad row is appended to one of the fixture
 * files, followed by a good row.
 */
class PortfolioReaderErrorTest {

    /** A bad row appended to one file, and the error it must give. */
    record Case(String name, String file, String badRow, String field, String value, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String GOOD_RESPONSE = "R100,A1,C1,,,2026-03-01,10,,\n";
    private static final String GOOD_ACCOUNT = "A100,New,direct,,,,\n";
    private static final String GOOD_CONTACT = "C100,A1,user,\n";
    private static final String GOOD_INVITATION = "C2,2026-02-02,\n";

    static Stream<Case> cases() {
        return Stream.of(
                // responses.csv
                new Case("score out of range", "responses.csv", "R3,A1,C1,,,2026-01-16,11,,", "score", "11",
                        "out of range"),
                new Case("score negative", "responses.csv", "R3,A1,C1,,,2026-01-16,-1,,", "score", "-1",
                        "out of range"),
                new Case("score fractional", "responses.csv", "R3,A1,C1,,,2026-01-16,8.5,,", "score", "8.5",
                        "fractional"),
                new Case("score not a number", "responses.csv", "R3,A1,C1,,,2026-01-16,ten,,", "score", "ten",
                        "not a number"),
                new Case("blank response_id", "responses.csv", " ,A1,C1,,,2026-01-16,7,,", "response_id", "",
                        "blank"),
                new Case("blank account_id in responses", "responses.csv", "R3,,C1,,,2026-01-16,7,,", "account_id",
                        "", "blank"),
                new Case("blank contact_id in responses", "responses.csv", "R3,A1,,,,2026-01-16,7,,", "contact_id",
                        "", "blank"),
                new Case("duplicate response_id", "responses.csv", "R1,A1,C1,,,2026-01-16,7,,", "response_id", "R1",
                        "duplicate response id; first on line 2"),
                new Case("unknown account in responses", "responses.csv", "R3,A9,C1,,,2026-01-16,7,,",
                        "account_id", "A9", "unknown account; not in accounts.csv"),
                new Case("unknown contact in responses", "responses.csv", "R3,A1,C9,,,2026-01-16,7,,",
                        "contact_id", "C9", "unknown contact; not in contacts.csv"),
                new Case("contact of another account", "responses.csv", "R3,A2,C1,,,2026-01-16,7,,", "account_id",
                        "A2", "contact C1 belongs to account A1"),
                new Case("unparseable date", "responses.csv", "R3,A1,C1,,,15.01.2026,7,,", "answered_at",
                        "15.01.2026", "not an ISO-8601 date"),
                new Case("impossible date", "responses.csv", "R3,A1,C1,,,2026-02-30,7,,", "answered_at",
                        "2026-02-30", "not a valid date"),
                new Case("unparseable date-time", "responses.csv", "R3,A1,C1,,,2026-01-16T25:00,7,,", "answered_at",
                        "2026-01-16T25:00", "not an ISO-8601 date"),
                new Case("blank date", "responses.csv", "R3,A1,C1,,,,7,,", "answered_at", "", "blank"),
                new Case("non-numeric rating", "responses.csv", "R3,A1,C1,,,2026-01-16,7,,good", "attr:delivery",
                        "good", "not a number"),
                new Case("NaN rating", "responses.csv", "R3,A1,C1,,,2026-01-16,7,,NaN", "attr:delivery", "NaN",
                        "not a number"),
                new Case("Infinity rating", "responses.csv", "R3,A1,C1,,,2026-01-16,7,,-Infinity", "attr:delivery",
                        "-Infinity", "not a number"),
                new Case("overflowing rating", "responses.csv", "R3,A1,C1,,,2026-01-16,7,,1e999", "attr:delivery",
                        "1e999", "finite"),
                new Case("invalid role", "responses.csv", "R3,A1,C1,boss!,,2026-01-16,7,,", "role", "boss!",
                        "not a lowercase-hyphen name"),
                new Case("invalid episode", "responses.csv", "R3,A1,C1,,re/new,2026-01-16,7,,", "episode", "re/new",
                        "not a lowercase-hyphen name"),
                new Case("too many fields", "responses.csv", "R3,A1,C1,,,2026-01-16,7,good, fast,", "", "",
                        "row has 10 fields but the header has 9"),
                // accounts.csv
                new Case("blank account_id", "accounts.csv", ",Nameless,direct,,,,", "account_id", "", "blank"),
                new Case("duplicate account_id", "accounts.csv", "A1,Acme again,direct,,,,", "account_id", "A1",
                        "duplicate account id; first on line 2"),
                new Case("negative annual value", "accounts.csv", "A3,Gamma,direct,,-5,,", "annual_value", "-5",
                        "negative"),
                new Case("non-numeric annual value", "accounts.csv", "A3,Gamma,direct,,1k,,", "annual_value", "1k",
                        "not a number"),
                new Case("invalid tier", "accounts.csv", "A3,Gamma,top tier!,,,,", "tier", "top tier!",
                        "not a lowercase-hyphen name"),
                new Case("unknown parent", "accounts.csv", "A3,Gamma,retailer,A9,,,", "parent_id", "A9",
                        "unknown parent account"),
                new Case("own parent", "accounts.csv", "A3,Gamma,retailer,A3,,,", "parent_id", "A3",
                        "cannot be its own parent"),
                // contacts.csv
                new Case("blank contact_id", "contacts.csv", ",A1,user,", "contact_id", "", "blank"),
                new Case("duplicate contact_id", "contacts.csv", "C1,A1,user,", "contact_id", "C1",
                        "duplicate contact id; first on line 2"),
                new Case("unknown account in contacts", "contacts.csv", "C3,A9,user,", "account_id", "A9",
                        "unknown account; not in accounts.csv"),
                new Case("blank contact role", "contacts.csv", "C3,A1,,", "role", "", "blank"),
                new Case("invalid contact role", "contacts.csv", "C3,A1,user?,", "role", "user?",
                        "not a lowercase-hyphen name"),
                // invitations.csv
                new Case("unknown contact in invitations", "invitations.csv", "C9,2026-01-11,", "contact_id", "C9",
                        "unknown contact; not in contacts.csv"),
                new Case("unparseable invitation date", "invitations.csv", "C1,yesterday,", "invited_at",
                        "yesterday", "not an ISO-8601 date"),
                new Case("invalid invitation episode", "invitations.csv", "C1,2026-01-11,a_b c?", "episode",
                        "a_b c?", "not a lowercase-hyphen name"));
    }

    /** The four files with the case's bad row and a good row appended to its file; the bad row's line. */
    private record Input(String responses, String accounts, String contacts, String invitations, long badLine) {
        static Input of(Case c) {
            String r = RESPONSES;
            String a = ACCOUNTS;
            String k = CONTACTS;
            String i = INVITATIONS;
            long line;
            switch (c.file()) {
                case "responses.csv" -> {
                    line = lines(r) + 1;
                    r = r + c.badRow() + "\n" + GOOD_RESPONSE;
                }
                case "accounts.csv" -> {
                    line = lines(a) + 1;
                    a = a + c.badRow() + "\n" + GOOD_ACCOUNT;
                }
                case "contacts.csv" -> {
                    line = lines(k) + 1;
                    k = k + c.badRow() + "\n" + GOOD_CONTACT;
                }
                case "invitations.csv" -> {
                    line = lines(i) + 1;
                    i = i + c.badRow() + "\n" + GOOD_INVITATION;
                }
                default -> throw new IllegalArgumentException(c.file());
            }
            return new Input(r, a, k, i, line);
        }

        private static long lines(String text) {
            return text.lines().count();
        }

        ReadResult read(PortfolioReader.Mode mode) {
            return CsvFixtures.read(mode, responses, accounts, contacts, invitations);
        }
    }

    @Test
    void lenientModeListsAllErrorsInFileOrderAndCascadesToRowsReferringToSkippedRows() {
        String accounts = "account_id,parent_id\nA3,A9\nA1,\nA1,\nA4,A3\n";
        String contacts = "contact_id,account_id,role\nC1,A1,user\nC4,A4,user\n";
        String responses = "response_id,account_id,contact_id,answered_at,score\n"
                + "R1,A1,C1,2026-01-01,99\nR2,A4,C4,2026-01-01,9\nR3,A1,C1,2026-01-01,9\n";
        ReadResult result = CsvFixtures.read(PortfolioReader.Mode.LENIENT, responses, accounts, contacts, null);
        assertEquals(List.of("accounts.csv:2:parent_id:A9", "accounts.csv:4:account_id:A1",
                "accounts.csv:5:parent_id:A3", "contacts.csv:3:account_id:A4", "responses.csv:2:score:99",
                "responses.csv:3:account_id:A4"),
                result.errors().stream().map(e -> e.file() + ":" + e.line() + ":" + e.field() + ":" + e.value())
                        .toList());
        assertEquals(List.of("R3"), result.portfolio().responses().stream().map(r -> r.id()).toList());
        assertEquals(List.of("A1"), result.portfolio().accounts().stream().map(a -> a.id()).toList());
    }

    @ParameterizedTest(name = "strict: {0}")
    @MethodSource("cases")
    void strictModeThrowsNamingFileLineFieldValueAndReason(Case c) {
        Input in = Input.of(c);
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> in.read(PortfolioReader.Mode.STRICT));
        RowError error = e.error();
        assertEquals(c.file(), error.file());
        assertEquals(in.badLine(), error.line());
        assertEquals(c.field(), error.field());
        assertEquals(c.value(), error.value());
        assertTrue(error.reason().contains(c.reason()), error.reason());
        String message = e.getMessage();
        assertTrue(message.startsWith(c.file() + ", line " + in.badLine()), message);
        if (!c.field().isEmpty()) {
            assertTrue(message.contains("field " + c.field()), message);
            assertTrue(message.contains("value '" + c.value() + "'"), message);
        }
        assertTrue(message.contains(c.reason()), message);
        assertTrue(e instanceof IllegalArgumentException);
    }

    @ParameterizedTest(name = "lenient: {0}")
    @MethodSource("cases")
    void lenientModeSkipsTheRowKeepsTheOthersAndReportsIt(Case c) {
        Input in = Input.of(c);
        ReadResult result = in.read(PortfolioReader.Mode.LENIENT);
        assertEquals(List.of(new RowError(c.file(), in.badLine(), c.field(), c.value(),
                result.errors().isEmpty() ? "" : result.errors().get(0).reason())), result.errors());
        assertTrue(result.errors().get(0).reason().contains(c.reason()));
        assertFalse(result.isClean());

        Portfolio p = result.portfolio();
        boolean responses = c.file().equals("responses.csv");
        boolean accounts = c.file().equals("accounts.csv");
        boolean contacts = c.file().equals("contacts.csv");
        boolean invitations = c.file().equals("invitations.csv");
        assertEquals(responses ? 3 : 2, p.responses().size());
        assertEquals(accounts ? 3 : 2, p.accounts().size());
        assertEquals(contacts ? 3 : 2, p.contacts().size());
        assertEquals(invitations ? 2 : 1, p.invitations().size());
        assertEquals(List.of("R1", "R2"), p.responses().stream().map(r -> r.id()).limit(2).toList());
        if (responses) {
            assertEquals("R100", p.responses().get(2).id());
        }
        if (accounts) {
            assertTrue(p.account("A100").isPresent());
        }
    }
}
