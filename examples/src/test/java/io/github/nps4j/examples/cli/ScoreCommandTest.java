package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nps score} end to end on small hand-made CSVs, checked against hand arithmetic. */
class ScoreCommandTest {
    @TempDir
    Path dir;
    Path responses;
    Path accounts;
    Path contacts;

    @BeforeEach
    void files() throws IOException {
        responses = write("responses.csv", """
                response_id,account_id,contact_id,role,episode,answered_at,score,comment,attr:delivery
                R1,A1,C1,decision-maker,,2026-01-10,4,"slow, ""very"" slow",5
                R2,A1,C2,user,,2026-02-11,10,,
                R3,A2,C3,decision-maker,,2026-04-12,9,,8
                R4,A2,C4,,,2026-05-01T23:30:00-05:00,8,,7
                """);
        accounts = write("accounts.csv", """
                account_id,name,tier,parent_id,annual_value,owner,seg:region
                A1,Acme,direct,,100000,maria,emea
                A2,Globex,distributor,,300000,li,apac
                """);
        contacts = write("contacts.csv", """
                contact_id,account_id,role,function
                C1,A1,decision-maker,IT
                C2,A1,user,Ops
                C3,A2,decision-maker,CEO
                C4,A2,user,Ops
                """);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void roleAccountEqualByRole() {
        CliTestSupport.Run r = CliTestSupport.run("score", "--responses", responses.toString(), "--accounts",
                accounts.toString(), "--contacts", contacts.toString(), "--by", "role", "--weight",
                "role+account-equal", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = r.json();
        assertEquals("role+account-equal", j.get("weighting").asText());
        // A1: DM detractor 3/4, user promoter 1/4; A2: DM promoter 3/4, user (role from contacts.csv) passive 1/4.
        // Σwz = −3/4 + 1/4 + 3/4 = 1/4, Σw = 2 → 12.5.
        assertEquals(12.5, j.get("overall").get("nps").asDouble(), 1e-12);
        // Σw² = 2·(9/16 + 1/16) = 20/16 → Kish n = 4 / 1.25 = 3.2.
        assertEquals(3.2, j.get("overall").get("effectiveN").asDouble(), 1e-12);
        assertEquals(4, j.get("overall").get("n").asLong());
        JsonNode groups = j.get("groups");
        assertEquals(2, groups.size());
        assertEquals("decision-maker", groups.get(0).get("key").get("role").asText());
        assertEquals(0.0, groups.get(0).get("nps").asDouble(), 1e-12);
        assertEquals("user", groups.get(1).get("key").get("role").asText());
        assertEquals(50.0, groups.get(1).get("nps").asDouble(), 1e-12);
    }

    @Test
    void periodsUseTheDateAsWrittenAndValueWeightingUsesAnnualValues() {
        CliTestSupport.Run r = CliTestSupport.run("score", "--responses", responses.toString(), "--accounts",
                accounts.toString(), "--by", "period:quarter", "--weight", "account-value", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode groups = r.json().get("groups");
        // 2026-05-01T23:30-05:00 is 2026-05-02 in UTC but stays in May (Q2) as written.
        assertEquals("2026-Q1", groups.get(0).get("key").get("period:quarter").asText());
        assertEquals("2026-Q2", groups.get(1).get("key").get("period:quarter").asText());
        // Q1 holds only Acme (detractor + promoter, 100000 split evenly) → 0; Q2 only Globex (promoter + passive) → 50.
        assertEquals(0.0, groups.get(0).get("nps").asDouble(), 1e-12);
        assertEquals(50.0, groups.get(1).get("nps").asDouble(), 1e-12);
        // Overall: Acme 100000 · 0 and Globex 300000 · 0.5 → 150000/400000 = 37.5.
        assertEquals(37.5, r.json().get("overall").get("nps").asDouble(), 1e-12);
    }

    @Test
    void textOutputIsATableWithOneDecimal() {
        CliTestSupport.Run r = CliTestSupport.run("score", "--responses", responses.toString(), "--by", "role",
                "--contacts", contacts.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("decision-maker"), r.out());
        // unweighted: users 10 and 8 → (1 + 0)/2 = 50.0
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("user") && l.contains("50.0")), r.out());
    }

    @Test
    void likelyTyposAreUsageErrorsWithASuggestion() {
        String[] files = {"score", "--responses", "data/responses.csv", "--accounts", "data/accounts.csv",
            "--contacts", "data/contacts.csv"};
        java.util.function.Function<String[], CliTestSupport.Run> run = more -> {
            String[] a = java.util.Arrays.copyOf(files, files.length + more.length);
            System.arraycopy(more, 0, a, files.length, more.length);
            return CliTestSupport.run(a);
        };
        CliTestSupport.Run episode = run.apply(new String[] {"--episode", "relation"});
        assertEquals(2, episode.exitCode());
        assertTrue(episode.err().contains("did you mean relationship?"), episode.err());
        CliTestSupport.Run role = run.apply(new String[] {"--episode", "relationship", "--weight", "role",
            "--role-weights", "decisionmaker=5"});
        assertEquals(2, role.exitCode());
        assertTrue(role.err().contains("unknown role 'decisionmaker': did you mean decision-maker?"), role.err());
        CliTestSupport.Run seg = run.apply(new String[] {"--episode", "relationship", "--by", "seg:nope"});
        assertEquals(2, seg.exitCode());
        assertTrue(seg.err().contains("--by seg:nope") && seg.err().contains("seg:region"), seg.err());
        CliTestSupport.Run near = run.apply(new String[] {"--episode", "relationship", "--by", "seg:regoin"});
        assertTrue(near.err().contains("did you mean seg:region?"), near.err());
        assertFalse(seg.err().contains("Exception"), seg.err());
        // partial role weights keep the other defaults: decision-maker=3 alone changes nothing
        String[] role3 = {"--episode", "relationship", "--weight", "role", "--format", "json"};
        String[] withDm = java.util.Arrays.copyOf(role3, role3.length + 2);
        withDm[role3.length] = "--role-weights";
        withDm[role3.length + 1] = "decision-maker=3";
        assertEquals(run.apply(role3).json().get("overall").get("nps").asDouble(),
                run.apply(withDm).json().get("overall").get("nps").asDouble(), 1e-12);
    }

    @Test
    void posteriorIsShownInEveryFormat() {
        String[] args = {"score", "--responses", "data/responses.csv", "--accounts", "data/accounts.csv",
            "--contacts", "data/contacts.csv", "--episode", "relationship", "--by", "role", "--posterior",
            "dirichlet:1,1,1"};
        CliTestSupport.Run text = CliTestSupport.run(args);
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("posterior (shrunk) mean"), text.out());
        assertTrue(text.out().contains("posterior (shrunk) interval"), text.out());
        String[] csvArgs = java.util.Arrays.copyOf(args, args.length + 2);
        csvArgs[args.length] = "--format";
        csvArgs[args.length + 1] = "csv";
        CliTestSupport.Run csv = CliTestSupport.run(csvArgs);
        assertEquals(0, csv.exitCode(), csv.err());
        String header = csv.out().lines().findFirst().orElseThrow();
        assertTrue(header.endsWith("posterior_mean,posterior_sd,posterior_lower,posterior_upper,posterior_label,notes"),
                header);
        String[] jsonArgs = csvArgs.clone();
        jsonArgs[args.length + 1] = "json";
        com.fasterxml.jackson.databind.JsonNode json = CliTestSupport.run(jsonArgs).json();
        String overall = csv.out().lines().skip(1).findFirst().orElseThrow();
        org.apache.commons.csv.CSVRecord cells;
        try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(
                new java.io.StringReader(overall))) {
            cells = parser.getRecords().get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int mean = java.util.List.of(header.split(",")).indexOf("posterior_mean");
        assertEquals(json.get("overall").get("posterior").get("mean").asDouble(), Double.parseDouble(cells.get(mean)),
                1e-12);
    }

