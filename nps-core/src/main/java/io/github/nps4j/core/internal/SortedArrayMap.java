package io.github.nps4j.core.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable sorted map over two arrays: keys in ascending natural order and their values. It exists so that a
 * scorer that already has its per-account totals in account-id order can hand them to a
 * {@link java.util.TreeMap#TreeMap(SortedMap)} copy (which then links the entries in one linear pass) without first
 * putting them into a tree one comparison-laden insertion at a time. Lookups are binary searches; sub-maps are views
 * of a range of the same arrays.
 *
 * @param <V> the value type
 */
public final class SortedArrayMap<V> extends AbstractMap<String, V> implements SortedMap<String, V> {
    private final String[] keys;
    private final V[] values;
    private final int from;
    private final int to;

    private SortedArrayMap(String[] keys, V[] values, int from, int to) {
        this.keys = keys;
        this.values = values;
        this.from = from;
        this.to = to;
    }

    /**
     * Wraps keys and values (not copied: the caller hands them over).
     *
     * @param <V> the value type
     * @param keys the keys, strictly ascending, no null
     * @param values the values, same length, no null
     * @return the map
     * @throws IllegalArgumentException if the lengths differ or the keys are not strictly ascending
     */
    public static <V> SortedArrayMap<V> of(String[] keys, V[] values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException(keys.length + " keys but " + values.length + " values");
        }
        for (int i = 0; i < keys.length; i++) {
            if (i > 0 && keys[i - 1].compareTo(keys[i]) >= 0) {
                throw new IllegalArgumentException("keys not strictly ascending at " + i + ": '" + keys[i - 1]
                        + "' then '" + keys[i] + "'");
            }
            java.util.Objects.requireNonNull(values[i], "value");
        }
        return new SortedArrayMap<>(keys, values, 0, keys.length);
    }

    /** The index of {@code key} in [from, to), or −(insertion point) − 1. */
    private int find(Object key) {
        return Arrays.binarySearch(keys, from, to, (String) java.util.Objects.requireNonNull(key, "key"));
    }

    /** The first index in [from, to] whose key is not below {@code key}. */
    private int lowerBound(String key) {
        int i = find(key);
        return i >= 0 ? i : -i - 1;
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String && find(key) >= 0;
    }

    @Override
    public @Nullable V get(Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        int i = find(key);
        return i >= 0 ? values[i] : null;
    }

    @Override
    public @Nullable Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public SortedMap<String, V> subMap(String fromKey, String toKey) {
        if (fromKey.compareTo(toKey) > 0) {
            throw new IllegalArgumentException("fromKey '" + fromKey + "' > toKey '" + toKey + "'");
        }
        return range(lowerBound(fromKey), lowerBound(toKey));
    }

    @Override
    public SortedMap<String, V> headMap(String toKey) {
        return range(from, lowerBound(toKey));
    }

    @Override
    public SortedMap<String, V> tailMap(String fromKey) {
        return range(lowerBound(fromKey), to);
    }

    private SortedMap<String, V> range(int a, int b) {
        return new SortedArrayMap<>(keys, values, a, Math.max(a, b));
    }

    @Override
    public String firstKey() {
        if (from == to) {
            throw new NoSuchElementException("empty map");
        }
        return keys[from];
    }

    @Override
    public String lastKey() {
        if (from == to) {
            throw new NoSuchElementException("empty map");
        }
        return keys[to - 1];
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int i = from;

                    @Override
                    public boolean hasNext() {
                        return i < to;
                    }

                    @Override
                    public Entry<String, V> next() {
                        if (i >= to) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, V> e = new SimpleImmutableEntry<>(keys[i], values[i]);
                        i++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return to - from;
            }
        };
    }
}
