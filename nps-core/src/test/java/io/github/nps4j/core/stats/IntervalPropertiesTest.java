package io.github.nps4j.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Category;
import io.github.nps4j.core.NpsEstimate;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

/** Invariants of intervals, clustered standard errors and posteriors. */
class IntervalPropertiesTest {

    @Property
    void waldIntervalContainsTheEstimate(@ForAll @IntRange(max = 500) int d, @ForAll @IntRange(max = 500) int a,
            @ForAll @IntRange(max = 500) int p, @ForAll @DoubleRange(min = 0.01, max = 0.999) @Scale(4) double level) {
        Assume.that(d + a + p > 0);
        NpsEstimate e = NpsEstimate.ofCounts(d, a, p);
        Interval w = ConfidenceIntervals.wald(e, level).orElseThrow();
        assertTrue(w.contains(e.npsValue()), () -> w + " should contain " + e.npsValue());
        assertEquals(e.isDegenerate(), w.degenerate());
        Interval s = ConfidenceIntervals.score(e, level).orElseThrow();
        assertTrue(s.lower() <= e.npsValue() + 1e-9 && e.npsValue() <= s.upper() + 1e-9, s::toString);
        Interval aw = ConfidenceIntervals.adjustedWald(e, level).orElseThrow();
        assertTrue(aw.contains(aw.pointEstimate()));
        assertEquals(e.npsValue(), aw.pointEstimate(), "adjusted-wald is shown beside the raw NPS, and contains it");
        assertTrue(aw.width() > 0 && s.width() > 0, "adjusted-wald and score stay informative");
    }

    @Property
    void intervalIsWiderAtAHigherLevel(@ForAll @IntRange(max = 300) int d, @ForAll @IntRange(max = 300) int a,
            @ForAll @IntRange(max = 300) int p, @ForAll @DoubleRange(min = 0.05, max = 0.99) double l1,
            @ForAll @DoubleRange(min = 0.05, max = 0.99) double l2) {
        Assume.that(d + a + p > 0 && l1 < l2);
        NpsEstimate e = NpsEstimate.ofCounts(d, a, p);
        for (IntervalMethod m : List.of(IntervalMethod.WALD, IntervalMethod.ADJUSTED_WALD, IntervalMethod.SCORE)) {
            Interval lo = ConfidenceIntervals.of(e, m, l1).orElseThrow();
            Interval hi = ConfidenceIntervals.of(e, m, l2).orElseThrow();
            // nested (clipping to [-100, 100] can make them equal at an edge, never narrower)
            assertTrue(hi.lower() <= lo.lower() + 1e-10 && lo.upper() <= hi.upper() + 1e-10,
                    () -> m + ": " + lo + " vs " + hi);
            if (m != IntervalMethod.WALD || !e.isDegenerate()) {
                assertTrue(hi.width() >= lo.width() - 1e-10);
            }
        }
    }

    @Property
    void tangoLimitsSolveTheScoreEquation(@ForAll @IntRange(max = 200) int d, @ForAll @IntRange(max = 200) int a,
            @ForAll @IntRange(max = 200) int p, @ForAll @DoubleRange(min = 0.5, max = 0.999) @Scale(4) double level) {
        Assume.that(d + a + p > 0);
        double n = d + a + p;
        double z = Numerics.zForLevel(level);
        double[] lim = ConfidenceIntervals.tango(d, p, n, z);
        if (p < n) {
            double t = ConfidenceIntervals.tangoScore(d, p, n, lim[1]);
            assertEquals(-z, t, 1e-6 * Math.max(1, n), "upper limit root");
        }
        if (d < n) {
            double t = ConfidenceIntervals.tangoScore(d, p, n, lim[0]);
            assertEquals(z, t, 1e-6 * Math.max(1, n), "lower limit root");
        }
    }

    /**
     * With one answer per account, u_g = w_g(z_g − m)/W, so DESIGN's V_c = G/(G−1)·Σw²(z−m)²/W² = G/(G−1)·V exactly:
     * the clustered SE equals the independent SE times √(G/(G−1)) (G = n), to rounding (1e-12 relative).
     */
    @Property
    void clusteredSeWithOneAnswerPerAccountIsIndependentSeTimesSqrtGOverGMinus1(
            @ForAll @Size(min = 2, max = 60) List<@IntRange(max = 10) Integer> scores,
            @ForAll @Size(min = 60, max = 60) List<@DoubleRange(min = 0.1, max = 10) Double> weights) {
        ClusteredTally t = new ClusteredTally();
        for (int i = 0; i < scores.size(); i++) {
            t.add("acct-" + i, scores.get(i), weights.get(i));
        }
        ClusteredEstimate c = t.snapshot();
        int g = scores.size();
        assertEquals(g, c.clusters());
        double se = c.standardError().orElseThrow();
        double seC = c.clusteredStandardError().orElseThrow();
        assertEquals(se * Math.sqrt(g / (g - 1.0)), seC, 1e-12 * Math.max(1, se));
    }

