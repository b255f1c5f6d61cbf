package io.github.nps4j.core.csv;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link io.github.nps4j.core.Portfolio} from the CSV files of the nps4j command-line contract:
 * {@code responses.csv} and, optionally, {@code accounts.csv}, {@code contacts.csv} and {@code invitations.csv}.
 * The package documentation lists their columns and rules.
 *
 * <p>In {@link Mode#STRICT strict} mode (the default) the first bad row throws a {@link CsvFormatException} naming
 * the file, line, field, value and reason; in {@link Mode#LENIENT lenient} mode bad rows are skipped and listed in
 * {@link ReadResult#errors()}. Problems with a whole file (a required column missing, malformed quoting, text that is
 * not UTF-8) throw in both modes.
 *
 * <p>Immutable and thread-safe; every {@code read} call is independent. Example usage:
 * <pre>{@code
 * PortfolioReader reader = PortfolioReader.builder()
 *         .mode(PortfolioReader.Mode.LENIENT)
 *         .columnMapping(ColumnMapping.parse("score=Q1_NPS,account_id=ExternalReference"))
 *         .build();
 * ReadResult result = reader.read(Path.of("responses.csv"), Path.of("accounts.csv"), Path.of("contacts.csv"), null);
 * result.errors().forEach(e -> System.err.println(e.message()));
 * Portfolio portfolio = result.portfolio();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PortfolioReader {

    /** What to do with a bad row. */
    public enum Mode {
        /** Throw a {@link CsvFormatException} at the first bad row. */
        STRICT,
        /** Skip bad rows and report each of them in {@link ReadResult#errors()}. */
        LENIENT
    }

    private final ReadOptions options;

    private PortfolioReader(ReadOptions options) {
        this.options = options;
    }

    /**
     * Returns a reader of the given options (preset, mapping, delimiter, charset, date and number formats, role and
     * tier aliases, mode).
     *
     * @param options how to read the export
     * @return the reader
     */
    public static PortfolioReader of(ReadOptions options) {
        return new PortfolioReader(Objects.requireNonNull(options, "options"));
    }

    /**
     * Returns how this reader reads.
     *
     * @return the options
     */
    public ReadOptions options() {
        return options;
    }

    /**
     * Starts a builder.
     *
     * @return a builder for a strict reader without column mapping
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the mode.
     *
     * @return strict or lenient
     */
    public Mode mode() {
        return options.mode();
    }

    /**
     * Returns the column mapping.
     *
     * @return the mapping applied to every file
     */
    public ColumnMapping columnMapping() {
        return options.columnMapping();
    }

    /**
     * Reads the files at the given paths in the options' charset (UTF-8 by default). Files that are {@code null} are not read: without
     * {@code accounts.csv} the portfolio has no accounts and account ids are not checked, and so on.
     *
     * @param responses {@code responses.csv}
     * @param accounts {@code accounts.csv}, or {@code null}
     * @param contacts {@code contacts.csv}, or {@code null}
     * @param invitations {@code invitations.csv}, or {@code null}
     * @return the portfolio and, in lenient mode, the skipped rows
     * @throws CsvFormatException in strict mode at the first bad row; in both modes when a file has no header, lacks
     *         a required column, is malformed CSV or is not UTF-8
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public ReadResult read(Path responses, @Nullable Path accounts, @Nullable Path contacts,
            @Nullable Path invitations) {
        Objects.requireNonNull(responses, "responses");
        return read(CsvSource.of(responses), accounts == null ? null : CsvSource.of(accounts),
                contacts == null ? null : CsvSource.of(contacts),
                invitations == null ? null : CsvSource.of(invitations));
    }

    /**
     * Reads the given sources, e.g. {@link CsvSource#of(String, java.io.Reader)} for streams. Sources that are
     * {@code null} are not read, as in {@link #read(Path, Path, Path, Path)}.
     *
     * @param responses {@code responses.csv}
     * @param accounts {@code accounts.csv}, or {@code null}
     * @param contacts {@code contacts.csv}, or {@code null}
     * @param invitations {@code invitations.csv}, or {@code null}
     * @return the portfolio and, in lenient mode, the skipped rows
     * @throws CsvFormatException as {@link #read(Path, Path, Path, Path)}
     * @throws java.io.UncheckedIOException if a source cannot be read
     */
    public ReadResult read(CsvSource responses, @Nullable CsvSource accounts, @Nullable CsvSource contacts,
            @Nullable CsvSource invitations) {
        Objects.requireNonNull(responses, "responses");
        // FastRecords: the tokenizer of nps score's streaming path, tested to give Commons CSV's records, lines and
        // errors (FastRecordsTest), at a fraction of its cost per row
        return new ReadSession(options).fastTokenizer().read(responses, accounts, contacts, invitations);
    }

    /**
     * Describes the reader's configuration.
     *
     * @return e.g. {@code PortfolioReader[ReadOptions[mode=STRICT, columns={score=Q1_NPS}, ...]]}
     */
    @Override
    public String toString() {
        return "PortfolioReader[" + options + "]";
    }

    /** A builder of {@link PortfolioReader}; not thread-safe. */
    public static final class Builder {
        private ReadOptions.Builder options = ReadOptions.builder();

        private Builder() {
        }

        /**
         * Sets what to do with bad rows.
         *
         * @param mode strict (the default) or lenient
         * @return this builder
         */
        public Builder mode(Mode mode) {
            options.mode(mode);
            return this;
        }

        /**
         * Sets the column mapping (see {@link ColumnMapping} for which file each entry maps).
         *
         * @param mapping nps4j's column names → the export's (default: {@link ColumnMapping#none()})
         * @return this builder
         */
        public Builder columnMapping(ColumnMapping mapping) {
            options.columnMapping(mapping);
            return this;
        }

        /**
         * Replaces the whole configuration (mode and mapping included).
         *
         * @param readOptions how to read the export
         * @return this builder
         */
        public Builder options(ReadOptions readOptions) {
            options = Objects.requireNonNull(readOptions, "readOptions").toBuilder();
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         */
        public PortfolioReader build() {
            return new PortfolioReader(options.build());
        }
    }
}
