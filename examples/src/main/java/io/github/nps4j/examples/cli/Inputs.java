package io.github.nps4j.examples.cli;

import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.csv.ColumnMapping;
import io.github.nps4j.core.csv.PortfolioReader;
import io.github.nps4j.core.csv.ReadResult;
import io.github.nps4j.core.csv.RowError;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The input-file options shared by every command that reads a CSV export. */
final class Inputs {
    @Option(names = "--responses", required = true, paramLabel = "FILE", description = "responses.csv")
    Path responses;

    @Option(names = "--accounts", paramLabel = "FILE", description = "accounts.csv (tiers, parents, values, owners)")
    Path accounts;

    @Option(names = "--contacts", paramLabel = "FILE", description = "contacts.csv (roles of contacts)")
    Path contacts;

    @Option(names = "--invitations", paramLabel = "FILE", description = "invitations.csv")
    Path invitations;

    @Option(names = "--columns", paramLabel = "OURS=THEIRS,...",
            description = "Column mapping for exports with other column names, e.g. score=Q1_NPS,account_id=ExternalReference")
    String columns;

    @Option(names = "--lenient",
            description = "Skip bad rows and report them on standard error instead of stopping at the first one.")
    boolean lenient;

    /**
     * Reads the files. Missing files are bad input (exit 1); in lenient mode bad rows are listed on standard error.
     */
    Portfolio load(CommandLine cl) {
        ColumnMapping mapping;
        try {
            mapping = columns == null ? ColumnMapping.none() : ColumnMapping.parse(columns);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--columns: " + e.getMessage(), e);
        }
        for (Path p : new Path[] {responses, accounts, contacts, invitations}) {
            if (p != null && !Files.isRegularFile(p)) {
                throw new IllegalArgumentException(p + ": no such file");
            }
        }
        PortfolioReader reader = PortfolioReader.builder()
                .mode(lenient ? PortfolioReader.Mode.LENIENT : PortfolioReader.Mode.STRICT)
                .columnMapping(mapping).build();
        ReadResult result = reader.read(responses, accounts, contacts, invitations);
        if (!result.errors().isEmpty()) {
            PrintWriter err = cl.getErr();
            err.println("nps: skipped " + result.errors().size() + " bad row(s):");
            for (RowError e : result.errors()) {
                err.println("  " + e.message());
            }
            err.flush();
        }
        return result.portfolio();
    }
}
