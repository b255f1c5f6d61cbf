package io.github.nps4j.examples.cli;

import io.github.nps4j.examples.report.Money;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --currency CODE} of {@code demo} and {@code report}: the ISO 4217 currency of the annual values in the data.
 * Without it amounts are plain numbers and the output says their unit is the data's own: nps4j never guesses a
 * currency.
 */
final class CurrencyOption {
    @Option(names = "--currency", paramLabel = "CODE",
            description = "ISO 4217 currency of the annual values, e.g. EUR: amounts are written 'EUR 1,250,000' "
                    + "(default: none; amounts are plain numbers in the data's own unit, and the output says so).")
    String code;

    /** The setting, or a usage error (exit 2) naming the bad code. */
    Money money(CommandLine cl) {
        if (code == null) {
            return Money.PLAIN;
        }
        try {
            return Money.of(code);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--currency " + e.getMessage());
        }
    }
}
