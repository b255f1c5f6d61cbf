package io.github.nps4j.drivers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Moments#averageRanks} — by counting for whole numbers in a narrow range, by sorting otherwise — equals the
 * plain definition (a stable sort of the indices, ties by {@code ==} get the mean of their 1-based positions) to the
 * last bit.
 */
class AverageRanksTest {
    /** The definition: stable index sort by {@link Double#compare}, runs of {@code ==} values share their mean rank. */
    static double[] reference(double[] x) {
        int n = x.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (p, q) -> Double.compare(x[p], x[q]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[idx[j + 1]] == x[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                ranks[idx[k]] = avg;
            }
            i = j + 1;
        }
        return ranks;
    }

    @Provide
    Arbitrary<double[]> ratings() {
        // whole ratings with many ties: the counting path
        return Arbitraries.integers().between(-3, 12).map(v -> (double) v).array(double[].class).ofMaxSize(400);
    }

    @Provide
    Arbitrary<double[]> mixed() {
        // fractions, ±0, wide whole numbers, infinities and NaNs among repeated values: the sorting path
        Arbitrary<Double> value = Arbitraries.oneOf(List.of(
                Arbitraries.of(0.0, -0.0, 1.5, -2.25, 7.0, 1e300, -1e300, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE),
                Arbitraries.integers().between(-5, 5).map(v -> v * 0.5),
                Arbitraries.longs().between(-3_000_000, 3_000_000).map(v -> (double) v),
                Arbitraries.doubles()));
        return value.array(double[].class).ofMaxSize(300);
    }

    @Property(tries = 500)
    void countingMatchesTheDefinition(@ForAll("ratings") double[] x) {
        assertArrayEquals(reference(x), Moments.averageRanks(x));
    }

    @Property(tries = 500)
    void sortingMatchesTheDefinition(@ForAll("mixed") double[] x) {
        assertArrayEquals(reference(x), Moments.averageRanks(x));
    }

    @Test
    void edgeCases() {
        double[][] cases = {{}, {4}, {-0.0, 0.0, 0.0, -0.0}, {Double.NaN, 1, Double.NaN, 0},
            {3, 3, 3}, {0, Moments.COUNTING_RANGE}, {0, Moments.COUNTING_RANGE - 1.0, 5}, {1e16, 1e16 + 2, 1e16}};
        for (double[] x : cases) {
            assertArrayEquals(reference(x), Moments.averageRanks(x), Arrays.toString(x));
        }
        // a long run of scores: counting path at scale
        double[] scores = new double[100_000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (i * 7919L) % 11;
        }
        assertArrayEquals(reference(scores), Moments.averageRanks(scores));
    }
}
