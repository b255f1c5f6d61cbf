package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code nps economics}: output shapes and exit codes. */
class EconomicsCommandTest {
    static final String DATA = "../examples/data/economics/";

    @Test
    void jsonHasTheThreeCategoriesTheRatioAndTheModel() {
        CliTestSupport.Run r = CliTestSupport.run("economics", "--responses", DATA + "responses.csv", "--accounts",
                DATA + "accounts.csv", "--as-of", "2026-06-30", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = r.json();
        JsonNode cats = j.get("categories");
        assertEquals("promoter", cats.get(0).get("category").asText());
        assertEquals(3, cats.size());
        int accounts = 0;
        for (JsonNode c : cats) {
            accounts += c.get("accounts").asInt();
            assertTrue(c.has("renewalRate") && c.has("meanAnnualValue") && c.has("meanRevenueGrowth")
                    && c.has("lifetimeValue"));
        }
        assertEquals(16, accounts);
        double ratio = j.get("promoterToDetractorValueRatio").asDouble();
        assertEquals(cats.get(0).get("lifetimeValue").asDouble() / cats.get(2).get("lifetimeValue").asDouble(), ratio,
                1e-9);
        assertTrue(j.get("ci").get("upper").isNull()
                || j.get("ci").get("lower").asDouble() <= j.get("ci").get("upper").asDouble());
        assertEquals("accountNps", j.get("renewalModel").get("coefficients").get(1).get("name").asText());
        // seeded: the same interval twice
        assertEquals(j.get("ci"), CliTestSupport.run("economics", "--responses", DATA + "responses.csv", "--accounts",
                DATA + "accounts.csv", "--as-of", "2026-06-30", "--format", "json").json().get("ci"));
    }

    @Test
    void textAndCsv() {
        CliTestSupport.Run t = CliTestSupport.run("economics", "--responses", DATA + "responses.csv", "--accounts",
                DATA + "accounts.csv");
        assertEquals(0, t.exitCode(), t.err());
        assertTrue(t.out().contains("Promoter / detractor lifetime value"), t.out());
        CliTestSupport.Run c = CliTestSupport.run("economics", "--responses", DATA + "responses.csv", "--accounts",
                DATA + "accounts.csv", "--format", "csv");
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().startsWith("category,accounts,accounts_with_outcome,renewal_rate,"), c.out());
        assertEquals(4, c.out().strip().split("\n").length);
    }

    @Test
    void exitCodes() {
        assertEquals(2, CliTestSupport.run("economics", "--responses", DATA + "responses.csv").exitCode());
        assertEquals(2, CliTestSupport.run("economics", "--responses", DATA + "responses.csv", "--accounts",
                DATA + "accounts.csv", "--level", "1.5").exitCode());
        assertEquals(1, CliTestSupport.run("economics", "--responses", DATA + "responses.csv", "--accounts",
                DATA + "nope.csv").exitCode());
    }
}
