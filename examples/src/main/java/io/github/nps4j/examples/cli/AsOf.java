package io.github.nps4j.examples.cli;

import io.github.nps4j.core.Portfolio;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --as-of DATE} option of the commands that evaluate a portfolio on a day. Nothing reads the clock: without
 * the option the day is the latest answer in the data ({@link Portfolio#latestAnswerDate()}), and the command says so.
 */
final class AsOf {
    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The day to evaluate on, ISO yyyy-mm-dd (default: the day of the latest answer in the data).")
    String asOf;

    /** The day, and how it was chosen. */
    record Day(LocalDate date, boolean given) {
        /** Says how the day was chosen, for the output's header. */
        String describe() {
            return "as of " + date + (given ? "" : " (the latest answer in the data; --as-of to change)");
        }
    }

    Day day(CommandLine cl, Portfolio p) {
        if (asOf == null) {
            return new Day(p.latestAnswerDate().orElseThrow(() -> new IllegalArgumentException(
                    "the responses hold no answer to take the as-of day from; pass --as-of DATE")), false);
        }
        try {
            return new Day(LocalDate.parse(asOf.strip()), true);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(cl, "--as-of '" + asOf + "' is not a date (yyyy-mm-dd)", e);
        }
    }
}
