package io.github.nps4j.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.drivers.internal.Moments;
import io.github.nps4j.drivers.internal.ShapleySweep;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** LMG (Shapley) properties, the sweep against brute force, and an informal timing print. */
class LmgTest {

    /** A random correlation matrix (outcome first) from n rows of correlated data with p predictors. */
    static double[][] randomCorrelation(int p, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] cols = new double[p + 1][n];
        double[] common = new double[n];
        for (int i = 0; i < n; i++) {
            common[i] = gaussian(rng);
        }
        for (int j = 1; j <= p; j++) {
            double load = rng.nextDouble(0, 0.8);
            for (int i = 0; i < n; i++) {
                cols[j][i] = load * common[i] + gaussian(rng);
            }
        }
        for (int i = 0; i < n; i++) {
            double y = gaussian(rng);
            for (int j = 1; j <= p; j++) {
                y += 0.3 * j / p * cols[j][i];
            }
            cols[0][i] = y;
        }
        return Moments.toCorrelation(Moments.crossProducts(cols, null));
    }

    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    static List<String> names(int p) {
        List<String> n = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            n.add("a" + j);
        }
        return n;
    }

    /** Brute force: R²(S) by Cholesky for every subset, stored; Shapley by the increment definition. */
    static double[] bruteForceLmg(double[][] r) {
        int p = r.length - 1;
        int subsets = 1 << p;
        double[] r2 = new double[subsets];
        for (int s = 1; s < subsets; s++) {
            int k = Integer.bitCount(s);
            int[] idx = new int[k];
            int c = 0;
            for (int j = 0; j < p; j++) {
                if ((s & (1 << j)) != 0) {
                    idx[c++] = j + 1;
                }
            }
            double[][] l = new double[k][k];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b <= a; b++) {
                    double v = r[idx[a]][idx[b]];
                    for (int m = 0; m < b; m++) {
                        v -= l[a][m] * l[b][m];
                    }
                    l[a][b] = a == b ? Math.sqrt(v) : v / l[b][b];
                }
            }
            double q = 0;
            double[] z = new double[k];
            for (int a = 0; a < k; a++) {
                double v = r[idx[a]][0];
                for (int m = 0; m < a; m++) {
                    v -= l[a][m] * z[m];
                }
                z[a] = v / l[a][a];
                q += z[a] * z[a];
            }
            r2[s] = q;
        }
        double[] w = new double[p];
        for (int s = 0; s < p; s++) {
            double f = 1.0 / p; // s!(p-s-1)!/p!
            for (int i = 1; i <= s; i++) {
                f *= (double) i / (p - i);
            }
            w[s] = f;
        }
        double[] lmg = new double[p];
        for (int s = 0; s < subsets; s++) {
            int size = Integer.bitCount(s);
            for (int j = 0; j < p; j++) {
                if ((s & (1 << j)) == 0) {
                    lmg[j] += w[size] * (r2[s | (1 << j)] - r2[s]);
                }
            }
        }
        return lmg;
    }

    static double[] sweepLmg(double[][] r) {
        int p = r.length - 1;
        double[][] rxx = new double[p][p];
        double[] rxy = new double[p];
        for (int i = 0; i < p; i++) {
            rxy[i] = r[i + 1][0];
            for (int j = 0; j < p; j++) {
                rxx[i][j] = r[i + 1][j + 1];
            }
        }
        return ShapleySweep.lmg(rxx, rxy, 1.0);
    }

    @Test
    void sweepMatchesBruteForceAtP20() {
        double[][] r = randomCorrelation(20, 400, 7);
        double[] fast = sweepLmg(r);
        double[] slow = bruteForceLmg(r);
        for (int j = 0; j < 20; j++) {
            assertEquals(slow[j], fast[j], 1e-9, "attribute " + j);
        }
    }

    @Test
    void sweepMatchesBruteForceOnIllConditionedP14() {
        // strongly correlated predictors (common factor loading near 1): pivots small, drift would show
        SplittableRandom rng = new SplittableRandom(3);
        int p = 14;
        int n = 300;
        double[][] cols = new double[p + 1][n];
        for (int i = 0; i < n; i++) {
            double c = gaussian(rng);
            double y = 0;
            for (int j = 1; j <= p; j++) {
                cols[j][i] = c + 0.05 * gaussian(rng);
                y += cols[j][i] * (j % 3);
            }
            cols[0][i] = y + gaussian(rng);
        }
        double[][] r = Moments.toCorrelation(Moments.crossProducts(cols, null));
        double[] fast = sweepLmg(r);
        double[] slow = bruteForceLmg(r);
        for (int j = 0; j < p; j++) {
            assertEquals(slow[j], fast[j], 1e-9, "attribute " + j);
        }
    }

    @Property(tries = 40)
    void lmgSumsToR2(@ForAll @IntRange(min = 2, max = 9) int p, @ForAll long seed) {
        ImportanceDecomposition d = RelativeImportance.fromCorrelationMatrix(names(p), randomCorrelation(p, 60, seed));
        double sum = 0;
        double johnson = 0;
        double pratt = 0;
        for (AttributeImportance a : d.attributes()) {
            sum += a.lmg();
            johnson += a.johnson();
            pratt += a.pratt();
        }
        assertEquals(d.r2(), sum, 1e-12);
        assertEquals(d.r2(), johnson, 1e-12);
        assertEquals(d.r2(), pratt, 1e-12);
    }

    @Property(tries = 30)
    void symmetricAttributesGetEqualShares(@ForAll @DoubleRange(min = -0.6, max = 0.6) double rxx,
            @ForAll @DoubleRange(min = -0.5, max = 0.5) double ry, @ForAll @DoubleRange(min = -0.5, max = 0.5) double rz,
            @ForAll @DoubleRange(min = -0.4, max = 0.4) double rxz) {
        // x1 and x2 exchangeable: same correlation with y and with z
        double[][] r = {{1, ry, ry, rz}, {ry, 1, rxx, rxz}, {ry, rxx, 1, rxz}, {rz, rxz, rxz, 1}};
        if (Moments.firstDependentColumn(r, 1e-6) >= 0) {
            return; // not a valid correlation matrix
        }
        ImportanceDecomposition d = RelativeImportance.fromCorrelationMatrix(List.of("x1", "x2", "z"), r);
        assertEquals(d.attribute("x1").lmg(), d.attribute("x2").lmg(), 1e-14);
        assertEquals(d.attribute("x1").johnson(), d.attribute("x2").johnson(), 1e-12);
    }

    @Property(tries = 30)
    void independentAttributeGetsNothing(@ForAll @IntRange(min = 2, max = 8) int p, @ForAll long seed) {
        double[][] base = randomCorrelation(p, 80, seed);
        // add attribute uncorrelated with the outcome and every other attribute
        double[][] r = new double[p + 2][p + 2];
        for (int i = 0; i <= p; i++) {
            System.arraycopy(base[i], 0, r[i], 0, p + 1);
        }
        r[p + 1][p + 1] = 1;
        List<String> names = names(p + 1);
        ImportanceDecomposition d = RelativeImportance.fromCorrelationMatrix(names, r);
        assertEquals(0, d.attributes().get(p).lmg(), 1e-13);
        assertEquals(0, d.attributes().get(p).johnson(), 1e-13);
    }

    @Property(tries = 25)
    void importancesUnchangedWhenAllWeightsScaled(@ForAll @DoubleRange(min = 0.01, max = 1000) double scale,
            @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 40;
        double[] y = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        double[] w = new double[n];
        double[] w2 = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = gaussian(rng);
            b[i] = 0.5 * a[i] + gaussian(rng);
            c[i] = gaussian(rng);
            y[i] = a[i] + 0.5 * b[i] - 0.3 * c[i] + gaussian(rng);
            w[i] = 0.5 + rng.nextDouble() * 3;
            w2[i] = w[i] * scale;
        }
        DriverData d1 = DriverData.builder("y").outcome(y).attribute("a", a).attribute("b", b).attribute("c", c)
                .weights(w).build();
        DriverData d2 = d1.withWeights(w2);
        DriverResult r1 = DriverAnalysis.builder().build().analyze(d1);
        DriverResult r2 = DriverAnalysis.builder().build().analyze(d2);
        for (String name : List.of("a", "b", "c")) {
            assertEquals(r1.row(name).lmg(), r2.row(name).lmg(), 1e-12);
            assertEquals(r1.row(name).johnson(), r2.row(name).johnson(), 1e-12);
            assertEquals(r1.row(name).pratt(), r2.row(name).pratt(), 1e-12);
            assertEquals(r1.ols().coefficient(name).estimate(), r2.ols().coefficient(name).estimate(),
                    1e-10 * Math.max(1, Math.abs(r1.ols().coefficient(name).estimate())));
            assertEquals(r1.ols().coefficient(name).standardError(), r2.ols().coefficient(name).standardError(),
                    1e-9 * r1.ols().coefficient(name).standardError());
        }
    }
}
