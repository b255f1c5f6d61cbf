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

    /** Sparse cells: a hash index from key to slot and {@code long} counts, for large or unknown key spaces. */
    final class Sparse implements Cells {
        private final LongIntMap index;
        private long[] counts;

        /**
         * Creates empty sparse cells.
         *
         * @param expected the expected number of cells
         */
        public Sparse(int expected) {
            index = new LongIntMap(expected);
            counts = new long[Math.max(16, expected) * 3];
        }

        /**
         * Adds to the count of one category of one cell (a negative delta removes answers).
         *
         * @param key the cell key
         * @param category 0 detractor, 1 passive, 2 promoter
         * @param delta the change
         */
        public void add(long key, int category, long delta) {
            int slot = slot(key);
            counts[slot * 3 + category] += delta;
        }

        /**
         * Returns the slot of a cell, creating it if needed.
         *
         * @param key the cell key
         * @return the slot; counts are at {@code slot * 3 + category} of {@link #counts()}
         */
        public int slot(long key) {
            int n = index.size();
            int slot = index.getOrPut(key, n);
            if (slot == n && (n + 1) * 3 > counts.length) {
                counts = java.util.Arrays.copyOf(counts, counts.length * 2);
            }
            return slot;
        }

        /**
         * Returns the live counts array (it is replaced when it grows: fetch it after {@link #slot}).
         *
         * @return the counts
         */
        public long[] counts() {
            return counts;
        }

        /**
         * Adds another sparse cells' counts to these.
         *
         * @param other the other cells
         * @return this
         */
        public Sparse merge(Sparse other) {
            other.visit((key, d, p, pr) -> {
                int s = slot(key) * 3;
                counts[s] += d;
                counts[s + 1] += p;
                counts[s + 2] += pr;
            });
            return this;
        }

        @Override
        public void visit(Visitor visitor) {
            for (long key : index.sortedKeys()) {
                int s = index.get(key) * 3;
                long d = counts[s];
                long p = counts[s + 1];
                long pr = counts[s + 2];
                if (d != 0 || p != 0 || pr != 0) {
                    visitor.cell(key, d, p, pr);
                }
            }
        }
    }
}
