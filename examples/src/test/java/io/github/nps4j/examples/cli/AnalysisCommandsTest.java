package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nps compare}, {@code trend}, {@code drivers} and {@code generate}. */
class AnalysisCommandsTest {
    private static final String[] FILES = {"--responses", "data/responses.csv", "--accounts", "data/accounts.csv",
        "--contacts", "data/contacts.csv", "--mix-episodes"};

    private static String[] with(String command, String... more) {
        String[] a = new String[1 + FILES.length + more.length];
        a[0] = command;
        System.arraycopy(FILES, 0, a, 1, FILES.length);
        System.arraycopy(more, 0, a, 1 + FILES.length, more.length);
        return a;
    }

    @Test
    void compareGivesTheSignedDifferenceWithItsStandardError() {
        CliTestSupport.Run r = CliTestSupport.run(with("compare", "--by", "tier", "--a", "direct", "--b",
                "distributor", "--ci", "wald", "--format", "json"));
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = r.json();
        double a = j.get("a").get("nps").asDouble();
        double b = j.get("b").get("nps").asDouble();
        double sa = j.get("a").get("standardError").asDouble();
        double sb = j.get("b").get("standardError").asDouble();
        assertEquals(a - b, j.get("difference").asDouble(), 1e-9);
        assertEquals(Math.sqrt(sa * sa + sb * sb), j.get("standardError").asDouble(), 1e-9);
        double z = (a - b) / Math.sqrt(sa * sa + sb * sb);
        assertEquals(z, j.get("z").asDouble(), 1e-9);
        // p = 2Φ(−|z|), written with erfc to stay independent of the library's normal distribution
        assertEquals(erfc(Math.abs(z) / Math.sqrt(2)), j.get("pValue").asDouble(), 1e-7);
        CliTestSupport.Run swapped = CliTestSupport.run(with("compare", "--by", "tier", "--a", "distributor",
                "--b", "direct", "--ci", "wald", "--format", "json"));
        assertEquals(-j.get("difference").asDouble(), swapped.json().get("difference").asDouble(), 1e-12);
    }

