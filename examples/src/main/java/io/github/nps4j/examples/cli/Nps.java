package io.github.nps4j.examples.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nps} command line: {@code java -jar examples/target/nps.jar COMMAND [options]}.
 *
 * <p>Exit codes: 0 success, 1 bad input (the message names the file, line and field), 2 bad usage.
 *
 * <p>Logging: the library logs through SLF4J; the command line binds it to slf4j-simple, writing to standard error at
 * WARN (separation, skipped driver groups). Skipped {@code --lenient} rows are listed by the commands themselves, so
 * the CSV reader's own lines appear only with {@code -v}/{@code --verbose}, which shows INFO as well (custom roles,
 * degenerate groups, progress of long exact LMG runs). Any {@code -Dorg.slf4j.simpleLogger.*} system property given
 * to {@code java} wins over both.
 */
@Command(name = "nps", mixinStandardHelpOptions = true, version = "nps4j 0.1.0-SNAPSHOT",
        description = "B2B Net Promoter analytics on CSV exports: scores by account, role, tier, episode and period.",
        subcommands = {ScoreCommand.class, AccountsCommand.class, FollowupsCommand.class, PlanCommand.class,
            DriversCommand.class, CompareCommand.class, TrendCommand.class, GenerateCommand.class,
            DemoCommand.class, ReportCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 bad input (file, line and field named), 2 bad usage.",
            "Input formats: see the README (responses.csv, accounts.csv, contacts.csv, invitations.csv).",
            "Log messages go to standard error: warnings by default, -v/--verbose adds notable events (INFO)."})
public final class Nps implements Runnable {
    /** Exit code for bad input data. */
    static final int BAD_INPUT = 1;

    /** The slf4j-simple property naming the default level. */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    /** The slf4j-simple property naming the CSV reader's level. */
    static final String READER_LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.io.github.nps4j.core.csv.PortfolioReader";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read before parsing by {@link #configureLogging(String[])}; declared here so picocli accepts and documents it. */
    @CommandLine.Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Also log notable events (INFO) to standard error, not only warnings.")
    boolean verbose;

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
        configureLogging(new String[0]);
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
        configureLogging(args);
        System.exit(commandLine().execute(args));
    }

    /**
     * Sets slf4j-simple's defaults before the first logger exists (it reads them once): standard error, level WARN,
     * or INFO when the arguments ask for {@code -v}/{@code --verbose} (before a {@code --}), no thread names. A
     * property the user set with {@code -D} is left alone.
     *
     * @param args the command-line arguments
     */
    static void configureLogging(String[] args) {
        boolean verbose = false;
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            verbose |= a.equals("-v") || a.equals("--verbose");
        }
        setIfAbsent(LOG_LEVEL_PROPERTY, verbose ? "info" : "warn");
        // the commands list skipped rows themselves (nps: skipped N bad row(s): ...); the reader's WARN lines only
        // with --verbose, so that a row is not reported twice
        setIfAbsent(READER_LOG_LEVEL_PROPERTY, verbose ? "info" : "error");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
