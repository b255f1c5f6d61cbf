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
        assertEquals(List.of("asOf", "relationship", "trend", "accountsAtRisk", "drivers", "followUps", "invitations"),
                keys);
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
    void csvIsRefusedAsUsage() {
        assertEquals(2, CliTestSupport.run("demo", "--format", "csv").exitCode());
    }
}
