package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The repeated-hash search, on one thread and shared out, against counting every hash in a map. */
class RepeatedHashesPropertyTest {

    /** Hashes as the scorer makes them: never 0, spread over all bits, some repeated (and some more than twice). */
    private static long[] hashes(Random r, int n, int distinct) {
        long[] pool = new long[distinct];
        for (int i = 0; i < distinct; i++) {
            long h;
            do {
                h = r.nextLong();
            } while (h == 0);
            pool[i] = h;
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = pool[r.nextInt(distinct)];
        }
        return out;
    }

    /** Splits hashes into segments of random lengths, each array with unused room after its used hashes. */
    private static List<RepeatedHashes.Segment> segments(Random r, long[] h) {
        List<RepeatedHashes.Segment> out = new ArrayList<>();
        int i = 0;
        while (i < h.length) {
            int len = Math.min(h.length - i, 1 + r.nextInt(Math.max(1, h.length / 3)));
            long[] a = new long[len + r.nextInt(4)];
            a[len - 1 + (a.length - len)] = r.nextLong(); // junk past the used part, which must be ignored
            System.arraycopy(h, i, a, 0, len);
            out.add(new RepeatedHashes.Segment(a, len));
            i += len;
        }
        return out;
    }

    private static Set<Long> counted(long[] h) {
        Map<Long, Integer> n = new HashMap<>();
        for (long v : h) {
            n.merge(v, 1, Integer::sum);
        }
        Set<Long> out = new HashSet<>();
        n.forEach((k, c) -> {
            if (c > 1) {
                out.add(k);
            }
        });
        return out;
    }

    @Property(tries = 200)
    void sameRepeatsOnAnyNumberOfThreads(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3000) int n,
            @ForAll @IntRange(min = 1, max = 4) int threads) {
        Random r = new Random(seed);
        long[] h = hashes(r, n, Math.max(1, n - r.nextInt(Math.max(1, n / 4 + 1))));
        List<RepeatedHashes.Segment> s = segments(r, h);
        assertEquals(counted(h), RepeatedHashes.of(s, n, threads));
    }

    @Test
    void hashesSharingTheirTopBitsStillCompared() {
        // every hash in one bucket (same top 12 bits): one thread gets all the work, the others none
        long[] h = new long[5000];
        for (int i = 0; i < h.length; i++) {
            h[i] = 0x7FF0_0000_0000_0000L | (i % 4000 + 1);
        }
        List<RepeatedHashes.Segment> s = List.of(new RepeatedHashes.Segment(h, 2500),
                new RepeatedHashes.Segment(java.util.Arrays.copyOfRange(h, 2500, 5000), 2500));
        for (int t = 1; t <= 3; t++) {
            assertEquals(counted(h), RepeatedHashes.of(s, h.length, t), "threads " + t);
        }
        assertEquals(1000, RepeatedHashes.of(s, h.length, 2).size());
    }
}
