package io.github.nps4j.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.Tally;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntervalsTest {

    @Test
    void parsesMethodNames() {
        assertEquals(IntervalMethod.ADJUSTED_WALD, IntervalMethod.parse("adjusted-wald"));
        assertEquals(IntervalMethod.ADJUSTED_WALD, IntervalMethod.parse("ADJUSTED_WALD"));
        assertEquals(IntervalMethod.SCORE, IntervalMethod.parse(" Score "));
        assertEquals("bootstrap", IntervalMethod.BOOTSTRAP.label());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntervalMethod.parse("exact"));
        assertTrue(e.getMessage().contains("'exact'"));
    }

    @Test
    void emptyGroupHasNoInterval() {
        for (IntervalMethod m : new IntervalMethod[] {IntervalMethod.WALD, IntervalMethod.ADJUSTED_WALD,
                IntervalMethod.SCORE}) {
            assertTrue(ConfidenceIntervals.of(NpsEstimate.empty(), m, 0.95).isEmpty());
        }
        assertThrows(IllegalArgumentException.class,
                () -> ConfidenceIntervals.of(NpsEstimate.ofCounts(1, 1, 1), IntervalMethod.BOOTSTRAP, 0.95));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.wald(NpsEstimate.empty(), 1.5));
        NpsSummary s = NpsSummary.of(NpsEstimate.empty(), IntervalMethod.SCORE, 0.95);
        assertTrue(s.ci().isEmpty() && s.nps().isEmpty() && s.standardError().isEmpty());
        assertFalse(s.notes().isEmpty());
    }

    @Test
    void degenerateWaldSaysSoWhileOthersStayInformative() {
        NpsEstimate all = NpsEstimate.ofCounts(0, 0, 5);
        NpsSummary w = NpsSummary.of(all, IntervalMethod.WALD, 0.95);
        Interval wi = w.ci().orElseThrow();
        assertTrue(wi.degenerate());
        assertEquals(0, wi.width());
        assertTrue(w.notes().get(0).contains("not certainty"));
        Interval s = ConfidenceIntervals.score(all, 0.95).orElseThrow();
        assertFalse(s.degenerate());
        assertEquals(100, s.upper());
        assertTrue(s.lower() < 20);
    }

    @Test
    void intervalsAreClipped() {
        Interval i = ConfidenceIntervals.wald(NpsEstimate.ofCounts(1, 0, 1), 0.95).orElseThrow();
        assertEquals(-100, i.lower());
        assertEquals(100, i.upper());
        assertThrows(IllegalArgumentException.class,
                () -> new Interval(-101, 0, IntervalMethod.WALD, 0.95, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new Interval(5, 4, IntervalMethod.WALD, 0.95, 0, false));
    }

    @Test
    void weightedCountMethodsUseKishEffectiveCounts() {
        Tally t = new Tally();
        t.add(10, 3).add(9, 1).add(0, 2).add(7, 2).add(10, 1);
        NpsEstimate w = t.snapshot();
        double nEff = w.effectiveN().getAsDouble();
        double wSum = w.weightSum();
        // counts equivalent: n_eff × weighted shares
        double d = nEff * w.weightSum(io.github.nps4j.core.Category.DETRACTOR) / wSum;
        double p = nEff * w.weightSum(io.github.nps4j.core.Category.PROMOTER) / wSum;
        double z = Numerics.zForLevel(0.9);
        double[] expected = ConfidenceIntervals.tango(d, p, nEff, z);
        Interval s = ConfidenceIntervals.score(w, 0.9).orElseThrow();
        assertEquals(100 * expected[0], s.lower(), 1e-9);
        assertEquals(100 * expected[1], s.upper(), 1e-9);
        // unit weights: exactly the raw counts
        assertEquals(ConfidenceIntervals.score(NpsEstimate.ofCounts(2, 3, 4), 0.9),
                ConfidenceIntervals.score(NpsEstimate.ofScores(0, 0, 7, 7, 8, 9, 9, 10, 10), 0.9));
    }

    @Test
    void clusteredSummaryAndIntervals() {
        ClusteredTally t = new ClusteredTally();
        Map<String, int[]> data = Map.of("A", new int[] {10, 9, 6, 8}, "B", new int[] {7, 10},
                "C", new int[] {3, 6, 9}, "D", new int[] {10, 10, 9});
        data.forEach((acc, scores) -> {
            for (int s : scores) {
                t.add(acc, s, 1);
            }
        });
        ClusteredEstimate c = t.snapshot();
        NpsSummary w = NpsSummary.of(c, IntervalMethod.WALD, 0.95);
        assertEquals(c.clusteredStandardError(), w.clusteredStandardError());
        assertEquals(4, w.clusters().getAsInt());
        // 4 accounts (< 10): Student t with 3 degrees of freedom, said in a note
        assertEquals(c.clusteredTInterval(0.95), w.ci());
        assertTrue(w.notes().contains("only 4 accounts: the clustered interval uses Student t with 3 degrees of "
                + "freedom"), w.notes()::toString);
        // design effect > 1 here: count-based methods use n_eff / deff
        double deff = c.designEffect().getAsDouble();
        assertTrue(deff > 1);
        Interval plain = ConfidenceIntervals.score(c.estimate(), 0.95).orElseThrow();
        Interval design = c.interval(IntervalMethod.SCORE, 0.95).orElseThrow();
        assertTrue(design.width() > plain.width());
        assertTrue(c.interval(IntervalMethod.ADJUSTED_WALD, 0.95).orElseThrow().width()
                > ConfidenceIntervals.adjustedWald(c.estimate(), 0.95).orElseThrow().width());

        ClusteredTally one = new ClusteredTally().add("A", 9, 1).add("A", 3, 1);
        assertTrue(one.snapshot().clusteredStandardError().isEmpty());
        assertTrue(one.snapshot().clusteredStandardErrorUnavailableReason().orElseThrow()
                .contains("at least 2 accounts"));
        // clustered inference from one account is refused, for every method
        for (IntervalMethod m : List.of(IntervalMethod.WALD, IntervalMethod.ADJUSTED_WALD, IntervalMethod.SCORE)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NpsSummary.of(one.snapshot(), m, 0.95));
            assertTrue(e.getMessage().contains("answers from 1 account"), e::getMessage);
        }
    }

    @Test
    void posteriorOfAnEmptyGroupIsThePrior() {
        NpsPosterior p = NpsPosterior.of(NpsEstimate.empty(), DirichletPrior.of(1, 2, 3), 0.95);
        assertEquals(DirichletPrior.of(1, 2, 3).meanNps(), p.mean(), 1e-12);
        assertEquals(0.5, p.cdf(p.quantile(0.5)), 1e-10);
        assertEquals(p.lower(), p.quantile(0.025), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> DirichletPrior.of(0, 1, 1));
    }

    @Test
    void posteriorHandlesTinyAndLargeParameters() {
        // small alphas (strong endpoint singularities) and large counts
        NpsPosterior tiny = NpsPosterior.ofCounts(0, 0, 0, DirichletPrior.of(0.05, 0.1, 0.05), 0.95);
        assertEquals(0.5, tiny.cdf(0), 1e-9); // symmetric
        assertEquals(-tiny.upper(), tiny.lower(), 1e-7);
        NpsPosterior big = NpsPosterior.ofCounts(2000, 3000, 5000, DirichletPrior.uniform(), 0.95);
        // close to the normal approximation for large counts
        assertEquals(big.mean() - 1.959964 * big.sd(), big.lower(), 0.05);
        assertEquals(big.mean() + 1.959964 * big.sd(), big.upper(), 0.05);
    }
}
