package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.csv.ImportReport;
import io.github.nps4j.core.csv.PortfolioReader;
import io.github.nps4j.core.csv.ReadOptions;
import io.github.nps4j.core.csv.ReadResult;
import io.github.nps4j.core.csv.RowError;
import io.github.nps4j.core.csv.StreamingScorer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
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

    @CommandLine.Mixin
    ImportOptions imports = new ImportOptions();

    /** What the last {@link #load} or {@link #stream} left out or read with a doubt. */
    private ImportReport report = ImportReport.empty();

    /**
     * Reads the files. Missing files are bad input (exit 1); in lenient mode bad rows are listed on standard error.
     */
    Portfolio load(CommandLine cl) {
        ReadOptions options = imports.readOptions(cl);
        for (Path p : new Path[] {responses, accounts, contacts, invitations}) {
            if (p != null && !Files.isRegularFile(p)) {
                throw new IllegalArgumentException(p + ": no such file");
            }
        }
        ReadResult result = PortfolioReader.of(options).read(responses, accounts, contacts, invitations);
        PrintWriter err = cl.getErr();
        printSkipped(err, result.errors());
        report = result.report();
        ImportOptions.warn(err, report);
        return result.portfolio();
    }

    /**
     * Scores {@code --responses} (with {@code --accounts} and {@code --contacts}) with the streaming scorer, which
     * checks every row as {@link #load} does but keeps per-account totals instead of the answers: strictly, or in
     * lenient mode a first pass finds the bad rows as the lenient reader does (listed on standard error) and the
     * second scores the others. Missing files are bad input (exit 1); {@code --threads} below 1 a usage error.
     *
     * @param threads the most threads to read with, or null for the scorer's default
     */
    StreamingScorer.Result stream(CommandLine cl, ScoringSpec spec, @Nullable Integer threads) {
        StreamingScorer scorer = StreamingScorer.of(spec).withReadOptions(imports.readOptions(cl));
        if (threads != null) {
            if (threads < 1) {
                throw new CommandLine.ParameterException(cl, "--threads must be at least 1: " + threads);
            }
            scorer = scorer.withThreads(threads);
        }
        for (Path f : new Path[] {responses, accounts, contacts}) {
            if (f != null && !Files.isRegularFile(f)) {
                throw new IllegalArgumentException(f + ": no such file");
            }
        }
        StreamingScorer.Result scored;
        if (imports.lenient) {
            StreamingScorer.LenientResult lenient = scorer.scoreLeniently(responses, accounts, contacts);
            printSkipped(cl.getErr(), lenient.errors());
            scored = lenient.result();
        } else {
            scored = scorer.scoreWithReport(responses, accounts, contacts);
        }
        report = scored.report();
        ImportOptions.warn(cl.getErr(), report);
        return scored;
    }

    /** Lists the rows a lenient read left out on standard error (nothing when there are none). */
    static void printSkipped(PrintWriter err, java.util.List<RowError> errors) {
        if (!errors.isEmpty()) {
            err.println("nps: skipped " + errors.size() + " bad row(s):");
            for (RowError e : errors) {
                err.println("  " + e.message());
            }
        }
    }

    /** What the last {@link #load} left out or read with a doubt. */
    ImportReport report() {
        return report;
    }

    /** {@link ImportOptions#annotate} with this input's report. */
    ObjectNode annotate(ObjectNode root) {
        return ImportOptions.annotate(root, report);
    }

    /** {@link ImportOptions#printNotes} with this input's report. */
    void printNotes(PrintWriter out) {
        ImportOptions.printNotes(out, report);
    }
}
