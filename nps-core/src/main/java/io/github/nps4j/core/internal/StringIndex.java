package io.github.nps4j.core.internal;

import java.util.Arrays;

/**
 * Interns strings to dense codes 0, 1, 2, … in a cache-friendly layout: an open-addressing table of longs holding
 * each key's hash beside its code, and the keys' characters in one pooled char array. A lookup touches the table, the
 * key's two offsets and one run of the pool — instead of the node, key, byte-array and value objects of a
 * {@code HashMap<String, …>} — which matters when every row of a large file looks up one of a hundred thousand ids.
 *
 * <p>Not thread-safe.
 */
public final class StringIndex {
    /** (hash << 32) | (code + 1); 0 marks an empty slot. */
    private long[] slots;
    private int[] hashes = new int[16];
    private int[] offsets = new int[17];
    private char[] pool = new char[256];
    private int size;
    /**
     * Keys of 1–16 ASCII characters without NUL, packed one byte each into two longs (the first eight characters,
     * then the rest or 0): slot i holds {@code [2i]} the first long and {@code [2i + 1]} the code + 1, with bit 32
     * set for a key of more than eight characters, whose second long is checked in {@link #packedHiOfCode} — so a lookup on a file's
     * bytes (an id, a role such as {@code decision-maker}, an episode such as {@code relationship}) touches one
     * slot (16 bytes, as small as the table of ids stays in the cache) instead of hashing the text and visiting
     * the table, the offsets and the pool.
     */
    private long[] packedSlots;
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    /** Each code's key packed: its first eight characters (0 when the key cannot be packed) … */
    private long[] packedOfCode = new long[16];
    /** … and its characters 9–16 (0 for a key of up to eight). */
    private long[] packedHiOfCode = new long[16];

    /**
     * Creates an empty index.
     *
     * @param expected the expected number of keys (the table grows as needed)
     */
    public StringIndex(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[cap];
        packedSlots = new long[2 * cap];
    }

    private StringIndex(StringIndex from) {
        slots = from.slots.clone();
        hashes = from.hashes.clone();
        offsets = from.offsets.clone();
        pool = from.pool.clone();
        size = from.size;
        packedSlots = from.packedSlots.clone();
        packedOfCode = from.packedOfCode.clone();
        packedHiOfCode = from.packedHiOfCode.clone();
    }

    /**
     * Returns an independent copy (the same keys and codes), made without hashing the keys again.
     *
     * @return the copy
     */
    public StringIndex copy() {
        return new StringIndex(this);
    }

    /**
     * Returns the number of keys.
     *
     * @return the number of keys
     */
    public int size() {
        return size;
    }

