package io.github.nps4j.core.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A streaming RFC 4180 tokenizer for the hot path of {@link StreamingScorer}: it reads the characters once into a
 * large buffer and hands out fields without the per-character virtual calls and per-record objects of Commons CSV.
 * It follows Commons CSV's {@code RFC4180} format exactly as {@link CsvFile} configures it (empty lines kept as a
 * record of one empty field, no trimming, CR, LF and CRLF all end a line, {@code ""} inside quotes is a quote,
 * whitespace tolerated between a closing quote and the delimiter, anything else there is malformed) — a property test
 * checks both give the same records and line numbers on random input.
 *
 * <p>Not thread-safe; one instance per file.
 */
final class FastRecords implements FastTokenizer {
    /** Malformed CSV: the message and the physical line where the problem is. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final long line;

        Malformed(String message, long line) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private char[] rec = new char[512];
    private int recLen;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int fields;
    /** Line breaks consumed so far. */
    private long lines;
    private long recordLines;

    private final char delimiter;

    FastRecords(Reader in) {
        this(in, ',');
    }

    FastRecords(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The number of line breaks before the current record, so the record starts on line {@code lineBefore() + 1}. */
    @Override
    public long lineBefore() {
        return recordLines;
    }

    @Override
    public boolean blankLine() {
        return fields == 1 && get(0).isBlank();
    }

    int size() {
        return fields;
    }

    /** The characters of the current record; field i is {@code [start(i), end(i))}. */
    char[] chars() {
        return rec;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    String get(int i) {
        if (i < 0 || i >= fields) {
            throw new ArrayIndexOutOfBoundsException("field " + i + " of a record with " + fields + " fields");
        }
        return new String(rec, starts[i], ends[i] - starts[i]);
    }

    private int read() throws IOException {
        if (pos == lim) {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                return -1;
            }
            pos = 0;
            lim = n;
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        if (pos == lim) {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                return -1;
            }
            pos = 0;
            lim = n;
        }
        return buf[pos];
    }

    private void append(char c) {
        if (recLen == rec.length) {
            rec = Arrays.copyOf(rec, rec.length * 2);
        }
        rec[recLen++] = c;
    }

    private void endField(int start) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = start;
        ends[fields] = recLen;
        fields++;
    }

    /**
     * Appends the rest of an unquoted field, scanning the buffer in bulk, and returns the character that ended it
     * (the delimiter, {@code \r}, {@code \n}) or −1 at the end of the input.
     */
    private int scanPlain() throws IOException {
        char d = delimiter;
        while (true) {
            char[] b = buf;
            int from = pos;
            int p = from;
            int l = lim;
            while (p < l) {
                char ch = b[p];
                if (ch == d || ch == '\r' || ch == '\n') {
                    break;
                }
                p++;
            }
            int n = p - from;
            if (n > 0) {
                if (recLen + n > rec.length) {
                    rec = Arrays.copyOf(rec, Math.max(rec.length * 2, recLen + n));
                }
                System.arraycopy(b, from, rec, recLen, n);
                recLen += n;
            }
            if (p < l) {
                pos = p + 1;
                return b[p];
            }
            pos = p;
            int c = read(); // refills the buffer
            if (c == -1 || c == d || c == '\r' || c == '\n') {
                return c;
            }
            append((char) c);
        }
    }

    /** Consumes the rest of a line break that began with {@code c} ({@code \r} or {@code \n}). */
    private void lineBreak(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            pos++;
        }
        lines++;
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the input
     * @throws Malformed on a quote problem
     * @throws IOException on a read failure (including undecodable bytes)
     */
    @Override
    public boolean advance() throws IOException, Malformed {
        recordLines = lines;
        int c = read();
        if (c == -1) {
            fields = 0;
            return false;
        }
        recLen = 0;
        fields = 0;
        while (true) {
            int start = recLen;
            if (c == '"') {
                long openedOn = lines + 1;
                while (true) {
                    c = read();
                    if (c == -1) {
                        throw new Malformed("EOF reached before encapsulated token finished (quote opened on line "
                                + openedOn + ")", openedOn);
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            pos++;
                            append('"');
                            continue;
                        }
                        break;
                    }
                    if (c == '\r') {
                        append('\r');
                        if (peek() == '\n') {
                            pos++;
                            append('\n');
                        }
                        lines++;
                    } else {
                        if (c == '\n') {
                            lines++;
                        }
                        append((char) c);
                    }
                }
                endField(start);
                while (true) {
                    c = read();
                    if (c == delimiter) {
                        break;
                    }
                    if (c == -1) {
                        return true;
                    }
                    if (c == '\r' || c == '\n') {
                        lineBreak(c);
                        return true;
                    }
                    if (!Character.isWhitespace((char) c)) {
                        throw new Malformed("invalid character '" + (char) c
                                + "' between encapsulated token and delimiter on line " + (lines + 1), lines + 1);
                    }
                }
            } else {
                if (c != delimiter && c != '\r' && c != '\n') {
                    append((char) c);
                    c = scanPlain();
                }
                endField(start);
                if (c == -1) {
                    return true;
                }
                if (c != delimiter) {
                    lineBreak(c);
                    return true;
                }
            }
            c = read(); // first character of the next field (after the delimiter)
            if (c == -1) {
                endField(recLen);
                return true;
            }
        }
    }
}
