package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The streaming tokenizer reads exactly what Commons CSV reads with the format {@link CsvFile} uses: the same records,
 * the same fields and the same starting line per record — and it refuses the same malformed input.
 */
class FastRecordsTest {

    /** A record as both sides see it: the line it starts on and its fields. */
    record Rec(long line, List<String> fields) {
    }

    static List<Rec> commons(String text) throws IOException {
        List<Rec> out = new ArrayList<>();
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(CsvFile.FORMAT).get()) {
            var it = p.iterator();
            while (true) {
                long before = p.getCurrentLineNumber();
                if (!it.hasNext()) {
                    return out;
                }
                CSVRecord r = it.next();
                out.add(new Rec(before + 1, r.toList()));
            }
        }
    }

    static List<Rec> fast(String text) throws IOException, FastRecords.Malformed {
        List<Rec> out = new ArrayList<>();
        FastRecords f = new FastRecords(new StringReader(text));
        while (f.advance()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < f.size(); i++) {
                fields.add(f.get(i));
            }
            out.add(new Rec(f.lineBefore() + 1, fields));
        }
        return out;
    }

    @Provide
    Arbitrary<String> csvText() {
        return Arbitraries.of("a", "bc", ",", ",", "\"", "\"\"", "\r", "\n", "\r\n", " ", "\t", "é", "日本", "x\"y")
                .list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> wellFormed() {
        Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abc é日 ").ofMaxLength(5),
                Arbitraries.strings().withChars("ab,\"\r\n é").ofMaxLength(6)
                        .map(v -> "\"" + v.replace("\"", "\"\"") + "\""));
        Arbitrary<String> record = field.list().ofMinSize(1).ofMaxSize(5).map(fs -> String.join(",", fs));
        return record.list().ofMaxSize(6).flatMap(rs -> Arbitraries.of("\n", "\r\n", "\r")
                .map(eol -> String.join(eol, rs) + (rs.isEmpty() ? "" : eol)));
    }

    @Property(tries = 2000)
    void sameRecordsOrSameRefusalAsCommonsCsv(@ForAll("csvText") String text) throws IOException {
        List<Rec> expected;
        try {
            expected = commons(text);
        } catch (UncheckedIOException | IOException e) {
            assertThrows(FastRecords.Malformed.class, () -> fast(text), "Commons CSV refused: " + e);
            return;
        }
        try {
            assertEquals(expected, fast(text), () -> "text: " + text.replace("\r", "\\r").replace("\n", "\\n"));
        } catch (FastRecords.Malformed e) {
            throw new AssertionError("fast tokenizer refused what Commons CSV read: " + expected + " — " + e, e);
        }
    }

    @Property(tries = 1000)
    void wellFormedFilesReadTheSame(@ForAll("wellFormed") String text) throws Exception {
        assertEquals(commons(text), fast(text));
    }

    @Test
    void recordsSpanningTheBufferBoundaryAreWhole() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("R").append(i).append(",\"multi\nline, \"\"quoted\"\"\",").append(i % 11).append("\r\n");
        }
        String text = sb.toString();
        assertEquals(commons(text), fast(text));
    }
}
