package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code nps competitors}: output shapes and exit codes. */
class CompetitorsCommandTest {
    static final String DATA = "../examples/data/";

    @Test
    void jsonHasOneEntryPerCompetitorWithThePairedFigures() {
        CliTestSupport.Run r = CliTestSupport.run("competitors", "--responses", DATA + "responses-competitors.csv",
                "--episode", "relationship", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode list = r.json().get("competitors");
        assertEquals(2, list.size());
        assertEquals("Globex", list.get(0).get("name").asText());
        for (JsonNode c : list) {
            assertEquals(c.get("ourNps").asDouble() - c.get("competitorNps").asDouble(),
                    c.get("difference").asDouble(), 1e-9);
            assertTrue(c.get("standardError").asDouble() >= 0);
            assertTrue(c.get("clusteredStandardError").isNumber());
            assertTrue(c.get("ci").get("lower").asDouble() <= c.get("difference").asDouble());
            assertTrue(c.get("pValue").isNumber());
        }
    }

    @Test
    void textAndCsvByRole() {
        CliTestSupport.Run t = CliTestSupport.run("competitors", "--responses", DATA + "responses-competitors.csv",
                "--episode", "relationship", "--contacts", DATA + "contacts.csv",
                "--by", "role", "--cluster", "account");
        assertEquals(0, t.exitCode(), t.err());
        assertTrue(t.out().contains("Northwind"), t.out());
        CliTestSupport.Run c = CliTestSupport.run("competitors", "--responses", DATA + "responses-competitors.csv",
                "--episode", "relationship", "--contacts", DATA + "contacts.csv",
                "--by", "role", "--format", "csv");
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().startsWith("competitor,role,n,accounts,"), c.out());
        assertTrue(c.out().contains("\nNorthwind,(all),"), c.out());
    }

    @Test
    void exitCodes() {
        assertEquals(1, CliTestSupport.run("competitors", "--responses", DATA + "responses.csv").exitCode());
        assertEquals(1, CliTestSupport.run("competitors", "--responses", DATA + "nope.csv").exitCode());
        assertEquals(2, CliTestSupport.run("competitors", "--responses", DATA + "responses-competitors.csv",
                "--episode", "relationship", "--level", "2").exitCode());
    }
}
