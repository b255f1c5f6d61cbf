package io.github.nps4j.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DriverMomentsTest {
    private static final double TOL = 1e-9;

    /** Ratings 1-10 with a few missing, an outcome driven by them, optional positive weights. */
    static DriverData randomData(long seed, int rows, boolean weighted) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] y = new double[rows];
        double[][] x = new double[4][rows];
        double[] w = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < 4; j++) {
                x[j][i] = 1 + rnd.nextInt(10);
                s += (j + 1) * x[j][i];
            }
            y[i] = Math.max(0, Math.min(10, Math.round(s / 10 - 1 + rnd.nextGaussian() * 1.5)));
            if (rnd.nextInt(20) == 0) {
                x[rnd.nextInt(4)][i] = Double.NaN;
            }
            w[i] = 0.2 + rnd.nextDouble() * 3;
        }
        DriverData.Builder b = DriverData.builder("score").outcome(y);
        for (int j = 0; j < 4; j++) {
            b.attribute("a" + j, x[j]);
        }
        if (weighted) {
            b.weights(w);
        }
        return b.build();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void olsAndImportanceFromMomentsEqualTheRowPath(boolean weighted) {
        DriverData data = randomData(7, 400, weighted);
        DriverResult rows = DriverAnalysis.builder().build().analyze(data);
        DriverMoments m = DriverMoments.of(data);
        assertEquals(rows.n(), m.n());
        OlsFit a = rows.ols();
        OlsFit b = m.ols();
        assertEquals(a.n(), b.n());
        assertEquals(a.dfResidual(), b.dfResidual());
        close(a.r2(), b.r2());
        close(a.adjustedR2(), b.adjustedR2());
        close(a.sigma(), b.sigma());
        assertEquals(a.coefficients().size(), b.coefficients().size());
        for (int i = 0; i < a.coefficients().size(); i++) {
            Coefficient ca = a.coefficients().get(i);
            Coefficient cb = b.coefficients().get(i);
            assertEquals(ca.name(), cb.name());
            close(ca.estimate(), cb.estimate());
            close(ca.standardError(), cb.standardError());
            close(ca.t(), cb.t());
            close(ca.p(), cb.p());
            assertEquals(ca.standardized().isPresent(), cb.standardized().isPresent());
            if (ca.standardized().isPresent()) {
                close(ca.standardized().getAsDouble(), cb.standardized().getAsDouble());
                close(ca.vif().getAsDouble(), cb.vif().getAsDouble());
            }
        }
        ImportanceDecomposition da = rows.decomposition();
        ImportanceDecomposition db = m.importance();
        close(da.r2(), db.r2());
        for (ImportanceMetric metric : ImportanceMetric.values()) {
            double[] va = da.values(metric);
            double[] vb = db.values(metric);
            for (int j = 0; j < va.length; j++) {
                close(va[j], vb[j]);
            }
        }
        double[][] r = m.correlations();
        for (int j = 0; j < 4; j++) {
            close(rows.importance().get(j).correlation(), r[0][j + 1]);
        }
    }

    @Test
    void refusesAConstantAttributeAndTooFewRows() {
        double[] means = {5, 5, 5};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DriverMoments.of("score",
                List.of("a", "b"), 10, 10, means, new double[][] {{1, 0, 0}, {0, 0, 0}, {0, 0, 1}}));
        assertTrue(e.getMessage().contains("'a' is constant"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DriverMoments.of("score", List.of("a", "b"), 3, 3,
                means, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
        assertTrue(e.getMessage().contains("too few rows"), e.getMessage());
    }

    @Test
    void copiesArraysInAndOut() {
        double[] means = {5, 5, 5};
        double[][] cp = {{2, 1, 0.5}, {1, 2, 0.3}, {0.5, 0.3, 2}};
        DriverMoments m = DriverMoments.of("score", List.of("a", "b"), 10, 10, means, cp);
        means[0] = 99;
        cp[0][0] = 99;
        m.crossProducts()[1][1] = 99;
        assertEquals(5, m.means()[0]);
        assertEquals(2, m.crossProducts()[0][0]);
        assertEquals(2, m.crossProducts()[1][1]);
        assertEquals(m, DriverMoments.of("score", List.of("a", "b"), 10, 10, new double[] {5, 5, 5},
                new double[][] {{2, 1, 0.5}, {1, 2, 0.3}, {0.5, 0.3, 2}}));
    }

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)), () -> expected + " vs " + actual);
    }
}
