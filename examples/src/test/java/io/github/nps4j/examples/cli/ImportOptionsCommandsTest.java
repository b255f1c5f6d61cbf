package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command that reads CSV files takes the import options and reports the skipped blank scores. */
class ImportOptionsCommandsTest {
    private static final String EU = "../examples/data/imports/european/";
    private static final List<String> IMPORT = List.of("--responses", EU + "responses.csv", "--accounts",
            EU + "accounts.csv", "--encoding", "windows-1252", "--delimiter", ";", "--date-format", "dd.MM.yyyy",
            "--locale", "de-DE", "--columns", "accounts.account_id=Kunde", "--role-map",
            "Entscheider=decision-maker,Anwender=user,Einkauf=gatekeeper,Beeinflusser=influencer", "--tier-map",
            "Value-Added Reseller (VAR)=distributor", "--strict-roles");

    @TempDir
    Path out;

    static Stream<List<String>> commands() {
        return Stream.of(List.of("score", "--by", "role"), List.of("compare", "--by", "role", "--a",
                "decision-maker", "--b", "user"), List.of("trend", "--by", "period:month"), List.of("accounts"),
                List.of("followups"), List.of("plan"), List.of("drivers"), List.of("demo"),
                List.of("score", "--stream", "--by", "role"));
    }

    private static CliTestSupport.Run run(List<String> command, List<String> more) {
        List<String> args = new ArrayList<>(command);
        args.addAll(IMPORT);
        args.addAll(more);
        return CliTestSupport.run(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void jsonCountsTheSkippedBlankScore(List<String> command) throws Exception {
        CliTestSupport.Run r = run(command, List.of("--format", "json"));
        assertEquals(0, r.exitCode(), () -> command + ": " + r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.path("skipped").path("blankScore").asInt(-1), r.out());
        assertTrue(json.path("notes").toString().contains("blank score"), r.out());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void textNotesTheSkippedBlankScore(List<String> command) {
        CliTestSupport.Run r = run(command, List.of());
        assertEquals(0, r.exitCode(), () -> command + ": " + r.err());
        assertTrue(r.out().contains("note: 1 response(s) with a blank score"), r.out());
    }

    /** The commands with a CSV output whose rows cannot carry notes (demo has no CSV; drivers' has "model" rows). */
    static Stream<List<String>> csvCommands() {
        return commands().filter(c -> !c.get(0).equals("demo") && !c.get(0).equals("drivers"));
    }

    @ParameterizedTest
    @MethodSource("csvCommands")
    void csvOutputNotesTheSkippedBlankScoreOnStandardError(List<String> command) {
        CliTestSupport.Run r = run(command, List.of("--format", "csv"));
        assertEquals(0, r.exitCode(), () -> command + ": " + r.err());
        assertTrue(r.err().contains("note: 1 response(s) with a blank score"), command + ": " + r.err());
    }

    @Test
    void reportTakesTheImportOptions() throws Exception {
        List<String> args = new ArrayList<>(List.of("report", "--out", out.toString()));
        args.addAll(IMPORT);
        CliTestSupport.Run r = CliTestSupport.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("note: 1 response(s) with a blank score"), r.out());
        String page = java.nio.file.Files.readString(out.resolve("report.html"));
        assertTrue(page.contains("id=\"import-notes\"") && page.contains("1 response(s) with a blank score"),
                "the page itself says how the data were read");
        CliTestSupport.Run again = CliTestSupport.run(args.toArray(String[]::new));
        assertTrue(again.out().startsWith("replaced "), again.out());
    }

    @Test
    void reportNeverWritesThroughASymbolicLink(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path victim = java.nio.file.Files.writeString(dir.resolve("victim.txt"), "keep");
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("r"));
        java.nio.file.Files.createSymbolicLink(folder.resolve("report.html"), victim);
        CliTestSupport.Run r = CliTestSupport.run("report", "--out", folder.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("symbolic link"), r.err());
        assertEquals("keep", java.nio.file.Files.readString(victim));
    }

    @Test
    void unknownRolesAreWarnedOnStandardErrorAndNotedInJson() throws Exception {
        CliTestSupport.Run r = CliTestSupport.run("score", "--responses", EU + "responses.csv", "--encoding",
                "windows-1252", "--date-format", "dd.MM.yyyy", "--locale", "de-DE", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning: role(s) that map to no known role") && r.err().contains(
                "entscheider (2 rows)"), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(2, json.path("unknownRoles").path("entscheider").asInt());
        CliTestSupport.Run strict = CliTestSupport.run("score", "--responses", EU + "responses.csv", "--encoding",
                "windows-1252", "--date-format", "dd.MM.yyyy", "--locale", "de-DE", "--strict-roles");
        assertEquals(1, strict.exitCode());
        assertTrue(strict.err().contains("line 2, field role, value 'Entscheider'"), strict.err());
    }

    @Test
    void errorsTeach() {
        CliTestSupport.Run utf8 = CliTestSupport.run("score", "--responses", EU + "responses.csv");
        assertEquals(1, utf8.exitCode());
        assertTrue(utf8.err().contains("--encoding windows-1252"), utf8.err());
        CliTestSupport.Run semi = CliTestSupport.run("score", "--responses", EU + "responses.csv", "--encoding",
                "windows-1252", "--delimiter", ",");
        assertEquals(1, semi.exitCode());
        assertTrue(semi.err().contains("looks ;-separated"), semi.err());
        CliTestSupport.Run q = CliTestSupport.run("score", "--preset", "qualtrics", "--responses",
                "../examples/data/imports/qualtrics/responses.csv");
        assertEquals(1, q.exitCode());
        assertTrue(q.err().contains("'account_id', 'contact_id', 'score'") && q.err().contains("--columns"),
                q.err());
        CliTestSupport.Run usage = CliTestSupport.run("score", "--preset", "typeform", "--responses",
                EU + "responses.csv");
        assertEquals(2, usage.exitCode(), usage.err());
    }
}
