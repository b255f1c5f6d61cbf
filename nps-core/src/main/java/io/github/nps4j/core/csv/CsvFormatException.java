package io.github.nps4j.core.csv;

import java.util.Objects;

/**
 * Thrown when a CSV file cannot be imported: in {@link PortfolioReader.Mode#STRICT strict} mode at the first bad row,
 * and in both modes when the file itself is unusable (no header row, a required column missing, malformed quoting,
 * text that is not UTF-8).
 *
 * <p>The message names the file, the physical line, the field, the value and the reason (never the text of a
 * comment); {@link #error()} exposes them one by one.
 *
 * @since 0.1.0
 */
public class CsvFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final RowError error;

    /**
     * Creates the exception.
     *
     * @param error what is wrong and where
     */
    public CsvFormatException(RowError error) {
        super(Objects.requireNonNull(error, "error").message());
        this.error = error;
    }

    /**
     * Creates the exception with a cause.
     *
     * @param error what is wrong and where
     * @param cause the underlying exception
     */
    public CsvFormatException(RowError error, Throwable cause) {
        super(Objects.requireNonNull(error, "error").message(), cause);
        this.error = error;
    }

    /**
     * Returns what is wrong and where.
     *
     * @return the file, line, field, value and reason
     */
    public RowError error() {
        return error;
    }
}
