package io.github.nps4j.core.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The repeated-id check of the streaming scorer: which of many 64-bit id hashes occur more than once, found without
 * a hash set of them all (which at 20 M ids would not stay in the cache): the hashes are scattered into 4096 buckets
 * by their top bits, and each bucket is checked with a small set that does. Rows whose hashes repeat are then read
 * again to tell a real repeat from a collision.
 */
final class RepeatedHashes {
    private RepeatedHashes() {
    }

    /**
     * The hashes that occur more than once among the segments' used hashes ({@code n} in all): scattered by their
     * top 12 bits into 4096 buckets of a copy, then each bucket put in a small open-addressing set that stays in
     * the cache. With {@code threads > 1} each phase is shared out: the segments to count
     * and scatter (each thread writing its own slots of every bucket), then the buckets to check.
     */
    static Set<Long> of(List<Segment> segments, int n, int threads) {
        int t = Math.max(1, Math.min(threads, segments.size()));
        // the segments of each thread: contiguous runs of about n / t hashes
        int[] firstSegment = new int[t + 1];
        for (int i = 0, k = 1, seen = 0; i < segments.size() && k < t; i++) {
            seen += segments.get(i).used();
            if (seen >= (long) n * k / t) {
                firstSegment[k++] = i + 1;
            }
        }
        firstSegment[t] = segments.size();
        for (int k = t - 1; k > 0; k--) {
            firstSegment[k] = Math.min(Math.max(firstSegment[k], firstSegment[k - 1]), firstSegment[k + 1]);
        }
        int[][] counts = new int[t][4096];
        inParallel(t, w -> {
            int[] c = counts[w];
            for (int i = firstSegment[w]; i < firstSegment[w + 1]; i++) {
                long[] h = segments.get(i).hashes();
                for (int j = 0, m = segments.get(i).used(); j < m; j++) {
                    c[(int) (h[j] >>> 52)]++;
                }
            }
        });
        int[] start = new int[4097];
        int[][] next = new int[t][4096];
        for (int b = 0; b < 4096; b++) {
            int at = start[b];
            for (int w = 0; w < t; w++) {
                next[w][b] = at;
                at += counts[w][b];
            }
            start[b + 1] = at;
        }
        long[] byBucket = new long[n];
        inParallel(t, w -> {
            int[] nx = next[w];
            for (int i = firstSegment[w]; i < firstSegment[w + 1]; i++) {
                long[] h = segments.get(i).hashes();
                for (int j = 0, m = segments.get(i).used(); j < m; j++) {
                    byBucket[nx[(int) (h[j] >>> 52)]++] = h[j];
                }
            }
        });
        // the buckets of each thread: contiguous runs of about n / t hashes
        int[] firstBucket = new int[t + 1];
        for (int w = 1, b = 0; w < t; w++) {
            while (b < 4096 && start[b] < (long) n * w / t) {
                b++;
            }
            firstBucket[w] = b;
        }
        firstBucket[t] = 4096;
        List<Set<Long>> found = new ArrayList<>();
        for (int w = 0; w < t; w++) {
            found.add(new HashSet<>());
        }
        inParallel(t, w -> repeatedInBuckets(byBucket, start, firstBucket[w], firstBucket[w + 1], found.get(w)));
        Set<Long> repeated = found.get(0);
        for (int w = 1; w < t; w++) {
            repeated.addAll(found.get(w));
        }
        return repeated;
    }

    /** Adds to {@code repeated} the hashes that occur more than once in each of buckets {@code [from, to)}. */
    private static void repeatedInBuckets(long[] byBucket, int[] start, int fromBucket, int toBucket,
            Set<Long> repeated) {
        long[] table = new long[16];
        for (int b = fromBucket; b < toBucket; b++) {
            int from = start[b];
            int to = start[b + 1];
            int cap = Integer.highestOneBit(Math.max(8, (to - from) * 2 - 1)) << 1;
            if (cap > table.length) {
                table = new long[cap];
            } else {
                Arrays.fill(table, 0, cap, 0L);
            }
            int mask = cap - 1;
            for (int i = from; i < to; i++) {
                long v = byBucket[i]; // never 0 (see CsvFile.strippedHash)
                int slot = (int) v & mask;
                long h;
                while ((h = table[slot]) != 0 && h != v) {
                    slot = (slot + 1) & mask;
                }
                if (h == v) {
                    repeated.add(v);
                } else {
                    table[slot] = v;
                }
            }
        }
    }

    /**
     * Runs {@code task(0)} … {@code task(t − 1)}, all but the first on threads of their own, and returns when all
     * are done (a failure of one is thrown here).
     */
    private static void inParallel(int t, IntConsumer task) {
        if (t == 1) {
            task.accept(0);
            return;
        }
        Throwable[] failed = new Throwable[t];
        Thread[] workers = new Thread[t - 1];
        for (int w = 1; w < t; w++) {
            int k = w;
            workers[w - 1] = new Thread(() -> {
                try {
                    task.accept(k);
                } catch (RuntimeException | Error e) {
                    failed[k] = e;
                }
            }, "nps-ids-" + w);
            workers[w - 1].setDaemon(true);
            workers[w - 1].start();
        }
        try {
            task.accept(0);
        } finally {
            for (Thread w : workers) {
                StreamingScorer.join(w);
            }
        }
        for (Throwable e : failed) {
            if (e instanceof RuntimeException r) {
                throw r;
            } else if (e != null) {
                throw (Error) e;
            }
        }
    }

    /** A sealed run of hashes: the first {@code used} of the array. */
    record Segment(long[] hashes, int used) {
    }
}
