package io.github.nps4j.examples.cli;

import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.examples.report.Readout;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The inputs of {@code demo} and {@code report}: the embedded synthetic portfolio, or the user's CSV files. */
final class ReadoutOptions {
    @Option(names = "--responses", paramLabel = "FILE",
            description = "responses.csv (without it, an embedded seeded synthetic portfolio is used)")
    Path responses;

    @Option(names = "--accounts", paramLabel = "FILE", description = "accounts.csv")
    Path accounts;

    @Option(names = "--contacts", paramLabel = "FILE", description = "contacts.csv")
    Path contacts;

    @Option(names = "--invitations", paramLabel = "FILE", description = "invitations.csv")
    Path invitations;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Seed of the synthetic portfolio (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The day of the readout (default: the synthetic portfolio's last day, or the latest answer "
                    + "in your file).")
    String asOf;

    Readout readout(CommandLine cl) {
        if (responses == null) {
            if (accounts != null || contacts != null || invitations != null) {
                throw new CommandLine.ParameterException(cl, "--accounts, --contacts and --invitations need "
                        + "--responses");
            }
            SyntheticPortfolio p = SyntheticPortfolio.builder().seed(seed).build();
            LocalDate day = asOf == null ? p.truth().asOf() : parse(cl);
            return Readout.of(p.portfolio(), day, "synthetic B2B portfolio, seed " + seed + ": " + p.accounts().size()
                    + " accounts, " + p.contacts().size() + " contacts, " + p.responses().size() + " answers");
        }
        Inputs in = new Inputs();
        in.responses = responses;
        in.accounts = accounts;
        in.contacts = contacts;
        in.invitations = invitations;
        Portfolio p = in.load(cl);
        if (p.responses().isEmpty()) {
            throw new IllegalArgumentException(responses + ": no responses to report on");
        }
        LocalDate day = asOf != null ? parse(cl)
                : p.responses().stream().map(Response::answeredOn).max(Comparator.naturalOrder()).orElseThrow();
        return Readout.of(p, day, responses + ": " + p.accounts().size() + " accounts, " + p.contacts().size()
                + " contacts, " + p.responses().size() + " answers");
    }

    private LocalDate parse(CommandLine cl) {
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(cl, "--as-of '" + asOf + "' is not a date (yyyy-mm-dd)", e);
        }
    }
}