    @Test
    void csvOutputHasAHeaderAndOneRowPerGroup() {
        CliTestSupport.Run r = CliTestSupport.run("score", "--responses", responses.toString(), "--accounts",
                accounts.toString(), "--by", "seg:region", "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        var lines = r.out().lines().toList();
        assertEquals("seg:region,nps,ci_lower,ci_upper,standard_error,clustered_standard_error,n,promoters,passives,"
                + "detractors,weight_sum,effective_n,accounts,notes", lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(2).startsWith("apac,50.0,"), lines.get(2));
    }

    @Test
    void badScoreIsBadInputNamingFileLineAndField() throws IOException {
        Path bad = write("bad.csv", """
                response_id,account_id,contact_id,role,episode,answered_at,score,comment
                R1,A1,C1,user,,2026-01-01,7,
                R2,A1,C2,user,,2026-01-01,11,
                """);
        CliTestSupport.Run r = CliTestSupport.run("score", "--responses", bad.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("bad.csv") && r.err().contains("line 3") && r.err().contains("score")
                && r.err().contains("11"), r.err());
    }

    @Test
    void lenientModeSkipsAndReportsBadRows() throws IOException {
        Path bad = write("bad.csv", """
                response_id,account_id,contact_id,role,episode,answered_at,score,comment
                R1,A1,C1,user,,2026-01-01,9,
                R2,A1,C2,user,,2026-01-01,8.5,
                """);
        CliTestSupport.Run r = CliTestSupport.run("score", "--responses", bad.toString(), "--lenient", "--format",
                "json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.json().get("overall").get("n").asLong());
        assertTrue(r.err().contains("line 3"), r.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, CliTestSupport.run("score", "--responses", responses.toString(), "--weight", "bogus")
                .exitCode());
        assertEquals(2, CliTestSupport.run("score", "--responses", responses.toString(), "--by", "tier")
                .exitCode());
        assertEquals(2, CliTestSupport.run("score").exitCode());
        assertEquals(2, CliTestSupport.run("no-such-command").exitCode());
    }

    @Test
    void missingFileIsBadInput() {
        CliTestSupport.Run r = CliTestSupport.run("score", "--responses", dir.resolve("nope.csv").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("nope.csv"), r.err());
    }

    @Test
    void waldIntervalIsEstimatePlusMinusZTimesStandardError() {
        CliTestSupport.Run r = CliTestSupport.run("score", "--responses", responses.toString(), "--ci", "wald",
                "--level", "0.9", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode o = r.json().get("overall");
        // scores 4, 10, 9, 8: m = (2 − 1)/4 = 0.25; V = (pP + pD − m²)/n = (0.5 + 0.25 − 0.0625)/4
        double se = 100 * Math.sqrt((0.5 + 0.25 - 0.0625) / 4);
        double z = 1.6448536269514722; // Φ⁻¹(0.95)
        assertEquals(se, o.get("standardError").asDouble(), 1e-12);
        assertEquals(25 - z * se, o.get("ci").get("lower").asDouble(), 1e-9);
        assertEquals(25 + z * se, o.get("ci").get("upper").asDouble(), 1e-9);
        assertEquals("wald", r.json().get("ci").get("method").asText());
        assertEquals(0.9, r.json().get("ci").get("level").asDouble(), 0);
    }

    @Test
    void clusteredStandardErrorFollowsTheDesignFormula() {
        CliTestSupport.Run r = CliTestSupport.run("score", "--responses", responses.toString(), "--format", "json");
        JsonNode o = r.json().get("overall");
        // accounts A1 {4, 10} and A2 {9, 8}; m = 0.25; u_A1 = (−1 − m) + (1 − m) = −0.5, u_A2 = (1 − m) + (0 − m) = 0.5
        // V_c = G/(G−1) · Σ u² / (Σw)² = 2 · 0.5 / 16
        assertEquals(100 * Math.sqrt(2 * 0.5 / 16), o.get("clusteredStandardError").asDouble(), 1e-12);
        assertEquals(2, o.get("accounts").asInt());
    }

    @Test
    void bootstrapIsReproducibleForASeed() {
        String[] args = {"score", "--responses", responses.toString(), "--ci", "bootstrap", "--seed", "11",
            "--resamples", "500", "--format", "json"};
        JsonNode a = CliTestSupport.run(args).json().get("overall").get("ci");
        JsonNode b = CliTestSupport.run(args).json().get("overall").get("ci");
        assertEquals(a, b);
        assertTrue(a.get("lower").asDouble() <= 25 && 25 <= a.get("upper").asDouble(), a.toString());
    }

    @Test
    void posteriorWithAGivenPrior() {
        CliTestSupport.Run r = CliTestSupport.run("score", "--responses", responses.toString(), "--posterior",
                "dirichlet:1,1,1", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode p = r.json().get("overall").get("posterior");
        // a = (1+1, 1+1, 1+2) = (2, 2, 3), A = 7: mean = (3 − 2)/7; var = ((3 + 2)/7 − mean²)/(A + 1)
        double mean = 1.0 / 7;
        assertEquals(100 * mean, p.get("mean").asDouble(), 1e-12);
        assertEquals(100 * Math.sqrt((5.0 / 7 - mean * mean) / 8), p.get("sd").asDouble(), 1e-12);
        assertTrue(p.get("lower").asDouble() < p.get("mean").asDouble()
                && p.get("mean").asDouble() < p.get("upper").asDouble());
        assertEquals(2, CliTestSupport.run("score", "--responses", responses.toString(), "--posterior",
                "beta:1,1").exitCode());
    }

    /**
     * The default path (streaming, per-account totals) prints what the object path prints ({@code --invitations}, here
     * an empty file, needs every response in memory); {@code --lenient} (a lenient first pass, then the streaming
     * scorer) reads the same rows of valid files.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "--by role,period:quarter --weight role+account-value",
        "--by role --weight role+account-equal --cluster account --ci score",
        "--weight account-equal --cluster account --ci wald",
        "--by tier --ci adjusted-wald",
        "--by account --weight role",
        "--by role --dedupe latest-per-contact --weight account-equal --cluster account",
        "--by episode --ci bootstrap --cluster account --seed 7 --resamples 200",
        "--by role --posterior dirichlet:1,1,1",
        "--weight role+account-equal --level 0.9"})
    void defaultPathGivesTheObjectPathsFigures(String extra) throws IOException {
        generated();
        for (String format : new String[] {"json", "csv", "text"}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("score", "--responses",
                    responses.toString(), "--accounts", accounts.toString(), "--contacts", contacts.toString(),
                    "--mix-episodes", "--format", format));
            args.addAll(java.util.List.of(extra.split(" ")));
            CliTestSupport.Run fast = CliTestSupport.run(args.toArray(String[]::new));
            assertEquals(0, fast.exitCode(), fast.err());
            args.add("--stream");
            CliTestSupport.Run stream = CliTestSupport.run(args.toArray(String[]::new));
            assertEquals(fast.out(), stream.out(), "--stream is a synonym of the default");
            args.set(args.size() - 1, "--lenient");
            CliTestSupport.Run lenient = CliTestSupport.run(args.toArray(String[]::new));
            assertEquals(0, lenient.exitCode(), lenient.err());
            assertEquals(fast.out(), lenient.out(), "--lenient streams valid files to the same output");
            Path invitations = responses.resolveSibling("invitations.csv");
            Files.writeString(invitations, "contact_id,invited_at\n");
            args.set(args.size() - 1, "--invitations");
            args.add(invitations.toString());
            CliTestSupport.Run objects = CliTestSupport.run(args.toArray(String[]::new));
            assertEquals(0, objects.exitCode(), objects.err());
            if (format.equals("json")) {
                assertClose("", objects.json(), fast.json());
            } else {
                assertEquals(objects.out().lines().count(), fast.out().lines().count(), fast.out());
                java.util.Iterator<String> a = objects.out().lines().iterator();
                java.util.Iterator<String> b = fast.out().lines().iterator();
                while (a.hasNext()) {
                    assertCloseCells(a.next(), b.next());
                }
            }
        }
    }

    /** --threads changes how the file is read, never the figures; a count below 1 is bad usage. */
    @Test
    void threadsGiveTheSameFiguresAndAreChecked() throws IOException {
        generated();
        java.util.List<String> base = java.util.List.of("score", "--responses", responses.toString(), "--accounts",
                accounts.toString(), "--contacts", contacts.toString(), "--mix-episodes", "--by", "role",
                "--format", "json");
        java.util.Map<String, CliTestSupport.Run> runs = new java.util.TreeMap<>();
        for (String n : new String[] {"1", "3", "0"}) {
            java.util.List<String> args = new java.util.ArrayList<>(base);
            args.addAll(java.util.List.of("--threads", n));
            runs.put(n, CliTestSupport.run(args.toArray(String[]::new)));
        }
        assertEquals(0, runs.get("1").exitCode(), runs.get("1").err());
        assertEquals(runs.get("1").out(), runs.get("3").out());
        assertEquals(2, runs.get("0").exitCode());
        assertTrue(runs.get("0").err().contains("--threads must be at least 1"), runs.get("0").err());
    }

    /** The options that need the responses take the object path; --stream then says why it cannot be used. */
    @Test
    void streamIsRefusedWhereTheResponsesAreNeeded() {
        String[] base = {"score", "--responses", responses.toString(), "--ci", "bootstrap", "--resamples", "100", "--seed",
            "3"};
        CliTestSupport.Run objects = CliTestSupport.run(base);
        assertEquals(0, objects.exitCode(), objects.err());
        String[] streamed = java.util.Arrays.copyOf(base, base.length + 1);
        streamed[base.length] = "--stream";
        CliTestSupport.Run r = CliTestSupport.run(streamed);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("resamples answers"), r.err());
    }

    /** Replaces the small files with a generated portfolio: several accounts, roles, episodes and quarters. */
    private void generated() throws IOException {
        java.util.Random rnd = new java.util.Random(11);
        String[] roles = {"decision-maker", "influencer", "user", ""};
        String[] episodes = {"", "onboarding", "renewal"};
        StringBuilder a = new StringBuilder("account_id,name,tier,parent_id,annual_value,owner\n");
        StringBuilder c = new StringBuilder("contact_id,account_id,role,function\n");
        StringBuilder r = new StringBuilder("response_id,account_id,contact_id,role,episode,answered_at,score\n");
        for (int i = 0; i < 9; i++) {
            a.append("A").append(i).append(",n,").append(i % 3 == 0 ? "distributor" : "direct").append(",,")
                    .append(1000 * (i + 1)).append(",\n");
            for (int k = 0; k < 3; k++) {
                c.append("C").append(i).append('_').append(k).append(",A").append(i).append(',')
                        .append(roles[k]).append(",\n");
            }
        }
        for (int n = 0; n < 300; n++) {
            int i = rnd.nextInt(9);
            int k = rnd.nextInt(3);
            r.append("R").append(n).append(",A").append(i).append(",C").append(i).append('_').append(k).append(',')
                    .append(roles[rnd.nextInt(4)]).append(',').append(episodes[rnd.nextInt(3)]).append(",2025-")
                    .append(String.format("%02d-%02d", 1 + rnd.nextInt(12), 1 + rnd.nextInt(28))).append(',')
                    .append(rnd.nextInt(11)).append('\n');
        }
        accounts = write("accounts.csv", a.toString());
        contacts = write("contacts.csv", c.toString());
        responses = write("responses.csv", r.toString());
    }

    private static void assertClose(String where, JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            double e = expected.asDouble();
            assertEquals(e, actual.asDouble(), 1e-9 * Math.max(1, Math.abs(e)), where);
        } else if (expected.isContainerNode()) {
            assertEquals(expected.size(), actual.size(), where);
            java.util.Iterator<String> names = expected.fieldNames();
            if (expected.isObject()) {
                java.util.List<String> en = new java.util.ArrayList<>();
                java.util.List<String> an = new java.util.ArrayList<>();
                expected.fieldNames().forEachRemaining(en::add);
                actual.fieldNames().forEachRemaining(an::add);
                assertEquals(en, an, where);
                while (names.hasNext()) {
                    String n = names.next();
                    assertClose(where + "/" + n, expected.get(n), actual.get(n));
                }
            } else {
                for (int i = 0; i < expected.size(); i++) {
                    assertClose(where + "/" + i, expected.get(i), actual.get(i));
                }
            }
        } else {
            assertEquals(expected, actual, where);
        }
    }

    /** Text and CSV lines: equal, but numbers with many digits only to 1e-9. */
    private static void assertCloseCells(String expected, String actual) {
        String[] e = expected.split("[ ,\\[\\]]+");
        String[] a = actual.split("[ ,\\[\\]]+");
        assertEquals(e.length, a.length, expected + " | " + actual);
        for (int i = 0; i < e.length; i++) {
            if (!e[i].equals(a[i])) {
                double x = Double.parseDouble(e[i]);
                assertEquals(x, Double.parseDouble(a[i]), 1e-9 * Math.max(1, Math.abs(x)), expected + " | " + actual);
            }
        }
    }

    @Test
    void emptyGroupHasNullNps() throws IOException {
        Path only = write("only.csv", """
                response_id,account_id,contact_id,role,episode,answered_at,score,comment
                R1,A1,C1,user,,2026-01-01,9,
                """);
        CliTestSupport.Run r = CliTestSupport.run("score", "--responses", only.toString(), "--role-weights",
                "user=0", "--weight", "role", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.json().get("overall").get("nps").isNull(), r.out());
    }
}
