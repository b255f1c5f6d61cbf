package io.github.nps4j.core.internal;

import java.util.Arrays;

/**
 * A growable column of small non-negative codes: one byte per row while every code is below 256, four bytes per row
 * from the first larger code on. Not thread-safe while appending.
 */
public final class Codes {
    private byte @org.jspecify.annotations.Nullable [] small = new byte[16];
    private int @org.jspecify.annotations.Nullable [] large;
    private int size;

    /** Creates an empty column. */
    public Codes() {
    }

    /**
     * Appends a code.
     *
     * @param code the code, {@code >= 0}
     */
    public void add(int code) {
        if (small != null && code > 0xFF) {
            int[] l = new int[Math.max(16, small.length)];
            for (int i = 0; i < size; i++) {
                l[i] = small[i] & 0xFF;
            }
            large = l;
            small = null;
        }
        if (small != null) {
            if (size == small.length) {
                small = Arrays.copyOf(small, grow(small.length));
            }
            small[size++] = (byte) code;
        } else {
            if (size == large.length) {
                large = Arrays.copyOf(large, grow(large.length));
            }
            large[size++] = code;
        }
    }

    private static int grow(int n) {
        return (int) Math.min((long) n * 2, Integer.MAX_VALUE - 8);
    }

    /**
     * Returns one code.
     *
     * @param row the row
     * @return its code
     */
    public int get(int row) {
        return small != null ? small[row] & 0xFF : large[row];
    }

    /**
     * Replaces one code (no wider than the column's current width allows: a code above 255 widens it).
     *
     * @param row the row
     * @param code the code
     */
    public void set(int row, int code) {
        if (small != null && code > 0xFF) {
            int[] l = new int[small.length];
            for (int i = 0; i < size; i++) {
                l[i] = small[i] & 0xFF;
            }
            large = l;
            small = null;
        }
        if (small != null) {
            small[row] = (byte) code;
        } else {
            large[row] = code;
        }
    }

    /**
     * Returns a copy.
     *
     * @return an independent column of the same codes
     */
    public Codes copy() {
        Codes c = new Codes();
        c.small = small == null ? null : small.clone();
        c.large = large == null ? null : large.clone();
        c.size = size;
        return c;
    }

    /**
     * Makes room for {@code rows} codes in all (a hint; the column still grows past it).
     *
     * @param rows the codes expected in all
     */
    public void reserve(int rows) {
        if (small != null && rows > small.length) {
            small = Arrays.copyOf(small, rows);
        } else if (large != null && rows > large.length) {
            large = Arrays.copyOf(large, rows);
        }
    }

    /**
     * Shrinks the array to what is used.
     *
     * @return this column
     */
    public Codes trim() {
        if (small != null) {
            small = Arrays.copyOf(small, size);
        } else {
            large = Arrays.copyOf(large, size);
        }
        return this;
    }

    /**
     * Returns the bytes held, for memory accounting.
     *
     * @return the bytes of the array
     */
    public long bytes() {
        return small != null ? small.length : 4L * large.length;
    }
}
