package io.github.nps4j.core.internal;

/**
 * Category counts per cell, a cell being one (group, account, role) combination encoded as a {@code long} key
 * {@code (group * accountRadix + account) * roleRadix + role}. Counts are integers, so merging partial cells is
 * exact and the result does not depend on how rows were split.
 */
public interface Cells {
    /** Receives one cell with a positive count, in ascending key order. */
    @FunctionalInterface
    interface Visitor {
        /**
         * Visits a cell.
         *
         * @param key the cell key
         * @param detractors its detractor count
         * @param passives its passive count
         * @param promoters its promoter count
         */
        void cell(long key, long detractors, long passives, long promoters);
    }

    /**
     * Visits every cell holding at least one answer, in ascending key order.
     *
     * @param visitor the visitor
     */
    void visit(Visitor visitor);

    /** Dense cells over keys {@code 0..cells-1}: an {@code int} array of three counts per key plus a trash cell. */
    final class Dense implements Cells {
        private final int cells;
        private final int[] counts;

        /**
         * Creates empty dense cells.
         *
         * @param cells the number of keys
         */
        public Dense(int cells) {
            this.cells = cells;
            this.counts = new int[cells * 3 + 3];
        }

        /**
         * Returns the counts array: slot {@code key * 3 + category}; the last three slots are the trash cell where
         * filtered-out rows go.
         *
         * @return the live array
         */
        public int[] counts() {
            return counts;
        }

        /**
         * Returns the index of the trash slot.
         *
         * @return {@code cells * 3}
         */
        public int trashSlot() {
            return cells * 3;
        }

        /**
         * Adds another dense cells' counts to these.
         *
         * @param other cells of the same size
         * @return this
         */
        public Dense merge(Dense other) {
            int[] o = other.counts;
            for (int i = 0; i < counts.length; i++) {
                counts[i] += o[i];
            }
            return this;
        }

        @Override
        public void visit(Visitor visitor) {
            for (int k = 0; k < cells; k++) {
                int b = k * 3;
                int d = counts[b];
                int p = counts[b + 1];
                int pr = counts[b + 2];
                if ((d | p | pr) != 0) {
                    visitor.cell(k, d, p, pr);
                }
            }
        }
    }

    /**
     * Sparse cells: an open-addressing hash table whose slot holds the key and its three {@code long} counts side by
     * side (one cache line touched per answer), for large or unknown key spaces.
     */
    final class Sparse implements Cells {
        /** Slot i: {@code table[4i]} the key + 1 (0 when free), then the detractor, passive and promoter counts. */
        private long[] table;
        private int size;
        private int mask;

        /**
         * Creates empty sparse cells.
         *
         * @param expected the expected number of cells
         */
        public Sparse(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            table = new long[4 * cap];
            mask = cap - 1;
        }

        /**
         * Returns whether no cell has been added.
         *
         * @return true when empty
         */
        public boolean isEmpty() {
            return size == 0;
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        /**
         * Adds to the count of one category of one cell (a negative delta removes answers).
         *
         * @param key the cell key, {@code >= 0}
         * @param category 0 detractor, 1 passive, 2 promoter
         * @param delta the change
         */
        public void add(long key, int category, long delta) {
            long k = key + 1;
            long[] t = table;
            int i = hash(key) & mask;
            long v;
            while ((v = t[i << 2]) != 0) {
                if (v == k) {
                    t[(i << 2) + 1 + category] += delta;
                    return;
                }
                i = (i + 1) & mask;
            }
            t[i << 2] = k;
            t[(i << 2) + 1 + category] = delta;
            if (++size * 4 > (mask + 1) * 3) {
                grow();
            }
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            mask = table.length / 4 - 1;
            for (int s = 0; s < old.length; s += 4) {
                if (old[s] != 0) {
                    int i = hash(old[s] - 1) & mask;
                    while (table[i << 2] != 0) {
                        i = (i + 1) & mask;
                    }
                    System.arraycopy(old, s, table, i << 2, 4);
                }
            }
        }

        /**
         * Adds another sparse cells' counts to these.
         *
         * @param other the other cells
         * @return this
         */
        public Sparse merge(Sparse other) {
            long[] o = other.table;
            for (int s = 0; s < o.length; s += 4) {
                if (o[s] != 0) {
                    for (int c = 0; c < 3; c++) {
                        if (o[s + 1 + c] != 0) {
                            add(o[s] - 1, c, o[s + 1 + c]);
                        }
                    }
                }
            }
            return this;
        }

        @Override
        public void visit(Visitor visitor) {
            long[] t = table;
            long[] keys = new long[size];
            int[] slots = new int[size];
            int n = 0;
            for (int s = 0; s < t.length; s += 4) {
                if (t[s] != 0) {
                    keys[n++] = t[s] - 1;
                }
            }
            java.util.Arrays.sort(keys, 0, n);
            for (int j = 0; j < n; j++) {
                int i = hash(keys[j]) & mask;
                while (t[i << 2] != keys[j] + 1) {
                    i = (i + 1) & mask;
                }
                slots[j] = i << 2;
            }
            for (int j = 0; j < n; j++) {
                int s = slots[j];
                long d = t[s + 1];
                long p = t[s + 2];
                long pr = t[s + 3];
                if (d != 0 || p != 0 || pr != 0) {
                    visitor.cell(keys[j], d, p, pr);
                }
            }
        }
    }
}
