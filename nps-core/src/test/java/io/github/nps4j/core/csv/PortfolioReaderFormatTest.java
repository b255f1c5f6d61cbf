package io.github.nps4j.core.csv;

import static io.github.nps4j.core.csv.CsvFixtures.ACCOUNTS;
import static io.github.nps4j.core.csv.CsvFixtures.CONTACTS;
import static io.github.nps4j.core.csv.CsvFixtures.INVITATIONS;
import static io.github.nps4j.core.csv.CsvFixtures.RESPONSES;
import static io.github.nps4j.core.csv.CsvFixtures.source;
import static io.github.nps4j.core.csv.CsvFixtures.strict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Tier;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV dialect, header handling, value parsing and the well-formed paths of {@link PortfolioReader}. */
class PortfolioReaderFormatTest {
    private static final String HEADER = "response_id,account_id,contact_id,role,episode,answered_at,score,comment\n";

    /** A file without a header must not have its first row — a respondent's comment — echoed in the error. */
    @Test
    void aFileWithoutAHeaderIsNamedWithoutEchoingItsFirstRow() {
        String csv = "R1,A1,C1,user,,2026-01-05,9,Jane Doe is furious about invoices\n"
                + "R2,A1,C2,user,,2026-01-06,3,other\n";
        for (java.util.function.Supplier<CsvFormatException> read : List.<java.util.function.Supplier<
                CsvFormatException>>of(
                () -> assertThrows(CsvFormatException.class, () -> PortfolioReader.builder().build()
                        .read(CsvSource.of("responses.csv", new StringReader(csv)), null, null, null)),
                () -> assertThrows(CsvFormatException.class, () -> StreamingScorer
                        .of(io.github.nps4j.core.ScoringSpec.defaults())
                        .score(CsvSource.of("responses.csv", new StringReader(csv)), null, null)))) {
            CsvFormatException e = read.get();
            assertFalse(e.getMessage().contains("Jane") || e.getMessage().contains("furious"), e.getMessage());
            assertTrue(e.getMessage().contains("looks like a data row"), e.getMessage());
        }
    }

    @Test
    void readsTheFourFilesAndFillsRolesFromContacts() {
        ReadResult result = CsvFixtures.read(PortfolioReader.Mode.STRICT, RESPONSES, ACCOUNTS, CONTACTS, INVITATIONS);
        assertTrue(result.isClean());
        Portfolio p = result.portfolio();
        assertEquals(List.of(
                Account.builder("A1").name("Acme").tier(Tier.DIRECT).annualValue(1000).owner("maria")
                        .segment("region", "emea").build(),
                Account.builder("A2").name("Beta").tier(Tier.DISTRIBUTOR).parent("A1").build()), p.accounts());
        assertEquals(List.of(new Contact("C1", "A1", Role.DECISION_MAKER, Optional.of("IT"), OptionalDouble.empty()),
                Contact.of("C2", "A2", Role.USER)), p.contacts());
        assertEquals(List.of(
                Response.builder("R1", "A1", "C1").role(Role.DECISION_MAKER).answeredAt(LocalDate.of(2026, 1, 15))
                        .score(9).comment("fine").rating("delivery", 8).build(),
                Response.builder("R2", "A2", "C2").role(Role.USER).episode(EpisodeType.RENEWAL)
                        .answeredAt(LocalDateTime.of(2026, 2, 1, 10, 0)).score(3).comment("slow, late").build()),
                p.responses());
        assertEquals(List.of(new Invitation("C1", LocalDate.of(2026, 1, 10), EpisodeType.RELATIONSHIP)),
                p.invitations());
    }

    @Test
    void blankRoleWithoutContactsIsNotAnErrorAndStaysEmpty() {
        ReadResult result = strict(HEADER + "R1,A1,C1, ,,2026-01-15,9,\n");
        assertTrue(result.isClean());
        Response r = result.portfolio().responses().get(0);
        assertEquals(Optional.empty(), r.role());
        assertEquals(EpisodeType.RELATIONSHIP, r.episode());
        assertEquals(Optional.empty(), r.comment());
    }

