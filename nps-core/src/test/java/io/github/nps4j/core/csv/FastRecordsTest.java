package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The streaming tokenizer reads exactly what Commons CSV reads with the format {@link CsvFile} uses: the same records,
 * the same fields and the same starting line per record — and it refuses the same malformed input. The byte
 * tokenizer ({@link FastBytes}) reads the encoded text to the same records, lines and refusals as the character one,
 * whatever its buffer size, and a file read in ranges split at line breaks gives the same records as read whole.
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

    /** The outcome of a tokenizer on a text: its records, or its refusal's message and line. */
    record Outcome(List<Rec> records, String refusal) {
    }

    static Outcome chars(String text) throws IOException {
        try {
            return new Outcome(fast(text), "");
        } catch (FastRecords.Malformed e) {
            return new Outcome(List.of(), e.getMessage() + " @" + e.line);
        }
    }

    static Outcome bytes(String text, Charset cs, int buffer) throws IOException {
        List<Rec> out = new ArrayList<>();
        FastBytes f = new FastBytes(FastBytes.Input.of(text.getBytes(cs)), ',', cs, 0, Long.MAX_VALUE, 0, buffer);
        try {
            while (f.advance()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < f.size(); i++) {
                    fields.add(f.get(i));
                }
                out.add(new Rec(f.lineBefore() + 1, fields));
            }
        } catch (FastRecords.Malformed e) {
            return new Outcome(List.of(), e.getMessage() + " @" + e.line);
        }
        return new Outcome(out, "");
    }

    @Provide
    Arbitrary<String> csvTextWithSpaces() {
        return Arbitraries.of("a", "bc", ",", ",", "\"", "\"\"", "\r", "\n", "\r\n", " ", "\t", "é", "日本", "x\"y",
                "\u2003", "\u00a0", "\"\u3000", "\"x").list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Property(tries = 3000)
    void bytesReadAsTheCharacters(@ForAll("csvTextWithSpaces") String text, @ForAll @IntRange(min = 16, max = 64)
            int buffer) throws IOException {
        String shown = text.replace("\r", "\\r").replace("\n", "\\n");
        assertEquals(chars(text), bytes(text, StandardCharsets.UTF_8, buffer), () -> "UTF-8 text: " + shown);
        String latin = text.replaceAll("[^\\u0000-\\u00ff]", "?");
        assertEquals(chars(latin), bytes(latin, StandardCharsets.ISO_8859_1, buffer), () -> "Latin-1: " + shown);
    }

    /**
     * Longer texts, mostly of plain records (which the byte reader takes eight bytes at a time) with quotes, CR, LF
     * and CRLF line breaks, ';' delimiters among the values, padding and non-ASCII text mixed in, read the same as
     * characters, whatever the read buffer.
     */
    @Property(tries = 1000)
    void longerTextsReadAsTheCharacters(@ForAll("longerCsvText") String text,
            @ForAll @IntRange(min = 16, max = 4096) int buffer) throws IOException {
        String shown = text.replace("\r", "\\r").replace("\n", "\\n");
        assertEquals(chars(text), bytes(text, StandardCharsets.UTF_8, buffer), () -> "UTF-8 text: " + shown);
    }

    @Provide
    Arbitrary<String> longerCsvText() {
        Arbitrary<String> plain = Arbitraries.of("R1", "A05031", "C0080508", "user", "decision-maker",
                "relationship", "2024-07-10", "5", "10", "", " ", "x;y", "-", "#", "\u000b", "\f", "é", "a\"b");
        Arbitrary<String> record = plain.list().ofMinSize(1).ofMaxSize(9).map(fs -> String.join(",", fs));
        Arbitrary<String> eol = Arbitraries.of("\n", "\n", "\n", "\r\n", "\r", "\n\n");
        Arbitrary<String> line = Combinators.combine(record, eol, Arbitraries.integers().between(0, 19))
                .as((r, e, q) -> (q == 0 ? "\"quoted, \"\"x\"\"\n\"," : q == 1 ? "\"open," : "") + r + e);
        return line.list().ofMaxSize(60).map(ls -> String.join("", ls));
    }

    @Property(tries = 1000)
    void wellFormedBytesReadInRangesAsWhole(@ForAll("wellFormed") String text,
            @ForAll @IntRange(min = 0, max = 200) int at1, @ForAll @IntRange(min = 0, max = 200) int at2)
            throws Exception {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        // speculative range starts: just after a line feed (which may be inside quotes) or at the start
        List<Long> cuts = new ArrayList<>(List.of(0L));
        for (int want : new int[] {Math.min(at1, at2), Math.max(at1, at2)}) {
            int p = Math.min(want, b.length);
            while (p < b.length && b[p - 1 < 0 ? 0 : p - 1] != '\n') {
                p++;
            }
            if (p > cuts.get(cuts.size() - 1) && p < b.length) {
                cuts.add((long) p);
            }
        }
        cuts.add((long) b.length);
        List<Rec> whole = bytes(text, StandardCharsets.UTF_8, 32).records();
        List<Rec> pieces = new ArrayList<>();
        long next = 0;
        long lines = 0;
        for (int k = 0; k + 1 < cuts.size(); k++) {
            long from = cuts.get(k);
            if (from < next) {
                from = next; // the previous range's last record crossed this start: it was not a record start
                if (from >= cuts.get(k + 1)) {
                    continue;
                }
            }
            assertEquals(next, from);
            FastBytes f = new FastBytes(FastBytes.Input.of(b), ',', StandardCharsets.UTF_8, from, cuts.get(k + 1),
                    lines, 32);
            while (f.advance()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < f.size(); i++) {
                    fields.add(f.get(i));
                }
                pieces.add(new Rec(f.lineBefore() + 1, fields));
            }
            next = f.offset();
            lines = f.lines();
        }
        assertEquals(whole, pieces);
        assertTrue(next == b.length);
    }

    @Test
    void undecodableBytesAreRefusedAsTheDecoderRefusesThem() {
        byte[] bad = "a,b\nc,\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        FastBytes f = new FastBytes(FastBytes.Input.of(bad), ',', StandardCharsets.UTF_8);
        assertThrows(java.nio.charset.CharacterCodingException.class, () -> {
            while (f.advance()) {
                // reads on
            }
        });
    }
}
