package io.github.nps4j.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A self-check of the generator, not the nps-drivers test: on a large portfolio, exact LMG relative importance
 * (Shapley decomposition of R², computed here over all 2^p subsets with plain OLS) and the OLS coefficients rank the
 * true top two attributes first, clearly ahead of the rest.
 */
class ModelRecoveryTest {

    @Test
    void lmgAndOlsRankTheTrueTopTwoFirst() {
        SyntheticPortfolio p = SyntheticPortfolio.builder().seed(2026).accounts(400).build();
        Truth truth = p.truth();
        List<String> attrs = List.copyOf(truth.effects().keySet());
        int k = attrs.size();
        List<double[]> rows = new ArrayList<>();
        for (Response r : p.responses()) {
            if (r.ratings().keySet().containsAll(attrs)) { // listwise deletion
                double[] row = new double[k + 1];
                for (int j = 0; j < k; j++) {
                    row[j] = r.ratings().get(attrs.get(j));
                }
                row[k] = r.score();
                rows.add(row);
            }
        }
        assertTrue(rows.size() > 3000, "complete cases: " + rows.size());
        double[] lmg = lmg(rows, k);
        double[] beta = ols(rows, IntStream.range(0, k).toArray());
        List<String> byLmg = ranked(attrs, lmg);
        List<String> byBeta = ranked(attrs, Arrays.copyOfRange(beta, 1, k + 1));
        System.out.println("complete cases " + rows.size() + ", LMG " + Arrays.toString(lmg) + " " + byLmg
                + ", OLS " + Arrays.toString(beta));
        List<String> top2 = truth.topAttributes().subList(0, 2);
        assertEquals(top2, byLmg.subList(0, 2));
        assertEquals(top2, byBeta.subList(0, 2));
        double second = lmg[attrs.indexOf(top2.get(1))];
        double third = lmg[attrs.indexOf(byLmg.get(2))];
        assertTrue(second > 2 * third, "the top two are clearly separated: " + second + " vs " + third);
    }

    private static List<String> ranked(List<String> names, double[] values) {
        return IntStream.range(0, names.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -values[i])).map(names::get).toList();
    }

    private static double[] lmg(List<double[]> rows, int k) {
        double[] r2 = new double[1 << k];
        for (int mask = 1; mask < r2.length; mask++) {
            int set = mask;
            r2[mask] = rSquared(rows, IntStream.range(0, k).filter(j -> (set & (1 << j)) != 0).toArray());
        }
        double[] out = new double[k];
        double[] fact = new double[k + 1];
        fact[0] = 1;
        for (int i = 1; i <= k; i++) {
            fact[i] = fact[i - 1] * i;
        }
        for (int j = 0; j < k; j++) {
            for (int mask = 0; mask < r2.length; mask++) {
                if ((mask & (1 << j)) == 0) {
                    int s = Integer.bitCount(mask);
                    double w = fact[s] * fact[k - s - 1] / fact[k];
                    out[j] += w * (r2[mask | (1 << j)] - r2[mask]);
                }
            }
        }
        return out;
    }

    private static double rSquared(List<double[]> rows, int[] cols) {
        double[] b = ols(rows, cols);
        int y = rows.get(0).length - 1;
        double mean = rows.stream().mapToDouble(r -> r[y]).average().orElseThrow();
        double ssr = 0;
        double sst = 0;
        for (double[] r : rows) {
            double fit = b[0];
            for (int j = 0; j < cols.length; j++) {
                fit += b[j + 1] * r[cols[j]];
            }
            ssr += (r[y] - fit) * (r[y] - fit);
            sst += (r[y] - mean) * (r[y] - mean);
        }
        return 1 - ssr / sst;
    }

    /** OLS with intercept by the normal equations (Gaussian elimination with partial pivoting). */
    private static double[] ols(List<double[]> rows, int[] cols) {
        int m = cols.length + 1;
        int y = rows.get(0).length - 1;
        double[][] a = new double[m][m + 1];
        for (double[] r : rows) {
            double[] x = new double[m];
            x[0] = 1;
            for (int j = 0; j < cols.length; j++) {
                x[j + 1] = r[cols[j]];
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    a[i][j] += x[i] * x[j];
                }
                a[i][m] += x[i] * r[y];
            }
        }
        for (int c = 0; c < m; c++) {
            int piv = c;
            for (int i = c + 1; i < m; i++) {
                if (Math.abs(a[i][c]) > Math.abs(a[piv][c])) {
                    piv = i;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            for (int i = 0; i < m; i++) {
                if (i != c) {
                    double f = a[i][c] / a[c][c];
                    for (int j = c; j <= m; j++) {
                        a[i][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            b[i] = a[i][m] / a[i][i];
        }
        return b;
    }
}
