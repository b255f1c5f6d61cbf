package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The documented exit codes, one-line messages and failed writes of the {@code nps} entry point. */
class ExitCodesTest {
    private static final String[] SCORE = {"score", "--responses", "data/responses.csv", "--accounts",
        "data/accounts.csv", "--contacts", "data/contacts.csv", "--mix-episodes"};

    @Test
    void runningOutOfMemoryExitsThreeWithTheRemedies() {
        StringWriter err = new StringWriter();
        assertEquals(Nps.RESOURCE, Nps.report(new OutOfMemoryError("Java heap space"), new PrintWriter(err)));
        String line = err.toString().strip();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.contains("--stream") && line.contains("-Xmx") && line.contains("--resamples"), line);
        StringWriter err2 = new StringWriter();
        assertEquals(Nps.RESOURCE, Nps.report(new StackOverflowError(), new PrintWriter(err2)));
        assertFalse(err2.toString().contains("at io.github"), "no stack trace");
    }

    @Test
    void messagesAreOneEscapedBoundedLine() {
        String forged = "bad value\nnps: everything is fine\u001b[2J" + "x".repeat(5000);
        String line = Nps.oneLine(forged);
        assertFalse(line.contains("\n") || line.contains("\u001b"), line);
        assertTrue(line.contains("\\n") && line.contains("\\u001b"), line);
        assertEquals(Nps.MAX_MESSAGE, line.length());
        assertTrue(line.endsWith("..."));
        assertEquals("plain", Nps.oneLine("plain"));
    }

    @Test
    void aFailedWriteIsAFailure() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Nps.execute(SCORE, full, err);
        assertEquals(Nps.RESOURCE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("could not write the output"), err.toString());
    }

    @Test
    void successWritesUtf8AndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Nps.execute(SCORE, out, err), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("NPS"));
        assertEquals(2, Nps.execute(new String[] {"score", "--nope"}, new ByteArrayOutputStream(), err));
        assertEquals(1, Nps.execute(new String[] {"score", "--responses", "no-such-file.csv"},
                new ByteArrayOutputStream(), new ByteArrayOutputStream()));
    }

    @Test
    void workGuards(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // 26 predictors: exact LMG is refused unless asked; 20 print an estimate first
        StringBuilder header = new StringBuilder("y");
        for (int j = 0; j < 26; j++) {
            header.append(",x").append(j);
        }
        StringBuilder csv = new StringBuilder(header).append('\n');
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < 60; i++) {
            csv.append(rnd.nextInt(11));
            for (int j = 0; j < 26; j++) {
                csv.append(',').append(rnd.nextInt(11));
            }
            csv.append('\n');
        }
        java.nio.file.Path table = java.nio.file.Files.writeString(dir.resolve("wide.csv"), csv);
        String all = String.join(",", java.util.stream.IntStream.range(0, 26).mapToObj(j -> "x" + j).toList());
        CliTestSupport.Run refused = CliTestSupport.run("drivers", "--table", table.toString(), "--outcome", "y",
                "--predictors", all);
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("--allow-slow-lmg"), refused.err());
        String twenty = String.join(",", java.util.stream.IntStream.range(0, 20).mapToObj(j -> "x" + j).toList());
        CliTestSupport.Run estimated = CliTestSupport.run("drivers", "--table", table.toString(), "--outcome", "y",
                "--predictors", twenty, "--methods", "lmg");
        assertEquals(0, estimated.exitCode(), estimated.err());
        assertTrue(estimated.err().contains("exact LMG over 20 attributes: 2^20 subsets"), estimated.err());
        // bootstrap work is bounded
        CliTestSupport.Run boot = CliTestSupport.run("drivers", "--table", table.toString(), "--outcome", "y",
                "--predictors", "x0,x1", "--bootstrap", "100000000");
        assertEquals(2, boot.exitCode());
        assertEquals(2, CliTestSupport.run("score", "--responses", "data/responses.csv", "--mix-episodes", "--ci",
                "bootstrap", "--resamples", "2000000000").exitCode());
        assertEquals(2, CliTestSupport.run("generate", "--accounts", "3", "--out", dir.resolve("g").toString())
                .exitCode());
    }
}
