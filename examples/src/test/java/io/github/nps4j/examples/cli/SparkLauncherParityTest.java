package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nps4j.spark.NpsSparkLauncher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code nps-spark score} (the launcher, run in this JVM on {@code local[2]}) prints the JSON of {@code nps score
 * --format json} (the command line, in-process) on the example CSV files: the same fields, the same strings (keys,
 * labels, notes) and the same numbers to 1e-9 (relative, with a floor of 1).
 */
class SparkLauncherParityTest {
    private static final double REL = 1e-9;
    private static final String VALUED = "(accounts with values)";
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("nps4j-launcher-parity")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static Stream<Arguments> options() {
        return Stream.of(
                Arguments.of(List.of("--weight", "none", "--ci", "wald", "--mix-episodes")),
                Arguments.of(List.of("--weight", "role", "--by", "role", "--ci", "score", "--episode", "relationship")),
                Arguments.of(List.of("--weight", "account-equal", "--by", "role", "--cluster", "account", "--ci",
                        "wald", "--mix-episodes")),
                Arguments.of(List.of("--weight", "role+account-equal", "--by", "tier,role", "--cluster", "account",
                        "--ci", "score", "--episode", "relationship", "--dedupe", "latest-per-contact")),
                // examples/data has no annual value for A5: value weightings read a copy that gives it one
                Arguments.of(List.of("--weight", "account-value", "--by", "seg:region", "--cluster", "account",
                        "--ci", "wald", "--mix-episodes", VALUED)),
                Arguments.of(List.of("--weight", "role+account-value", "--by", "period:quarter", "--ci", "score",
                        "--mix-episodes", VALUED)),
                Arguments.of(List.of("--weight", "role", "--by", "episode", "--cluster", "account", "--ci", "score")),
                Arguments.of(List.of("--by", "account", "--cluster", "account", "--ci", "wald", "--mix-episodes")));
    }

    @ParameterizedTest
    @MethodSource("options")
    void launcherPrintsTheJsonOfNpsScore(List<String> options, @TempDir Path dir) throws Exception {
        String accounts = "data/accounts.csv";
        if (options.contains(VALUED)) {
            Path copy = dir.resolve("accounts.csv");
            Files.writeString(copy, Files.readString(Path.of(accounts)).replace("end-user,,,joao",
                    "end-user,,70000,joao"));
            accounts = copy.toString();
        }
        List<String> args = new ArrayList<>(List.of("score", "--responses", "data/responses.csv", "--accounts",
                accounts, "--contacts", "data/contacts.csv"));
        options.stream().filter(o -> !o.equals(VALUED)).forEach(args::add);
        args.addAll(List.of("--format", "json"));
        CliTestSupport.Run cli = CliTestSupport.run(args.toArray(new String[0]));
        assertEquals(0, cli.exitCode(), cli.err());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NpsSparkLauncher.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        JsonNode expected = cli.json();
        // the command line also reports how the CSV files were read (blank scores skipped, import notes); the
        // launcher reads through Spark and reports only the figures, which must be the same
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove(List.of("skipped", "notes"));
        JsonNode actual = new ObjectMapper().readTree(out.toString());
        assertTrue(expected.get("groups").size() > 0 || options.stream().noneMatch(o -> o.equals("--by")),
                "groups expected");
        same(expected, actual, "$");
    }

    @Test
    void bothRefuseAValueWeightingWithoutTheValue() {
        String[] args = {"score", "--responses", "data/responses.csv", "--accounts", "data/accounts.csv",
            "--weight", "account-value", "--mix-episodes", "--format", "json"};
        CliTestSupport.Run cli = CliTestSupport.run(args);
        StringWriter err = new StringWriter();
        int code = NpsSparkLauncher.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(1, cli.exitCode(), cli.err());
        assertEquals(cli.exitCode(), code, err.toString());
        assertTrue(cli.err().contains("A5") && err.toString().contains("A5"), cli.err() + " / " + err);
    }

    /** The same tree: same field names, same strings, booleans and nulls, numbers to 1e-9. */
    static void same(JsonNode expected, JsonNode actual, String path) {
        if (expected.isNumber() && actual.isNumber()) {
            double x = expected.asDouble();
            double y = actual.asDouble();
            assertEquals(x, y, REL * Math.max(1, Math.abs(x)), path);
            return;
        }
        assertEquals(expected.getNodeType(), actual.getNodeType(), path + ": " + expected + " vs " + actual);
        if (expected.isObject()) {
            List<String> e = new ArrayList<>();
            expected.fieldNames().forEachRemaining(e::add);
            List<String> a = new ArrayList<>();
            actual.fieldNames().forEachRemaining(a::add);
            assertEquals(e.stream().sorted().toList(), a.stream().sorted().toList(), path + " fields");
            for (String f : e) {
                same(expected.get(f), actual.get(f), path + "." + f);
            }
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), path + " size");
            Iterator<JsonNode> a = actual.elements();
            int i = 0;
            for (JsonNode e : expected) {
                same(e, a.next(), path + "[" + i++ + "]");
            }
        } else if (!expected.equals(actual)) {
            fail(path + ": " + expected + " vs " + actual);
        }
    }
}
