package io.github.nps4j.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A predictor in other units — 1e160 or 1e-160 times the ratings, whose squares leave the range of doubles — or weights
 * of 1e-200 give the same correlations, importances, t, p and R², and coefficients in the other units.
 */
class ScaleInvarianceTest {
    private static DriverData data(double scale, double weightScale, boolean weighted) {
        Random rnd = new Random(11);
        int n = 80;
        double[] y = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextInt(11);
            b[i] = rnd.nextInt(11);
            c[i] = rnd.nextInt(11);
            y[i] = Math.min(10, Math.max(0, Math.round(0.5 * a[i] + 0.3 * b[i] + 0.1 * c[i] + rnd.nextGaussian())));
            w[i] = (1 + rnd.nextInt(4)) * weightScale;
            a[i] *= scale;
        }
        Map<String, double[]> attrs = new LinkedHashMap<>();
        attrs.put("a", a);
        attrs.put("b", b);
        attrs.put("c", c);
        DriverData d = DriverData.of("y", y, attrs);
        return weighted ? d.withWeights(w) : d;
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e160, 1e-160, 1e300, 1e-300, 3.7})
    void aPredictorInOtherUnitsGivesTheSameFigures(double scale) {
        for (boolean weighted : new boolean[] {false, true}) {
            for (double weightScale : weighted ? new double[] {1, 1e-200, 1e200} : new double[] {1}) {
                DriverResult plain = DriverAnalysis.builder().build().analyze(data(1, 1, weighted));
                DriverResult scaled = DriverAnalysis.builder().build().analyze(data(scale, weightScale, weighted));
                String what = "scale " + scale + ", weights × " + weightScale + (weighted ? "" : " (unweighted)");
                close(plain.r2(), scaled.r2(), "R² " + what);
                for (String name : new String[] {"a", "b", "c"}) {
                    ImportanceRow p = plain.row(name);
                    ImportanceRow s = scaled.row(name);
                    close(p.correlation(), s.correlation(), "r " + name + " " + what);
                    close(p.lmg(), s.lmg(), "LMG " + name + " " + what);
                    close(p.johnson(), s.johnson(), "Johnson " + name + " " + what);
                    Coefficient pc = plain.ols().coefficient(name);
                    Coefficient sc = scaled.ols().coefficient(name);
                    close(pc.t(), sc.t(), "t " + name + " " + what);
                    close(pc.p(), sc.p(), "p " + name + " " + what);
                    double unit = name.equals("a") ? scale : 1;
                    close(pc.estimate(), sc.estimate() * unit, "coefficient " + name + " " + what);
                    close(pc.standardError(), sc.standardError() * unit, "SE " + name + " " + what);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {531, -531, 997, -997, 3})
    void whatIfAndItsCrossValidationDoNotDependOnAnotherRatingsUnits(int exponent) {
        // a power of two, so the scaled ratings, fits and predictions are exact and the figures must be equal
        double scale = Math.scalb(1.0, exponent);
        for (boolean weighted : new boolean[] {false, true}) {
            for (double weightScale : weighted ? new double[] {1, Math.scalb(1.0, -660), Math.scalb(1.0, 660)}
                    : new double[] {1}) {
                DriverAnalysis analysis = DriverAnalysis.builder().whatIf(WhatIf.raise("b", 1).forRatingsBelow(7))
                        .build();
                WhatIfResult plain = analysis.analyze(data(1, 1, weighted)).whatIf().orElseThrow();
                WhatIfResult scaled = analysis.analyze(data(scale, weightScale, weighted)).whatIf().orElseThrow();
                String what = "scale 2^" + exponent + ", weights × " + weightScale;
                close(plain.predictedNps(), scaled.predictedNps(), "predicted NPS " + what);
                close(plain.change(), scaled.change(), "change " + what);
                close(plain.crossValidatedError(), scaled.crossValidatedError(), "CV error " + what);
                close(plain.foldSpread(), scaled.foldSpread(), "fold spread " + what);
            }
        }
    }
}
