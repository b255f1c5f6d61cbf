package io.github.nps4j.core.internal;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} keys to {@code int} values (linear probing, no boxing), used to
 * index sparse cells, interned groups and de-duplication state. Not thread-safe.
 */
public final class LongIntMap {
    /** Returned by {@link #get} for an absent key. */
    public static final int ABSENT = -1;

    private long[] keys;
    private int[] values;
    private boolean[] used;
    private int size;
    private int mask;

    /**
     * Creates a map sized for about {@code expected} keys.
     *
     * @param expected the expected number of keys
     */
    public LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        used = new boolean[cap];
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
        int i = hash(key) & mask;
        while (used[i]) {
            if (keys[i] == key) {
                return values[i];
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
        int i = hash(key) & mask;
        while (used[i]) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = valueIfAbsent;
        if (++size * 2 > keys.length) {
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
        int i = hash(key) & mask;
        while (used[i]) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
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
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                out[k++] = keys[i];
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
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                out[k++] = values[i];
            }
        }
        return out;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        boolean[] oldUsed = used;
        int cap = oldKeys.length * 2;
        keys = new long[cap];
        values = new int[cap];
        used = new boolean[cap];
        mask = cap - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
