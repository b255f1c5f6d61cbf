package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nps4j.core.csv.PortfolioReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A fuzzer over what a hostile or broken export can hold, run through the CSV reader (objects), the streaming
 * scorer and the command line in process. Every file must end in a documented way: exit code 0 or 1 (the same with
 * and without {@code --stream}, with the same figures when both succeed), only the documented exceptions from the
 * API, no stack trace, and never the text of a comment — personal data — on standard error.
 */
class HostileInputTest {
    private static final String HEADER = "response_id,account_id,contact_id,role,episode,answered_at,score,comment";

    /** Values a field may hold: valid ones, near misses, and hostile text. */
    private static final List<String> TOKENS = List.of("", " ", "9", "10", "0", "6", "7", "9.0", "10.00",
            "6.99999999999999999", "8.99999999999999999", "+9", "1e1", ".9e1", "-1", "11", "NaN", "Infinity", "0x9p0",
            "2026-01-15", "2026-01-15T10:15", "2026-02-30", "+999999999-12-31", "1899-12-31", "0026-03-14",
            "15.01.2026", "user", "decision-maker", "Economic Buyer", "boss!", "relationship", "renewal", "re/new",
            "A1", "A2", "C1", "C2", "\"", "\"\"", "a\"b", ";", ",", "\n", "\r\n", "\u001b[2J\u001b[31m", "\u202Eevil",
            "=cmd|' /C calc'!A0", "@SUM(A1)", "\uD83D\uDE00", "x".repeat(3000), "\u0000", "\t");

    @Provide
    Arbitrary<String> files() {
        Arbitrary<String> token = Arbitraries.of(TOKENS);
        Arbitrary<Boolean> quote = Arbitraries.of(true, false, false);
        Arbitrary<List<String>> row = token.list().ofSize(7);
        return Arbitraries.integers().between(1, 6).flatMap(rows -> row.list().ofSize(rows)
                .flatMap(cells -> quote.list().ofSize(rows * 8).map(q -> render(cells, q))));
    }

    /** A file whose comments are all secrets: they must never be printed. */
    private static String render(List<List<String>> cells, List<Boolean> quoted) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < cells.size(); i++) {
            List<String> fields = new ArrayList<>(cells.get(i));
            fields.set(0, fields.get(0).isEmpty() ? "" : "R" + i); // ids unique (streaming does not check repeats)
            fields.add("SECRET" + i + " Jane Doe is furious");
            for (int f = 0; f < fields.size(); f++) {
                String v = fields.get(f);
                boolean q = quoted.get(i * 8 + f);
                sb.append(f == 0 ? "" : ",").append(q ? '"' + v.replace("\"", "\"\"") + '"' : v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Property(tries = 300)
    void everyFileEndsInADocumentedWay(@ForAll("files") String csv) throws IOException {
        Path file = Files.createTempFile("nps-hostile-", ".csv");
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            // the API throws only the documented exceptions
            try {
                PortfolioReader.builder().build().read(file, null, null, null);
            } catch (IllegalArgumentException | UncheckedIOException expected) { // CsvFormatException is one
                assertFalse(expected.getMessage().contains("SECRET"), expected.getMessage());
            }
            CliTestSupport.Run objects = CliTestSupport.run("score", "--responses", file.toString(),
                    "--mix-episodes", "--format", "json");
            CliTestSupport.Run streamed = CliTestSupport.run("score", "--responses", file.toString(),
                    "--mix-episodes", "--format", "json", "--stream");
            for (CliTestSupport.Run r : List.of(objects, streamed)) {
                assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.exitCode() + ": " + r.err());
                assertFalse(r.err().contains("SECRET") || r.err().contains("Jane"), r.err());
                assertFalse(r.err().contains("\tat ") || r.err().contains("Exception:"), r.err());
                assertFalse(r.err().contains("\u001b"), "no terminal escape reaches the user: " + r.err());
                assertTrue(r.err().lines().allMatch(l -> l.length() <= Nps.MAX_MESSAGE + 20), r.err());
            }
            assertEquals(objects.exitCode(), streamed.exitCode(),
                    "objects: " + objects.err() + " / stream: " + streamed.err() + "\n" + csv);
            if (objects.exitCode() == 0) {
                JsonNode a = objects.json().get("overall");
                JsonNode b = streamed.json().get("overall");
                assertEquals(a.get("n").asLong(), b.get("n").asLong(), csv);
                assertEquals(a.get("nps").isNull(), b.get("nps").isNull(), csv);
                if (!a.get("nps").isNull()) {
                    assertEquals(a.get("nps").asDouble(), b.get("nps").asDouble(), 1e-9, csv);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
