package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nps themes}: output shapes, exit codes, and comments kept out of messages. */
class ThemesCommandTest {
    static final String DATA = "../examples/data/";

    @TempDir
    Path dir;

    @Test
    void jsonThemesGroupsAndUncodedExamples() {
        CliTestSupport.Run r = CliTestSupport.run("themes", "--responses", DATA + "responses.csv", "--contacts",
                DATA + "contacts.csv", "--codebook", DATA + "codebook.csv", "--mix-episodes", "--by", "role",
                "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = r.json();
        assertEquals(30, j.get("commented").asInt());
        JsonNode price = j.get("themes").get(0);
        assertEquals("price", price.get("theme").asText());
        // "Prices went up again" ×5, "Good value for money" ×3, "Invoices are confusing" ×2
        assertEquals(10, price.get("mentions").asInt());
        assertTrue(price.get("difference").isNumber());
        assertEquals(price.get("npsMentioning").asDouble() - price.get("npsNotMentioning").asDouble(),
                price.get("difference").asDouble(), 1e-9);
        assertTrue(j.get("uncoded").asInt() > 0);
        assertEquals("Reliable partner", j.get("uncodedExamples").get(0).asText());
        assertTrue(j.get("groups").size() >= 3);
        assertTrue(j.get("groups").get(0).get("key").has("role"));
        assertFalse(r.err().contains("Reliable"), r.err());
    }

    @Test
    void textAndCsv() {
        CliTestSupport.Run t = CliTestSupport.run("themes", "--responses", DATA + "responses.csv", "--codebook",
                DATA + "codebook.csv", "--mix-episodes");
        assertEquals(0, t.exitCode(), t.err());
        assertTrue(t.out().contains("Uncoded comments"), t.out());
        CliTestSupport.Run c = CliTestSupport.run("themes", "--responses", DATA + "responses.csv", "--codebook",
                DATA + "codebook.csv", "--mix-episodes", "--format", "csv");
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().startsWith("theme,commented,mentions,share,"), c.out());
        assertFalse(c.out().contains("Reliable partner"), "no comment text in the CSV table");
    }

    @Test
    void exitCodes() throws Exception {
        assertEquals(2, CliTestSupport.run("themes", "--responses", DATA + "responses.csv").exitCode());
        assertEquals(2, CliTestSupport.run("themes", "--responses", DATA + "responses.csv", "--codebook",
                DATA + "codebook.csv", "--mix-episodes", "--weight", "role").exitCode());
        assertEquals(2, CliTestSupport.run("themes", "--responses", DATA + "responses.csv", "--codebook",
                DATA + "codebook.csv", "--mix-episodes", "--level", "0").exitCode());
        assertEquals(1, CliTestSupport.run("themes", "--responses", DATA + "responses.csv", "--codebook",
                DATA + "nope.csv", "--mix-episodes").exitCode());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "theme,pattern\nprice,price||cost\n");
        CliTestSupport.Run r = CliTestSupport.run("themes", "--responses", DATA + "responses.csv", "--codebook",
                bad.toString(), "--mix-episodes");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("bad.csv:2"), r.err());
    }
}
