package io.github.nps4j.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** relaimpo 2.2-7 / R 4.2.2 golden values from reference/drivers/golden_drivers.json, at 1e-10 relative. */
class GoldenDriversTest {
    static final double REL = 1e-10;
    static final JsonNode GOLDEN = Reference.goldenDrivers();
    static final Map<ImportanceMetric, String> RELAIMPO = Map.of(ImportanceMetric.LMG, "lmg", ImportanceMetric.FIRST,
            "first", ImportanceMetric.LAST, "last", ImportanceMetric.BETASQ, "betasq", ImportanceMetric.PRATT, "pratt",
            ImportanceMetric.JOHNSON, "genizi", ImportanceMetric.CAR, "car");

    static void close(double expected, double actual, String what) {
        double tol = REL * Math.max(Math.abs(expected), 1e-300);
        assertTrue(Math.abs(expected - actual) <= tol,
                what + ": expected " + expected + " got " + actual + " (rel " + Math.abs(expected - actual)
                        / Math.abs(expected) + ")");
    }

    /** swiss from the JSON's data_files (same as swiss.csv), optionally with w = 1 + (i mod 3), i = 1..47. */
    static DriverData swiss(boolean weighted) {
        JsonNode d = GOLDEN.at("/data_files/swiss/data");
        JsonNode s = GOLDEN.get("swiss");
        DriverData.Builder b = DriverData.builder("Fertility").outcome(column(d.get("Fertility")));
        for (JsonNode r : s.get("regressors")) {
            b.attribute(r.asText(), column(d.get(r.asText())));
        }
        if (weighted) {
            double[] w = new double[47];
            for (int i = 1; i <= 47; i++) {
                w[i - 1] = 1 + (i % 3);
            }
            b.weights(w);
        }
        return b.build();
    }

