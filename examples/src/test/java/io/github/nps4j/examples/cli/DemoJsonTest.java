package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code nps demo --format json}: the readout model's sections as the top-level keys, at full precision. */
class DemoJsonTest {
    @Test
    void topLevelKeysAreExactlyTheReadoutsSections() {
        CliTestSupport.Run r = CliTestSupport.run("demo", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        List<String> keys = new ArrayList<>();
        r.json().fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("asOf", "relationship", "trend", "accountsAtRisk", "drivers", "followUps", "invitations",
                "themes", "competitors", "economics"), keys);
    }

    @Test
    void jsonCarriesTheFiguresTheTextShowsAtFullPrecision() {
        JsonNode j = CliTestSupport.run("demo", "--format", "json").json();
        String text = CliTestSupport.run("demo").out();
        JsonNode overall = j.get("relationship").get("overall");
        String headline = String.format(java.util.Locale.ROOT, "NPS %.1f   [%.1f, %.1f]   n = %d contacts in %d accounts",
                overall.get("nps").asDouble(), overall.get("ci").get("lower").asDouble(),
                overall.get("ci").get("upper").asDouble(), overall.get("n").asLong(), overall.get("accounts").asInt());
        assertTrue(text.contains(headline), headline + "\n" + text);
        // full precision: more digits than the text's one decimal
        assertTrue(overall.get("nps").asText().length() > 5, overall.toString());
        assertEquals(j.get("asOf").asText(), j.get("relationship").get("to").asText());
        assertTrue(text.contains(j.get("invitations").get("rule").asText()), j.get("invitations").toString());
        assertTrue(text.contains(j.get("followUps").get("rule").asText()));
        assertEquals(8, j.get("accountsAtRisk").get("top").size(), "top 8, as the text says");
    }

    @Test
    void newSectionsCarryTheStandAloneCommandsFields() {
        JsonNode j = CliTestSupport.run("demo", "--format", "json").json();
        JsonNode themes = j.get("themes");
        assertTrue(themes.get("commented").asLong() > 0, themes.toString());
        JsonNode first = themes.get("themes").get(0);
        for (String k : List.of("theme", "mentions", "share", "npsMentioning", "npsNotMentioning", "difference",
                "standardError", "pValue", "ci", "detractorShare")) {
            assertTrue(first.has(k), k + " in " + first);
        }
        assertTrue(themes.get("examples").size() > 0);
        JsonNode rivals = j.get("competitors").get("competitors");
        assertEquals(2, rivals.size(), rivals.toString());
        for (String k : List.of("name", "n", "ourNps", "competitorNps", "difference", "ci", "pValue", "clustered")) {
            assertTrue(rivals.get(0).has(k), k);
        }
        JsonNode e = j.get("economics");
        assertEquals(3, e.get("categories").size());
        for (String k : List.of("promoterToDetractorValueRatio", "ci", "renewalModel", "rule")) {
            assertTrue(e.has(k), k + " in " + e);
        }
    }

    @Test
    void sectionsTheDataCannotSupportSayWhyInJson() {
        // the sample CSVs in data/ carry no competitor scores and no outcomes; --no-themes leaves themes out
        JsonNode j = CliTestSupport.run("demo", "--format", "json", "--no-themes", "--responses", "data/responses.csv",
                "--accounts", "data/accounts.csv", "--contacts", "data/contacts.csv").json();
        assertEquals("no codebook was given", j.get("themes").get("unavailable").asText());
        assertTrue(j.get("competitors").get("unavailable").asText().contains("competitor:<name>"), j.toString());
        assertTrue(j.get("economics").get("unavailable").asText().contains("outcome:renewed"), j.toString());
        assertTrue(j.get("economics").get("categories").isNull());
    }

    @Test
    void csvIsRefusedAsUsage() {
        assertEquals(2, CliTestSupport.run("demo", "--format", "csv").exitCode());
    }
}
