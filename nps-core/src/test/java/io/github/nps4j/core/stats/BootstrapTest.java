package io.github.nps4j.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.Tally;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    /** Synthetic answers: signs, weights and account indices from a fixed seed. */
    record Data(byte[] signs, double[] weights, int[] accounts) {
        static Data of(int n, int accounts, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            byte[] s = new byte[n];
            double[] w = new double[n];
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.nextInt(accounts);
                // account-level tendency makes answers clustered
                double u = r.nextDouble() + (a[i] % 3 - 1) * 0.2;
                s[i] = (byte) (u < 0.3 ? -1 : u < 0.55 ? 0 : 1);
                w[i] = 1 + r.nextInt(3);
            }
            return new Data(s, w, a);
        }

        NpsEstimate estimate() {
            Tally t = new Tally();
            for (int i = 0; i < signs.length; i++) {
                t.add(signs[i] == 1 ? 10 : signs[i] == 0 ? 8 : 0, weights[i]);
            }
            return t.snapshot();
        }
    }

    @Test
    void sameSeedGivesTheIdenticalInterval() {
        Data d = Data.of(300, 20, 1);
        Interval a = Bootstrap.of(42, 999).responses(d.signs(), d.weights());
        Interval b = Bootstrap.of(42, 999).responses(d.signs(), d.weights());
        assertEquals(a, b);
        Bootstrap shared = Bootstrap.of(42, 999).level(0.9);
        assertEquals(shared.accounts(d.signs(), d.weights(), d.accounts()),
                shared.accounts(d.signs(), d.weights(), d.accounts()));
        assertNotEquals(a, Bootstrap.of(43, 999).responses(d.signs(), d.weights()));
        assertEquals(IntervalMethod.BOOTSTRAP, a.method());
        assertEquals(d.estimate().npsValue(), a.pointEstimate(), 1e-9);
        assertTrue(a.contains(a.pointEstimate()));
    }

    @Test
    void clusteredEstimateAndArraysGiveTheSameAccountBootstrap() {
        Data d = Data.of(200, 12, 2);
        ClusteredTally t = new ClusteredTally();
        for (int i = 0; i < d.signs().length; i++) {
            // ids whose sorted order is the index order
            t.add(String.format("acct-%03d", d.accounts()[i]),
                    d.signs()[i] == 1 ? 9 : d.signs()[i] == 0 ? 7 : 3, d.weights()[i]);
        }
        Bootstrap b = Bootstrap.of(5, 500);
        assertEquals(b.accounts(d.signs(), d.weights(), d.accounts()), b.accounts(t.snapshot()));
        NpsSummary s = NpsSummary.of(t.snapshot(), b);
        assertEquals(b.accounts(t.snapshot()), s.ci().orElseThrow());
    }

    @Test
    void largeSampleBootstrapIsCloseToWald() {
        Data d = Data.of(4000, 400, 3);
        double[] unit = new double[d.signs().length];
        java.util.Arrays.fill(unit, 1);
        Interval boot = Bootstrap.of(11, 2000).responses(d.signs());
        Interval wald = ConfidenceIntervals.wald(NpsEstimate.ofScores(toScores(d.signs())), 0.95).orElseThrow();
        assertEquals(wald.lower(), boot.lower(), 0.5);
        assertEquals(wald.upper(), boot.upper(), 0.5);
        assertEquals(boot, Bootstrap.of(11, 2000).responses(d.signs(), unit));
    }

    @Test
    void clusterBootstrapIsWiderThanResponseBootstrapForClusteredData() {
        Data d = Data.of(3000, 15, 4);
        Interval resp = Bootstrap.of(9, 1000).responses(d.signs(), d.weights());
        Interval acc = Bootstrap.of(9, 1000).accounts(d.signs(), d.weights(), d.accounts());
        assertTrue(acc.width() > resp.width(), () -> acc + " vs " + resp);
    }

    @Test
    void reportsProgressAndCanBeCancelled() {
        Data d = Data.of(100, 10, 5);
        List<long[]> calls = new ArrayList<>();
        Bootstrap.of(1, 1000).progress((done, total) -> calls.add(new long[] {done, total}))
                .responses(d.signs(), d.weights());
        assertEquals(100, calls.size());
        long prev = 0;
        for (long[] c : calls) {
            assertTrue(c[0] > prev);
            assertEquals(1000, c[1]);
            prev = c[0];
        }
        assertEquals(1000, prev);

        assertThrows(CancellationException.class,
                () -> Bootstrap.of(1, 1000).cancelWhen(() -> true).responses(d.signs(), d.weights()));
        AtomicBoolean stop = new AtomicBoolean();
        List<Long> seen = new ArrayList<>();
        Bootstrap halfway = Bootstrap.of(1, 1000).cancelWhen(stop::get).progress((done, total) -> {
            seen.add(done);
            if (done >= 500) {
                stop.set(true);
            }
        });
        assertThrows(CancellationException.class, () -> halfway.accounts(d.signs(), d.weights(), d.accounts()));
        assertEquals(500L, seen.get(seen.size() - 1));
    }

    @Test
    void degenerateDataGiveAFlaggedPointInterval() {
        byte[] promoters = {1, 1, 1, 1, 1};
        Interval i = Bootstrap.of(3, 100).responses(promoters);
        assertEquals(100, i.lower());
        assertEquals(100, i.upper());
        assertTrue(i.degenerate());
        assertTrue(i.note().isPresent());
    }

    @Test
    void zeroWeightAnswersAreLeftOut() {
        byte[] s = {1, 0, -1, 1, 1, -1, -1};
        double[] w = {1, 2, 1, 1, 3, 0, 0};
        byte[] s2 = {1, 0, -1, 1, 1};
        double[] w2 = {1, 2, 1, 1, 3};
        assertEquals(Bootstrap.of(8, 300).responses(s2, w2), Bootstrap.of(8, 300).responses(s, w));
        assertFalse(Bootstrap.of(8, 300).responses(s, w).degenerate());
    }

    @Test
    void rejectsBadInput() {
        Bootstrap b = Bootstrap.of(1, 10);
        assertThrows(IllegalArgumentException.class, () -> b.responses(new byte[] {2}));
        assertThrows(IllegalArgumentException.class, () -> b.responses(new byte[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> b.responses(new byte[] {1}, new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> b.responses(new byte[] {1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> b.responses(new byte[0]));
        assertThrows(IllegalArgumentException.class,
                () -> b.accounts(new byte[] {1}, new double[] {1}, new int[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.of(1, 1));
        assertThrows(IllegalArgumentException.class, () -> b.level(1.0));
        ClusteredEstimate empty = ClusteredEstimate.of(NpsEstimate.empty(), new TreeMap<>());
        assertTrue(NpsSummary.of(empty, b).ci().isEmpty());
    }

    @Test
    void quantileIsRType7() {
        double[] x = {1, 2, 3, 4};
        assertEquals(1.75, Bootstrap.quantile(x, 0.25), 1e-15);
        assertEquals(4, Bootstrap.quantile(x, 1), 1e-15);
        assertEquals(1, Bootstrap.quantile(x, 0), 1e-15);
    }

    private static int[] toScores(byte[] signs) {
        int[] s = new int[signs.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = signs[i] == 1 ? 10 : signs[i] == 0 ? 8 : 0;
        }
        return s;
    }
}
