package io.github.nps4j.core.csv;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The byte twin of {@link FastRecords}: the same RFC 4180 records, fields, physical line numbers and refusals, read
 * from the file's bytes without decoding them to characters. Fields are ranges of one large read buffer (no copy;
 * {@code ""} inside quotes is unescaped in place), so a field's bytes are {@code bytes()[start(i), end(i))}.
 *
 * <p>It reads any charset in which every character below U+0080 is that single byte and multi-byte sequences use
 * only bytes ≥ 0x80 ({@link #supports}: UTF-8, US-ASCII, ISO-8859-x, windows-125x), so delimiters, quotes and line
 * breaks are found on the bytes and an ASCII field's bytes are its characters. Each buffer is checked with the
 * charset's decoder as it is read (only from its first byte ≥ 0x80), so undecodable text fails with the same
 * {@link CharacterCodingException} the character path gets.
 *
 * <p>It can read a range of a file: from a byte offset that starts a record, records starting before a stop offset
 * (the last one read to its end, past the stop if it crosses it), numbering lines from a given count — the pieces
 * of a parallel read.
 *
 * <p>Not thread-safe; one instance per file or range.
 */
final class FastBytes implements FastTokenizer {
    /** Where the bytes come from: a positional read like {@link FileChannel#read(ByteBuffer, long)}. */
    interface Input {
        /**
         * Reads up to {@code len} bytes at a file position into {@code dst[off, off + len)}.
         *
         * @return the number of bytes read, −1 at the end of the input
         */
        int read(byte[] dst, int off, int len, long position) throws IOException;

        /** A file channel's positional reads (thread-safe, so ranges of one channel can be read at once). */
        static Input of(FileChannel channel) {
            return (dst, off, len, position) -> channel.read(ByteBuffer.wrap(dst, off, len), position);
        }

        /** An array's bytes, for tests. */
        static Input of(byte[] bytes) {
            return (dst, off, len, position) -> {
                if (position >= bytes.length) {
                    return -1;
                }
                int n = (int) Math.min(len, bytes.length - position);
                System.arraycopy(bytes, (int) position, dst, off, n);
                return n;
            };
        }
    }

    static final int DEFAULT_BUFFER = 1 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long CRS = 0x0D0D0D0D0D0D0D0DL;
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final long QUOTES = 0x2222222222222222L;

    /**
     * A word whose high bit is set in the lowest byte of {@code x} that is zero (and possibly in higher bytes
     * after it), or 0 when no byte is zero.
     */
    private static long zeroBytes(long x) {
        return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
    }

    private final Input in;
    private final byte delimiter;
    /** The delimiter in every byte of a word. */
    private final long delimiters;
    private final Charset charset;
    private final @Nullable CharsetDecoder decoder;
    /** Undecoded bytes of a multi-byte sequence that a read split (at most a few). */
    private byte[] carry = new byte[0];
    private final CharBuffer scratch = CharBuffer.allocate(4096);
    private byte[] buf;
    /**
     * The most the next read takes: 8 KB at first, doubling with each read up to the buffer. The first reads are
     * small so that the refill branches of the record loops are taken while the JIT is still profiling them: with
     * full 1 MB reads the first refill came after the optimising compiler had compiled them as never refilling, and
     * each loop was thrown out and compiled again (on one core that cost about 0.05 s at 5 M rows).
     */
    private int readSize = 8 << 10;
    /** File offset of {@code buf[0]}. */
    private long base;
    /** File offset of the next read. */
    private long readAt;
    private boolean eof;
    private long stopAt;
    private int pos;
    private int lim;
    private int recStart;
    private int fieldStart;
    private int write;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int fields;
    private long lines;
    private long recordLines;

    /**
     * Reads a whole input.
     *
     * @param in the bytes
     * @param delimiter an ASCII delimiter
     * @param charset a charset {@link #supports supported}
     */
    FastBytes(Input in, char delimiter, Charset charset) {
        this(in, delimiter, charset, 0, Long.MAX_VALUE, 0, DEFAULT_BUFFER);
    }

    /**
     * Reads the records that start in {@code [from, stopAt)} of an input.
     *
     * @param from a byte offset where a record starts
     * @param stopAt no record starting at or after this offset is read
     * @param linesBefore the line breaks before {@code from}
     * @param bufferSize the initial read buffer (it grows for a record that does not fit)
     */
    FastBytes(Input in, char delimiter, Charset charset, long from, long stopAt, long linesBefore, int bufferSize) {
        if (delimiter >= 0x80) {
            throw new IllegalArgumentException("delimiter " + delimiter + " is not ASCII");
        }
        this.in = in;
        this.delimiter = (byte) delimiter;
        this.delimiters = (delimiter & 0xFFL) * 0x0101010101010101L;
        this.charset = charset;
        String name = charset.name();
        this.decoder = name.equals("ISO-8859-1") ? null
                : charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.buf = new byte[Math.max(16, bufferSize)];
        this.base = from;
        this.readAt = from;
        this.stopAt = stopAt;
        this.lines = linesBefore;
        this.recordLines = linesBefore;
    }

    /**
     * Whether a charset encodes every character below U+0080 as that single byte and never uses such a byte inside
     * a multi-byte sequence, so that this class can read it.
     */
    static boolean supports(Charset cs) {
        String n = cs.name().toUpperCase(Locale.ROOT);
        return cs.equals(StandardCharsets.UTF_8) || n.equals("US-ASCII") || n.startsWith("ISO-8859-")
                || n.startsWith("WINDOWS-125");
    }

    /** Skips a UTF-8 byte order mark at the start of the input (the character path skips U+FEFF). */
    void skipUtf8Bom() throws IOException {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return;
        }
        recStart = pos;
        while (lim - pos < 3 && fill()) {
            // reads until three bytes are there or the input ends
        }
        if (lim - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
    }

    /** Reads no record that starts at or after a file offset (the first piece of a parallel read). */
    void stopAt(long offset) {
        this.stopAt = offset;
    }

    /** The file offset where the next record starts (after {@link #advance} returned false: where reading ended). */
    long offset() {
        return base + pos;
    }

    /** The number of line breaks before the current record, so the record starts on line {@code lineBefore() + 1}. */
    @Override
    public long lineBefore() {
        return recordLines;
    }

    /** The line breaks consumed so far. */
    long lines() {
        return lines;
    }

    /** Whether field i is blank, as {@code get(i).isBlank()}, without making the string for ASCII text. */
    boolean blank(int i) {
        for (int p = start(i); p < end(i); p++) {
            byte b = bytes()[p];
            if (b < 0) {
                return get(i).isBlank();
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean blankLine() {
        return size() == 1 && blank(0);
    }

    int size() {
        return fields;
    }

    /** The buffer holding the current record; field i is {@code [start(i), end(i))}. */
    byte[] bytes() {
        return buf;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** Field i decoded. */
    String get(int i) {
        if (i < 0 || i >= fields) {
            throw new ArrayIndexOutOfBoundsException("field " + i + " of a record with " + fields + " fields");
        }
        return new String(buf, starts[i], ends[i] - starts[i], charset);
    }

    /** Whether field i has a byte ≥ 0x80 (a character outside ASCII). */
    boolean hasNonAscii(int i) {
        for (int p = starts[i]; p < ends[i]; p++) {
            if (buf[p] < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keeps the current record's bytes, reads more after them and checks that they decode.
     *
     * @return false at the end of the input (nothing more was read)
     */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int shift = recStart;
        if (shift > 0) {
            System.arraycopy(buf, shift, buf, 0, lim - shift);
            for (int i = 0; i < fields; i++) {
                starts[i] -= shift;
                ends[i] -= shift;
            }
            pos -= shift;
            lim -= shift;
            fieldStart -= shift;
            write -= shift;
            recStart = 0;
            base += shift;
        }
        if (lim == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int want = Math.min(buf.length - lim, readSize);
        readSize = Math.min(buf.length, readSize << 1);
        int n;
        do {
            n = in.read(buf, lim, want, readAt);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            check(buf, lim, lim, true);
            return false;
        }
        check(buf, lim, lim + n, false);
        lim += n;
        readAt += n;
        return true;
    }

    /** Decodes {@code b[from, to)} (from its first byte ≥ 0x80) with the charset's decoder, to refuse bad text. */
    private void check(byte[] b, int from, int to, boolean last) throws CharacterCodingException {
        if (decoder == null) {
            return;
        }
        int first = from;
        if (carry.length == 0) {
            while (first + 8 <= to && ((long) LONGS.get(b, first) & 0x8080808080808080L) == 0) {
                first += 8;
            }
            while (first < to && b[first] >= 0) {
                first++;
            }
            if (first == to && !last) {
                return;
            }
        }
        ByteBuffer bb;
        if (carry.length == 0) {
            bb = ByteBuffer.wrap(b, first, to - first);
        } else {
            byte[] joined = Arrays.copyOf(carry, carry.length + to - from);
            System.arraycopy(b, from, joined, carry.length, to - from);
            bb = ByteBuffer.wrap(joined);
        }
        while (true) {
            scratch.clear();
            CoderResult r = decoder.decode(bb, scratch, last);
            if (r.isError()) {
                r.throwException();
            }
            if (r.isUnderflow()) {
                break;
            }
        }
        if (last) {
            scratch.clear();
            CoderResult r = decoder.flush(scratch);
            if (r.isError()) {
                r.throwException();
            }
            carry = new byte[0];
            return;
        }
        byte[] rest = new byte[bb.remaining()];
        bb.get(rest);
        carry = rest;
    }

    private boolean more() throws IOException {
        return pos < lim || fill();
    }

    private void endField(int start, int end) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = start;
        ends[fields] = end;
        fields++;
    }

    /** Consumes the rest of a line break that began with {@code c} ({@code \r} or {@code \n}). */
    private void lineBreak(int c) throws IOException {
        if (c == '\r' && more() && buf[pos] == '\n') {
            pos++;
        }
        lines++;
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the input (or of the range)
     * @throws FastRecords.Malformed on a quote problem, with {@link FastRecords}' message
     * @throws IOException on a read failure, including undecodable bytes
     */
    @Override
    public boolean advance() throws IOException, FastRecords.Malformed {
        recordLines = lines;
        fields = 0;
        recStart = pos;
        if (base + pos >= stopAt || !more()) {
            return false;
        }
        if (unquotedRecord()) {
            return true;
        }
        if (fields > 0 && !more()) { // a delimiter ended the input: one more empty field
            endField(pos, pos);
            return true;
        }
        final byte d = delimiter;
        while (true) {
            // pos < lim: the first byte of a field
            if (buf[pos] == '"') {
                pos++;
                quoted();
                while (true) {
                    if (!more()) {
                        return true;
                    }
                    int c = buf[pos++];
                    if (c == d) {
                        break;
                    }
                    if (c == '\r' || c == '\n') {
                        lineBreak(c);
                        return true;
                    }
                    if (c >= 0 ? !Character.isWhitespace((char) c) : !nonAsciiWhitespace()) {
                        throw new FastRecords.Malformed("invalid character '" + (c >= 0 ? (char) c : decodedChar)
                                + "' between encapsulated token and delimiter on line " + (lines + 1), lines + 1);
                    }
                }
            } else {
                fieldStart = pos;
                int c;
                while (true) {
                    byte[] b = buf;
                    int p = pos;
                    int l = lim;
                    // eight bytes at a time: the lowest byte that is the delimiter, CR or LF
                    while (p + 8 <= l) {
                        long v = (long) LONGS.get(b, p);
                        long m = zeroBytes(v ^ delimiters) | zeroBytes(v ^ CRS) | zeroBytes(v ^ LFS);
                        if (m != 0) {
                            p += Long.numberOfTrailingZeros(m) >>> 3;
                            break;
                        }
                        p += 8;
                    }
                    while (p < l) {
                        byte x = b[p];
                        if (x == d || x == '\r' || x == '\n') {
                            break;
                        }
                        p++;
                    }
                    pos = p;
                    if (p < l) {
                        c = b[p];
                        pos = p + 1;
                        break;
                    }
                    if (!fill()) {
                        c = -1;
                        break;
                    }
                }
                endField(fieldStart, c == -1 ? pos : pos - 1);
                if (c == -1) {
                    return true;
                }
                if (c != d) {
                    lineBreak(c);
                    return true;
                }
            }
            if (!more()) { // a delimiter ended the input: one more empty field
                endField(pos, pos);
                return true;
            }
        }
    }

    /**
     * The common record, read eight bytes at a time: when the record from {@code pos} has no quote and ends with a
     * line break at least eight bytes before the end of the buffer, takes its fields and line break (as the loop of
     * {@link #advance} would) and returns true. Otherwise it returns false having taken the fields before the first
     * one it cannot settle (a quote in it, or too near the end of the buffer), with {@code pos} at that field's first
     * byte, where the loop of {@code advance} goes on byte by byte. Each word's delimiters, quotes and line-break bytes are marked
     * at once ({@link #zeroBytes} may also mark a byte after a real one, so each mark is checked), so a record
     * costs a few operations per eight bytes and per field rather than a loop per field.
     */
    private boolean unquotedRecord() {
        final byte[] b = buf;
        final byte d = delimiter;
        final long ds = delimiters;
        final int last = lim - 8;
        int p = pos;
        int start = p;
        int f = 0;
        scan:
        while (p <= last) {
            long v = (long) LONGS.get(b, p);
            long m = zeroBytes(v ^ ds) | zeroBytes(v ^ CRS) | zeroBytes(v ^ LFS) | zeroBytes(v ^ QUOTES);
            while (m != 0) {
                int k = p + (Long.numberOfTrailingZeros(m) >>> 3);
                m &= m - 1;
                byte c = b[k];
                if (c == d) {
                    if (f + 1 >= starts.length) {
                        starts = Arrays.copyOf(starts, starts.length * 2);
                        ends = Arrays.copyOf(ends, ends.length * 2);
                    }
                    starts[f] = start;
                    ends[f] = k;
                    f++;
                    start = k + 1;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && k + 1 == lim) {
                        break scan; // whether a LF follows is not read yet
                    }
                    starts[f] = start;
                    ends[f] = k;
                    fields = f + 1;
                    pos = c == '\r' && b[k + 1] == '\n' ? k + 2 : k + 1;
                    lines++;
                    return true;
                } else if (c == '"') {
                    break scan;
                }
            }
            p += 8;
        }
        fields = f;
        pos = start;
        return false;
    }

    /** Reads a quoted field's content after its opening quote, through its closing quote. */
    private void quoted() throws IOException, FastRecords.Malformed {
        long openedOn = lines + 1;
        fieldStart = pos;
        write = pos;
        while (true) {
            if (!more()) {
                throw new FastRecords.Malformed("EOF reached before encapsulated token finished (quote opened on line "
                        + openedOn + ")", openedOn);
            }
            byte c = buf[pos++];
            if (c == '"') {
                if (more() && buf[pos] == '"') {
                    pos++;
                    buf[write++] = '"';
                    continue;
                }
                break;
            }
            buf[write++] = c;
            if (c == '\r') {
                if (more() && buf[pos] == '\n') {
                    pos++;
                    buf[write++] = '\n';
                }
                lines++;
            } else if (c == '\n') {
                lines++;
            }
        }
        endField(fieldStart, write);
    }

    /** The character {@link #nonAsciiWhitespace} decoded. */
    private char decodedChar;

    /**
     * Decodes the character whose first byte (≥ 0x80) is at {@code pos - 1}; when it is whitespace, consumes its
     * bytes and returns true; otherwise keeps it in {@link #decodedChar} and returns false.
     */
    private boolean nonAsciiWhitespace() throws IOException {
        pos--;
        while (lim - pos < 4 && fill()) {
            // up to four bytes: the longest sequence
        }
        // the shortest prefix that decodes is the character (the buffer was checked when it was read)
        char ch = '\uFFFD';
        int used = 1;
        for (int n = 1; n <= Math.min(4, lim - pos); n++) {
            CharBuffer one = CharBuffer.allocate(2);
            CoderResult r = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, pos, n), one, true);
            if (!r.isError() && one.position() > 0) {
                ch = one.get(0);
                used = n;
                break;
            }
        }
        decodedChar = ch;
        if (Character.isWhitespace(ch)) {
            pos += used;
            return true;
        }
        pos++;
        return false;
    }
}
