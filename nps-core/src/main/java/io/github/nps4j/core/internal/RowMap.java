package io.github.nps4j.core.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One row of a compact column set seen as an immutable map from name to value, iterated in name order (as the
 * {@code TreeMap} copies of {@link io.github.nps4j.core.Response} are): a response's attribute ratings or competitor
 * scores. Equal, by the {@link Map} contract, to any map of the same entries. Its values were validated when the
 * columns were filled, so {@link io.github.nps4j.core.Response} keeps it without a copy.
 *
 * @param <V> the value type
 */
public abstract sealed class RowMap<V> extends AbstractMap<String, V> permits RowMap.Ratings, RowMap.Scores {
    /** Names, sorted by {@link String#compareTo}, distinct, non-blank. */
    final String[] names;
    final int row;

    RowMap(String[] names, int row) {
        this.names = names;
        this.row = row;
    }

    /** The value of name {@code k} in this row, or {@code null} when missing. */
    abstract @Nullable V valueAt(int k);

    @Override
    public @Nullable V get(@Nullable Object key) {
        if (!(key instanceof String s)) {
            return null;
        }
        int k = Arrays.binarySearch(names, s);
        return k < 0 ? null : valueAt(k);
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        int n = 0;
        for (int k = 0; k < names.length; k++) {
            if (valueAt(k) != null) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int k = from;
                        while (k < names.length && valueAt(k) == null) {
                            k++;
                        }
                        return k;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Map.Entry<String, V> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int k = next;
                        next = advance(k + 1);
                        return new AbstractMap.SimpleImmutableEntry<>(names[k], valueAt(k));
                    }
                };
            }

            @Override
            public int size() {
                return RowMap.this.size();
            }
        };
    }

    /** Attribute ratings: a {@code double} column per attribute, NaN where the respondent skipped it. */
    static final class Ratings extends RowMap<Double> {
        private final double[][] columns;

        Ratings(String[] names, double[][] columns, int row) {
            super(names, row);
            this.columns = columns;
        }

        @Override
        @Nullable Double valueAt(int k) {
            double v = columns[k][row];
            return Double.isNaN(v) ? null : v;
        }
    }

    /** Competitor scores: a {@code byte} column per competitor, -1 where the respondent did not rate it. */
    static final class Scores extends RowMap<Integer> {
        private final byte[][] columns;

        Scores(String[] names, byte[][] columns, int row) {
            super(names, row);
            this.columns = columns;
        }

        @Override
        @Nullable Integer valueAt(int k) {
            byte v = columns[k][row];
            return v < 0 ? null : Integer.valueOf(v);
        }
    }
}
