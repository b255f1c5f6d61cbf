package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.table.RandomPortfolios;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Any renaming of the header (names with spaces, {@code ?}, accents, even another column's canonical name), any
 * column order and any delimiter, mapped back with a {@link ColumnMapping}, reads to the same portfolio and the same
 * figures as the canonical file — with the reader and with the streaming scorer. And export spellings (CRM role
 * words, blank scores, a non-ISO date format) give the reader and the streaming scorer the same figures.
 */
class HeaderMappingPropertiesTest {
    private static final String[] WORDS = {"Account ID", "Kunde", "How likely are you to recommend us?", "Rolle",
        "Q1", "Q1 NPS", "Zeitstempel", "Contact #", "Résumé", "score", "role", "account_id", "contact_id",
        "Respondent ID", "End Date", "ResponseId", "x", "y?", "Episode type", "Comment (why?)", "comment"};

    @Property(tries = 150)
    void anyHeaderMappingGivesTheCanonicalFigures(@ForAll long seed) {
        Random rnd = new Random(seed);
        RandomPortfolios.Data d = RandomPortfolios.data(rnd, 60);
        RandomPortfolios.Options o = RandomPortfolios.options(rnd);
        String responses = StreamingScorerTest.responsesCsv(d);
        String accounts = StreamingScorerTest.accountsCsv(d);
        String contacts = StreamingScorerTest.contactsCsv(d);
        char delimiter = new char[] {',', ';', '\t'}[rnd.nextInt(3)];
        Map<String, String> mapping = new LinkedHashMap<>();
        String r2 = rewrite(responses, rnd, delimiter, rnd.nextBoolean() ? "" : "responses.", mapping);
        String a2 = rewrite(accounts, rnd, delimiter, "accounts.", mapping);
        String c2 = rewrite(contacts, rnd, delimiter, "contacts.", mapping);
        ReadOptions options = ReadOptions.builder().columnMapping(ColumnMapping.of(mapping))
                .delimiter(rnd.nextBoolean() ? null : delimiter).build();

        ReadResult canonical = read(ReadOptions.defaults(), responses, accounts, contacts);
        ReadResult mapped = read(options, r2, a2, c2);
        assertEquals(canonical.portfolio(), mapped.portfolio(), () -> "mapping " + mapping);
        assertEquals(canonical.report(), mapped.report());

        GroupedEstimates expected;
        try {
            expected = stream(StreamingScorer.of(RandomPortfolios.spec(o)), responses, accounts, contacts);
        } catch (IllegalArgumentException e) {
            assertThrows(IllegalArgumentException.class, () -> stream(StreamingScorer.of(RandomPortfolios.spec(o))
                    .withReadOptions(options), r2, a2, c2));
            return;
        }
        RandomPortfolios.assertSame(expected,
                stream(StreamingScorer.of(RandomPortfolios.spec(o)).withReadOptions(options), r2, a2, c2));
    }

    @Property(tries = 150)
    void exportSpellingsGiveTheReaderAndTheStreamTheSameFigures(@ForAll long seed) {
        Random rnd = new Random(seed);
        RandomPortfolios.Data d = RandomPortfolios.data(rnd, 60);
        RandomPortfolios.Options o = RandomPortfolios.options(rnd);
        String accounts = StreamingScorerTest.accountsCsv(d);
        String contacts = StreamingScorerTest.contactsCsv(d);
        // CRM words for the roles, blank scores, dd.MM.yyyy HH:mm dates
        Map<String, List<String>> spellings = Map.of(
                "decision-maker", List.of("Economic Buyer", "Decision Maker", "EXECUTIVE_SPONSOR", "decision-maker"),
                "influencer", List.of("Champion", "Technical Evaluator", "technical-buyer", "Influencer"),
                "user", List.of("End User", "Users", "user"),
                "gatekeeper", List.of("Purchasing", "Gatekeeper"),
                "procurement", List.of("Procurement", "procurement"));
        DateTimeFormatter german = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
        StringBuilder sb = new StringBuilder("response_id,account_id,contact_id,role,episode,answered_at,score,comment\n");
        int blanks = 0;
        for (io.github.nps4j.core.Response r : d.responses()) {
            String role = r.role().map(x -> {
                List<String> s = spellings.get(x.name());
                return s.get(rnd.nextInt(s.size()));
            }).orElse("");
            LocalDateTime at = r.answeredAt();
            String date = rnd.nextBoolean() ? at.toString() : at.format(german);
            boolean blank = rnd.nextInt(8) == 0;
            blanks += blank ? 1 : 0;
            sb.append(r.id()).append(',').append(r.accountId()).append(',').append(r.contactId()).append(",\"")
                    .append(role).append("\",").append(r.episode()).append(',').append(date).append(',')
                    .append(blank ? " " : String.valueOf(r.score())).append(",\n");
        }
        String responses = sb.toString();
        ReadOptions options = ReadOptions.builder().dateFormats(List.of("dd.MM.yyyy HH:mm")).build();
        ReadResult read = read(options, responses, accounts, contacts);
        assertEquals(blanks, read.report().blankScores());
        for (io.github.nps4j.core.Response r : read.portfolio().responses()) {
            Role role = r.role().orElseThrow();
            assertEquals(true, options.roles().knows(role), role.name());
        }
        Portfolio p = read.portfolio();
        GroupedEstimates expected;
        try {
            expected = GroupedEstimates.of(RandomPortfolios.objectScorer(o, p.accounts()).score(p.responses()));
        } catch (IllegalArgumentException e) {
            assertThrows(IllegalArgumentException.class, () -> stream(StreamingScorer.of(RandomPortfolios.spec(o))
                    .withReadOptions(options), responses, accounts, contacts));
            return;
        }
        StreamingScorer.Result streamed = StreamingScorer.of(RandomPortfolios.spec(o)).withReadOptions(options)
                .scoreWithReport(CsvSource.of("responses.csv", new StringReader(responses)),
                        CsvSource.of("accounts.csv", new StringReader(accounts)),
                        CsvSource.of("contacts.csv", new StringReader(contacts)));
        RandomPortfolios.assertSame(expected, streamed.estimates());
        assertEquals(read.report(), streamed.report());
    }

    /** Renames, reorders and re-delimits a canonical CSV; records the mapping back under the given prefix. */
    private static String rewrite(String csv, Random rnd, char delimiter, String prefix, Map<String, String> mapping) {
        List<CSVRecord> records;
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(csv)).setFormat(CSVFormat.RFC4180).get()) {
            records = p.getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> header = records.get(0).toList();
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String h : header) {
            String name;
            do {
                name = rnd.nextInt(4) == 0 ? h : WORDS[rnd.nextInt(WORDS.length)] + (rnd.nextBoolean() ? ""
                        : " " + rnd.nextInt(100));
            } while (!used.add(name.strip()));
            names.add(name);
            mapping.put(prefix + h, name);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, rnd);
        CSVFormat out = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuoteMode(
                org.apache.commons.csv.QuoteMode.ALL).setRecordSeparator(rnd.nextBoolean() ? "\n" : "\r\n").get();
        StringBuilder sb = new StringBuilder();
        try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(sb, out)) {
            printer.printRecord(order.stream().map(names::get).toList());
            for (CSVRecord r : records.subList(1, records.size())) {
                printer.printRecord(order.stream().map(r::get).toList());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sb.toString();
    }

    private static ReadResult read(ReadOptions options, String responses, String accounts, String contacts) {
        return PortfolioReader.of(options).read(CsvSource.of("responses.csv", new StringReader(responses)),
                CsvSource.of("accounts.csv", new StringReader(accounts)),
                CsvSource.of("contacts.csv", new StringReader(contacts)), null);
    }

    private static GroupedEstimates stream(StreamingScorer s, String responses, String accounts, String contacts) {
        return s.score(CsvSource.of("responses.csv", new StringReader(responses)),
                CsvSource.of("accounts.csv", new StringReader(accounts)),
                CsvSource.of("contacts.csv", new StringReader(contacts)));
    }
}
