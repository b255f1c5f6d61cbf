package io.github.nps4j.core.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import io.github.nps4j.core.internal.StringIndex;
import org.jspecify.annotations.Nullable;

/**
 * One CSV file being read: its header, resolved once to column indexes, and an iterator over its non-blank records
 * that knows the physical line on which each record starts.
 */
final class CsvFile implements Closeable {
    /** RFC 4180 without header handling (the header is resolved here) and with blank lines kept, so lines count. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(false)
            .setTrim(false)
            .get();
    private static final char BOM = '\uFEFF';

    /** An attribute or segment column: its name without prefix and its index. */
    record Extra(String name, String column, int index) {
    }

    private final CsvSource source;
    private final Reader reader;
    private final @Nullable CSVParser parser;
    private final @Nullable Iterator<CSVRecord> records;
    /** The fast tokenizer, when this file was opened with {@link #fast}; then {@link #parser} is null. */
    private final @Nullable FastRecords fast;
    /** The byte tokenizer, when this file was opened with {@link #fast} from a path in a byte-readable charset. */
    private final @Nullable FastBytes bytes;
    private final @Nullable FileChannel channel;
    private final Map<String, Integer> header = new HashMap<>();
    private final Set<String> duplicateHeaders = new HashSet<>();
    private final List<String> headerNames = new ArrayList<>();
    private final ReadOptions options;
    private final ReadOptions.FileKind kind;
    private final ColumnMapping mapping;
    private final char delimiter;
    /** Whether {@link #next()} should return the current record again (a preset row that was not one). */
    private boolean replay;
    private long line;
    /** The physical line of the header row. */
    private long headerLine = 1;
    private @Nullable CSVRecord current;
    private boolean fastHasCurrent;

    CsvFile(CsvSource source, ReadOptions options, ReadOptions.FileKind kind) {
        this(source, options, kind, false);
    }

    /**
     * Opens a file for the streaming hot path: the same header handling, blank-line skipping, line numbers and
     * errors, with {@link FastRecords} instead of Commons CSV as the tokenizer.
     */
    static CsvFile fast(CsvSource source, ReadOptions options, ReadOptions.FileKind kind) {
        return new CsvFile(source, options, kind, true, true);
    }

    /** {@link #fast} on characters even where bytes could be read (for tests comparing both). */
    static CsvFile fastChars(CsvSource source, ReadOptions options, ReadOptions.FileKind kind) {
        return new CsvFile(source, options, kind, true, false);
    }

    /** Whether {@link #fast} reads a source's bytes ({@link FastBytes}) rather than its characters. */
    static boolean readsBytes(CsvSource source, ReadOptions options) {
        return source.path() != null && FastBytes.supports(options.charset())
                && options.delimiter().map(c -> c < 0x80).orElse(true);
    }

    private CsvFile(CsvSource source, ReadOptions options, ReadOptions.FileKind kind, boolean fastTokenizer) {
        this(source, options, kind, fastTokenizer, false);
    }

