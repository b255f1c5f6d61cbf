package io.github.nps4j.core.internal;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} keys to {@code int} values (linear probing, no boxing), used to
 * index sparse cells, interned groups and de-duplication state. Each key sits beside its value in one {@code long[]}
 * (key, then value shifted left with a used bit), so a probe touches one cache line. Not thread-safe.
 */
public final class LongIntMap {
    /** Returned by {@link #get} for an absent key. */
    public static final int ABSENT = -1;

    /** Slot i: {@code table[2i]} the key, {@code table[2i + 1]} {@code value << 1 | 1}, or 0 when the slot is free. */
    private long[] table;
    private int size;
    private int mask;

    /**
     * Creates a map sized for about {@code expected} keys.
     *
     * @param expected the expected number of keys
     */
    public LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new long[2 * cap];
        mask = cap - 1;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /**
     * Returns the value of a key.
     *
     * @param key the key
     * @return its value, or {@link #ABSENT}
     */
    public int get(long key) {
        long[] t = table;
        int i = hash(key) & mask;
        long v;
        while ((v = t[2 * i + 1]) != 0) {
            if (t[2 * i] == key) {
                return (int) (v >> 1);
            }
            i = (i + 1) & mask;
        }
        return ABSENT;
    }

    /**
     * Returns the value of a key, first mapping it to {@code valueIfAbsent} if it is absent.
     *
     * @param key the key
     * @param valueIfAbsent the value to store for a new key
     * @return the value now mapped
     */
    public int getOrPut(long key, int valueIfAbsent) {
        long[] t = table;
        int i = hash(key) & mask;
        long v;
        while ((v = t[2 * i + 1]) != 0) {
            if (t[2 * i] == key) {
                return (int) (v >> 1);
            }
            i = (i + 1) & mask;
        }
        t[2 * i] = key;
        t[2 * i + 1] = ((long) valueIfAbsent << 1) | 1;
        if (++size * 2 > mask + 1) {
            grow();
        }
        return valueIfAbsent;
    }

    /**
     * Maps a key to a value, replacing any earlier value.
     *
     * @param key the key
     * @param value the value
     */
    public void put(long key, int value) {
        long[] t = table;
        int i = hash(key) & mask;
        while (t[2 * i + 1] != 0) {
            if (t[2 * i] == key) {
                t[2 * i + 1] = ((long) value << 1) | 1;
                return;
            }
            i = (i + 1) & mask;
        }
        t[2 * i] = key;
        t[2 * i + 1] = ((long) value << 1) | 1;
        if (++size * 2 > mask + 1) {
            grow();
        }
    }

    /**
     * Returns the number of keys.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * Returns the keys, sorted ascending.
     *
     * @return a new array
     */
    public long[] sortedKeys() {
        long[] out = new long[size];
        int k = 0;
        for (int i = 0; i <= mask; i++) {
            if (table[2 * i + 1] != 0) {
                out[k++] = table[2 * i];
            }
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * Returns the values, in no particular order.
     *
     * @return a new array
     */
    public int[] values() {
        int[] out = new int[size];
        int k = 0;
        for (int i = 0; i <= mask; i++) {
            long v = table[2 * i + 1];
            if (v != 0) {
                out[k++] = (int) (v >> 1);
            }
        }
        return out;
    }

    private void grow() {
        long[] old = table;
        int cap = (mask + 1) * 2;
        table = new long[2 * cap];
        mask = cap - 1;
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) {
                put(old[i], (int) (old[i + 1] >> 1));
            }
        }
    }
}
