package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.table.RandomPortfolios;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files read by path go through the byte tokenizer ({@link FastBytes}) and, when large enough, in pieces on several
 * threads; a caller's reader goes through the character one. Both give the same figures, report and first error,
 * whatever the charset (UTF-8 with or without a byte order mark, ISO-8859-1, windows-1252), the line ends and the
 * thread count.
 */
class StreamingBytesTest {
    private static final ScoringSpec BY_ROLE = ScoringSpec.builder()
            .weighting(Weighting.roleAccountEqual(RoleWeights.defaults())).groupBy(GroupField.ROLE).build();

    /** Responses with non-ASCII ids and names, quoted fields (some spanning lines) and the given line end. */
    static String responses(Random rnd, int rows, String eol) {
        StringBuilder sb = new StringBuilder("response_id,account_id,contact_id,role,episode,answered_at,score,comment")
                .append(eol);
        String[] accounts = {"A1", "Ä2", "A3", "\"A4\"", "Münch-5"};
        String[] roles = {"user", "decision-maker", "\"influencer\"", "", " user "};
        for (int i = 0; i < rows; i++) {
            sb.append(rnd.nextInt(10) == 0 ? "\"R" + i + "\"" : "R" + i).append(',')
                    .append(accounts[rnd.nextInt(accounts.length)]).append(",C").append(rnd.nextInt(50)).append(',')
                    .append(roles[rnd.nextInt(roles.length)]).append(",relationship,")
                    .append(rnd.nextInt(20) == 0 ? "2025-03-04T10:00" : "2025-0" + (1 + rnd.nextInt(9)) + "-1"
                            + rnd.nextInt(10))
                    .append(',').append(rnd.nextInt(11)).append(',')
                    .append(switch (rnd.nextInt(4)) {
                        case 0 -> "\"été, bien\"";
                        case 1 -> "\"two" + eol + "lines\"  ";
                        case 2 -> "";
                        default -> "plain";
                    })
                    .append(eol);
        }
        return sb.toString();
    }

    private static Object outcome(StreamingScorer s, CsvSource source) {
        try {
            return s.scoreWithReport(source, null, null);
        } catch (CsvFormatException e) {
            return e.error();
        }
    }

    /** The same first error, or the same figures: counts exactly, sums to 1e-12 relative, the same report. */
    private static void assertSameOutcome(Object expected, Object actual) {
        if (!(expected instanceof StreamingScorer.Result e) || !(actual instanceof StreamingScorer.Result a)) {
            assertEquals(expected, actual);
            return;
        }
        RandomPortfolios.assertSame(e.estimates(), a.estimates());
        assertEquals(e.report(), a.report());
        assertEquals(e.groupsByAccount().size(), a.groupsByAccount().size());
        for (int i = 0; i < e.groupsByAccount().size(); i++) {
            assertEquals(e.groupsByAccount().get(i).accounts().keySet(), a.groupsByAccount().get(i).accounts().keySet());
            RandomPortfolios.assertSame("group " + i, e.groupsByAccount().get(i).estimate(),
                    a.groupsByAccount().get(i).estimate());
        }
    }

    private static Object fromReader(StreamingScorer s, Path file, Charset cs) throws IOException {
        String text = Files.readString(file, cs);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // the path reader skips it; a caller's reader gives the characters as they are
        }
        return outcome(s, CsvSource.of(file.toString(), new StringReader(text)));
    }

    @Property(tries = 60)
    void bytesInPiecesReadAsCharacters(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int threads,
            @ForAll @IntRange(min = 0, max = 4) int kind) throws IOException {
        Random rnd = new Random(seed);
        String eol = new String[] {"\n", "\r\n", "\r"}[rnd.nextInt(3)];
        String text = responses(rnd, 1 + rnd.nextInt(400), eol);
        if (rnd.nextInt(5) == 0) { // a broken row somewhere
            int at = rnd.nextInt(text.length());
            text = text.substring(0, at) + new String[] {"\"", "x,", "", "\"\"", ",11"}[rnd.nextInt(5)]
                    + text.substring(at);
        }
        Charset cs = switch (kind) {
            case 0, 1 -> StandardCharsets.UTF_8;
            case 2 -> StandardCharsets.ISO_8859_1;
            default -> Charset.forName("windows-1252");
        };
        Path dir = Files.createTempDirectory("nps-bytes");
        try {
            Path file = dir.resolve("responses.csv");
            Files.write(file, ((kind == 1 ? "\uFEFF" : "") + text).getBytes(cs));
            ReadOptions ro = ReadOptions.builder().charset(cs).build();
            StreamingScorer chars = StreamingScorer.of(BY_ROLE).withReadOptions(ro).withThreads(1);
            StreamingScorer bytes = chars.withThreads(threads).withMinPieceBytes(1 + rnd.nextInt(2000));
            assertSameOutcome(fromReader(chars, file, cs), outcome(bytes, CsvSource.of(file)));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void undecodableBytesFailAsInTheStrictReader(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("responses.csv");
        byte[] head = "response_id,account_id,contact_id,answered_at,score\nR1,A1,C1,2025-01-01,9\nR2,A\u00e9,C1,2025-01-01,9\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, head);
        CsvFormatException expected = assertThrows(CsvFormatException.class,
                () -> PortfolioReader.builder().build().read(file, null, null, null));
        for (int threads = 1; threads <= 3; threads++) {
            StreamingScorer s = StreamingScorer.of(ScoringSpec.defaults()).withThreads(threads).withMinPieceBytes(8);
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> s.score(file, null, null));
            assertEquals(expected.error(), e.error());
        }
    }

    @Test
    void aLargeFileInPiecesScoresAsInOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("responses.csv");
        Files.writeString(file, responses(new Random(7), 30_000, "\r\n"), StandardCharsets.UTF_8);
        StreamingScorer one = StreamingScorer.of(BY_ROLE).withThreads(1);
        Object expected = outcome(one, CsvSource.of(file));
        assertTrue(expected instanceof StreamingScorer.Result, () -> "scored: " + expected);
        for (int threads = 2; threads <= 4; threads++) {
            assertSameOutcome(expected, outcome(one.withThreads(threads).withMinPieceBytes(100_000),
                    CsvSource.of(file)));
        }
    }

    @Test
    void aRepeatedIdFarApartInALargeFileIsTheReadersError(@TempDir Path dir) throws IOException {
        // 30 000 ids fill several of the repeated-id check's hash segments (the first holds 4 096), and with pieces
        // of 100 kB each piece's segments are appended to the first piece's
        String text = responses(new Random(11), 30_000, "\n").replace("\nR25000,", "\nR123,")
                .replace("\n\"R25000\",", "\n\"R123\",");
        Path file = dir.resolve("responses.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        CsvFormatException expected = assertThrows(CsvFormatException.class,
                () -> PortfolioReader.builder().build().read(file, null, null, null));
        assertTrue(expected.error().reason().contains("duplicate response id"), expected::getMessage);
        for (int threads = 1; threads <= 4; threads++) {
            StreamingScorer s = StreamingScorer.of(BY_ROLE).withThreads(threads).withMinPieceBytes(100_000);
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> s.score(file, null, null));
            assertEquals(expected.error(), e.error(), "threads " + threads);
        }
    }

    @Test
    void threadsAreChecked() {
        StreamingScorer s = StreamingScorer.of(ScoringSpec.defaults());
        assertTrue(s.threads() >= 1);
        assertEquals(3, s.withThreads(3).threads());
        assertThrows(IllegalArgumentException.class, () -> s.withThreads(0));
    }
}
