package io.github.nps4j.core.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where one CSV file comes from: a path (read as UTF-8, opened and closed by the reader) or a caller's
 * {@link Reader} (read to its end but <em>not</em> closed), together with the name errors will use for it.
 *
 * <p>A source made from a {@code Reader} can be read once. Example usage:
 * <pre>{@code
 * CsvSource responses = CsvSource.of(Path.of("export/responses.csv"));
 * CsvSource upload = CsvSource.of("upload.csv", new InputStreamReader(in, StandardCharsets.UTF_8));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CsvSource {
    private final String name;
    private final @Nullable Path path;
    private final @Nullable Reader reader;

    private CsvSource(String name, @Nullable Path path, @Nullable Reader reader) {
        this.name = name;
        this.path = path;
        this.reader = reader;
    }

    /**
     * Returns a source reading a file as UTF-8, or in the charset of the {@link ReadOptions} it is read with (a
     * leading byte-order mark is skipped; bytes that are not valid in the charset are an error). Errors name the file by {@code path.toString()}.
     *
     * @param path the file
     * @return the source
     */
    public static CsvSource of(Path path) {
        Objects.requireNonNull(path, "path");
        return new CsvSource(path.toString(), path, null);
    }

    /**
     * Returns a source reading characters from a caller's reader, which is not closed afterwards. A leading
     * byte-order mark ({@code U+FEFF}) is skipped.
     *
     * @param name the name errors use for this source, e.g. {@code responses.csv}
     * @param reader the characters
     * @return the source
     * @throws IllegalArgumentException if the name is blank
     */
    public static CsvSource of(String name, Reader reader) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
        if (name.isBlank()) {
            throw new IllegalArgumentException("source name is blank");
        }
        return new CsvSource(name, null, reader);
    }

    /**
     * Returns the name errors use for this source.
     *
     * @return the file name or the name given
     */
    public String name() {
        return name;
    }

    /** Opens the characters as UTF-8; the caller closes the result only if {@link #ownsReader()}. */
    Reader open() throws IOException {
        return open(StandardCharsets.UTF_8);
    }

    /**
     * Opens the characters, decoding a file in the given charset (malformed bytes are an error); a caller's reader
     * is already characters. The caller closes the result only if {@link #ownsReader()}.
     */
    Reader open(java.nio.charset.Charset charset) throws IOException {
        if (path != null) {
            return Files.newBufferedReader(path, charset);
        }
        return Objects.requireNonNull(reader);
    }

    /** The file, for sources made from a path. */
    @Nullable Path path() {
        return path;
    }

    /** Whether {@link #open()} returns a reader this library opened and must close. */
    boolean ownsReader() {
        return path != null;
    }

    /**
     * Describes the source by its name.
     *
     * @return the name
     */
    @Override
    public String toString() {
        return name;
    }
}