    @Test
    void stripsAByteOrderMark() {
        ReadResult result = strict("\uFEFF" + HEADER + "R1,A1,C1,,,2026-01-15,9,\n");
        assertEquals("R1", result.portfolio().responses().get(0).id());
    }

    @Test
    void readsCrLfAndMixedLineEnds() {
        ReadResult result = strict(HEADER.replace("\n", "\r\n") + "R1,A1,C1,,,2026-01-15,9,ok\r\n"
                + "R2,A1,C1,,,2026-01-16,8,\"two\r\nlines\"\n" + "R3,A1,C1,,,2026-01-17,7,last");
        List<Response> rs = result.portfolio().responses();
        assertEquals(3, rs.size());
        assertEquals(Optional.of("ok"), rs.get(0).comment());
        assertEquals(Optional.of("two\r\nlines"), rs.get(1).comment());
        assertEquals(Optional.of("last"), rs.get(2).comment());
    }

    @Test
    void readsQuotedCommasNewlinesAndDoubledQuotes() {
        ReadResult result = strict(HEADER + "\"R,1\",A1,C1,,,2026-01-15,9,\"Great, but \"\"slow\"\"\nsecond line\"\n");
        Response r = result.portfolio().responses().get(0);
        assertEquals("R,1", r.id());
        assertEquals(Optional.of("Great, but \"slow\"\nsecond line"), r.comment());
    }

