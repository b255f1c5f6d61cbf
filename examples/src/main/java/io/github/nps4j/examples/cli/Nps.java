package io.github.nps4j.examples.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nps} command line: {@code java -jar examples/target/nps.jar COMMAND [options]}.
 *
 * <p>Exit codes: 0 success, 1 bad input (the message names the file, line and field), 2 bad usage, 3 out of memory
 * or another resource, or the output could not be written (disk full, closed pipe). Messages are one line, without
 * control characters, at most {@value #MAX_MESSAGE} characters; no stack trace reaches the user (set the environment
 * variable {@code NPS4J_TRACE=1} to see one when reporting a bug).
 *
 * <p>Logging: the library logs through SLF4J; the command line binds it to slf4j-simple, writing to standard error at
 * WARN (separation, skipped driver groups). Skipped {@code --lenient} rows are listed by the commands themselves, so
 * the CSV reader's own lines appear only with {@code -v}/{@code --verbose}, which shows INFO as well (custom roles,
 * degenerate groups, progress of long exact LMG runs). Any {@code -Dorg.slf4j.simpleLogger.*} system property given
 * to {@code java} wins over both.
 */
@Command(name = "nps", mixinStandardHelpOptions = true, version = "nps4j 0.1.0-SNAPSHOT",
        description = "B2B Net Promoter analytics on CSV exports: scores by account, role, tier, episode and period.",
        footer = {"", "Exit codes: 0 success, 1 bad input (file, line and field named), 2 bad usage,",
            "3 out of memory or another resource, or the output could not be written.",
            "Input formats: see the README (responses.csv, accounts.csv, contacts.csv, invitations.csv).",
            "Log messages go to standard error: warnings by default, -v/--verbose adds notable events (INFO)."})
public final class Nps implements Runnable {
    /**
     * The subcommands, in the order {@code nps --help} lists them. They are registered by {@link #commandLine(String[])}
     * rather than in the {@code @Command} annotation, so that a run of one command builds only that command's model
     * (picocli reads every option of every registered command at start-up, which took about a third of a second).
     */
    private static final List<Class<?>> COMMANDS = List.of(ScoreCommand.class, AccountsCommand.class,
            FollowupsCommand.class, PlanCommand.class, DriversCommand.class, CompareCommand.class, TrendCommand.class,
            GenerateCommand.class, DemoCommand.class, ReportCommand.class, CompetitorsCommand.class,
            EconomicsCommand.class, ThemesCommand.class, CommandLine.HelpCommand.class);

    /** Exit code for bad input data. */
    static final int BAD_INPUT = 1;
    /** Exit code when memory or another resource runs out, or the output cannot be written. */
    static final int RESOURCE = 3;
    /** The longest message printed, in characters. */
    static final int MAX_MESSAGE = 600;

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
     * Builds the command line with nps4j's exception handling: bad input is reported in one line with exit code 1,
     * exhausted resources with exit code 3 and the remedy.
     *
     * @return the configured command line
     */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * Builds the command line for the given arguments: when the first argument that is not an option names a command
     * exactly, only that command is registered (start-up then reads one command's options, not all of them);
     * otherwise — no command, {@code help}, a misspelt command — every command is, so that help and "did you mean"
     * suggestions list them all.
     *
     * @param args the arguments that will be executed
     * @return the configured command line
     */
    static CommandLine commandLine(String[] args) {
        configureLogging(new String[0]);
        CommandLine cl = new CommandLine(new Nps());
        Class<?> only = commandNamed(args);
        for (Class<?> command : COMMANDS) {
            if (only == null || command == only) {
                cl.addSubcommand(instantiate(command));
            }
        }
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, commandLine.getErr()));
        return cl;
    }

    /** The command class the first non-option argument names exactly, or null. */
    private static @Nullable Class<?> commandNamed(String[] args) {
        for (String a : args) {
            if (a.equals("--") || !a.startsWith("-")) {
                if (a.equals("help")) {
                    return null;
                }
                for (Class<?> command : COMMANDS) {
                    if (command.getAnnotation(Command.class).name().equals(a)) {
                        return command;
                    }
                }
                return null;
            }
        }
        return null;
    }

    private static Object instantiate(Class<?> command) {
        try {
            return command.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the command " + command.getName(), e);
        }
    }

    /**
     * Prints one line for an exception and returns its exit code. Errors of the virtual machine that mean a resource
     * ran out (memory, stack) get exit code 3 with the remedies; every other exception is bad input (1): the library
     * reports bad data and arguments as unchecked exceptions whose message names the value and where it came from.
     *
     * @param ex the exception
     * @param err where to print
     * @return the exit code
     */
    static int report(Throwable ex, PrintWriter err) {
        if (System.getenv("NPS4J_TRACE") != null) {
            ex.printStackTrace(err);
        }
        int code;
        String message;
        if (ex instanceof OutOfMemoryError) {
            code = RESOURCE;
            message = "out of memory (" + ex.getMessage() + "). Remedies: a larger heap (java -Xmx4g -jar nps.jar "
                    + "...; accounts, followups, plan and drivers hold every response; drivers at 5 M responses "
                    + "with six ratings fits in 1 GB, near its limit); `nps score`, `trend` and `compare` read a file row by row "
                    + "unless --invitations, an answer bootstrap or a fitted prior need every response (`--stream` insists); "
                    + "fewer --resamples; fewer attributes for exact LMG";
        } else if (ex instanceof StackOverflowError) {
            code = RESOURCE;
            message = "the computation ran out of stack. Remedy: java -Xss8m -jar nps.jar ...; please report the "
                    + "input that caused it";
        } else if (ex instanceof VirtualMachineError) {
            code = RESOURCE;
            message = "the Java virtual machine ran out of a resource: " + ex;
        } else if (ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException
                || ex instanceof IllegalStateException) {
            code = BAD_INPUT;
            message = String.valueOf(ex.getMessage());
        } else {
            code = BAD_INPUT;
            message = "unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + " (please report this; NPS4J_TRACE=1 shows where it happened)";
        }
        err.println("nps: error: " + oneLine(message));
        err.flush();
        return code;
    }

    /**
     * Makes a message safe for a terminal and a log: control characters (line breaks, escape sequences) become
     * visible escapes, and the text is cut to {@value #MAX_MESSAGE} characters.
     *
     * @param message the message
     * @return one bounded line
     */
    static String oneLine(String message) {
        StringBuilder sb = new StringBuilder(Math.min(message.length(), MAX_MESSAGE) + 8);
        for (int i = 0; i < message.length() && sb.length() < MAX_MESSAGE; i++) {
            char c = message.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append(' ');
            } else if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069')) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= MAX_MESSAGE) {
            sb.setLength(MAX_MESSAGE - 3);
            sb.append("...");
        }
        return sb.toString();
    }

    /**
     * Runs the command line with its output going to the given streams (UTF-8), and fails when the output cannot be
     * written: a full disk or a closed pipe gives exit code 3, never a silent 0.
     *
     * @param args the arguments
     * @param stdout standard output
     * @param stderr standard error
     * @return the exit code
     */
    static int execute(String[] args, OutputStream stdout, OutputStream stderr) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        int code;
        try {
            code = cl.execute(args);
        } catch (VirtualMachineError e) {
            code = report(e, err);
        }
        out.flush();
        if (out.checkError()) {
            err.println("nps: error: could not write the output (disk full, or the reading end of a pipe closed)");
            err.flush();
            return code == 0 ? RESOURCE : code;
        }
        return code;
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        configureLogging(args);
        System.exit(execute(args, new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err)));
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
