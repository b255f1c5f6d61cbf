package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.RolePolicy;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Tier;
import io.github.nps4j.core.table.RandomPortfolios;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export-shaped files of survey tools, spreadsheets and CRMs, each read in one configuration. */
class ExportFormatsTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    private Path write(String name, String text, Charset cs) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(cs));
        return p;
    }

    private static ReadResult read(ReadOptions o, Path responses, Path accounts, Path contacts) {
        return PortfolioReader.of(o).read(responses, accounts, contacts, null);
    }

    /** The reader + object scorer and the streaming scorer give the same figures by role. */
    private static void assertStreamAgrees(ReadOptions o, Path responses, Path accounts, Path contacts) {
        ScoringSpec spec = ScoringSpec.builder().groupBy(GroupField.ROLE).mixEpisodes().build();
        ReadResult r = read(o, responses, accounts, contacts);
        GroupedEstimates expected = GroupedEstimates.of(NpsScorer.of(spec).score(r.portfolio().responses()));
        StreamingScorer.Result s = StreamingScorer.of(spec).withReadOptions(o)
                .scoreWithReport(responses, accounts, contacts);
        RandomPortfolios.assertSame(expected, s.estimates());
        assertEquals(r.report(), s.report());
    }

    static final String QUALTRICS = String.join("\r\n",
            "StartDate,EndDate,Status,RecordedDate,ResponseId,ExternalReference,AccountId,Role,Q1,Q1_NPS_GROUP,Q2",
            "Start Date,End Date,Response Type,Recorded Date,Response ID,External Data Reference,AccountId,Role,"
                    + "\"How likely is it that you would recommend us to a friend or colleague?\","
                    + "\"How likely ... - Group\",\"Why?\nBe specific.\"",
            "\"{\"\"ImportId\"\":\"\"startDate\"\",\"\"timeZone\"\":\"\"America/Denver\"\"}\",\"{\"\"ImportId\"\":"
                    + "\"\"endDate\"\"}\",\"{\"\"ImportId\"\":\"\"status\"\"}\",\"{\"\"ImportId\"\":\"\"recordedDate\"\"}\","
                    + "\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"externalDataReference\"\"}\","
                    + "\"{\"\"ImportId\"\":\"\"AccountId\"\"}\",\"{\"\"ImportId\"\":\"\"Role\"\"}\","
                    + "\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID1_NPS_GROUP\"\"}\","
                    + "\"{\"\"ImportId\"\":\"\"QID2_TEXT\"\"}\"",
            "2026-01-12 09:01:10,2026-01-12 09:03:55,IP Address,2026-01-12 09:03:55,R_1a,C1,A1,Economic Buyer,9,3,ok",
            "2026-01-14 14:20:01,2026-01-14 14:22:40,IP Address,2026-01-14 14:22:40,R_2b,C2,A1,Champion,10,3,",
            "2026-02-03 08:15:00,2026-02-03 08:19:12,IP Address,2026-02-03 08:19:12,R_3c,C3,A2,End User,6,1,\"slow, twice\"",
            "2026-02-20 16:45:33,2026-02-20 16:47:02,IP Address,2026-02-20 16:47:02,R_4d,C4,A2,Procurement,,,",
            "") ;
    static final String QUALTRICS_COLUMNS = "account_id=AccountId,contact_id=ExternalReference,role=Role,score=Q1,"
            + "comment=Q2";

    @Test
    void qualtricsExportInOneConfiguration() throws IOException {
        Path f = write("qualtrics.csv", QUALTRICS, StandardCharsets.UTF_8);
        ReadOptions o = ReadOptions.builder().preset(ReadOptions.Preset.QUALTRICS)
                .columnMapping(ColumnMapping.parse(QUALTRICS_COLUMNS)).build();
        ReadResult r = read(o, f, null, null);
        List<Response> rs = r.portfolio().responses();
        assertEquals(List.of("R_1a", "R_2b", "R_3c"), rs.stream().map(Response::id).toList());
        assertEquals(LocalDateTime.of(2026, 1, 12, 9, 3, 55), rs.get(0).answeredAt());
        assertEquals(List.of(Role.DECISION_MAKER, Role.INFLUENCER, Role.USER),
                rs.stream().map(x -> x.role().orElseThrow()).toList());
        assertEquals(List.of(9, 10, 6), rs.stream().map(Response::score).toList());
        assertEquals(1, r.report().blankScores(), "the skipped question is counted");
        assertTrue(r.report().unknownRoles().isEmpty());
        assertStreamAgrees(o, f, null, null);
        // the NPS_GROUP helper is never the score
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(ReadOptions.builder()
                .preset(ReadOptions.Preset.QUALTRICS).columnMapping(ColumnMapping.parse(
                        QUALTRICS_COLUMNS.replace("score=Q1", "score=Q1_NPS_GROUP"))).build(), f, null, null));
        assertEquals(1, e.error().line());
        assertTrue(e.getMessage().contains("score=Q1\""), e.getMessage());
    }

    static final String Q = "How likely is it that you would recommend us to a friend or colleague?";
    static final String SURVEYMONKEY = String.join("\r\n",
            "Respondent ID,Collector ID,Start Date,End Date,IP Address,Contact ID,Account,Role," + Q + ",Why?",
            ",,,,,,,,Response,Open-Ended Response",
            "118001,4312,03/02/2026 09:12:01 AM,03/02/2026 09:15:40 AM,10.0.0.1,C1,A1,Decision Maker,"
                    + "10 - Extremely likely,Great",
            "118002,4312,03/03/2026 01:02:03 PM,03/03/2026 01:05:59 PM,10.0.0.1,C2,A1,Technical Buyer,8,",
            "118003,4312,03/04/2026 11:59:00 AM,03/04/2026 12:01:10 PM,10.0.0.1,C3,A2,User,0 - Not at all likely,"
                    + "\"Nothing works, at all\"",
            "118004,4312,03/11/2026 04:30:00 PM,03/11/2026 04:31:00 PM,10.0.0.1,C4,A2,Gatekeeper,,",
            "");

    @Test
    void surveyMonkeyExportInOneConfiguration() throws IOException {
        Path f = write("surveymonkey.csv", SURVEYMONKEY, StandardCharsets.UTF_8);
        ReadOptions o = ReadOptions.builder().preset(ReadOptions.Preset.SURVEYMONKEY).columnMapping(ColumnMapping.parse(
                "account_id=Account,contact_id=Contact ID,role=Role,score=" + Q + ",comment=Why?")).build();
        ReadResult r = read(o, f, null, null);
        List<Response> rs = r.portfolio().responses();
        assertEquals(List.of("118001", "118002", "118003"), rs.stream().map(Response::id).toList());
        assertEquals(List.of(10, 8, 0), rs.stream().map(Response::score).toList());
        assertEquals(LocalDateTime.of(2026, 3, 3, 13, 5, 59), rs.get(1).answeredAt());
        assertEquals(List.of(Role.DECISION_MAKER, Role.INFLUENCER, Role.USER),
                rs.stream().map(x -> x.role().orElseThrow()).toList());
        assertEquals(1, r.report().blankScores());
        assertStreamAgrees(o, f, null, null);
        // scale labels are read only under the preset
        ReadResult plain = read(ReadOptions.builder().mode(PortfolioReader.Mode.LENIENT).columnMapping(
                ColumnMapping.parse("response_id=Respondent ID,answered_at=End Date,account_id=Account,"
                        + "contact_id=Contact ID,role=Role,score=" + Q)).dateFormats(List.of("MM/dd/yyyy hh:mm:ss a"))
                .build(), f, null, null);
        assertTrue(plain.errors().stream().anyMatch(x -> x.field().equals("score")
                && x.value().equals("10 - Extremely likely")), plain.errors().toString());
    }

    @Test
    void germanExcelFileInOneConfiguration() throws IOException {
        Path responses = write("antworten.csv", "response_id;account_id;contact_id;role;answered_at;score;comment\r\n"
                + "R1;K100;P1;Entscheider;05.03.2026;9;Sehr zufrieden mit der Lieferqualität\r\n"
                + "R2;K100;P2;Anwender;06.03.2026;6;Preis über 1.000 € zu hoch\r\n"
                + "R3;K200;P3;Einkauf;07.03.2026;;\r\n"
                + "R4;K200;P4;Champion;08.03.2026;10;\"Schnell; gut\"\r\n", CP1252);
        Path accounts = write("konten.csv", "Kunde;name;tier;annual_value\r\n"
                + "K100;Müller GmbH;direct;1.200.000,50\r\n"
                + "K200;Nordhandel AG;Value-Added Reseller (VAR);350.000\r\n", CP1252);
        ReadOptions o = ReadOptions.builder().charset(CP1252).dateFormats(List.of("dd.MM.yyyy"))
                .numberLocale(Locale.GERMANY).columnMapping(ColumnMapping.parse("accounts.account_id=Kunde"))
                .roleAliases(Map.of("Entscheider", Role.DECISION_MAKER, "Anwender", Role.USER))
                .tierAliases(Map.of("Value-Added Reseller (VAR)", Tier.DISTRIBUTOR)).build();
        ReadResult r = read(o, responses, accounts, null);
        Portfolio p = r.portfolio();
        assertEquals(1_200_000.50, p.account("K100").orElseThrow().annualValue().getAsDouble());
        assertEquals(350_000, p.account("K200").orElseThrow().annualValue().getAsDouble());
        assertEquals(Tier.DISTRIBUTOR, p.account("K200").orElseThrow().tier());
        assertEquals("Müller GmbH", p.account("K100").orElseThrow().name());
        assertEquals("Preis über 1.000 € zu hoch", p.responses().get(1).comment().orElseThrow());
        assertEquals(LocalDateTime.of(2026, 3, 5, 0, 0), p.responses().get(0).answeredAt());
        assertEquals(List.of(Role.DECISION_MAKER, Role.USER, Role.INFLUENCER),
                p.responses().stream().map(x -> x.role().orElseThrow()).toList());
        assertEquals(1, r.report().blankScores());
        assertEquals(Map.of(), r.report().unknownRoles());
        assertStreamAgrees(o, responses, accounts, null);

        // without the options: each problem says how to fix it
        CsvFormatException utf8 = assertThrows(CsvFormatException.class,
                () -> read(ReadOptions.defaults(), responses, null, null));
        assertTrue(utf8.getMessage().contains("--encoding windows-1252"), utf8.getMessage());
        CsvFormatException semi = assertThrows(CsvFormatException.class,
                () -> read(ReadOptions.builder().charset(CP1252).delimiter(',').build(), responses, null, null));
        assertTrue(semi.getMessage().contains("looks ;-separated") && semi.getMessage().contains("--delimiter"),
                semi.getMessage());
        CsvFormatException date = assertThrows(CsvFormatException.class,
                () -> read(ReadOptions.builder().charset(CP1252).build(), responses, null, null));
        assertTrue(date.getMessage().contains("--date-format"), date.getMessage());
    }

    @Test
    void unknownRolesAreKeptWithCountsOrRefusedUnderStrictRoles() throws IOException {
        Path responses = write("r.csv", "response_id,account_id,contact_id,role,answered_at,score\n"
                + "R1,A1,C1,Economic Buyer,2026-03-01,9\nR2,A1,C2,Buyer Persona,2026-03-01,3\n"
                + "R3,A1,C3,buyer persona,2026-03-02,7\nR4,A1,C4,Entscheider,2026-03-02,10\n", StandardCharsets.UTF_8);
        ReadResult r = read(ReadOptions.defaults(), responses, null, null);
        assertEquals(Map.of("buyer-persona", 2L, "entscheider", 1L), r.report().unknownRoles());
        assertTrue(r.report().messages().get(0).contains("buyer-persona (2 rows), entscheider (1 row)"));
        ReadOptions strict = ReadOptions.builder().strictRoles(true).build();
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(strict, responses, null, null));
        assertEquals(3, e.error().line());
        assertEquals("role", e.error().field());
        ReadOptions mapped = ReadOptions.builder().strictRoles(true)
                .roleAliases(Map.of("Buyer Persona", Role.INFLUENCER, "Entscheider", Role.DECISION_MAKER)).build();
        assertTrue(read(mapped, responses, null, null).report().isEmpty());
        assertStreamAgrees(ReadOptions.defaults(), responses, null, null);
    }

    @Test
    void builtInCrmAliasesFollowTheDocumentedTable() {
        RolePolicy p = RolePolicy.defaults();
        Map<String, Role> table = Map.ofEntries(Map.entry("Decision Maker", Role.DECISION_MAKER),
                Map.entry("economic_buyer", Role.DECISION_MAKER), Map.entry("EXECUTIVE-SPONSOR", Role.DECISION_MAKER),
                Map.entry("Influencer", Role.INFLUENCER), Map.entry("champion", Role.INFLUENCER),
                Map.entry("Technical Evaluator", Role.INFLUENCER), Map.entry("technical buyer", Role.INFLUENCER),
                Map.entry("User", Role.USER), Map.entry("Users", Role.USER), Map.entry("End User", Role.USER),
                Map.entry("Gatekeeper", Role.GATEKEEPER), Map.entry("Procurement", Role.GATEKEEPER),
                Map.entry("Purchasing", Role.GATEKEEPER));
        table.forEach((k, v) -> assertEquals(v, p.resolve(k), k));
        RolePolicy more = p.plusAliases(Map.of("Entscheider", Role.DECISION_MAKER));
        assertEquals(Role.DECISION_MAKER, more.resolve("entscheider"));
        assertEquals(Role.INFLUENCER, more.resolve("Champion"), "plusAliases keeps the built-in table");
        assertFalse(p.knows(Role.of("buyer-persona")));
    }

    @Test
    void tabAndSemicolonAreDetectedAndExplicitDelimitersRead() throws IOException {
        String rows = "response_id,account_id,contact_id,answered_at,score,comment\nR1,A1,C1,2026-01-05,9,\"a, b; c\"\n";
        for (char d : new char[] {';', '\t'}) {
            String text = rows.replace(",", String.valueOf(d)).replace("\"a" + d + " b; c\"", "\"a, b; c\"");
            Path f = write("d" + (int) d + ".csv", text, StandardCharsets.UTF_8);
            for (ReadOptions o : List.of(ReadOptions.defaults(), ReadOptions.builder().delimiter(d).build())) {
                Response r = read(o, f, null, null).portfolio().responses().get(0);
                assertEquals(9, r.score());
                assertEquals("a, b; c", r.comment().orElseThrow());
            }
        }
        assertEquals(Character.valueOf('\t'), ReadOptions.builder().delimiter("tab").build().delimiter().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.builder().delimiter("|"));
    }

    @Test
    void numbersInLocales() throws IOException {
        Path accounts = write("a.csv", "account_id;annual_value\nA1;1.200.000,50\nA2;7,5\nA3;1200\n",
                StandardCharsets.UTF_8);
        Path responses = write("r.csv", "response_id,account_id,contact_id,answered_at,score\n",
                StandardCharsets.UTF_8);
        ReadOptions de = ReadOptions.builder().numberLocale(Locale.GERMANY).build();
        List<Double> values = read(de, responses, accounts, null).portfolio().accounts().stream()
                .map(a -> a.annualValue().getAsDouble()).toList();
        assertEquals(List.of(1_200_000.5, 7.5, 1200.0), values);
        Path fr = write("fr.csv", "account_id;annual_value\nA1;\"1\u202f200\u202f000,50\"\nA2;1 200,5\n",
                StandardCharsets.UTF_8);
        assertEquals(List.of(1_200_000.5, 1200.5), read(ReadOptions.builder().numberLocale(Locale.FRANCE).build(),
                responses, fr, null).portfolio().accounts().stream().map(a -> a.annualValue().getAsDouble()).toList());
        for (String bad : List.of("7.5", "1.20.000", "1.2000", "12.00,5,0")) {
            Path f = write("bad.csv", "account_id;annual_value\nA1;" + bad + "\n", StandardCharsets.UTF_8);
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(de, responses, f, null), bad);
            assertTrue(e.getMessage().contains("de-DE"), e.getMessage());
        }
    }

    @Test
    void missingColumnsAreAllNamedWithTheHeaderAndTheRemedies() throws IOException {
        Path f = write("export.csv", "Response ID,Account,Recorded,NPS\nR1,A1,2026-01-01,9\n", StandardCharsets.UTF_8);
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> read(ReadOptions.defaults(), f, null, null));
        String m = e.getMessage();
        for (String c : List.of("'response_id'", "'account_id'", "'contact_id'", "'answered_at'", "'score'",
                "[Response ID, Account, Recorded, NPS]", "--columns", "--preset")) {
            assertTrue(m.contains(c), c + " in " + m);
        }
        assertEquals(1, e.error().line());
    }

    @Test
    void lenientConsequencesAreNoted() throws IOException {
        Path accounts = write("accounts.csv", "account_id,annual_value\nA1,100\nA2,lots\n", StandardCharsets.UTF_8);
        Path responses = write("responses.csv", "response_id,account_id,contact_id,answered_at,score\n"
                + "R1,A1,C1,2026-01-01,9\nR2,A2,C2,2026-01-01,2\n", StandardCharsets.UTF_8);
        ReadResult r = read(ReadOptions.builder().mode(PortfolioReader.Mode.LENIENT).build(), responses, accounts,
                null);
        assertEquals(List.of("A1"), r.portfolio().accounts().stream().map(Account::id).toList());
        String notes = String.join("\n", r.report().notes());
        assertTrue(notes.contains("account A2 (") && notes.contains("annual_value")
                && notes.contains("revenue at risk"), notes);
        assertTrue(notes.contains("1 response row(s)"), notes);
    }
}
