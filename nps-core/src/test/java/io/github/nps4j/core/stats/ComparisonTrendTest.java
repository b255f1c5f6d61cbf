package io.github.nps4j.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.NpsEstimate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTrendTest {

    static ClusteredEstimate clustered(String[] accounts, int[] scores) {
        ClusteredTally t = new ClusteredTally();
        for (int i = 0; i < scores.length; i++) {
            t.add(accounts[i], scores[i], 1.0);
        }
        return t.snapshot();
    }

    @Test
    void differenceKeepsItsSignAndPIsComputedInTheTail() {
        NpsEstimate low = NpsEstimate.ofCounts(300, 50, 50);   // -62.5
        NpsEstimate high = NpsEstimate.ofCounts(50, 50, 300);  // +62.5
        Comparison c = Comparison.of(low, high, 0.95).orElseThrow();
        assertEquals(-125, c.difference(), 1e-12);
        assertTrue(c.z().getAsDouble() < -20);
        // 1 - (2Φ(|z|) - 1) would be exactly 0 here; 2Φ(-|z|) is a tiny positive number
        assertTrue(c.pValue().getAsDouble() > 0 && c.pValue().getAsDouble() < 1e-80, c::toString);
        assertTrue(c.upper() < 0);
        assertTrue(c.isSignificant(0.05));
    }

    @Test
    void emptyGroupGivesNoComparison() {
        assertTrue(Comparison.of(NpsEstimate.empty(), NpsEstimate.ofCounts(1, 1, 1), 0.95).isEmpty());
        assertTrue(Comparison.toBenchmark(NpsEstimate.empty(), 0, IntervalMethod.WALD, 0.95).isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> Comparison.of(NpsEstimate.ofCounts(1, 1, 1), NpsEstimate.ofCounts(1, 1, 1),
                        IntervalMethod.BOOTSTRAP, 0.95));
    }

    @Test
    void clusteredComparisonOfDisjointAccountsAddsTheResidualSums() {
        ClusteredEstimate a = clustered(new String[] {"A", "A", "B", "B", "B"}, new int[] {10, 9, 3, 8, 10});
        ClusteredEstimate b = clustered(new String[] {"C", "C", "D"}, new int[] {2, 9, 5});
        Comparison c = Comparison.clustered(a, b, 0.95).orElseThrow();
        // Σ_g u_g² of each group = (G-1)/G · V_c; with 4 accounts in all the factor is 4/3
        double sa = a.clusteredVariance() * (2 - 1) / 2.0;
        double sb = b.clusteredVariance() * (2 - 1) / 2.0;
        assertEquals(100 * Math.sqrt(4.0 / 3 * (sa + sb)), c.standardError(), 1e-12);
        assertEquals(a.estimate().npsValue() - b.estimate().npsValue(), c.difference(), 1e-12);
        assertTrue(c.clustered());
    }

    @Test
    void clusteredComparisonOfIdenticalGroupsHasZeroSe() {
        String[] acc = {"A", "A", "B", "C", "C"};
        int[] s = {10, 3, 8, 9, 9};
        Comparison c = Comparison.clustered(clustered(acc, s), clustered(acc, s), 0.95).orElseThrow();
        assertEquals(0, c.difference());
        assertEquals(0, c.standardError(), 1e-15);
        assertTrue(c.degenerate());
        assertTrue(c.pValue().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Comparison.clustered(
                clustered(new String[] {"A"}, new int[] {9}), clustered(new String[] {"A"}, new int[] {3}), 0.95));
    }

    @Test
    void stableAccountsMakeTheClusteredChangeSeSmaller() {
        // each account answers alike in both periods, so their residuals cancel in u_a - u_b
        String[] acc = {"A", "A", "B", "B", "C", "C", "D", "D"};
        ClusteredEstimate q1 = clustered(acc, new int[] {10, 9, 2, 3, 8, 10, 4, 6});
        ClusteredEstimate q2 = clustered(acc, new int[] {10, 10, 3, 3, 9, 10, 5, 6});
        Comparison indep = Comparison.of(q2.estimate(), q1.estimate(), 0.95).orElseThrow();
        Comparison clust = Comparison.clustered(q2, q1, 0.95).orElseThrow();
        assertEquals(indep.difference(), clust.difference(), 1e-12);
        assertTrue(clust.standardError() < indep.standardError());
    }

    @Test
    void trendReportsChangesAndSignificance() {
        NpsEstimate q1 = NpsEstimate.ofCounts(40, 30, 30);   // -10
        NpsEstimate q2 = NpsEstimate.ofCounts(20, 30, 50);   // +30
        NpsEstimate q3 = NpsEstimate.ofCounts(21, 30, 49);   // +28
        Trend t = Trend.of(List.of(Map.entry("2026-Q1", q1), Map.entry("2026-Q2", q2), Map.entry("2026-Q3", q3),
                Map.entry("2026-Q4", NpsEstimate.empty())), 0.05);
        List<TrendPoint> p = t.points();
        assertEquals(4, p.size());
        assertTrue(p.get(0).change().isEmpty());
        assertEquals("first period", p.get(0).note().orElseThrow());
        assertEquals(40, p.get(1).change().getAsDouble(), 1e-12);
        assertEquals(Math.hypot(q1.standardError().getAsDouble(), q2.standardError().getAsDouble()),
                p.get(1).changeStandardError().getAsDouble(), 1e-12);
        assertTrue(p.get(1).significant());
        assertEquals(-2, p.get(2).change().getAsDouble(), 1e-12);
        assertFalse(p.get(2).significant());
        assertTrue(p.get(2).changePValue().getAsDouble() > 0.5);
        assertTrue(p.get(3).change().isEmpty());
        assertTrue(p.get(3).nps().isEmpty());
        assertFalse(p.get(3).significant());
        assertThrows(IllegalArgumentException.class,
                () -> Trend.of(List.of(Map.entry("a", q1), Map.entry("a", q2)), 0.05));
    }

    @Test
    void clusteredTrendUsesAccountCovariance() {
        String[] acc = {"A", "A", "B", "B", "C", "C", "D", "D"};
        ClusteredEstimate q1 = clustered(acc, new int[] {10, 9, 2, 3, 8, 10, 4, 6});
        ClusteredEstimate q2 = clustered(acc, new int[] {10, 10, 3, 3, 9, 10, 5, 6});
        ClusteredEstimate q3 = clustered(new String[] {"A"}, new int[] {10});
        Trend t = Trend.ofClustered(List.of(Map.entry("m1", q1), Map.entry("m2", q2)), 0.05);
        TrendPoint p2 = t.points().get(1);
        assertTrue(p2.clustered());
        assertEquals(Comparison.clustered(q2, q1, 0.95).orElseThrow().standardError(),
                p2.changeStandardError().getAsDouble(), 1e-12);
        assertEquals(q2.clusteredStandardError(), p2.clusteredStandardError());
        Trend single = Trend.ofClustered(List.of(Map.entry("m1", q3), Map.entry("m2", q3)), 0.05);
        assertTrue(single.points().get(1).change().isEmpty());
        assertTrue(single.points().get(1).note().orElseThrow().contains("at least 2 accounts"));
    }

    @Test
    void scoreDifferenceIsMoverFromTheTwoScoreIntervals() {
        // a: 2 detractors, 3 passives, 10 promoters (NPS 53.3); b: 5, 4, 3 (NPS -16.7). Hand computation (Python,
        // scipy brentq on Tango's statistic, independent of nps4j): score intervals a [8.572396445493158,
        // 79.18324739964078], b [-55.28216929551674, 28.62562076881497]; MOVER
        // L = 70 - sqrt((53.33 - 8.57)^2 + (28.63 - (-16.67))^2) = 6.321645968072476,
        // U = 70 + sqrt((79.18 - 53.33)^2 + (-16.67 - (-55.28))^2) = 116.46907682011991.
        NpsEstimate a = NpsEstimate.ofCounts(2, 3, 10);
        NpsEstimate b = NpsEstimate.ofCounts(5, 4, 3);
        Interval sa = ConfidenceIntervals.score(a, 0.95).orElseThrow();
        Interval sb = ConfidenceIntervals.score(b, 0.95).orElseThrow();
        assertEquals(8.572396445493158, sa.lower(), 1e-9);
        assertEquals(28.62562076881497, sb.upper(), 1e-9);
        Comparison c = Comparison.of(a, b, IntervalMethod.SCORE, 0.95).orElseThrow();
        assertEquals(70.0, c.difference(), 1e-12);
        assertEquals(6.321645968072476, c.lower(), 1e-8);
        assertEquals(116.46907682011991, c.upper(), 1e-8);
        assertEquals(IntervalMethod.SCORE, c.method());
        // the p-value is the one the interval inverts: at level 1 - p the lower limit is 0
        double p = c.pValue().getAsDouble();
        assertTrue(p < 0.05 && p > 0, c::toString);
        assertEquals(0, Comparison.of(a, b, IntervalMethod.SCORE, 1 - p).orElseThrow().lower(), 1e-6);
        assertTrue(c.isSignificant(0.05));
        // mirrored
        Comparison r = Comparison.of(b, a, IntervalMethod.SCORE, 0.95).orElseThrow();
        assertEquals(-c.upper(), r.lower(), 1e-9);
        assertEquals(p, r.pValue().getAsDouble(), 1e-9);
    }

    @Test
    void theDifferenceIsAlwaysTheRawOne() {
        // the case: adjusted Wald leaked its centre into the difference (36.4 instead of 10.5 - (-37.5))
        NpsEstimate a = NpsEstimate.ofCounts(6, 5, 8);
        NpsEstimate b = NpsEstimate.ofCounts(1, 0, 0);
        for (IntervalMethod m : List.of(IntervalMethod.WALD, IntervalMethod.ADJUSTED_WALD, IntervalMethod.SCORE)) {
            Comparison c = Comparison.of(a, b, m, 0.95).orElseThrow();
            assertEquals(a.npsValue() - b.npsValue(), c.difference(), 1e-12, m::toString);
            assertTrue(c.lower() <= c.difference() && c.difference() <= c.upper(), c::toString);
        }
    }

    @Test
    void fewAccountsUseStudentT() {
        ClusteredTally a = new ClusteredTally();
        ClusteredTally b = new ClusteredTally();
        int[][] sa = {{10, 9, 6}, {7, 10}, {3, 6, 9}};
        int[][] sb = {{6, 6}, {8, 2}, {9, 5, 4}};
        for (int g = 0; g < 3; g++) {
            for (int x : sa[g]) {
                a.add("A" + g, x, 1);
            }
            for (int x : sb[g]) {
                b.add("A" + g, x, 1);
            }
        }
        Comparison c = Comparison.clustered(a.snapshot(), b.snapshot(), 0.95).orElseThrow();
        double t = c.difference() / c.standardError();
        var t2 = org.apache.commons.statistics.distribution.TDistribution.of(2);
        assertEquals(2 * t2.survivalProbability(Math.abs(t)), c.pValue().getAsDouble(), 1e-12);
        assertEquals(c.difference() - t2.inverseSurvivalProbability(0.025) * c.standardError(), c.lower(), 1e-9);
    }
}