    static double[] column(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    static List<String> regressors(JsonNode s) {
        List<String> names = new ArrayList<>();
        s.get("regressors").forEach(n -> names.add(n.asText()));
        return names;
    }

    static double[][] matrix(JsonNode m) {
        double[][] r = new double[m.size()][];
        for (int i = 0; i < r.length; i++) {
            r[i] = column(m.get(i));
        }
        return r;
    }

    static void checkImportances(JsonNode s, ImportanceDecomposition d, List<String> names, String label) {
        JsonNode raw = s.get("relaimpo_rela_false");
        JsonNode rela = s.get("relaimpo_rela_true");
        close(raw.get("R2").asDouble(), d.r2(), label + " R2");
        for (Map.Entry<ImportanceMetric, String> e : RELAIMPO.entrySet()) {
            double[] v = d.values(e.getKey());
            double[] sh = d.shares(e.getKey(), Normalisation.SUM);
            for (int j = 0; j < names.size(); j++) {
                close(raw.get(e.getValue()).get(names.get(j)).asDouble(), v[j],
                        label + " " + e.getValue() + " " + names.get(j));
                close(rela.get(e.getValue()).get(names.get(j)).asDouble(), sh[j],
                        label + " rela " + e.getValue() + " " + names.get(j));
            }
        }
        for (int j = 0; j < names.size(); j++) {
            close(s.at("/johnson_relative_weights/raw/" + names.get(j)).asDouble(), d.values(ImportanceMetric.JOHNSON)[j],
                    label + " johnson " + names.get(j));
            close(s.at("/shapley_bruteforce/shapley/" + names.get(j)).asDouble(), d.values(ImportanceMetric.LMG)[j],
                    label + " brute-force shapley " + names.get(j));
        }
    }

    @ParameterizedTest(name = "swiss weighted={0}")
    @ValueSource(booleans = {false, true})
    void swissAnalysis(boolean weighted) {
        JsonNode s = GOLDEN.get(weighted ? "swiss_weighted" : "swiss");
        List<String> names = regressors(s);
        DriverResult r = DriverAnalysis.builder().build().analyze(swiss(weighted));
        assertEquals(47, r.n());
        assertEquals(0, r.dropped());
        assertEquals(weighted, r.weighted());
        JsonNode ols = s.get("ols");
        close(ols.at("/coefficients/(Intercept)").asDouble(), r.ols().coefficient(Coefficient.INTERCEPT).estimate(),
                "intercept");
        close(ols.at("/std_errors/(Intercept)").asDouble(),
                r.ols().coefficient(Coefficient.INTERCEPT).standardError(), "intercept se");
        for (String n : names) {
            Coefficient c = r.ols().coefficient(n);
            close(ols.at("/coefficients/" + n).asDouble(), c.estimate(), "coef " + n);
            close(ols.at("/std_errors/" + n).asDouble(), c.standardError(), "se " + n);
            close(ols.at("/std_coefficients/" + n).asDouble(), c.standardized().orElseThrow(), "std " + n);
        }
        close(ols.get("r2").asDouble(), r.r2(), "r2");
        close(ols.get("adj_r2").asDouble(), r.adjustedR2(), "adj r2");
        close(ols.get("sigma").asDouble(), r.ols().sigma(), "sigma");
        assertEquals(ols.get("df_residual").asLong(), r.ols().dfResidual());
        checkImportances(s, r.decomposition(), names, weighted ? "swiss weighted" : "swiss");
        double[][] corr = matrix(s.get("correlation_matrix"));
        for (int j = 0; j < names.size(); j++) {
            ImportanceRow row = r.row(names.get(j));
            close(corr[0][j + 1], row.correlation(), "pearson " + names.get(j));
            close(s.at("/relaimpo_rela_true/lmg/" + names.get(j)).asDouble(), row.lmgShare(), "lmgShare");
            close(s.at("/relaimpo_rela_true/genizi/" + names.get(j)).asDouble(), row.johnsonShare(), "johnsonShare");
            if (!weighted) {
                close(s.at("/performance_means/" + names.get(j)).asDouble(), row.performance(), "performance");
            }
        }
    }

    @Test
    void swissWeightedPerformanceIsTheWeightedMean() {
        // The golden file's performance_means for swiss_weighted are plain colMeans; we deliberately report the
        // weighted mean of the ratings when rows are weighted (see VALIDATION.md).
        DriverData d = swiss(true);
        DriverResult r = DriverAnalysis.builder().build().analyze(d);
        double[] w = d.weights().orElseThrow();
        double[] x = d.attributeColumn(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            num += w[i] * x[i];
            den += w[i];
        }
        close(num / den, r.row("Agriculture").performance(), "weighted performance");
    }

    @Test
    void swissOlsMatchesR() {
        JsonNode s = GOLDEN.get("swiss");
        DriverData d = swiss(false);
        double[][] cols = new double[5][];
        for (int j = 0; j < 5; j++) {
            cols[j] = d.attributeColumn(j);
        }
        OlsFit fit = LinearRegression.fit(d.attributeNames(), cols, d.outcomeColumn(), null, true);
        close(s.at("/ols/coefficients/Education").asDouble(), fit.coefficient("Education").estimate(), "Education");
        close(s.at("/ols/r2").asDouble(), fit.r2(), "r2");
    }

    @Test
    void mtcarsFromCorrelationMatrix() {
        JsonNode s = GOLDEN.get("mtcars_rwa_example");
        List<String> names = regressors(s);
        ImportanceDecomposition d = RelativeImportance.fromCorrelationMatrix(names, matrix(s.get("correlation_matrix")));
        checkImportances(s, d, names, "mtcars");
        for (String n : names) {
            close(s.at("/johnson_relative_weights/rescaled/" + n).asDouble(),
                    d.shares(ImportanceMetric.JOHNSON, Normalisation.SUM)[names.indexOf(n)], "rwa rescaled " + n);
        }
    }

    @Test
    void twoPredictorClosedForm() {
        JsonNode s = GOLDEN.get("two_predictor_corr_matrix");
        ImportanceDecomposition d = RelativeImportance.fromCorrelationMatrix(List.of("x1", "x2"),
                matrix(s.get("input_correlation_matrix")));
        JsonNode raw = s.get("relaimpo_rela_false");
        close(raw.get("R2").asDouble(), d.r2(), "R2");
        for (Map.Entry<ImportanceMetric, String> e : RELAIMPO.entrySet()) {
            for (String n : List.of("x1", "x2")) {
                close(raw.get(e.getValue()).get(n).asDouble(), e.getKey().of(d.attribute(n)), e.getValue() + " " + n);
            }
        }
        // closed form from the note: R2 = (.36+.16-2*.6*.4*.5)/(1-.25), lmg_x1 = (.36 + R2 - .16)/2
        double r2 = (.36 + .16 - 2 * .6 * .4 * .5) / (1 - .25);
        close(r2, d.r2(), "closed-form R2");
        close((.36 + r2 - .16) / 2, d.attribute("x1").lmg(), "closed-form lmg x1");
        close(d.attribute("x1").lmg(), d.attribute("x1").johnson(), "p = 2: lmg == johnson");
    }

    @Test
    void degenerateConstantPredictor() {
        DriverData d = swissWith("Constant", 7.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DriverAnalysis.builder().build().analyze(d));
        assertTrue(e.getMessage().contains("'Constant'") && e.getMessage().contains("constant"), e.getMessage());
    }

    @Test
    void degeneratePerfectlyCollinear() {
        DriverData base = swiss(false);
        double[] sum = new double[47];
        for (int i = 0; i < 47; i++) {
            sum[i] = base.value(i, 0) + 2 * base.value(i, 2);
        }
        DriverData d = builderFrom(base).attribute("AgriPlusEdu", sum).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DriverAnalysis.builder().build().analyze(d));
        assertTrue(e.getMessage().contains("'AgriPlusEdu'") && e.getMessage().contains("collinear"), e.getMessage());
    }