    /**
     * Looks a key up.
     *
     * @param key the key
     * @return its code, or −1 if absent
     */
    public int indexOf(String key) {
        int h = mix(key.hashCode());
        int mask = slots.length - 1;
        for (int i = h & mask;; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == 0) {
                return -1;
            }
            int code = (int) s - 1;
            if ((int) (s >>> 32) == h && same(code, key)) {
                return code;
            }
        }
    }

    /**
     * Looks up the key made of {@code chars[from, to)} without building a string; the same as
     * {@code indexOf(new String(chars, from, to - from))}.
     *
     * @param chars the characters
     * @param from first index
     * @param to index after the last
     * @return its code, or −1 if absent
     */
    public int indexOf(char[] chars, int from, int to) {
        int sh = 0;
        for (int i = from; i < to; i++) {
            sh = 31 * sh + chars[i];
        }
        int h = mix(sh);
        int len = to - from;
        int mask = slots.length - 1;
        for (int i = h & mask;; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == 0) {
                return -1;
            }
            int code = (int) s - 1;
            if ((int) (s >>> 32) == h && offsets[code + 1] - offsets[code] == len
                    && java.util.Arrays.equals(pool, offsets[code], offsets[code + 1], chars, from, to)) {
                return code;
            }
        }
    }

    /**
     * Tells whether a code's key is exactly {@code chars[from, to)} (no hashing, no table probe).
     *
     * @param code a code of this index
     * @param chars the characters
     * @param from first index
     * @param to index after the last
     * @return true if they are equal
     */
    public boolean matches(int code, char[] chars, int from, int to) {
        return java.util.Arrays.equals(pool, offsets[code], offsets[code + 1], chars, from, to);
    }

    /**
     * Looks up the key whose characters are the ASCII bytes {@code bytes[from, to)}, without building a string; the
     * same as {@code indexOf(new String(bytes, from, to - from, US_ASCII))} when every byte is below 0x80, and −1
     * when one is not (no key's character equals a negative byte).
     *
     * @param bytes the bytes
     * @param from first index
     * @param to index after the last
     * @return its code, or −1 if absent or not ASCII
     */
    public int indexOfAscii(byte[] bytes, int from, int to) {
        int len = to - from;
        if (len >= 1 && len <= 16) {
            long lo = pack(bytes, from, len <= 8 ? to : from + 8);
            long hi = len <= 8 ? 0 : pack(bytes, from + 8, to);
            if (lo != 0 && (hi != 0 || len <= 8)) {
                long[] t = packedSlots;
                int mask = t.length / 2 - 1;
                for (int i = mixPacked(lo, hi) & mask;; i = (i + 1) & mask) {
                    long k = t[2 * i];
                    if (k == lo) {
                        long v = t[2 * i + 1];
                        int code = (int) v - 1;
                        // bit 32: the key has more than eight characters, the rest in packedHiOfCode
                        if ((v >>> 32) == 0 ? hi == 0 : packedHiOfCode[code] == hi) {
                            return code;
                        }
                    } else if (k == 0) {
                        return -1;
                    }
                }
            }
        }
        int sh = 0;
        for (int i = from; i < to; i++) {
            sh = 31 * sh + bytes[i];
        }
        int h = mix(sh);
        int mask = slots.length - 1;
        for (int i = h & mask;; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == 0) {
                return -1;
            }
            int code = (int) s - 1;
            if ((int) (s >>> 32) == h && offsets[code + 1] - offsets[code] == len
                    && matchesAscii(code, bytes, from, to)) {
                return code;
            }
        }
    }

    /**
     * Tells whether a code's key is exactly the ASCII bytes {@code bytes[from, to)} (false if a byte is not ASCII).
     *
     * @param code a code of this index
     * @param bytes the bytes
     * @param from first index
     * @param to index after the last
     * @return true if they are equal
     */
    public boolean matchesAscii(int code, byte[] bytes, int from, int to) {
        int len = to - from;
        if (len >= 1 && len <= 16) {
            long lo = pack(bytes, from, len <= 8 ? to : from + 8);
            long hi = len <= 8 ? 0 : pack(bytes, from + 8, to);
            if (lo != 0 && (hi != 0 || len <= 8)) {
                return packedOfCode[code] == lo && packedHiOfCode[code] == hi;
            }
        }
        int start = offsets[code];
        if (offsets[code + 1] - start != to - from) {
            return false;
        }
        char[] p = pool;
        for (int i = 0; i < to - from; i++) {
            if (p[start + i] != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the code of a key, adding it if absent.
     *
     * @param key the key
     * @return its code
     */
    public int add(String key) {
        int found = indexOf(key);
        if (found >= 0) {
            return found;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int code = size++;
        if (code == hashes.length) {
            hashes = Arrays.copyOf(hashes, code * 2);
            offsets = Arrays.copyOf(offsets, code * 2 + 1);
        }
        int start = offsets[code];
        int end = start + key.length();
        if (end > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(end, pool.length * 2));
        }
        key.getChars(0, key.length(), pool, start);
        offsets[code + 1] = end;
        int h = mix(key.hashCode());
        hashes[code] = h;
        insert(code, h);
        if (code == packedOfCode.length) {
            packedOfCode = Arrays.copyOf(packedOfCode, code * 2);
            packedHiOfCode = Arrays.copyOf(packedHiOfCode, code * 2);
        }
        int len = end - start;
        if (len >= 1 && len <= 16) {
            long lo = pack(pool, start, len <= 8 ? end : start + 8);
            long hi = len <= 8 ? 0 : pack(pool, start + 8, end);
            if (lo != 0 && (hi != 0 || len <= 8)) {
                packedOfCode[code] = lo;
                packedHiOfCode[code] = hi;
                insertPacked(code, lo, hi);
            }
        }
        return code;
    }

    /**
     * A 64-bit hash, never 0, of the text {@code bytes[from, to)} when it is 1–16 ASCII characters without NUL —
     * computed from the text packed into two words, so without a loop over its characters; 0 for any other text.
     * {@link #packedHash(char[], int, int)} gives the same hash for the same characters.
     *
     * @param bytes the bytes
     * @param from first index
     * @param to index after the last
     * @return the hash, or 0
     */
    public static long packedHash(byte[] bytes, int from, int to) {
        int len = to - from;
        if (len < 1 || len > 16) {
            return 0;
        }
        long lo = pack(bytes, from, len <= 8 ? to : from + 8);
        long hi = len <= 8 ? 0 : pack(bytes, from + 8, to);
        return lo == 0 || hi == 0 && len > 8 ? 0 : mix64(lo, hi);
    }

    /**
     * {@link #packedHash(byte[], int, int)} of characters.
     *
     * @param chars the characters
     * @param from first index
     * @param to index after the last
     * @return the hash, or 0 when the text is not 1–16 ASCII characters without NUL
     */
    public static long packedHash(char[] chars, int from, int to) {
        int len = to - from;
        if (len < 1 || len > 16) {
            return 0;
        }
        long lo = pack(chars, from, len <= 8 ? to : from + 8);
        long hi = len <= 8 ? 0 : pack(chars, from + 8, to);
        return lo == 0 || hi == 0 && len > 8 ? 0 : mix64(lo, hi);
    }

    private static long mix64(long lo, long hi) {
        long h = lo * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(hi * 0xC2B2AE3D27D4EB4FL, 31);
        h ^= h >>> 32;
        h *= 0xD6E8FEB86659FD93L;
        h ^= h >>> 32;
        return h == 0 ? 1 : h;
    }

    /** 1–8 ASCII characters without NUL packed into a long (never 0), or 0 for any other text. */
    private static long pack(char[] chars, int from, int to) {
        if (to - from < 1 || to - from > 8) {
            return 0;
        }
        long k = 0;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c == 0 || c >= 0x80) {
                return 0;
            }
            k |= (long) c << (8 * (i - from));
        }
        return k;
    }

    /** {@link #pack(char[], int, int)} of ASCII bytes (0 when a byte is NUL or not ASCII). */
    private static long pack(byte[] bytes, int from, int to) {
        int len = to - from;
        if (len < 1 || len > 8) {
            return 0;
        }
        if (from + 8 <= bytes.length) { // one word read, masked to the key's bytes
            long m = len == 8 ? -1L : (1L << (8 * len)) - 1;
            long k = (long) LONGS.get(bytes, from) & m;
            long outside = k | ~m; // bytes past the key set to 0xFF: only the key's bytes can be zero
            if ((k & 0x8080808080808080L) != 0
                    || ((outside - 0x0101010101010101L) & ~outside & 0x8080808080808080L) != 0) {
                return 0;
            }
            return k;
        }
        long k = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b <= 0) {
                return 0;
            }
            k |= (long) b << (8 * (i - from));
        }
        return k;
    }

    private static int mixPacked(long lo, long hi) {
        long h = (lo ^ Long.rotateLeft(hi, 31) * 0xC2B2AE3D27D4EB4FL) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    private void insertPacked(int code, long lo, long hi) {
        long[] t = packedSlots;
        int mask = t.length / 2 - 1;
        int i = mixPacked(lo, hi) & mask;
        while (t[2 * i] != 0) {
            i = (i + 1) & mask;
        }
        t[2 * i] = lo;
        t[2 * i + 1] = (code + 1L) | (hi == 0 ? 0 : 1L << 32);
    }

    /**
     * Returns a key by its code.
     *
     * @param code the code
     * @return the key
     */
    public String key(int code) {
        return new String(pool, offsets[code], offsets[code + 1] - offsets[code]);
    }

    private boolean same(int code, String key) {
        int start = offsets[code];
        int len = offsets[code + 1] - start;
        if (len != key.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (pool[start + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void insert(int code, int h) {
        int mask = slots.length - 1;
        int i = h & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = ((long) h << 32) | (code + 1L);
    }

    private void grow() {
        slots = new long[slots.length * 2];
        packedSlots = new long[slots.length * 2];
        for (int c = 0; c < size; c++) {
            insert(c, hashes[c]);
            if (packedOfCode[c] != 0) {
                insertPacked(c, packedOfCode[c], packedHiOfCode[c]);
            }
        }
    }

    /** Spreads String's hash so that similar ids do not cluster in the open-addressing table. */
    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
