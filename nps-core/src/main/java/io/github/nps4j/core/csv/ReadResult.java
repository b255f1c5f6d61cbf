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
 * @param errors the skipped rows, in file order
 * @since 0.1.0
 */
public record ReadResult(Portfolio portfolio, List<RowError> errors) {

    /** Copies the error list. */
    public ReadResult {
        Objects.requireNonNull(portfolio, "portfolio");
        errors = List.copyOf(errors);
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
