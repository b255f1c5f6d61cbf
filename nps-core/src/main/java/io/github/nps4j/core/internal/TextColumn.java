package io.github.nps4j.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings appended one after another into one pooled array with an offset per entry: Latin-1 text one byte per
 * character, switching the whole pool to two-byte characters at the first character above U+00FF. An entry costs its
 * characters plus a 4-byte offset, instead of a {@code String} object and its array (about 48 bytes more).
 *
 * <p>Not thread-safe while appending; safe to read from any thread once {@link #trim() trimmed} and published through
 * a final field.
 */
public final class TextColumn {
    private byte @org.jspecify.annotations.Nullable [] latin1 = new byte[64];
    private char @org.jspecify.annotations.Nullable [] wide;
    private int[] offsets = new int[17];
    private int size;
    private int used;

    /** Creates an empty column. */
    public TextColumn() {
    }

    /**
     * Returns the number of entries.
     *
     * @return the number of entries
     */
    public int size() {
        return size;
    }

    /**
     * Appends a string.
     *
     * @param s the string
     * @return its index
     * @throws IllegalStateException if the pool would exceed 2^31 - 1 characters
     */
    public int add(String s) {
        int n = s.length();
        if ((long) used + n > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("more than 2 GB of text in one column");
        }
        if (latin1 != null && !isLatin1(s)) {
            widen();
        }
        if (latin1 != null) {
            if (used + n > latin1.length) {
                latin1 = Arrays.copyOf(latin1, grow(latin1.length, used + n));
            }
            for (int i = 0; i < n; i++) {
                latin1[used + i] = (byte) s.charAt(i);
            }
        } else {
            char[] w = wide;
            if (used + n > w.length) {
                w = wide = Arrays.copyOf(w, grow(w.length, used + n));
            }
            s.getChars(0, n, w, used);
        }
        used += n;
        if (size + 2 > offsets.length) {
            offsets = Arrays.copyOf(offsets, grow(offsets.length, size + 2));
        }
        offsets[size + 1] = used;
        return size++;
    }

    /**
     * Appends the ASCII text {@code bytes[from, to)}: the same entry as {@code add} of that text as a string.
     *
     * @param bytes the bytes, each below 0x80
     * @param from first index
     * @param to index after the last
     * @return its index
     * @throws IllegalStateException if the pool would exceed 2^31 - 1 characters
     */
    public int addAscii(byte[] bytes, int from, int to) {
        int n = to - from;
        if ((long) used + n > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("more than 2 GB of text in one column");
        }
        if (latin1 != null) {
            if (used + n > latin1.length) {
                latin1 = Arrays.copyOf(latin1, grow(latin1.length, used + n));
            }
            System.arraycopy(bytes, from, latin1, used, n);
        } else {
            char[] w = wide;
            if (used + n > w.length) {
                w = wide = Arrays.copyOf(w, grow(w.length, used + n));
            }
            for (int i = 0; i < n; i++) {
                w[used + i] = (char) bytes[from + i];
            }
        }
        used += n;
        if (size + 2 > offsets.length) {
            offsets = Arrays.copyOf(offsets, grow(offsets.length, size + 2));
        }
        offsets[size + 1] = used;
        return size++;
    }

    /**
     * Tells whether an entry is the ASCII text {@code bytes[from, to)}.
     *
     * @param index the index
     * @param bytes the bytes, each below 0x80
     * @param from first index
     * @param to index after the last
     * @return true if the entry has exactly those characters
     */
    public boolean equalsAscii(int index, byte[] bytes, int from, int to) {
        int start = offsets[index];
        int n = offsets[index + 1] - start;
        if (n != to - from) {
            return false;
        }
        if (latin1 != null) {
            return Arrays.equals(latin1, start, start + n, bytes, from, to);
        }
        char[] w = wide;
        for (int i = 0; i < n; i++) {
            if (w[start + i] != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static int grow(int length, int needed) {
        long n = Math.max((long) length * 2, needed);
        return (int) Math.min(n, Integer.MAX_VALUE - 8);
    }

    private static boolean isLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private void widen() {
        byte[] b = latin1;
        char[] w = new char[Math.max(64, b.length)];
        for (int i = 0; i < used; i++) {
            w[i] = (char) (b[i] & 0xFF);
        }
        wide = w;
        latin1 = null;
    }

    /**
     * Returns one entry.
     *
     * @param index the index
     * @return a new string of its characters
     */
    public String get(int index) {
        int from = offsets[index];
        int to = offsets[index + 1];
        return latin1 != null ? new String(latin1, from, to - from, StandardCharsets.ISO_8859_1)
                : new String(wide, from, to - from);
    }

    /**
     * Returns the length of one entry.
     *
     * @param index the index
     * @return its number of characters
     */
    public int length(int index) {
        return offsets[index + 1] - offsets[index];
    }

    /**
     * Tells whether an entry equals a string.
     *
     * @param index the index
     * @param s the string
     * @return true if they have the same characters
     */
    public boolean equalsAt(int index, String s) {
        int from = offsets[index];
        int n = offsets[index + 1] - from;
        if (n != s.length()) {
            return false;
        }
        if (latin1 != null) {
            byte[] b = latin1;
            for (int i = 0; i < n; i++) {
                if ((b[from + i] & 0xFF) != s.charAt(i)) {
                    return false;
                }
            }
        } else {
            char[] w = wide;
            for (int i = 0; i < n; i++) {
                if (w[from + i] != s.charAt(i)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Compares two entries as {@code get(a).compareTo(get(b))} would, without making the strings.
     *
     * @param a an index
     * @param b another index
     * @return negative, zero or positive as entry {@code a} sorts before, equal to or after entry {@code b}
     */
    public int compare(int a, int b) {
        int fa = offsets[a];
        int na = offsets[a + 1] - fa;
        int fb = offsets[b];
        int nb = offsets[b + 1] - fb;
        int n = Math.min(na, nb);
        if (latin1 != null) {
            byte[] l = latin1;
            for (int i = 0; i < n; i++) {
                int d = (l[fa + i] & 0xFF) - (l[fb + i] & 0xFF);
                if (d != 0) {
                    return d;
                }
            }
        } else {
            char[] w = wide;
            for (int i = 0; i < n; i++) {
                int d = w[fa + i] - w[fb + i];
                if (d != 0) {
                    return d;
                }
            }
        }
        return na - nb;
    }

    /**
     * Makes room for {@code entries} entries in all and about as many characters per entry as so far, so that a
     * column whose final size is known need not grow by doubling (a hint; the column still grows past it).
     *
     * @param entries the entries expected in all
     */
    public void reserve(int entries) {
        if (entries + 1 > offsets.length) {
            offsets = Arrays.copyOf(offsets, entries + 1);
        }
        if (size > 0) {
            long chars = (long) Math.ceil((double) used / size * entries);
            int n = (int) Math.min(chars, Integer.MAX_VALUE - 8);
            if (latin1 != null && n > latin1.length) {
                latin1 = Arrays.copyOf(latin1, n);
            } else if (latin1 == null && n > wide.length) {
                wide = Arrays.copyOf(wide, n);
            }
        }
    }

    /**
     * Shrinks the arrays to what is used.
     *
     * @return this column
     */
    public TextColumn trim() {
        if (latin1 != null) {
            latin1 = Arrays.copyOf(latin1, used);
        } else {
            wide = Arrays.copyOf(wide, used);
        }
        offsets = Arrays.copyOf(offsets, size + 1);
        return this;
    }

    /**
     * Returns the bytes held (pool and offsets), for memory accounting.
     *
     * @return the bytes of the arrays
     */
    public long bytes() {
        return (latin1 != null ? latin1.length : 2L * wide.length) + 4L * offsets.length;
    }
}
