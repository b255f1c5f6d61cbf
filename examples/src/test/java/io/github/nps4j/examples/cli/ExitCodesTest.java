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
}
