package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nps drivers}: one predictor, missing outcomes, logistic in table mode, usage errors, CSV = JSON. */
class DriversCommandTest {
    private static final String[] SAMPLE = {"drivers", "--responses", "data/responses.csv", "--contacts",
        "data/contacts.csv"};

    private static Path copy(Path dir, String resource) throws IOException {
        Path p = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = DriversCommandTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "test resource " + resource + " (examples/src/test/resources" + resource + ")");
            Files.copy(in, p);
        }
        return p;
    }

    private static String[] args(String[] head, String... more) {
        String[] a = new String[head.length + more.length];
        System.arraycopy(head, 0, a, 0, head.length);
        System.arraycopy(more, 0, a, head.length, more.length);
        return a;
    }

    static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }

    private static List<CSVRecord> section(List<CSVRecord> rows, String section) {
        List<CSVRecord> out = new ArrayList<>();
        rows.forEach(r -> {
            if (r.get("section").equals(section)) {
                out.add(r);
            }
        });
        return out;
    }

    private static String modelValue(List<CSVRecord> rows, String name) {
        return section(rows, "model").stream().filter(r -> r.get("name").equals(name)).findFirst().orElseThrow()
                .get("value");
    }

    @Test
    void onePredictorIsAModelWithEveryShareAHundredPercent(@TempDir Path dir) throws IOException {
        Path swiss = copy(dir, "/reference/drivers/swiss.csv");
        CliTestSupport.Run r = CliTestSupport.run("drivers", "--table", swiss.toString(), "--outcome", "Fertility",
                "--predictors", "Education", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode row = r.json().get("importance").get(0);
        double rr = row.get("correlation").asDouble();
        assertEquals(rr * rr, r.json().get("r2").asDouble(), 1e-12);
        assertEquals(r.json().get("r2").asDouble(), row.get("lmg").asDouble(), 1e-12);
        assertEquals(r.json().get("r2").asDouble(), row.get("johnson").asDouble(), 1e-12);
        assertEquals(100, row.get("lmgShare").asDouble(), 1e-10);
        assertEquals(100, row.get("johnsonShare").asDouble(), 1e-10);
    }

    @Test
    void aBlankOutcomeIsDroppedAndCountedInEveryFormat(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(copy(dir, "/reference/drivers/swiss.csv")));
        // blank Fertility (column 2) on two rows, blank Education (column 5) on a third
        for (int i : new int[] {3, 10}) {
            String[] f = lines.get(i).split(",", -1);
            f[1] = "";
            lines.set(i, String.join(",", f));
        }
        String[] f = lines.get(20).split(",", -1);
        f[4] = "";
        lines.set(20, String.join(",", f));
        Path holes = dir.resolve("holes.csv");
        Files.write(holes, lines, StandardCharsets.UTF_8);
        String[] base = {"drivers", "--table", holes.toString(), "--outcome", "Fertility", "--predictors",
            "Agriculture,Examination,Education,Catholic,Infant.Mortality"};
        CliTestSupport.Run json = CliTestSupport.run(args(base, "--missing", "listwise", "--format", "json"));
        assertEquals(0, json.exitCode(), json.err());
        assertEquals(44, json.json().get("n").asLong());
        assertEquals(3, json.json().get("dropped").asLong());
        assertEquals(2, json.json().get("droppedMissingOutcome").asLong());
        assertEquals(1, json.json().get("droppedMissingRatings").asLong());
        CliTestSupport.Run text = CliTestSupport.run(base);
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("n = 44 of 47 rows (dropped 3: 2 missing the outcome, 1 missing a rating;"
                + " listwise deletion)"), text.out());
        CliTestSupport.Run csv = CliTestSupport.run(args(base, "--format", "csv"));
        List<CSVRecord> rows = csv(csv.out());
        assertEquals("44", modelValue(rows, "n"));
        assertEquals("2", modelValue(rows, "droppedMissingOutcome"));
        assertEquals("1", modelValue(rows, "droppedMissingRatings"));
        CliTestSupport.Run pairwise = CliTestSupport.run(args(base, "--missing", "pairwise", "--format", "json"));
        assertEquals(0, pairwise.exitCode(), pairwise.err());
        assertEquals(2, pairwise.json().get("droppedMissingOutcome").asLong());
    }

    @Test
    void aTableFromEuropeanExcelIsReadWithTheImportOptions(@TempDir Path dir) throws IOException {
        // the same table as a German Excel export: ';' between fields, decimal commas, windows-1252, a renamed column
        Path swiss = copy(dir, "/reference/drivers/swiss.csv");
        List<String> lines = Files.readAllLines(swiss);
        List<String> german = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (i == 0) {
                f[1] = "\"Fruchtbarkeit (Geburten je 1000 Frauen Ø)\"";
            }
            german.add(String.join(";", f).replace('.', ',').replace("Infant,Mortality", "Infant.Mortality"));
        }
        Path excel = dir.resolve("swiss-de.csv");
        Files.write(excel, german, Charset.forName("windows-1252"));
        String[] predictors = {"--predictors", "Agriculture,Examination,Education,Catholic,Infant.Mortality",
            "--format", "json"};
        CliTestSupport.Run plain = CliTestSupport.run(args(new String[] {"drivers", "--table", swiss.toString(),
            "--outcome", "Fertility"}, predictors));
        assertEquals(0, plain.exitCode(), plain.err());
        CliTestSupport.Run read = CliTestSupport.run(args(new String[] {"drivers", "--table", excel.toString(),
            "--outcome", "Fertility", "--columns", "table.Fertility=Fruchtbarkeit (Geburten je 1000 Frauen Ø)",
            "--encoding", "windows-1252", "--locale", "de-DE"}, predictors));
        assertEquals(0, read.exitCode(), read.err());
        assertEquals(plain.json().get("r2").asDouble(), read.json().get("r2").asDouble(), 1e-12);
        for (int j = 0; j < 5; j++) {
            assertEquals(plain.json().get("importance").get(j).get("lmg").asDouble(),
                    read.json().get("importance").get(j).get("lmg").asDouble(), 1e-12);
        }
        // without the locale the decimal comma is an error that names the line, the column and the remedy
        CliTestSupport.Run noLocale = CliTestSupport.run(args(new String[] {"drivers", "--table", excel.toString(),
            "--outcome", "Fertility", "--columns", "table.Fertility=Fruchtbarkeit (Geburten je 1000 Frauen Ø)",
            "--encoding", "windows-1252"}, predictors));
        assertEquals(1, noLocale.exitCode(), noLocale.err());
        assertTrue(noLocale.err().contains("line 2") && noLocale.err().contains("Fertility")
                && noLocale.err().contains("'80,2'") && noLocale.err().contains("--locale de-DE"), noLocale.err());
        // a misspelt column names the header and how to map it
        CliTestSupport.Run missing = CliTestSupport.run(args(new String[] {"drivers", "--table", excel.toString(),
            "--outcome", "Fertilty", "--encoding", "windows-1252", "--locale", "de-DE"}, predictors));
        assertEquals(1, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("missing column 'Fertilty'") && missing.err().contains("--columns"),
                missing.err());
    }

    @Test
    void aZeroOneOutcomeGetsTheLogisticModelOfRGlm(@TempDir Path dir) throws IOException {
        Path mtcars = copy(dir, "/reference/logistic/mtcars.csv");
        JsonNode glm;
        try (InputStream in = DriversCommandTest.class.getResourceAsStream("/reference/logistic/mtcars_glm.json")) {
            assertNotNull(in);
            glm = new ObjectMapper().readTree(in).get("r_glm_published");
        }
        String[] base = {"drivers", "--table", mtcars.toString(), "--outcome", "am", "--predictors", "hp,wt"};
        CliTestSupport.Run r = CliTestSupport.run(args(base, "--format", "json"));
        assertEquals(0, r.exitCode(), r.err());
        JsonNode l = r.json().get("logistic");
        assertNotNull(l, r.out());
        assertEquals(32, l.get("n").asLong());
        assertEquals(13, l.get("events").asDouble(), 0.0);
        assertEquals(1 - glm.get("residualDeviance").asDouble() / glm.get("nullDeviance").asDouble(),
                l.get("mcFaddenR2").asDouble(), 3e-5);
        for (JsonNode c : l.get("coefficients")) {
            String term = c.get("name").asText();
            assertEquals(glm.at("/coefficients/" + term).asDouble(), c.get("estimate").asDouble(), 5e-6, term);
            assertEquals(glm.at("/standardErrors/" + term).asDouble(), c.get("standardError").asDouble(), 5e-6);
            assertEquals(Math.exp(c.get("estimate").asDouble()), c.get("oddsRatio").asDouble(), 1e-12);
            assertEquals(c.get("estimate").asDouble() / c.get("standardError").asDouble(), c.get("z").asDouble(),
                    1e-12);
        }
        CliTestSupport.Run text = CliTestSupport.run(base);
        assertTrue(text.out().contains("Logistic model of am = 1 vs 0: n = 32, 13 events, McFadden R² = 76.7 %"),
                text.out());
        assertTrue(text.out().contains("-8.0835"), text.out());
        List<CSVRecord> rows = csv(CliTestSupport.run(args(base, "--format", "csv")).out());
        List<CSVRecord> coef = section(rows, "logistic.coefficients");
        assertEquals(List.of("(intercept)", "hp", "wt"), coef.stream().map(c -> c.get("name")).toList());
        assertEquals(-8.08348, Double.parseDouble(coef.get(2).get("estimate")), 5e-6);
        // a continuous outcome has no logistic model unless asked for, and then it is a clear error
        Path swiss = copy(dir, "/reference/drivers/swiss.csv");
        String[] cont = {"drivers", "--table", swiss.toString(), "--outcome", "Fertility", "--predictors",
            "Education,Catholic", "--format", "json"};
        assertFalse(CliTestSupport.run(cont).json().has("logistic"));
        CliTestSupport.Run asked = CliTestSupport.run(args(cont, "--methods", "lmg,logistic"));
        assertEquals(1, asked.exitCode());
        assertTrue(asked.err().contains("needs a 0/1 outcome") && asked.err().contains("'Fertility'"), asked.err());
    }

    @Test
    void theOutcomeAmongThePredictorsIsBadUsage(@TempDir Path dir) throws IOException {
        Path swiss = copy(dir, "/reference/drivers/swiss.csv");
        CliTestSupport.Run r = CliTestSupport.run("drivers", "--table", swiss.toString(), "--outcome", "Fertility",
                "--predictors", "Education,Fertility");
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("'Fertility' is the outcome"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void whatIfBeyondTheScaleOrOfAnUnknownAttributeIsBadUsageWithASuggestion() {
        CliTestSupport.Run far = CliTestSupport.run(args(SAMPLE, "--what-if", "delivery:+20"));
        assertEquals(2, far.exitCode(), far.out());
        assertTrue(far.err().contains("+20") && far.err().contains("0–10") && far.err().contains("+10"), far.err());
        CliTestSupport.Run threshold = CliTestSupport.run(args(SAMPLE, "--what-if", "delivery:+1:12"));
        assertEquals(2, threshold.exitCode());
        assertTrue(threshold.err().contains("threshold 12"), threshold.err());
        CliTestSupport.Run typo = CliTestSupport.run(args(SAMPLE, "--what-if", "delivry:+1"));
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("did you mean 'delivery'?"), typo.err());
        CliTestSupport.Run ok = CliTestSupport.run(args(SAMPLE, "--what-if", "delivery:+2:7"));
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("What if delivery rose by 2 for ratings below 7"), ok.out());
    }

    @Test
    void csvKeepsEveryFigureOfTheJson() throws IOException {
        String[] base = args(SAMPLE, "--what-if", "delivery:+2:7");
        JsonNode j = CliTestSupport.run(args(base, "--format", "json")).json();
        List<CSVRecord> rows = csv(CliTestSupport.run(args(base, "--format", "csv")).out());
        List<CSVRecord> coef = section(rows, "coefficients");
        assertEquals(j.get("coefficients").size(), coef.size());
        for (int i = 0; i < coef.size(); i++) {
            JsonNode c = j.get("coefficients").get(i);
            assertEquals(c.get("name").asText(), coef.get(i).get("name"));
            for (String[] f : new String[][] {{"estimate", "estimate"}, {"standardError", "standard_error"},
                {"t", "t"}, {"p", "p"}}) {
                assertEquals(c.get(f[0]).asDouble(), Double.parseDouble(coef.get(i).get(f[1])), 0.0, f[0]);
            }
        }
        List<CSVRecord> imp = section(rows, "importance");
        assertEquals(j.get("importance").size(), imp.size());
        for (int i = 0; i < imp.size(); i++) {
            JsonNode row = j.get("importance").get(i);
            assertEquals(row.get("lmgShare").asDouble(), Double.parseDouble(imp.get(i).get("lmg_share")), 0.0);
            assertEquals(row.get("quadrant").asText(), imp.get(i).get("quadrant"));
        }
        for (String o : new String[] {"promoter", "detractor"}) {
            JsonNode l = j.get("logistic").get(o);
            if (l.has("error")) {
                assertEquals(l.get("error").asText(), section(rows, "logistic." + o).get(0).get("value"));
            } else {
                assertEquals(l.get("coefficients").size(), section(rows, "logistic." + o + ".coefficients").size());
            }
        }
        assertEquals(j.at("/whatIf/predictedNps").asDouble(), Double.parseDouble(section(rows, "whatIf").stream()
                .filter(r -> r.get("name").equals("predictedNps")).findFirst().orElseThrow().get("value")), 0.0);
        assertEquals(j.get("r2").asDouble(), Double.parseDouble(modelValue(rows, "r2")), 0.0);
    }

    @Test
    void csvIsGuardedAgainstFormulaInjection(@TempDir Path dir) throws IOException {
        Path t = dir.resolve("t.csv");
        StringBuilder sb = new StringBuilder("y,=HYPERLINK(1),b\n");
        for (int i = 0; i < 20; i++) {
            sb.append(i % 7).append(',').append((i * 3) % 5).append(',').append((i * i) % 9).append('\n');
        }
        Files.writeString(t, sb.toString());
        CliTestSupport.Run r = CliTestSupport.run("drivers", "--table", t.toString(), "--outcome", "y",
                "--predictors", "=HYPERLINK(1),b", "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("'=HYPERLINK(1)"), r.out());
        assertFalse(r.out().contains(",=HYPERLINK"), r.out());
    }
}