    private CsvFile(CsvSource source, ReadOptions options, ReadOptions.FileKind kind, boolean fastTokenizer,
            boolean bytesIfPossible) {
        this.source = source;
        this.options = options;
        this.kind = kind;
        this.mapping = options.columnMapping();
        Path path = source.path();
        boolean onBytes = fastTokenizer && bytesIfPossible && readsBytes(source, options);
        FileChannel ch = null;
        try {
            if (onBytes) {
                char d;
                if (options.delimiter().isPresent()) {
                    d = options.delimiter().get();
                } else {
                    // detected on the characters, exactly as the character path does
                    try (BufferedReader b = skipBom(source.open(options.charset()))) {
                        d = detectDelimiter(b);
                    }
                }
                this.delimiter = d;
                ch = FileChannel.open(Objects.requireNonNull(path), StandardOpenOption.READ);
                this.channel = ch;
                this.reader = Reader.nullReader();
                this.parser = null;
                this.records = null;
                this.fast = null;
                FastBytes fb = new FastBytes(FastBytes.Input.of(ch), d, options.charset());
                fb.skipUtf8Bom();
                this.bytes = fb;
            } else {
                this.channel = null;
                this.bytes = null;
                BufferedReader b = skipBom(source.open(options.charset()));
                this.reader = b;
                this.delimiter = options.delimiter().orElse(detectDelimiter(b));
                if (fastTokenizer) {
                    this.parser = null;
                    this.records = null;
                    this.fast = new FastRecords(reader, delimiter);
                } else {
                    this.parser = CSVParser.builder().setReader(reader)
                            .setFormat(FORMAT.builder().setDelimiter(delimiter).get()).get();
                    this.records = parser.iterator();
                    this.fast = null;
                }
            }
        } catch (CharacterCodingException e) {
            closeQuietly(ch, e);
            throw notUtf8(source, 1, e);
        } catch (IOException e) {
            closeQuietly(ch, e);
            throw new UncheckedIOException("cannot read " + source.name() + " (" + e + ")", e);
        }
        try {
            if (!next()) {
                throw fileError(1, "", "file is empty; expected a header row");
            }
            headerLine = line;
            for (int i = 0; i < size(); i++) {
                String name = get(i).strip();
                headerNames.add(name);
                if (header.putIfAbsent(name, i) != null) {
                    duplicateHeaders.add(name);
                }
            }
            skipPresetRows();
        } catch (RuntimeException e) {
            closeQuietly(channel, e); // the caller gets no file to close
            throw e;
        }
    }

    private static void closeQuietly(@Nullable FileChannel ch, Exception failure) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** A range of a file read on bytes, with the header of {@code whole} (which owns the channel). */
    private CsvFile(CsvFile whole, FastBytes range) {
        this.source = whole.source;
        this.options = whole.options;
        this.kind = whole.kind;
        this.mapping = whole.mapping;
        this.delimiter = whole.delimiter;
        this.reader = Reader.nullReader();
        this.parser = null;
        this.records = null;
        this.fast = null;
        this.channel = null;
        this.bytes = range;
        this.header.putAll(whole.header);
        this.duplicateHeaders.addAll(whole.duplicateHeaders);
        this.headerNames.addAll(whole.headerNames);
        this.headerLine = whole.headerLine;
    }

    /** Whether this file is read on bytes ({@link FastBytes}), so that it can be read in ranges. */
    boolean onBytes() {
        return bytes != null && channel != null;
    }

    /**
     * Opens a range of this file (read on bytes) for another thread: the records starting in {@code [from, stopAt)},
     * from {@code from} on, with lines numbered from {@code linesBefore}.
     */
    CsvFile range(long from, long stopAt, long linesBefore) {
        FileChannel ch = Objects.requireNonNull(channel, "not read on bytes");
        return new CsvFile(this, new FastBytes(FastBytes.Input.of(ch), delimiter, options.charset(), from, stopAt,
                linesBefore, FastBytes.DEFAULT_BUFFER));
    }

    /** On bytes: the offset where the next record starts. */
    long offset() {
        return Objects.requireNonNull(bytes).offset();
    }

    /** On bytes: the line breaks read so far. */
    long linesRead() {
        return Objects.requireNonNull(bytes).lines();
    }

    /** On bytes: reads no record starting at or after an offset. */
    void stopAt(long offset) {
        Objects.requireNonNull(bytes).stopAt(offset);
    }

