package io.github.nps4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks against {@code reference/nps/golden_nps.json} (from the test class path, see {@link GoldenFile}), computed
 * by running R packages {@code NPS} 1.1 and 2.0.999 and {@code survey} 4.1.1 (provenance in the file). NPS there is
 * on [−1, 1]; ours is × 100.
 */
class GoldenNpsTest {
    private static final Set<String> UNWEIGHTED_FUNCTIONS = Set.of("nps", "nps.var", "nps_var", "nps.se", "nps_se");
    private static JsonNode golden;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = GoldenFile.openNps()) {
            golden = new ObjectMapper().readTree(in);
        }
    }

    /** 1e-12 relative, with an absolute floor of 1e-12 for expected values of 0. */
    private static void assertRel(double expected, double actual, String what) {
        double tol = expected == 0 ? 1e-12 : 1e-12 * Math.abs(expected);
        if (!(Math.abs(actual - expected) <= tol)) {
            fail(what + ": expected " + expected + " but was " + actual + " (diff " + (actual - expected) + ")");
        }
    }

    private static boolean containsNa(JsonNode scores) {
        if (scores.isArray()) {
            for (JsonNode s : scores) {
                if (!s.isNumber()) {
                    return true;
                }
            }
            return false;
        }
        return !scores.isNumber();
    }

    private static int[] scores(JsonNode node) {
        if (node.isNumber()) {
            return new int[] {node.intValue()};
        }
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Score.of(node.get(i).doubleValue());
        }
        return out;
    }

    @Test
    void unweightedPointEstimatesVariancesAndStandardErrors() {
        int used = 0;
        int skippedNa = 0;
        int undefined = 0;
        for (JsonNode e : golden.get("entries")) {
            String fn = e.get("function").asText();
            if (!UNWEIGHTED_FUNCTIONS.contains(fn)) {
                continue;
            }
            String what = e.get("case").asText() + " " + e.get("package").asText() + " " + fn;
            if (containsNa(e.get("scores"))) {
                skippedNa++;
                continue;
            }
            int[] scores = scores(e.get("scores"));
            NpsEstimate est = NpsEstimate.ofScores(scores);
            // the counts the file states must be what we classify
            JsonNode counts = e.get("counts_det_pas_pro");
            assertEquals(counts.get(0).asLong(), est.detractors(), what + " detractors");
            assertEquals(counts.get(1).asLong(), est.passives(), what + " passives");
            assertEquals(counts.get(2).asLong(), est.promoters(), what + " promoters");
            JsonNode result = e.get("result");
            if (!result.isNumber()) {
                // R's NA for empty input: ours is undefined
                assertEquals("NA", result.asText(), what);
                assertEquals(0, scores.length, what);
                assertFalse(est.isDefined(), what);
                assertTrue(est.nps().isEmpty(), what);
                assertTrue(est.standardError().isEmpty(), what);
                undefined++;
                used++;
                continue;
            }
            double expected = result.doubleValue();
            switch (fn) {
                case "nps" -> assertRel(100 * expected, est.npsValue(), what);
                case "nps.var", "nps_var" -> assertRel(expected, est.indicatorVariance(), what);
                case "nps.se", "nps_se" -> {
                    assertRel(100 * expected, est.standardError().getAsDouble(), what);
                    // and the documented closed form for unit weights
                    double n = scores.length;
                    double pP = est.promoters() / n;
                    double pD = est.detractors() / n;
                    assertRel(100 * expected, 100 * Math.sqrt((pP + pD - (pP - pD) * (pP - pD)) / n), what);
                }
                default -> throw new AssertionError(fn);
            }
            used++;
        }
        // 47 such entries in the file: 4 have an NA in their input (mixed6_with_NA) and are skipped;
        // 43 are checked, one of which (case "empty") is R's NA for empty input.
        assertEquals(4, skippedNa, "entries skipped for NA input");
        assertEquals(1, undefined, "empty-input entries");
        assertEquals(43, used, "unweighted golden entries checked");
    }

    private static Role role(String r) {
        return switch (r) {
            case "DM" -> Role.DECISION_MAKER;
            case "INF" -> Role.INFLUENCER;
            case "USER" -> Role.USER;
            default -> throw new AssertionError("unknown role in golden file: " + r);
        };
    }

    /** Maps each svymean entry's weights_definition to our weighting. */
    private static Weighting weightingFor(String definition) {
        return switch (definition) {
            case "w = 1" -> Weighting.none();
            case "w = c(DM=3, INF=2, USER=1)[role]" ->
                Weighting.role(RoleWeights.parse("decision-maker=3,influencer=2,user=1"));
            case "w = 1 / (respondents of that account in that period): every account weighs 1 per period" ->
                Weighting.accountEqual();
            case "w = account revenue / (respondents of that account in that period): account total weight = revenue" ->
                Weighting.accountValue();
            default -> null;
        };
    }

    @Test
    void weightedB2bEntriesFromSurvey() {
        int checked = 0;
        for (JsonNode e : golden.get("entries")) {
            if (!e.get("function").asText().equals("svymean")) {
                continue;
            }
            String what = e.get("case").asText();
            Weighting weighting = weightingFor(e.get("weights_definition").asText());
            assertTrue(weighting != null, what + ": weights_definition not mapped: "
                    + e.get("weights_definition").asText());
            JsonNode data = e.get("data");
            int n = data.get("scores").size();
            List<Response> responses = new ArrayList<>();
            Map<String, Account> accounts = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String account = data.get("account").get(i).asText();
                accounts.putIfAbsent(account, Account.builder(account)
                        .annualValue(data.get("revenue").get(i).doubleValue()).build());
                responses.add(Fixtures.resp("R" + i, account, "C" + i, role(data.get("role").get(i).asText()),
                        LocalDate.of(2026, 2, 1), data.get("scores").get(i).intValue()));
            }
            // our weights reproduce R's weight column
            double[] w = weighting.weigh(responses, accounts);
            for (int i = 0; i < n; i++) {
                assertRel(data.get("weights").get(i).doubleValue(), w[i], what + " weight " + i);
            }
            // and the scorer gives the same estimate as R, one group (one quarter)
            GroupedNps scored = NpsScorer.builder().accounts(accounts.values()).weighting(weighting).build()
                    .score(responses);
            NpsEstimate est = scored.overall().orElseThrow().estimate();
            JsonNode r = e.get("result");
            assertEquals(r.get("n").asLong(), est.n(), what + " n");
            assertRel(100 * r.get("nps_weighted").doubleValue(), est.npsValue(), what + " nps");
            assertRel(r.get("pP_weighted").doubleValue(), est.promoterShare().getAsDouble(), what + " pP");
            assertRel(r.get("pD_weighted").doubleValue(), est.detractorShare().getAsDouble(), what + " pD");
            assertRel(r.get("sum_w").doubleValue(), est.weightSum(), what + " sum_w");
            assertRel(r.get("kish_n_eff").doubleValue(), est.effectiveN().getAsDouble(), what + " kish n");
            // survey's with-replacement linearization SE is ours times √(n/(n−1)) (DESIGN §3)
            assertRel(100 * r.get("se_linearization_srs").doubleValue(),
                    est.standardError().getAsDouble() * Math.sqrt(n / (n - 1.0)), what + " se");
            checked++;
        }
        assertEquals(4, checked, "svymean entries checked");
    }
}
