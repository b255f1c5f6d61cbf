package io.github.nps4j.examples.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --as-of DATE} option of the account-map commands. */
final class AsOf {
    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The day to evaluate on, ISO yyyy-mm-dd (default: today).")
    String asOf;

    LocalDate date(CommandLine cl) {
        if (asOf == null) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(cl, "--as-of '" + asOf + "' is not a date (yyyy-mm-dd)", e);
        }
    }
}