    @Property
    void clusteredTallyMergeEqualsConcatenation(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(max = 10) Integer> scores,
            @ForAll @Size(min = 40, max = 40) List<@IntRange(max = 4) Integer> accounts,
            @ForAll @IntRange(max = 40) int split) {
        ClusteredTally all = new ClusteredTally();
        ClusteredTally left = new ClusteredTally();
        ClusteredTally right = new ClusteredTally();
        for (int i = 0; i < scores.size(); i++) {
            String acc = "a" + accounts.get(i);
            double w = 1 + accounts.get(i);
            all.add(acc, scores.get(i), w);
            (i < split ? left : right).add(acc, Category.of(scores.get(i)), w);
        }
        ClusteredEstimate merged = right.merge(left).snapshot();
        ClusteredEstimate whole = all.snapshot();
        assertEquals(whole.estimate().n(), merged.estimate().n());
        assertEquals(whole.accounts().keySet(), merged.accounts().keySet());
        assertEquals(whole.estimate().npsValue(), merged.estimate().npsValue(), 1e-10);
        if (whole.clusters() >= 2) {
            assertEquals(whole.clusteredStandardError().orElseThrow(), merged.clusteredStandardError().orElseThrow(),
                    1e-10);
        }
    }

    @Property(tries = 40)
    void posteriorMeanMovesTowardThePriorMeanAsPriorStrengthGrows(@ForAll @IntRange(max = 50) int d,
            @ForAll @IntRange(max = 50) int a, @ForAll @IntRange(max = 50) int p,
            @ForAll @DoubleRange(min = 0.1, max = 5) double pd, @ForAll @DoubleRange(min = 0.1, max = 5) double pa,
            @ForAll @DoubleRange(min = 0.1, max = 5) double pp, @ForAll @DoubleRange(min = 0.1, max = 50) double s1,
            @ForAll @DoubleRange(min = 0.01, max = 50) double more) {
        Assume.that(d + a + p > 0);
        double s2 = s1 + more;
        DirichletPrior prior = DirichletPrior.of(pd, pa, pp);
        double priorMean = prior.meanNps();
        NpsPosterior weak = NpsPosterior.ofCounts(d, a, p, prior.withStrength(s1), 0.9);
        NpsPosterior strong = NpsPosterior.ofCounts(d, a, p, prior.withStrength(s2), 0.9);
        assertTrue(Math.abs(strong.mean() - priorMean) <= Math.abs(weak.mean() - priorMean) + 1e-9,
                () -> weak.mean() + " -> " + strong.mean() + " toward " + priorMean);
        assertTrue(weak.lower() <= weak.upper());
    }

    @Property
    void everyIntervalAndEveryDifferenceContainsTheFigureShownBesideIt(@ForAll @IntRange(max = 40) int d1,
            @ForAll @IntRange(max = 40) int a1, @ForAll @IntRange(max = 40) int p1,
            @ForAll @IntRange(max = 40) int d2, @ForAll @IntRange(max = 40) int a2, @ForAll @IntRange(max = 40) int p2,
            @ForAll @DoubleRange(min = 0.5, max = 0.999) @Scale(3) double level) {
        Assume.that(d1 + a1 + p1 > 0 && d2 + a2 + p2 > 0);
        NpsEstimate x = NpsEstimate.ofCounts(d1, a1, p1);
        NpsEstimate y = NpsEstimate.ofCounts(d2, a2, p2);
        for (IntervalMethod m : List.of(IntervalMethod.WALD, IntervalMethod.ADJUSTED_WALD, IntervalMethod.SCORE)) {
            Interval i = ConfidenceIntervals.of(x, m, level).orElseThrow();
            assertTrue(i.contains(x.npsValue()), () -> m + " " + i + " vs " + x.npsValue());
            Comparison c = Comparison.of(x, y, m, level).orElseThrow();
            assertEquals(x.npsValue() - y.npsValue(), c.difference(), "raw a - b");
            assertTrue(c.lower() <= c.difference() && c.difference() <= c.upper(), c::toString);
        }
        byte[] signs = new byte[d1 + a1 + p1];
        java.util.Arrays.fill(signs, 0, d1, (byte) -1);
        java.util.Arrays.fill(signs, d1 + a1, signs.length, (byte) 1);
        double[] w = new double[signs.length];
        java.util.Arrays.fill(w, 1);
        Interval b = Bootstrap.of(7, 200).level(level).responses(signs, w);
        assertTrue(b.contains(b.pointEstimate()), b::toString);
        assertEquals(x.npsValue(), b.pointEstimate(), 1e-9);
        // the summary shows it beside the estimate's NPS, to the last bit
        assertTrue(NpsSummary.of(x, b).ci().orElseThrow().contains(x.npsValue()));
    }
}
