package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code nps} registers only the command being run; these tests check that this changes nothing a user sees: each
 * command's help, the top-level help, the inherited {@code -v}, and suggestions for a misspelt command.
 */
class LazyRegistrationTest {
    @Test
    void eachCommandAloneHasTheSameModelAsWithAllRegistered() {
        CommandLine all = Nps.commandLine();
        Map<String, CommandLine> subcommands = all.getSubcommands();
        assertTrue(subcommands.size() >= 14, "every command and help: " + subcommands.keySet());
        for (Map.Entry<String, CommandLine> e : subcommands.entrySet()) {
            String name = e.getKey();
            CommandLine alone = Nps.commandLine(new String[] {"-v", name, "--format", "json"});
            if (name.equals("help")) {
                assertEquals(subcommands.keySet(), alone.getSubcommands().keySet(), "help needs every command");
                continue;
            }
            assertEquals(List.of(name), List.copyOf(alone.getSubcommands().keySet()), name);
            assertEquals(e.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF),
                    alone.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF), name);
        }
    }

    @Test
    void noCommandOrAMisspellingRegistersAll() {
        int all = Nps.commandLine().getSubcommands().size();
        assertEquals(all, Nps.commandLine(new String[0]).getSubcommands().size());
        assertEquals(all, Nps.commandLine(new String[] {"--help"}).getSubcommands().size());
        assertEquals(all, Nps.commandLine(new String[] {"scor", "--responses", "x.csv"}).getSubcommands().size());
        // an option value that happens to be a command name does not count: the first non-option is the command
        assertEquals(List.of("demo"), List.copyOf(
                Nps.commandLine(new String[] {"demo", "--format", "score"}).getSubcommands().keySet()));
    }

    @Test
    void misspeltCommandIsStillSuggested() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Nps.execute(new String[] {"scor"}, out, err);
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("nps score"), err.toString(StandardCharsets.UTF_8));
    }
}
