package io.github.nps4j.core.csv;

import io.github.nps4j.core.Portfolio;
import java.util.List;
import java.util.Objects;

/**
 * What {@link PortfolioReader#read} produced: the portfolio of the rows that were accepted and, in
 * {@link PortfolioReader.Mode#LENIENT lenient} mode, the rows that were skipped and why.
 *
 * <p>Errors are grouped by file in reading order (accounts, contacts, responses, invitations) and in line order
 * within a file, one error per skipped row. In strict mode the list is always empty: the first bad row throws.
 *
 * <p>Value-based and immutable.
 *
 * @param portfolio the accounts, contacts, responses (roles filled in from the contacts) and invitations read
 * <p>{@link #report()} tells what was read with a doubt or left out beside bad rows: responses with a blank score
 * (skipped questions), roles and tiers that map to nothing known, and the consequences of skipped rows. Show it
 * wherever the figures are shown.
 *
 * @param errors the skipped rows, in file order
 * @param report blank scores, unknown roles and tiers, notes
 * @since 0.1.0
 */
public record ReadResult(Portfolio portfolio, List<RowError> errors, ImportReport report) {

    /** Copies the error list. */
    public ReadResult {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(report, "report");
        errors = List.copyOf(errors);
    }

    /**
     * Returns a result with an empty report.
     *
     * @param portfolio the portfolio
     * @param errors the skipped rows
     */
    public ReadResult(Portfolio portfolio, List<RowError> errors) {
        this(portfolio, errors, ImportReport.empty());
    }

    /**
     * Tells whether every row was accepted.
     *
     * @return {@code true} when no row was skipped
     */
    public boolean isClean() {
        return errors.isEmpty();
    }
}
