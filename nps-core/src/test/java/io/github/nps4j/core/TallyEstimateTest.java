package io.github.nps4j.core;

import static io.github.nps4j.core.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TallyEstimateTest {

    @Test
    void emptyIsUndefined() {
        for (NpsEstimate e : new NpsEstimate[] {new Tally().snapshot(), NpsEstimate.empty(),
            NpsEstimate.ofScores()}) {
            assertFalse(e.isDefined());
            assertEquals(OptionalDouble.empty(), e.nps());
            assertEquals(OptionalDouble.empty(), e.promoterShare());
            assertEquals(OptionalDouble.empty(), e.passiveShare());
            assertEquals(OptionalDouble.empty(), e.detractorShare());
            assertEquals(OptionalDouble.empty(), e.effectiveN());
            assertEquals(OptionalDouble.empty(), e.standardError());
            assertFalse(e.isDegenerate());
            assertEquals(0, e.n());
            assertThrows(IllegalStateException.class, e::npsValue);
            assertThrows(IllegalStateException.class, e::proportionDifference);
            assertThrows(IllegalStateException.class, e::indicatorVariance);
        }
    }

    @Test
    void onlyZeroWeightsIsUndefinedButCounted() {
        NpsEstimate e = new Tally().add(10, 0.0).add(3, 0.0).snapshot();
        assertFalse(e.isDefined());
        assertEquals(2, e.n());
        assertThrows(IllegalStateException.class, e::npsValue);
    }

    @Test
    void countsAndShares() {
        // scores 0, 7, 7, 9, 9, 9: 1 detractor, 2 passives, 3 promoters; NPS = 100·(3 − 1)/6 = 100/3
        Tally t = new Tally();
        for (int s : new int[] {0, 7, 7, 9, 9, 9}) {
            t.add(s);
        }
        assertEquals(6, t.count());
        NpsEstimate e = t.snapshot();
        assertEquals(1, e.detractors());
        assertEquals(2, e.passives());
        assertEquals(3, e.promoters());
        assertEquals(1, e.count(Category.DETRACTOR));
        assertEquals(2, e.count(Category.PASSIVE));
        assertEquals(3, e.count(Category.PROMOTER));
        assertEquals(6, e.n());
        assertClose(100.0 / 3, e.npsValue());
        assertClose(100.0 / 3, e.nps().getAsDouble());
        assertClose(1.0 / 6, e.detractorShare().getAsDouble());
        assertClose(2.0 / 6, e.passiveShare().getAsDouble());
        assertClose(3.0 / 6, e.promoterShare().getAsDouble());
        assertClose(6.0, e.weightSum());
        assertClose(6.0, e.effectiveN().getAsDouble());
        assertEquals(e, NpsEstimate.ofCounts(1, 2, 3));
        assertEquals(e, NpsEstimate.ofScores(9, 0, 9, 7, 9, 7));
    }

    @Test
    void weightedSharesAndKishEffectiveN() {
        // promoter w=1, passive w=2, detractor w=3: Σw = 6, Σw² = 14
        // NPS = 100·(1 − 3)/6 = −100/3; Kish n = 36/14 = 18/7
        NpsEstimate e = new Tally().add(10, 1).add(8, 2).add(Category.DETRACTOR, 3).snapshot();
        assertClose(-100.0 / 3, e.npsValue());
        assertClose(1.0 / 6, e.promoterShare().getAsDouble());
        assertClose(2.0 / 6, e.passiveShare().getAsDouble());
        assertClose(3.0 / 6, e.detractorShare().getAsDouble());
        assertClose(14.0, e.weightSquareSum());
        assertClose(18.0 / 7, e.effectiveN().getAsDouble());
        // SE: m = −1/3; Σw²(z − m)² = 1·(4/3)² + 4·(1/3)² + 9·(2/3)² = 16/9 + 4/9 + 36/9 = 56/9
        // SE = 100·√(56/9)/6 = 100·√56/18
        assertClose(100.0 * Math.sqrt(56.0) / 18.0, e.standardError().getAsDouble());
    }

    @Test
    void unitWeightStandardErrorIsTheRocksFormula() {
        // 3 detractors, 5 passives, 12 promoters: n = 20, pP = 0.6, pD = 0.15
        // V = pP + pD − (pP − pD)² = 0.75 − 0.2025 = 0.5475; SE = 100·√(0.5475/20)
        NpsEstimate e = NpsEstimate.ofCounts(3, 5, 12);
        assertClose(45.0, e.npsValue());
        assertClose(0.5475, e.indicatorVariance());
        assertClose(100.0 * Math.sqrt(0.5475 / 20), e.standardError().getAsDouble());
        double pP = 0.6;
        double pD = 0.15;
        assertClose(100.0 * Math.sqrt((pP + pD - (pP - pD) * (pP - pD)) / 20), e.standardError().getAsDouble());
        assertFalse(e.isDegenerate());
    }

    @Test
    void degenerateGroupsHaveZeroSeAndSaySo() {
        NpsEstimate allPromoters = NpsEstimate.ofScores(9, 10, 10);
        assertTrue(allPromoters.isDegenerate());
        assertEquals(0.0, allPromoters.standardError().getAsDouble());
        assertClose(100.0, allPromoters.npsValue());
        NpsEstimate allPassive = NpsEstimate.ofScores(7);
        assertTrue(allPassive.isDegenerate());
        assertEquals(0.0, allPassive.npsValue());
        // a zero-weight detractor does not make the group informative
        NpsEstimate weightedAway = new Tally().add(10, 1).add(0, 0).snapshot();
        assertTrue(weightedAway.isDegenerate());
        assertFalse(NpsEstimate.ofScores(0, 10).isDegenerate());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, -1e-300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void badWeightsAreRejectedNamingThem(double w) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new Tally().add(9, w));
        assertTrue(e.getMessage().contains(Double.toString(w)), e.getMessage());
    }

    @Test
    void badScoresAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Tally().add(11));
        assertThrows(IllegalArgumentException.class, () -> new Tally().add(-1, 1.0));
    }

    @Test
    void mergeAddsTotalsAndLeavesTheOtherUnchanged() {
        Tally a = new Tally().add(10).add(3);
        Tally b = new Tally().add(8, 2.0);
        NpsEstimate bBefore = b.snapshot();
        a.merge(b);
        assertEquals(bBefore, b.snapshot());
        // promoter 1, detractor 1, passive weight 2: NPS = 100·(1 − 1)/4 = 0
        NpsEstimate e = a.snapshot();
        assertEquals(3, e.n());
        assertClose(4.0, e.weightSum());
        assertClose(0.0, e.npsValue());
        assertClose(16.0 / 6.0, e.effectiveN().getAsDouble()); // 4² / (1 + 1 + 4)
    }

    @Test
    void snapshotIsImmutableWhileTallyContinues() {
        Tally t = new Tally().add(10);
        NpsEstimate first = t.snapshot();
        t.add(0);
        assertEquals(1, first.n());
        assertEquals(2, t.snapshot().n());
    }

    @Test
    void estimateValidatesTotals() {
        assertThrows(IllegalArgumentException.class, () -> NpsEstimate.ofCounts(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new NpsEstimate(0, 0, 1, 0, 0, Double.NaN, 0, 0, 1));
    }
}