    /** On bytes: the file's size. */
    long byteSize() {
        try {
            return Objects.requireNonNull(channel).size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name() + " (" + e + ")", e);
        }
    }

    /**
     * On bytes: the offset just after the first line feed at or after {@code at}, or the file's size if there is
     * none — a guess at a record start (the line feed may be inside quotes; the reader of the range before checks).
     */
    long lineStartAfter(long at) {
        FileChannel ch = Objects.requireNonNull(channel);
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        long p = at;
        try {
            while (true) {
                b.clear();
                int n = ch.read(b, p);
                if (n <= 0) {
                    return ch.size();
                }
                for (int i = 0; i < n; i++) {
                    if (b.get(i) == '\n') {
                        return p + i + 1;
                    }
                }
                p += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name() + " (" + e + ")", e);
        }
    }

    /** The rows a survey tool writes between its header and its answers. */
    private void skipPresetRows() {
        ReadOptions.Preset preset = options.preset().orElse(null);
        if (preset == null || kind != ReadOptions.FileKind.RESPONSES) {
            return;
        }
        // both tools: the row after the header (Qualtrics' question texts, SurveyMonkey's answer options)
        if (!next()) {
            return;
        }
        if (preset == ReadOptions.Preset.QUALTRICS && next()) {
            boolean importIds = false;
            for (int i = 0; i < size(); i++) {
                if (get(i).strip().startsWith("{\"ImportId\"")) {
                    importIds = true;
                    break;
                }
            }
            replay = !importIds;
        }
    }

    /**
     * Detects the delimiter from the header row: the most frequent of {@code ,}, {@code ;} and tab outside quotes
     * ({@code ,} on a tie or when there is none).
     */
    private static char detectDelimiter(BufferedReader b) throws IOException {
        int limit = 1 << 16;
        b.mark(limit);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        boolean content = false;
        for (int i = 0; i < limit; i++) {
            int c = b.read();
            if (c == -1) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (content) {
                    break;
                }
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
            if (c != '\n' && c != '\r' && !Character.isWhitespace(c)) {
                content = true;
            }
        }
        b.reset();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    private static BufferedReader skipBom(Reader r) throws IOException {
        BufferedReader b = r instanceof BufferedReader br ? br : new BufferedReader(r);
        b.mark(1);
        int c = b.read();
        if (c != BOM && c != -1) {
            b.reset();
        }
        return b;
    }

    String name() {
        return source.name();
    }

    /** The physical line on which the current record (the header, after construction) starts. */
    long line() {
        return line;
    }

    /**
     * Resolves columns that must be present, in the order given.
     *
     * @throws CsvFormatException naming the file, every missing column and the header, with the remedies
     */
    int[] required(String... columns) {
        int[] out = new int[columns.length];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            out[c] = optional(columns[c]);
            if (out[c] < 0) {
                List<String> names = options.candidates(kind, columns[c]);
                missing.add(names.size() == 1 ? "'" + columns[c] + "'"
                        : "'" + names.get(0) + "' (" + columns[c] + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw fileError(headerLine, String.join(",", missingNames(columns, out)), missingMessage(missing));
        }
        return out;
    }

    /** Resolves one column that must be present. */
    int required(String column) {
        return required(new String[] {column})[0];
    }

    private static List<String> missingNames(String[] columns, int[] found) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            if (found[c] < 0) {
                out.add(columns[c]);
            }
        }
        return out;
    }

    private String missingMessage(List<String> missing) {
        StringBuilder sb = new StringBuilder();
        if (headerNames.size() == 1) {
            String only = headerNames.get(0);
            for (char d : new char[] {';', ',', '\t'}) {
                if (d != delimiter && only.indexOf(d) >= 0) {
                    sb.append("the header looks ").append(d == '\t' ? "tab" : String.valueOf(d))
                            .append("-separated but was read with '").append(delimiter == '\t' ? "tab" : delimiter)
                            .append("' as the delimiter; pass --delimiter ")
                            .append(d == '\t' ? "tab" : "'" + d + "'").append(" (or leave the delimiter on auto). ");
                    break;
                }
            }
        }
        sb.append(missing.size() == 1 ? "missing column " : "missing columns ").append(String.join(", ", missing));
        if (looksLikeData()) {
            // The first line holds values, not names: echoing it could print a respondent's comment or name.
            sb.append("; the first line looks like a data row, not a header (it holds a date or a 0-10 score), so "
                    + "it is not shown: add a header row naming the columns");
        } else {
            List<String> shown = new ArrayList<>();
            for (String name : headerNames.size() <= 40 ? headerNames : headerNames.subList(0, 40)) {
                shown.add(name.length() <= 40 ? name : name.substring(0, 39) + "…");
            }
            sb.append("; the header has ").append(shown)
                    .append(headerNames.size() > 40 ? " and " + (headerNames.size() - 40) + " more" : "");
        }
        sb.append(". Map the export's names with --columns, e.g. --columns \"")
                .append(example(missing.size())).append("\"");
        if (options.preset().isEmpty() && kind == ReadOptions.FileKind.RESPONSES) {
            sb.append(", or read a survey tool's export with --preset qualtrics|surveymonkey");
        }
        return sb.toString();
    }

    /**
     * Tells whether the header row holds what data rows hold — an ISO date, or a lone 0–10 score, in some cell — so
     * that it is most likely the first data row of a file without a header.
     */
    private boolean looksLikeData() {
        for (String name : headerNames) {
            String v = name.strip();
            if (v.matches("\\d{4}-\\d{2}-\\d{2}.*") || v.matches("\\d{2}[./]\\d{2}[./]\\d{4}.*")
                    || v.matches("(10|[0-9])(\\.0+)?")) {
                return true;
            }
        }
        return false;
    }

    private String example(int n) {
        if (kind == ReadOptions.FileKind.TABLE) {
            return "table.nps=Likelihood to recommend" + (n > 1 ? ",table.support=Support rating" : "");
        }
        String prefix = kind == ReadOptions.FileKind.RESPONSES ? "" : kind.prefix();
        return prefix + "account_id=Account ID" + (n > 1 ? "," + prefix + "contact_id=Contact ID" : "");
    }

    /** Resolves a column that may be absent; returns -1 when absent. */
    int optional(String column) {
        for (String export : options.candidates(kind, column)) {
            if (duplicateHeaders.contains(export)) {
                throw fileError(headerLine, column, "column '" + export + "' appears more than once in the header");
            }
            Integer i = header.get(export);
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    /** The physical line of the header row. */
    long headerLine() {
        return headerLine;
    }

    /** The header's name of a column index. */
    String headerName(int index) {
        return headerNames.get(index);
    }

    /**
     * Resolves the open-ended columns with a prefix: mapped ones first ({@code attr:x=Q3} must be present), then
     * header columns with the prefix that no mapping entry points to.
     */
    List<Extra> extras(String prefix) {
        List<Extra> extras = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String full : mapping.columns().keySet()) {
            String key = full;
            if (key.startsWith(kind.prefix())) {
                key = key.substring(kind.prefix().length()).strip();
            }
            if (key.startsWith(prefix)) {
                add(extras, names, key.substring(prefix.length()).strip(), key, required(key));
            }
        }
        for (int i = 0; i < headerNames.size(); i++) {
            String h = headerNames.get(i);
            if (h.startsWith(prefix) && !mapping.isTarget(h)) {
                String name = h.substring(prefix.length()).strip();
                if (name.isEmpty()) {
                    throw fileError(headerLine, h, "column '" + h + "' lacks a name after '" + prefix + "'");
                }
                add(extras, names, name, prefix + name, i);
            }
        }
        return List.copyOf(extras);
    }

    private void add(List<Extra> extras, Set<String> names, String name, String column, int index) {
        if (!names.add(name)) {
            throw fileError(headerLine, column, "'" + column + "' comes from more than one column of the header");
        }
        extras.add(new Extra(name, column, index));
    }

    /**
     * Moves to the next non-blank record.
     *
     * @return false at the end of the file
     * @throws CsvFormatException on malformed CSV or text that is not UTF-8, whatever the mode
     * @throws UncheckedIOException on other read failures
     */
    boolean next() {
        if (replay) {
            replay = false;
            return true;
        }
        if (bytes != null) {
            return nextFast(bytes);
        }
        if (fast != null) {
            return nextFast(fast);
        }
        while (true) {
            long before = parser.getCurrentLineNumber();
            boolean has;
            try {
                has = records.hasNext();
            } catch (UncheckedIOException e) {
                IOException cause = e.getCause();
                if (cause instanceof CSVException) {
                    throw new CsvFormatException(
                            new RowError(name(), before + 1, "", "", "malformed CSV: " + cause.getMessage()), cause);
                }
                if (cause instanceof CharacterCodingException) {
                    throw notUtf8(source, before + 1, cause);
                }
                throw new UncheckedIOException("cannot read " + name() + " (" + cause + ")", cause);
            }
            if (!has) {
                current = null;
                return false;
            }
            CSVRecord r = records.next();
            line = before + 1;
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            current = r;
            return true;
        }
    }

    private boolean nextFast(FastTokenizer f) {
        while (true) {
            boolean has;
            try {
                has = f.advance();
            } catch (FastRecords.Malformed e) {
                throw new CsvFormatException(
                        new RowError(name(), f.lineBefore() + 1, "", "", "malformed CSV: " + e.getMessage()), e);
            } catch (CharacterCodingException e) {
                throw notUtf8(source, f.lineBefore() + 1, e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name() + " (" + e + ")", e);
            }
            if (!has) {
                fastHasCurrent = false;
                return false;
            }
            line = f.lineBefore() + 1;
            if (f.blankLine()) {
                continue;
            }
            fastHasCurrent = true;
            return true;
        }
    }

    /**
     * Why the current record is refused when its width is not the header's, in the words every reader of this
     * package uses (so the streaming scorer and the reader report the same), or null when the width is right.
     */
    @Nullable String widthProblem() {
        int n = size();
        return n == width() ? null
                : "row has " + n + " fields but the header has " + width() + " (an unquoted comma or quote?)";
    }

    /** Number of fields of the current record. */
    int size() {
        if (bytes != null) {
            requireCurrent();
            return bytes.size();
        }
        if (fast != null) {
            requireCurrent();
            return fast.size();
        }
        return current().size();
    }

    /** Number of columns of the header. */
    int width() {
        return headerNames.size();
    }

    /** The raw field at an index of the current record, or {@code ""} for index -1. */
    String get(int index) {
        if (index < 0) {
            return "";
        }
        if (bytes != null) {
            requireCurrent();
            return bytes.get(index);
        }
        if (fast != null) {
            requireCurrent();
            return fast.get(index);
        }
        return current().get(index);
    }

    /**
     * Looks a field's exact text up without building a string, on the fast path only: returns its code, or −1 when
     * it is absent from the index, empty, starts or ends with a space or control character, or the file is not read
     * with {@link #fast} — callers then take the string path, which strips and reports errors.
     */
    int lookup(StringIndex index, int col) {
        FastBytes fb = bytes;
        if (fb != null) {
            if (col < 0 || col >= fb.size()) {
                return -1;
            }
            int from = fb.start(col);
            int to = fb.end(col);
            byte[] a = fb.bytes();
            // a byte ≥ 0x80 is negative, so non-ASCII ends take the string path too
            if (to == from || a[from] <= ' ' || a[to - 1] <= ' ') {
                return -1;
            }
            return index.indexOfAscii(a, from, to);
        }
        FastRecords f = fast;
        if (f == null || col < 0 || col >= f.size()) {
            return -1;
        }
        int from = f.start(col);
        int to = f.end(col);
        char[] a = f.chars();
        if (to == from || a[from] <= ' ' || a[to - 1] <= ' ') {
            return -1;
        }
        return index.indexOf(a, from, to);
    }

    /**
     * Looks up a field whose text is plain ASCII — one or more bytes below 0x80, neither end a space or control
     * character, so that {@code get(col).strip()} is its bytes as they are — on the byte path only: its code, −1 when
     * the index lacks it, and −2 when the field is not plain or the file is not read as bytes (callers then take the
     * string path).
     */
    int asciiKey(StringIndex index, int col) {
        if (!plainAscii(col)) {
            return -2;
        }
        FastBytes fb = bytes;
        return index.indexOfAscii(fb.bytes(), fb.start(col), fb.end(col));
    }

    /**
     * Whether a field is plain ASCII on the byte path: one or more bytes below 0x80, neither end a space or control
     * character, so that {@code get(col).strip()} is {@code get(col)} and its characters are the bytes {@code
     * rawBytes()[start(col), end(col))}. False for any other field and when the file is not read as bytes.
     */
    boolean plainAscii(int col) {
        FastBytes fb = bytes;
        if (fb == null || col < 0 || col >= fb.size()) {
            return false;
        }
        byte[] a = fb.bytes();
        int from = fb.start(col);
        int to = fb.end(col);
        // a byte ≥ 0x80 is negative, so it fails the end checks and the loop
        if (to == from || a[from] <= ' ' || a[to - 1] <= ' ') {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            if (a[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** On the byte path, the buffer holding the current record (valid until {@link #next}); null otherwise. */
    byte @Nullable [] rawBytes() {
        FastBytes fb = bytes;
        return fb == null ? null : fb.bytes();
    }

    /** On the byte path, where a field of the current record starts in {@link #rawBytes()}. */
    int start(int col) {
        return Objects.requireNonNull(bytes).start(col);
    }

    /** On the byte path, where a field of the current record ends in {@link #rawBytes()} (exclusive). */
    int end(int col) {
        return Objects.requireNonNull(bytes).end(col);
    }

    /**
     * Which of a few ASCII spellings a field's exact text is, comparing the row's bytes (no string, no hashing): on
     * the byte path only, and −1 when the field is none of them (padded text included) or the file is not read as
     * bytes — callers then take the string path.
     *
     * @param spellings the spellings' ASCII bytes, {@code [0, n)} used
     * @param n how many are used
     * @param col the column
     * @param first the index to try first (e.g. the previous row's), or −1
     * @return the index of the spelling, or −1
     */
    int spellingOf(byte[][] spellings, int n, int col, int first) {
        FastBytes fb = bytes;
        if (fb == null || col < 0 || col >= fb.size() || n == 0) {
            return -1;
        }
        byte[] a = fb.bytes();
        int from = fb.start(col);
        int to = fb.end(col);
        if (first >= 0 && first < n && java.util.Arrays.equals(a, from, to, spellings[first], 0,
                spellings[first].length)) {
            return first;
        }
        for (int k = 0; k < n; k++) {
            if (java.util.Arrays.equals(a, from, to, spellings[k], 0, spellings[k].length)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether a field's exact text is the key of {@code code} in {@code index}, on the fast path only (false
     * otherwise, and for padded text — callers then take the string path).
     */
    boolean fieldIs(StringIndex index, int code, int col) {
        FastBytes fb = bytes;
        if (fb != null) {
            return col >= 0 && col < fb.size() && index.matchesAscii(code, fb.bytes(), fb.start(col), fb.end(col));
        }
        FastRecords f = fast;
        if (f == null || col < 0 || col >= f.size()) {
            return false;
        }
        return index.matches(code, f.chars(), f.start(col), f.end(col));
    }

    /**
     * A 64-bit hash of a field's stripped text ({@code get(col).strip()}), never 0, computed on the row's characters
     * on the fast path; equal texts have equal hashes ({@link #hash(CharSequence)} of the stripped string). A text
     * of 1–16 ASCII characters (most ids) is hashed from its packed words ({@link StringIndex#packedHash}), any
     * other by FNV-1a over its characters.
     */
    long strippedHash(int col) {
        FastBytes fb = bytes;
        if (fb != null) {
            byte[] a = fb.bytes();
            int from = fb.start(col);
            int to = fb.end(col);
            while (from < to && a[from] >= 0 && Character.isWhitespace(a[from])) {
                from++;
            }
            while (to > from && a[to - 1] >= 0 && Character.isWhitespace(a[to - 1])) {
                to--;
            }
            long packed = StringIndex.packedHash(a, from, to);
            if (packed != 0) {
                return packed;
            }
            long h = 0xcbf29ce484222325L;
            for (int i = from; i < to; i++) {
                byte b = a[i];
                if (b < 0) {
                    return hash(get(col).strip());
                }
                h = (h ^ b) * 0x100000001b3L;
            }
            return finish(h);
        }
        FastRecords f = fast;
        if (f == null) {
            return hash(get(col).strip());
        }
        char[] a = f.chars();
        int from = f.start(col);
        int to = f.end(col);
        while (from < to && Character.isWhitespace(a[from])) {
            from++;
        }
        while (to > from && Character.isWhitespace(a[to - 1])) {
            to--;
        }
        return hash(a, from, to);
    }

    /** The hash {@link #strippedHash} gives a field whose stripped text is {@code s}. */
    static long hash(CharSequence s) {
        char[] a = s.toString().toCharArray();
        return hash(a, 0, a.length);
    }

    private static long hash(char[] a, int from, int to) {
        long packed = StringIndex.packedHash(a, from, to);
        if (packed != 0) {
            return packed;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ a[i]) * 0x100000001b3L;
        }
        return finish(h);
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53e6b9L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /** Whether a field is blank (only whitespace), as {@code get(col).strip().isEmpty()}, without a string. */
    boolean isBlank(int col) {
        FastBytes fb = bytes;
        if (fb != null) {
            return col < 0 || fb.blank(col);
        }
        FastRecords f = fast;
        if (f == null) {
            return get(col).strip().isEmpty();
        }
        if (col < 0) {
            return true;
        }
        char[] a = f.chars();
        for (int i = f.start(col); i < f.end(col); i++) {
            if (!Character.isWhitespace(a[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * A field that is exactly one or two ASCII digits, as an int; −1 otherwise (or when not on the fast path).
     */
    int smallInt(int col) {
        FastBytes fb = bytes;
        if (fb != null) {
            if (col < 0) {
                return -1;
            }
            byte[] a = fb.bytes();
            int from = fb.start(col);
            int len = fb.end(col) - from;
            return len == 1 || len == 2 ? smallInt(len, a[from], len == 2 ? a[from + 1] : '0') : -1;
        }
        FastRecords f = fast;
        if (f == null || col < 0) {
            return -1;
        }
        char[] a = f.chars();
        int from = f.start(col);
        int len = f.end(col) - from;
        return len == 1 || len == 2 ? smallInt(len, a[from], len == 2 ? a[from + 1] : '0') : -1;
    }

    /** One or two characters (c1 unused for one) as a number when they are ASCII digits, else −1. */
    private static int smallInt(int len, int c0, int c1) {
        int d1 = c0 - '0';
        int d2 = c1 - '0';
        if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) {
            return -1;
        }
        return len == 1 ? d1 : d1 * 10 + d2;
    }

    /** A field that is exactly a valid {@code yyyy-mm-dd}, packed as {@link StreamingScorer#plainDate}; else −1. */
    int plainDate(int col) {
        FastBytes fb = bytes;
        if (fb != null) {
            return col < 0 ? -1 : StreamingScorer.plainDate(fb.bytes(), fb.start(col), fb.end(col) - fb.start(col));
        }
        FastRecords f = fast;
        if (f == null || col < 0) {
            return -1;
        }
        return StreamingScorer.plainDate(f.chars(), f.start(col), f.end(col) - f.start(col));
    }

    private void requireCurrent() {
        if (!fastHasCurrent) {
            throw new IllegalStateException("no current record");
        }
    }

    private CSVRecord current() {
        CSVRecord r = current;
        if (r == null) {
            throw new IllegalStateException("no current record");
        }
        return r;
    }

    /**
     * The error for text that is not UTF-8. Decoding runs ahead of parsing (buffers), so for a file the line is found
     * again by scanning its bytes; for a caller's reader it is the line being parsed when decoding failed.
     */
    private static CsvFormatException notUtf8(CsvSource source, long parsingLine, IOException cause) {
        long line = parsingLine;
        String where = " (decoding failed while reading this line or a later one)";
        Path path = source.path();
        if (path != null) {
            try {
                line = lineOfFirstMalformedByte(path);
                where = "";
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
        return new CsvFormatException(new RowError(source.name(), Math.max(1, line), "", "",
                "not valid UTF-8 text" + where + "; if the file was saved by Excel on Windows, read it as "
                        + "windows-1252 (--encoding windows-1252)"), cause);
    }

    /** Scans a file for its first byte sequence that is not UTF-8 and returns its line (LF, CRLF or CR ends). */
    static long lineOfFirstMalformedByte(Path path) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        boolean lastWasCr = false;
        try (ReadableByteChannel channel = Files.newByteChannel(path)) {
            boolean eof = false;
            while (true) {
                if (!eof && channel.read(in) < 0) {
                    eof = true;
                }
                in.flip();
                int start = in.position();
                CoderResult result = decoder.decode(in, out, eof);
                for (int i = start; i < in.position(); i++) {
                    byte b = in.get(i);
                    if (b == '\n') {
                        if (!lastWasCr) {
                            line++;
                        }
                    } else if (b == '\r') {
                        line++;
                    }
                    lastWasCr = b == '\r';
                }
                if (result.isError()) {
                    return line;
                }
                if (eof) {
                    return line; // everything decoded: the text is valid after all
                }
                out.clear();
                in.compact();
            }
        }
    }

    CsvFormatException fileError(long atLine, String field, String reason) {
        return new CsvFormatException(new RowError(name(), atLine, field, "", reason));
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + name(), e);
            }
            return;
        }
        if (source.ownsReader()) {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + name(), e);
            }
        }
    }
}