    @Test
    void degenerateTooFewRows() {
        // n = p + 1: relaimpo refuses; so do we, naming the counts
        DriverData d = swiss(false).rows(new int[] {0, 1, 2, 3, 4, 5});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DriverAnalysis.builder().build().analyze(d));
        assertTrue(e.getMessage().contains("6 usable") && e.getMessage().contains("at least 7"), e.getMessage());
    }

    @Test
    void singleRegressorIsAValidModelWhoseEveryImportanceIsRSquared() {
        // relaimpo refuses one regressor ('a' is 0-diml); R's lm does not: for y ~ x alone, R² = r². The golden
        // value is relaimpo's `first` for Education in the five-regressor swiss model, which is r²(Fertility,
        // Education) by definition, so it is also R² of Fertility ~ Education.
        DriverData base = swiss(false);
        DriverData d = DriverData.builder("Fertility").outcome(base.outcomeColumn())
                .attribute("Education", base.attributeColumn(2)).build();
        for (MissingData rule : MissingData.values()) {
            DriverResult r = DriverAnalysis.builder().missing(rule).build().analyze(d);
            double golden = GOLDEN.at("/swiss/relaimpo_rela_false/first/Education").asDouble();
            close(golden, r.r2(), rule + " R² = relaimpo first(Education)");
            double pearson = r.row("Education").correlation();
            assertEquals(pearson * pearson, r.r2(), 1e-12, rule + " R² = r² (library Pearson)");
            double textbook = textbookPearson(base.outcomeColumn(), base.attributeColumn(2));
            assertEquals(textbook * textbook, r.r2(), 1e-12, rule + " R² = r² (two-pass Pearson)");
            AttributeImportance a = r.decomposition().attribute("Education");
            for (ImportanceMetric m : ImportanceMetric.values()) {
                assertEquals(r.r2(), r.decomposition().values(m)[0], 1e-12, rule + " " + m + " = R²");
                assertEquals(1.0, r.decomposition().shares(m, Normalisation.SUM)[0], 1e-12, rule + " " + m + " share");
            }
            assertEquals(r.r2(), a.lmg(), 1e-12);
            assertEquals(1.0, r.row("Education").lmgShare(), 1e-12);
            assertEquals(1.0, r.row("Education").johnsonShare(), 1e-12);
            // slope = r·sd(y)/sd(x); adjusted R² = 1 − (1 − R²)(n − 1)/(n − 2)
            double slope = textbook * sd(base.outcomeColumn()) / sd(base.attributeColumn(2));
            close(slope, r.ols().coefficient("Education").estimate(), rule + " slope");
            assertEquals(1 - (1 - r.r2()) * 46 / 45, r.adjustedR2(), 1e-12);
            assertEquals(1.0, r.ols().coefficient("Education").vif().orElseThrow(), 1e-12);
        }
    }

    static double textbookPearson(double[] y, double[] x) {
        double my = 0;
        double mx = 0;
        for (int i = 0; i < y.length; i++) {
            my += y[i] / y.length;
            mx += x[i] / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < y.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    static double sd(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    static DriverData.Builder builderFrom(DriverData base) {
        DriverData.Builder b = DriverData.builder(base.outcomeName()).outcome(base.outcomeColumn());
        for (int j = 0; j < base.attributeCount(); j++) {
            b.attribute(base.attributeNames().get(j), base.attributeColumn(j));
        }
        return b;
    }

    static DriverData swissWith(String name, double constant) {
        double[] c = new double[47];
        java.util.Arrays.fill(c, constant);
        return builderFrom(swiss(false)).attribute(name, c).build();
    }
}
