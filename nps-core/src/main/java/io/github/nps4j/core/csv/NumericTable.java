package io.github.nps4j.core.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Named numeric columns of any CSV with a header — a CRM or BI export for key-driver analysis — read with the same
 * {@link ReadOptions} as the portfolio files: the encoding, the delimiter (detected from the header by default), a
 * UTF-8 byte-order mark, CRLF and quoting, localised numbers ({@link ReadOptions#numberLocale()}: {@code 1.200,5}
 * with {@code de-DE}) and renamed columns ({@link ReadOptions#columnMapping()}: {@code table.<name>=<header>}, e.g.
 * {@code table.nps=Likelihood to recommend}). A blank cell is a missing value ({@code NaN}) unless its column must have values; anything else
 * that is not a finite decimal number ({@code NaN}, {@code Infinity}, hexadecimal, a number that overflows) is a
 * {@link CsvFormatException} naming the file, line, column and value, and so is a row of the wrong width.
 *
 * <p>Immutable and thread-safe; {@link #column} returns a copy. Example usage:
 * <pre>{@code
 * NumericTable t = NumericTable.read(Path.of("accounts-export.csv"),
 *         ReadOptions.builder().numberLocale(Locale.GERMANY).build(),
 *         List.of("nps", "support", "price"), List.of());
 * double[] support = t.column("support");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class NumericTable {
    private final List<String> columns;
    private final double[][] values;
    private final long[] lines;

    private NumericTable(List<String> columns, double[][] values, long[] lines) {
        this.columns = columns;
        this.values = values;
        this.lines = lines;
    }

    /**
     * Reads the named columns of a file.
     *
     * @param file the CSV file
     * @param options how to read it
     * @param columns the columns to read, at least one, each once
     * @param notBlank those of the columns that must have a value in every row (e.g. weights)
     * @return the table
     * @throws CsvFormatException naming the file, line, column and value for a missing column, a bad cell, a blank
     *         cell in a {@code notBlank} column, a row of the wrong width or malformed CSV
     * @throws IllegalArgumentException if no column is named, a column is named twice, or {@code notBlank} names a
     *         column that is not read
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static NumericTable read(Path file, ReadOptions options, List<String> columns,
            Collection<String> notBlank) {
        return read(CsvSource.of(Objects.requireNonNull(file, "file")), options, columns, notBlank);
    }

    /**
     * Reads the named columns of a source.
     *
     * @param source the CSV source
     * @param options how to read it
     * @param columns the columns to read, at least one, each once
     * @param notBlank those of the columns that must have a value in every row
     * @return the table
     * @throws CsvFormatException as {@link #read(Path, ReadOptions, List, Collection)}
     * @throws IllegalArgumentException as {@link #read(Path, ReadOptions, List, Collection)}
     */
    public static NumericTable read(CsvSource source, ReadOptions options, List<String> columns,
            Collection<String> notBlank) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        List<String> names = List.copyOf(columns);
        Set<String> required = Set.copyOf(notBlank);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no column to read");
        }
        if (new LinkedHashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("a column is named twice: " + names);
        }
        for (String r : required) {
            if (!names.contains(r)) {
                throw new IllegalArgumentException("column '" + r + "' must have values but is not read: " + names);
            }
        }
        Fields fields = new Fields(options);
        try (CsvFile f = CsvFile.fast(source, options, ReadOptions.FileKind.TABLE)) {
            int[] index = f.required(names.toArray(new String[0]));
            boolean[] mustHave = new boolean[names.size()];
            for (int j = 0; j < mustHave.length; j++) {
                mustHave[j] = required.contains(names.get(j));
            }
            int n = 0;
            double[][] values = new double[names.size()][1024];
            long[] lines = new long[1024];
            while (f.next()) {
                String problem = f.widthProblem();
                if (problem != null) {
                    throw new CsvFormatException(new RowError(f.name(), f.line(), "", "", problem));
                }
                if (n == lines.length) {
                    int cap = n + (n >> 1);
                    lines = Arrays.copyOf(lines, cap);
                    for (int j = 0; j < values.length; j++) {
                        values[j] = Arrays.copyOf(values[j], cap);
                    }
                }
                for (int j = 0; j < index.length; j++) {
                    String text = f.get(index[j]).strip();
                    if (text.isEmpty()) {
                        if (mustHave[j]) {
                            throw new CsvFormatException(new RowError(f.name(), f.line(), names.get(j), "",
                                    "is blank; this column needs a number in every row"));
                        }
                        values[j][n] = Double.NaN;
                        continue;
                    }
                    try {
                        values[j][n] = fields.number(text);
                    } catch (IllegalArgumentException e) {
                        throw new CsvFormatException(new RowError(f.name(), f.line(), names.get(j), text,
                                e.getMessage()));
                    }
                }
                lines[n++] = f.line();
            }
            for (int j = 0; j < values.length; j++) {
                values[j] = Arrays.copyOf(values[j], n);
            }
            return new NumericTable(names, values, Arrays.copyOf(lines, n));
        }
    }

    /**
     * Returns the columns read, in the order asked for.
     *
     * @return the column names
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * Returns the number of data rows (blank lines are not rows).
     *
     * @return the row count
     */
    public int rowCount() {
        return lines.length;
    }

    /**
     * Returns a column's values, {@code NaN} where the cell was blank.
     *
     * @param name a column read
     * @return a copy of its values, one per row
     * @throws IllegalArgumentException if the column was not read
     */
    public double[] column(String name) {
        int j = columns.indexOf(Objects.requireNonNull(name, "name"));
        if (j < 0) {
            throw new IllegalArgumentException("column '" + name + "' was not read; read: " + columns);
        }
        return values[j].clone();
    }

    /**
     * Returns the physical line on which a row starts, for messages about it.
     *
     * @param row a row index, 0 to {@code rowCount() - 1}
     * @return its line in the file
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    public long line(int row) {
        return lines[Objects.checkIndex(row, lines.length)];
    }

    /**
     * Describes the table without its values.
     *
     * @return e.g. {@code NumericTable[3 columns [nps, support, price], 120 rows]}
     */
    @Override
    public String toString() {
        return "NumericTable[" + columns.size() + " columns " + new ArrayList<>(columns) + ", " + rowCount() + " rows]";
    }
}
