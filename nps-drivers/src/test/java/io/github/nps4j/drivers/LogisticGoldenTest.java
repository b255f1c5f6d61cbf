package io.github.nps4j.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Logistic regression of a 0/1 outcome against R's {@code glm(am ~ hp + wt, binomial, mtcars)} and an independent
 * statsmodels fit (reference/logistic: data, figures and provenance).
 */
class LogisticGoldenTest {
    static final JsonNode REF = read();
    static final List<String> HEADER = Arrays.asList(Reference.lines("logistic/mtcars.csv").get(0).split(","));

    private static JsonNode read() {
        try (InputStream in = Reference.open("logistic/mtcars_glm.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] column(String name) {
        List<String> lines = Reference.lines("logistic/mtcars.csv");
        int j = HEADER.indexOf(name);
        double[] v = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            v[i - 1] = Double.parseDouble(lines.get(i).split(",")[j]);
        }
        return v;
    }

    static DriverData mtcars() {
        return DriverData.builder("am").outcome(column("am")).attribute("hp", column("hp"))
                .attribute("wt", column("wt")).build();
    }

    @Test
    void matchesRGlmToEveryPrintedDigit() {
        BinaryDriverResult r = DriverAnalysis.builder().build().analyzeBinary(mtcars(), BinaryOutcome.INDICATOR);
        LogisticFit fit = r.logistic();
        JsonNode glm = REF.get("r_glm_published");
        assertEquals(32, fit.n());
        assertEquals(13, fit.events(), 0.0);
        for (String term : List.of(Coefficient.INTERCEPT, "hp", "wt")) {
            // printed to 5 decimals: agree to half a unit in the last printed place
            assertEquals(glm.at("/coefficients/" + term).asDouble(), fit.coefficient(term).estimate(), 5e-6, term);
            assertEquals(glm.at("/standardErrors/" + term).asDouble(), fit.coefficient(term).standardError(), 5e-6,
                    term + " SE");
        }
        // deviance = −2 logLik for 0/1 data; printed to 3 decimals
        assertEquals(glm.get("residualDeviance").asDouble(), -2 * fit.logLikelihood(), 5e-4);
        assertEquals(glm.get("nullDeviance").asDouble(), -2 * fit.nullLogLikelihood(), 5e-4);
        double mcFadden = 1 - glm.get("residualDeviance").asDouble() / glm.get("nullDeviance").asDouble();
        // the rounding of the printed deviances moves the ratio by at most ~2e-5
        assertEquals(mcFadden, fit.mcFaddenR2(), 3e-5);
    }

    @Test
    void matchesStatsmodelsToNineDigits() {
        LogisticFit fit = DriverAnalysis.builder().build().analyzeBinary(mtcars(), BinaryOutcome.INDICATOR)
                .logistic();
        JsonNode sm = REF.get("statsmodels");
        for (String term : List.of(Coefficient.INTERCEPT, "hp", "wt")) {
            double b = sm.at("/coefficients/" + term).asDouble();
            double se = sm.at("/standardErrors/" + term).asDouble();
            LogisticCoefficient c = fit.coefficient(term);
            assertEquals(b, c.estimate(), 1e-9 * Math.abs(b), term);
            assertEquals(se, c.standardError(), 1e-9 * se, term + " SE");
            assertEquals(b / se, c.z(), 1e-8 * Math.abs(b / se), term + " z");
            assertEquals(Math.exp(b), c.oddsRatio(), 1e-8 * Math.exp(b), term + " odds ratio");
        }
        assertEquals(sm.get("logLikelihood").asDouble(), fit.logLikelihood(), 1e-9);
        assertEquals(sm.get("nullLogLikelihood").asDouble(), fit.nullLogLikelihood(), 1e-9);
        assertEquals(1 - sm.get("logLikelihood").asDouble() / sm.get("nullLogLikelihood").asDouble(),
                fit.mcFaddenR2(), 1e-10);
    }

    @Test
    void anIndicatorMustBeZeroOrOne() {
        double[] am = column("am");
        am[5] = 2;
        DriverData d = mtcars().withOutcome("am", am);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DriverAnalysis.builder().build().analyzeBinary(d, BinaryOutcome.INDICATOR));
        assertTrue(e.getMessage().contains("'am'") && e.getMessage().contains("not 0 or 1"), e.getMessage());
        double[] zeros = new double[32];
        IllegalArgumentException constant = assertThrows(IllegalArgumentException.class,
                () -> DriverAnalysis.builder().build().analyzeBinary(mtcars().withOutcome("am", zeros),
                        BinaryOutcome.INDICATOR));
        assertTrue(constant.getMessage().contains("'am' is 0 in every one of the 32 rows"), constant.getMessage());
    }
}
