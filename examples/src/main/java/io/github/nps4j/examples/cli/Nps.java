package io.github.nps4j.examples.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nps} command line: {@code java -jar examples/target/nps.jar COMMAND [options]}.
 *
 * <p>Exit codes: 0 success, 1 bad input (the message names the file, line and field), 2 bad usage.
 */
@Command(name = "nps", mixinStandardHelpOptions = true, version = "nps4j 0.1.0-SNAPSHOT",
        description = "B2B Net Promoter analytics on CSV exports: scores by account, role, tier, episode and period.",
        subcommands = {ScoreCommand.class, AccountsCommand.class, FollowupsCommand.class, PlanCommand.class,
            DriversCommand.class, CompareCommand.class, TrendCommand.class, GenerateCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 bad input (file, line and field named), 2 bad usage.",
            "Input formats: see the README (responses.csv, accounts.csv, contacts.csv, invitations.csv)."})
public final class Nps implements Runnable {
    /** Exit code for bad input data. */
    static final int BAD_INPUT = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command; try `nps --help`.");
    }

    /**
     * Builds the command line with nps4j's exception handling: bad input is reported in one line with exit code 1.
     *
     * @return the configured command line
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Nps());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException
                    || ex instanceof IllegalStateException) {
                err.println("nps: error: " + ex.getMessage());
                err.flush();
                return BAD_INPUT;
            }
            throw ex;
        });
        return cl;
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