    @Test
    void skipsBlankLinesAndCountsThemInLineNumbers() {
        ReadResult result = strict("\n" + HEADER + "\nR1,A1,C1,,,2026-01-15,9,\n   \n\nR2,A1,C1,,,2026-01-15,9,\n");
        assertEquals(2, result.portfolio().responses().size());
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> strict("\n" + HEADER + "\nR1,A1,C1,,,2026-01-15,9,\n   \n\nR2,A1,C1,,,2026-01-15,x,\n"));
        assertEquals(7, e.error().line());
    }

    @Test
    void lineNumbersAreThoseOfTheRecordStartAfterMultiLineQuotedFields() {
        String text = HEADER
                + "R1,A1,C1,,,2026-01-15,9,\"line one\nline two\r\nline three\"\n" // lines 2-4
                + "R2,A1,C1,,,2026-01-15,8,\"a\n\nb\"\n" // lines 5-7
                + "R3,A1,C1,,,2026-01-15,11,\"x\ny\"\n" // line 8, record 4
                + "R4,A1,C1,,,2026-01-15,12,\n"; // line 10, record 5
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> strict(text));
        assertEquals(8, e.error().line());
        assertTrue(e.getMessage().startsWith("responses.csv, line 8, field score, value '11'"), e.getMessage());

        ReadResult lenient = CsvFixtures.read(PortfolioReader.Mode.LENIENT, text, null, null, null);
        assertEquals(List.of(8L, 10L), lenient.errors().stream().map(RowError::line).toList());
        assertEquals(2, lenient.portfolio().responses().size());
    }

    @Test
    void dateTimeWithOffsetKeepsTheLocalTimeAsWritten() {
        ReadResult result = strict(HEADER
                + "R1,A1,C1,,,2026-03-31T23:30:00+02:00,9,\n"
                + "R2,A1,C1,,,2026-03-31T23:30Z,9,\n"
                + "R3,A1,C1,,,2026-03-31T23:30:15.250-05:00,9,\n"
                + "R4,A1,C1,,,2026-03-31 23:30,9,\n"
                + "R5,A1,C1,,,2026-03-31T23:30:00+01:00[Europe/Paris],9,\n"
                + "R6,A1,C1,,,2026-03-31,9,\n");
        List<LocalDateTime> times = result.portfolio().responses().stream().map(Response::answeredAt).toList();
        LocalDateTime local = LocalDateTime.of(2026, 3, 31, 23, 30);
        assertEquals(List.of(local, local, local.plusSeconds(15).plusNanos(250_000_000), local, local,
                LocalDate.of(2026, 3, 31).atStartOfDay()), times);
    }

    @Test
    void columnMappingRenamesColumnsInEveryFile() {
        String responses = "ResponseId,ExternalReference,Person,Q1_NPS,RecordedDate,Q3,attr:support,Extra\n"
                + "R1,A1,C1,9,2026-01-15,7,8,ignored\n";
        String accounts = "ExternalReference,Company\nA1,Acme\n";
        String contacts = "Person,ExternalReference,role\nC1,A1,influencer\n";
        PortfolioReader reader = PortfolioReader.builder().columnMapping(ColumnMapping.parse(
                "response_id=ResponseId, account_id=ExternalReference, contact_id=Person, score=Q1_NPS,"
                        + " answered_at=RecordedDate, name=Company, attr:delivery=Q3"))
                .build();
        ReadResult result = reader.read(source("responses.csv", responses), source("accounts.csv", accounts),
                source("contacts.csv", contacts), null);
        assertEquals(List.of(Account.of("A1", "Acme")), result.portfolio().accounts());
        assertEquals(List.of(Response.builder("R1", "A1", "C1").role(Role.INFLUENCER)
                .answeredAt(LocalDate.of(2026, 1, 15)).score(9).rating("delivery", 7).rating("support", 8).build()),
                result.portfolio().responses());
    }

    @Test
    void missingMappedColumnNamesTheExportColumn() {
        PortfolioReader reader = PortfolioReader.builder().columnMapping(ColumnMapping.parse("score=Q1_NPS")).build();
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> reader.read(source("export.csv", HEADER.replace(",score", ",Q2_NPS") + "R1,A1,C1,,,2026-01-15,9,\n"),
                        null, null, null));
        assertEquals(new RowError("export.csv", 1, "score", "", e.error().reason()), e.error());
        assertTrue(e.getMessage().contains("missing column 'Q1_NPS' (score)"), e.getMessage());
    }

    @Test
    void attributeAndSegmentColumnsWithBlanks() {
        String responses = "response_id,account_id,contact_id,answered_at,score, attr:delivery ,attr:price,attr:Qualität\n"
                + "R1,A1,C1,2026-01-15,9,7.5,,10\n" + "R2,A1,C1,2026-01-15,9,,-1e-3,\n";
        String accounts = "account_id,seg:region,seg:industry,notes\nA1,emea,,whatever\n";
        ReadResult result = CsvFixtures.read(PortfolioReader.Mode.STRICT, responses, accounts, null, null);
        List<Response> rs = result.portfolio().responses();
        assertEquals(Map.of("delivery", 7.5, "Qualität", 10.0), rs.get(0).ratings());
        assertEquals(Map.of("price", -0.001), rs.get(1).ratings());
        Account a = result.portfolio().accounts().get(0);
        assertEquals(Map.of("region", "emea"), a.segments());
        assertEquals("A1", a.name());
        assertEquals(Tier.DIRECT, a.tier());
        assertEquals(OptionalDouble.empty(), a.annualValue());
    }

    @Test
    void missingRequiredColumnNamesFileAndColumnInBothModes() {
        for (PortfolioReader.Mode mode : PortfolioReader.Mode.values()) {
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvFixtures.read(mode,
                    "response_id,account_id,contact_id,answered_at,comment\nR1,A1,C1,2026-01-15,\n", null, null,
                    null));
            assertEquals("responses.csv", e.error().file());
            assertEquals(1, e.error().line());
            assertEquals("score", e.error().field());
            assertTrue(e.getMessage().contains("missing column 'score'"), e.getMessage());
        }
        CsvFormatException c = assertThrows(CsvFormatException.class, () -> CsvFixtures.read(
                PortfolioReader.Mode.LENIENT, RESPONSES, null, "contact_id,account_id,function\n", null));
        assertTrue(c.getMessage().startsWith("contacts.csv, line 1, field role"), c.getMessage());
    }

    @Test
    void headerNamesAreTrimmedAndOptionalColumnsMayBeAbsent() {
        ReadResult result = strict(" score , answered_at,contact_id ,account_id,response_id\n9,2026-01-15,C1,A1,R1\n");
        Response r = result.portfolio().responses().get(0);
        assertEquals(9, r.score());
        assertEquals("R1", r.id());
    }

    @Test
    void duplicateHeaderOfAUsedColumnIsAnError() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> strict("response_id,account_id,contact_id,answered_at,score,score\nR1,A1,C1,2026-01-15,9,8\n"));
        assertTrue(e.getMessage().contains("appears more than once"), e.getMessage());
    }

    @Test
    void emptyFileIsAnError() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> strict("\n\n"));
        assertEquals(new RowError("responses.csv", 1, "", "", "file is empty; expected a header row"), e.error());
    }

    @Test
    void malformedQuotingIsAnErrorInBothModesWithoutTheCommentText() {
        for (PortfolioReader.Mode mode : PortfolioReader.Mode.values()) {
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvFixtures.read(mode,
                    HEADER + "R1,A1,C1,,,2026-01-15,9,ok\nR2,A1,C1,,,2026-01-15,9,\"secret text\"oops\n", null,
                    null, null));
            assertEquals(3, e.error().line());
            assertTrue(e.getMessage().contains("malformed CSV"), e.getMessage());
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
        }
        CsvFormatException eof = assertThrows(CsvFormatException.class,
                () -> strict(HEADER + "R1,A1,C1,,,2026-01-15,9,\"never closed\n"));
        assertEquals(2, eof.error().line());
        assertFalse(eof.getMessage().contains("never closed"), eof.getMessage());
    }

    @Test
    void commentsNeverReachMessages() {
        String secret = "Jane Doe, 555-1234, hates us";
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> strict(HEADER + "R1,A1,C1,,,2026-01-15,9," + secret + "\n"));
        assertTrue(e.getMessage().contains("row has 10 fields"), e.getMessage());
        assertFalse(e.getMessage().contains("Jane"), e.getMessage());
        assertFalse(e.getMessage().contains("555"), e.getMessage());
        assertEquals("", new RowError("f", 1, "comment", secret, "x").value());
    }

    @Test
    void longValuesAreShortenedAndControlCharactersEscaped() {
        RowError e = new RowError("f.csv", 3, "score", "x".repeat(200), "is not a number");
        assertEquals(RowError.MAX_VALUE_LENGTH, e.value().length());
        assertEquals("f.csv, line 3, field role, value 'a\\nb': bad", new RowError("f.csv", 3, "role", "a\nb", "bad")
                .message());
    }

    @Test
    void readsFilesFromPathsAsUtf8WithBom(@TempDir Path dir) throws IOException {
        Path responses = dir.resolve("responses.csv");
        Files.write(responses, ("\uFEFF" + HEADER + "R1,A1,C1,,,2026-01-15,9,Größe ✓ 日本\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Path contacts = dir.resolve("contacts.csv");
        Files.writeString(contacts, CONTACTS);
        ReadResult result = PortfolioReader.builder().build().read(responses, null, contacts, null);
        Response r = result.portfolio().responses().get(0);
        assertEquals(Optional.of("Größe ✓ 日本"), r.comment());
        assertEquals(Optional.of(Role.DECISION_MAKER), r.role());
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Path responses = dir.resolve("latin1.csv");
        Files.write(responses, (HEADER + "R1,A1,C1,,,2026-01-15,9,\"ok\r\nok\"\r\nR2,A1,C1,,,2026-01-15,9,Gr\u00f6\u00dfe\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> PortfolioReader.builder().build().read(responses, null, null, null));
        assertEquals(responses.toString(), e.error().file());
        assertEquals(4, e.error().line());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void callersReaderIsNotClosed() throws IOException {
        StringReader reader = new StringReader(HEADER + "R1,A1,C1,,,2026-01-15,9,\n");
        PortfolioReader.builder().build().read(CsvSource.of("in", reader), null, null, null);
        reader.reset(); // throws if closed
        assertEquals('r', reader.read());
    }

    @Test
    void readerReportsItsConfiguration() {
        PortfolioReader reader = PortfolioReader.builder().build();
        assertEquals(PortfolioReader.Mode.STRICT, reader.mode());
        assertEquals(ColumnMapping.none(), reader.columnMapping());
    }
}
