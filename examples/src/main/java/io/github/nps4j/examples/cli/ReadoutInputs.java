package io.github.nps4j.examples.cli;

import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.readout.PortfolioReadout;
import io.github.nps4j.readout.Readout;
import io.github.nps4j.readout.ReadoutOptions;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import io.github.nps4j.core.themes.Codebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import io.github.nps4j.core.csv.ImportReport;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The inputs of {@code demo} and {@code report}: the embedded synthetic portfolio, or the user's CSV files. */
final class ReadoutInputs {
    @Option(names = "--responses", paramLabel = "FILE",
            description = "responses.csv (without it, an embedded seeded synthetic portfolio is used)")
    Path responses;

    @Option(names = "--accounts", paramLabel = "FILE", description = "accounts.csv")
    Path accounts;

    @Option(names = "--contacts", paramLabel = "FILE", description = "contacts.csv")
    Path contacts;

    @Option(names = "--invitations", paramLabel = "FILE", description = "invitations.csv")
    Path invitations;

    @Mixin
    ImportOptions imports = new ImportOptions();

    @Option(names = "--codebook", paramLabel = "FILE",
            description = "codebook.csv for the comment themes: columns theme,pattern; a pattern is phrases separated "
                    + "by |, matched case-insensitively on whole words (default: the built-in B2B codebook; "
                    + "--no-themes to leave themes out).")
    Path codebook;

    @Option(names = "--no-themes", description = "Leave the comment themes out (no codebook).")
    boolean noThemes;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Seed of the synthetic portfolio (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The day of the readout (default: the synthetic portfolio's last day, or the latest answer "
                    + "in your file).")
    String asOf;

    /** A readout with the description of where its data came from. */
    record Loaded(Readout readout, String source, Optional<ImportReport> report) {
    }

    /**
     * Loads the data and computes the readout.
     *
     * @param cl the command line, for usage errors
     * @param top how many accounts at risk, follow-ups and invitations to list
     */
    Loaded readout(CommandLine cl, int topAccounts, int topFollowUps, int topInvitations) {
        if (codebook != null && noThemes) {
            throw new CommandLine.ParameterException(cl, "--codebook and --no-themes exclude each other");
        }
        Optional<Codebook> book = Optional.empty();
        if (codebook != null) {
            if (!Files.isRegularFile(codebook)) {
                throw new IllegalArgumentException(codebook + ": no such file");
            }
            book = Optional.of(Codebook.read(codebook));
        }
        if (responses == null) {
            if (accounts != null || contacts != null || invitations != null) {
                throw new CommandLine.ParameterException(cl, "--accounts, --contacts and --invitations need "
                        + "--responses");
            }
            SyntheticPortfolio p = SyntheticPortfolio.builder().seed(seed).build();
            LocalDate day = asOf == null ? p.truth().asOf() : parse(cl);
            return new Loaded(PortfolioReadout.of(p.portfolio(), options(day, topAccounts, topFollowUps,
                    topInvitations, book)), "synthetic B2B portfolio, seed " + seed + ": " + p.accounts().size()
                    + " accounts, " + p.contacts().size() + " contacts, " + p.responses().size() + " answers",
                    Optional.empty());
        }
        Inputs in = new Inputs();
        in.responses = responses;
        in.accounts = accounts;
        in.contacts = contacts;
        in.invitations = invitations;
        in.imports = imports;
        Portfolio p = in.load(cl);
        if (p.responses().isEmpty()) {
            throw new IllegalArgumentException(responses + ": no responses to report on");
        }
        LocalDate day = asOf != null ? parse(cl)
                : p.responses().stream().map(Response::answeredOn).max(Comparator.naturalOrder()).orElseThrow();
        return new Loaded(PortfolioReadout.of(p, options(day, topAccounts, topFollowUps, topInvitations, book)),
                responses + ": " + p.accounts().size() + " accounts, " + p.contacts().size() + " contacts, "
                        + p.responses().size() + " answers", Optional.of(in.report()));
    }

    private ReadoutOptions options(LocalDate day, int topAccounts, int topFollowUps, int topInvitations,
            Optional<Codebook> book) {
        ReadoutOptions.Builder b = ReadoutOptions.builder(day).topAccountsAtRisk(topAccounts)
                .topFollowUps(topFollowUps).topInvitations(topInvitations);
        if (noThemes) {
            b.noCodebook();
        } else if (book.isPresent()) {
            // the rules name the file, never its local path (they are shown on shared pages)
            b.codebook(book.get(), String.valueOf(codebook.getFileName()));
        }
        return b.build();
    }

    private LocalDate parse(CommandLine cl) {
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(cl, "--as-of '" + asOf + "' is not a date (yyyy-mm-dd)", e);
        }
    }
}
