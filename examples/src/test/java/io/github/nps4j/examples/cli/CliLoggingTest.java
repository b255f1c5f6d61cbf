package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's SLF4J binding, in a fresh JVM each (slf4j-simple reads its settings once per JVM): warnings only
 * by default, INFO with {@code --verbose}, never a comment.
 */
class CliLoggingTest {
    private static final String RESPONSES = """
            response_id,account_id,contact_id,role,episode,answered_at,score,comment
            R1,A1,C1,owner-rep,,2026-01-15,9,fine
            R2,A1,C2,user,,2026-01-16,11,"Call Jane Doe, she is furious"
            R3,A2,C3,user,,2026-01-17,3,slow
            """;

    private static String nps(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Nps.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "nps did not finish");
        assertEquals(0, p.exitValue(), err);
        return err;
    }

    @Test
    void warningsOnlyByDefaultInfoWithVerboseAndNeverAComment(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("responses.csv"), RESPONSES);

        String quiet = nps(dir, "score", "--responses", "responses.csv", "--lenient");
        assertTrue(quiet.contains("nps: skipped 1 bad row(s)"), quiet);
        assertFalse(quiet.contains("[INFO]") || quiet.contains("[WARN]"), quiet);

        String verbose = nps(dir, "score", "--responses", "responses.csv", "--lenient", "--verbose");
        assertTrue(verbose.contains("[WARN] PortfolioReader - Skipped responses.csv, line 3, field score: "), verbose);
        assertTrue(verbose.contains("[INFO] PortfolioReader - Roles outside the well-known "
                + "[decision-maker, influencer, gatekeeper, user] kept as custom roles: [owner-rep]"), verbose);
        assertFalse(verbose.contains("[DEBUG]"), verbose);
        for (String err : List.of(quiet, verbose)) {
            assertFalse(err.contains("Jane") || err.contains("furious"), err);
        }
    }
}