    /** Complementary error function (Numerical Recipes' erfcc, fractional error below 1.2e-7). */
    private static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223
                        + t * 0.17087277)))))))));
        return x >= 0 ? y : 2 - y;
    }

    @Test
    void compareReportsTheRawDifferenceForEveryMethodAndScoreByMover() {
        for (String ci : List.of("score", "adjusted-wald", "wald")) {
            CliTestSupport.Run r = CliTestSupport.run(with("compare", "--by", "role", "--a", "user", "--b",
                    "gatekeeper", "--ci", ci, "--format", "json"));
            assertEquals(0, r.exitCode(), r.err());
            JsonNode j = r.json();
            double d = j.get("a").get("nps").asDouble() - j.get("b").get("nps").asDouble();
            assertEquals(d, j.get("difference").asDouble(), 1e-9, ci);
            assertTrue(j.get("ci").get("lower").asDouble() <= d && d <= j.get("ci").get("upper").asDouble(), ci);
            for (String g : List.of("a", "b")) {
                JsonNode n = j.get(g);
                assertTrue(n.get("ci").get("lower").asDouble() <= n.get("nps").asDouble()
                        && n.get("nps").asDouble() <= n.get("ci").get("upper").asDouble(), ci + " " + g);
            }
        }
        CliTestSupport.Run text = CliTestSupport.run(with("compare", "--by", "role", "--a", "user", "--b",
                "gatekeeper"));
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("(difference: score (MOVER"), text.out());
        CliTestSupport.Run csv = CliTestSupport.run(with("compare", "--by", "role", "--a", "user", "--b",
                "gatekeeper", "--format", "csv"));
        assertEquals(0, csv.exitCode(), csv.err());
        assertTrue(csv.out().startsWith("row,role,nps,ci_lower,ci_upper,"), csv.out());
        assertEquals(4, csv.out().lines().count(), csv.out());
    }

    @Test
    void clusteredCompareRefusesAOneAccountGroupAndUsesStudentTForFewAccounts() {
        CliTestSupport.Run one = CliTestSupport.run(with("compare", "--by", "tier", "--a", "direct", "--b",
                "distributor", "--cluster", "account"));
        assertEquals(1, one.exitCode(), one.out());
        assertTrue(one.err().contains("group tier=distributor has answers from 1 account"), one.err());
        assertFalse(one.err().contains("Exception"), one.err());
        CliTestSupport.Run few = CliTestSupport.run(with("compare", "--by", "role", "--a", "user", "--b",
                "influencer", "--cluster", "account", "--format", "json"));
        assertEquals(0, few.exitCode(), few.err());
        int df = few.json().get("degreesOfFreedom").asInt();
        assertTrue(df >= 1 && df < 9, few.out());
        assertTrue(few.json().get("notes").get(0).asText().contains("Student t with " + df + " degrees of freedom"));
    }

    @Test
    void compareRejectsAnUnknownGroupNamingIt() {
        CliTestSupport.Run r = CliTestSupport.run(with("compare", "--by", "tier", "--a", "direct", "--b", "nope"));
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("nope"), r.err());
    }

    @Test
    void trendChangesAreDifferencesOfConsecutivePeriods() {
        CliTestSupport.Run r = CliTestSupport.run(with("trend", "--by", "period:month", "--format", "json"));
        assertEquals(0, r.exitCode(), r.err());
        JsonNode periods = r.json().get("periods");
        assertTrue(periods.size() >= 2);
        assertTrue(periods.get(0).get("change").isNull());
        for (int i = 1; i < periods.size(); i++) {
            JsonNode p = periods.get(i);
            double expected = p.get("nps").asDouble() - periods.get(i - 1).get("nps").asDouble();
            assertEquals(expected, p.get("change").asDouble(), 1e-9);
            assertEquals(p.get("changePValue").asDouble() < 0.05, p.get("significant").asBoolean());
        }
        assertEquals(2, CliTestSupport.run(with("trend", "--by", "role")).exitCode());
    }

    @Test
    void driversOnSwissMatchRelaimpo(@TempDir Path dir) throws IOException {
        // vendored copies (src/test/resources/reference, provenance in its README); the command reads a file
        Path swiss = dir.resolve("swiss.csv");
        try (InputStream in = resource("/reference/drivers/swiss.csv")) {
            Files.copy(in, swiss);
        }
        JsonNode golden;
        try (InputStream in = resource("/reference/drivers/golden_drivers.json")) {
            golden = new ObjectMapper().readTree(in).get("swiss");
        }
        CliTestSupport.Run r = CliTestSupport.run("drivers", "--table", swiss.toString(), "--outcome", "Fertility",
                "--predictors", "Agriculture,Examination,Education,Catholic,Infant.Mortality", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode lmg = findLmg(golden);
        int checked = 0;
        for (JsonNode row : r.json().get("importance")) {
            String name = row.get("name").asText();
            if (lmg.has(name)) {
                assertEquals(lmg.get(name).asDouble(), row.get("lmg").asDouble(), 1e-10 * lmg.get(name).asDouble());
                checked++;
            }
        }
        assertEquals(5, checked, "LMG values checked against relaimpo: " + lmg);
        assertEquals("(intercept)", r.json().get("coefficients").get(0).get("name").asText());
        double shares = 0;
        for (JsonNode row : r.json().get("importance")) {
            shares += row.get("lmgShare").asDouble();
        }
        assertEquals(100, shares, 1e-9);
    }

    /** A test resource; a missing one fails the test (it is never skipped). */
    private static InputStream resource(String name) {
        InputStream in = AnalysisCommandsTest.class.getResourceAsStream(name);
        assertNotNull(in, "test resource " + name + " not on the class path (expected in"
                + " examples/src/test/resources" + name + ")");
        return in;
    }

    /** Finds relaimpo's raw (rela = FALSE) LMG values by name in the golden file. */
    private static JsonNode findLmg(JsonNode swiss) {
        JsonNode found = swiss.get("relaimpo_rela_false");
        if (found != null && found.has("lmg")) {
            return found.get("lmg");
        }
        throw new AssertionError("no relaimpo_rela_false.lmg in the golden swiss entry");
    }

    @Test
    void generateWritesIdenticalBytesForTheSameArguments(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, CliTestSupport.run("generate", "--seed", "5", "--accounts", "12", "--out", a.toString())
                .exitCode());
        assertEquals(0, CliTestSupport.run("generate", "--seed", "5", "--accounts", "12", "--out", b.toString())
                .exitCode());
        for (String f : new String[] {"accounts.csv", "contacts.csv", "responses.csv", "invitations.csv",
            "truth.json"}) {
            assertTrue(Files.size(a.resolve(f)) > 0, f);
            assertEquals(-1L, Files.mismatch(a.resolve(f), b.resolve(f)), f);
        }
        CliTestSupport.Run scored = CliTestSupport.run("score", "--responses", a.resolve("responses.csv").toString(),
                "--accounts", a.resolve("accounts.csv").toString(), "--contacts",
                a.resolve("contacts.csv").toString(), "--episode", "relationship", "--format", "json");
        assertEquals(0, scored.exitCode(), scored.err());
        // --format csv and json give the same summary; text is prose
        CliTestSupport.Run csv = CliTestSupport.run("generate", "--seed", "5", "--accounts", "12", "--out",
                b.toString(), "--format", "csv");
        CliTestSupport.Run json = CliTestSupport.run("generate", "--seed", "5", "--accounts", "12", "--out",
                b.toString(), "--format", "json");
        List<String> lines = csv.out().lines().toList();
        assertEquals("out,accounts,contacts,responses,invitations,as_of", lines.get(0));
        String[] row = lines.get(1).split(",");
        assertEquals(json.json().get("accounts").asText(), row[1]);
        assertEquals(json.json().get("responses").asText(), row[3]);
        assertEquals(json.json().get("asOf").asText(), row[5]);
    }
}
