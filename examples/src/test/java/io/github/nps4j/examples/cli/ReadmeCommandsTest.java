package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code java -jar examples/target/nps.jar ...} command of the README in-process (from the repository
 * root's point of view) and checks it succeeds, so the README's commands cannot rot.
 */
class ReadmeCommandsTest {
    private static final String PREFIX = "java -jar examples/target/nps.jar";

    @TempDir
    Path out;

    @TestFactory
    Stream<DynamicTest> readmeCommandsSucceed() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        List<String> commands = new ArrayList<>();
        boolean inCode = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode && l.startsWith(PREFIX)) {
                StringBuilder cmd = new StringBuilder(l);
                while (cmd.toString().endsWith("\\") && i + 1 < lines.size()) {
                    cmd.setLength(cmd.length() - 1);
                    cmd.append(' ').append(lines.get(++i).strip());
                }
                commands.add(cmd.substring(PREFIX.length()).strip());
            }
        }
        assertFalse(commands.isEmpty(), "README shows no nps command");
        return commands.stream().map(c -> DynamicTest.dynamicTest("nps " + c, () -> {
            List<String> args = new ArrayList<>();
            for (String a : words(c)) {
                if (a.startsWith("examples/")) {
                    a = "../" + a;
                }
                args.add(a);
            }
            int outIdx = args.indexOf("--out");
            if (outIdx >= 0) {
                args.set(outIdx + 1, out.resolve(args.get(outIdx + 1)).toString());
            }
            CliTestSupport.Run r = CliTestSupport.run(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), () -> "nps " + c + " failed:\n" + r.err());
            assertTrue(!r.out().isBlank() || outIdx >= 0, "nps " + c + " printed nothing");
        }));
    }

    /** Splits a command line as a POSIX shell would for these commands: blanks separate, double quotes group. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(ch) && !quoted) {
                if (any) {
                    out.add(w.toString());
                    w.setLength(0);
                    any = false;
                }
            } else {
                w.append(ch);
                any = true;
            }
        }
        if (any) {
            out.add(w.toString());
        }
        return out;
    }
}
