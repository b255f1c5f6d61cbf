package io.github.nps4j.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README's code snippets are copies of regions of compiled example files; this keeps them from rotting. */
class ReadmeSnippetsTest {
    private static final Path ROOT = Path.of("..");

    @ParameterizedTest
    @ValueSource(strings = {"QuickStart.java", "CrmPluginExample.java", "DriverAnalysisExample.java",
        "ReadoutExample.java", "ImportExample.java"})
    void readmeContainsTheExampleRegionVerbatim(String file) throws IOException {
        String source = Files.readString(ROOT.resolve("examples/src/main/java/io/github/nps4j/examples/" + file));
        Matcher m = Pattern.compile("// README:(\\w+):begin\\n(.*?)\\n\\s*// README:\\1:end", Pattern.DOTALL)
                .matcher(source);
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> regions = new ArrayList<>();
        while (m.find()) {
            regions.add(m.group(1));
            String snippet = dedent(m.group(2));
            assertTrue(readme.contains(snippet), () -> "README.md lacks region '" + m.group(1) + "' of " + file
                    + " verbatim; copy it again:\n" + snippet);
        }
        assertFalse(regions.isEmpty(), file + " has no README region");
    }

    private static String dedent(String block) {
        String[] lines = block.split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            sb.append(lines[i].isBlank() ? "" : lines[i].substring(indent));
            if (i < lines.length - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
