package io.github.nps4j.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Behaviour of the analysis entry point: missing data, refusals, what-if, bootstrap, groups, logistic. */
class DriverAnalysisTest {

    static double gaussian(SplittableRandom rng) {
        return LmgTest.gaussian(rng);
    }

    /** Synthetic survey with a known linear truth: latent = -1.0 + 0.4·delivery + 1.0·support + 0.2·price + e. */
    static List<Response> survey(int n, long seed, double missingRate) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Response> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double delivery = Math.max(0, Math.min(10, Math.rint(6 + 2 * gaussian(rng))));
            double support = Math.max(0, Math.min(10, Math.rint(5 + 0.5 * (delivery - 6) + 1.8 * gaussian(rng))));
            double price = Math.max(0, Math.min(10, Math.rint(6 + 2 * gaussian(rng))));
            double latent = -1.0 + 0.4 * delivery + 1.0 * support + 0.2 * price + 0.8 * gaussian(rng);
            int score = (int) Math.max(0, Math.min(10, Math.floor(latent + 0.5)));
            Response.Builder b = Response.builder("R" + i, "A" + (i % 40), "C" + i)
                    .role(i % 3 == 0 ? Role.DECISION_MAKER : Role.USER).answeredAt(LocalDate.of(2026, 3, 1))
                    .score(score).rating("support", support).rating("price", price);
            if (rng.nextDouble() >= missingRate) {
                b.rating("delivery", delivery);
            }
            out.add(b.build());
        }
        return out;
    }

    @Test
    void theOnePassTableEqualsTheTableOfTheNamedAttributes() {
        // names first seen part-way through, ratings skipped here and there
        List<Response> rs = new ArrayList<>(survey(300, 4, 0.3));
        rs.add(Response.builder("X1", "A1", "CX1").answeredAt(LocalDate.of(2026, 3, 2)).score(8)
                .rating("value", 6).rating("support", 7).build());
        rs.addAll(survey(50, 5, 0.5));
        rs.add(Response.builder("X2", "A2", "CX2").answeredAt(LocalDate.of(2026, 3, 3)).score(3).build());
        DriverData once = DriverData.fromResponses(rs);
        DriverData named = DriverData.fromResponses(rs, List.of("delivery", "price", "support", "value"));
        assertEquals(named.attributeNames(), once.attributeNames());
        assertEquals(named.rowCount(), once.rowCount());
        for (int i = 0; i < named.rowCount(); i++) {
            assertEquals(named.outcome(i), once.outcome(i), 0.0);
            for (int j = 0; j < 4; j++) {
                assertEquals(named.value(i, j), once.value(i, j), 0.0, "row " + i + ", column " + j);
            }
        }
    }

    @Test
    void responsesListwiseCountsRowsUsedAndDropped() {
        List<Response> rs = survey(300, 1, 0.2);
        DriverData data = DriverData.fromResponses(rs);
        assertEquals(List.of("delivery", "price", "support"), data.attributeNames());
        long missing = rs.stream().filter(r -> r.rating("delivery").isEmpty()).count();
        DriverResult r = DriverAnalysis.builder().build().analyze(rs);
        assertEquals(300 - missing, r.n());
        assertEquals(missing, r.dropped());
        assertEquals(MissingData.LISTWISE, r.missing());
        assertEquals(Coefficient.INTERCEPT, r.coefficients().get(0).name());
        double sum = r.importance().stream().mapToDouble(ImportanceRow::lmgShare).sum();
        assertEquals(1.0, sum, 1e-12);
        assertEquals(r.r2(), r.importance().stream().mapToDouble(ImportanceRow::lmg).sum(), 1e-12);
        // support has the largest true effect
        assertTrue(r.row("support").lmg() > r.row("price").lmg());
    }

    /**
     * A missing outcome drops the row under listwise deletion, as R's {@code lm} (na.omit over every model variable):
     * the result equals, to the last bit, the analysis of the table without those rows; the counts say why rows went.
     */
    @Test
    void listwiseDropsRowsWithAMissingOutcomeAsLmDoes() {
        DriverData swiss = GoldenDriversTest.swiss(false);
        int n = swiss.rowCount();
        double[] y = swiss.outcomeColumn();
        double[] agri = swiss.attributeColumn(0);
        int[] keep = new int[n];
        int k = 0;
        long missingY = 0;
        long missingX = 0;
        for (int i = 0; i < n; i++) {
            if (i % 7 == 3) {
                y[i] = Double.NaN;
                missingY++;
                if (i % 2 == 0) {
                    agri[i] = Double.NaN; // missing both: counted once, under the outcome
                }
            } else if (i % 11 == 5) {
                agri[i] = Double.NaN;
                missingX++;
            } else {
                keep[k++] = i;
            }
        }
        DriverData.Builder holes = DriverData.builder("Fertility").outcome(y).attribute("Agriculture", agri);
        for (int j = 1; j < swiss.attributeCount(); j++) {
            holes.attribute(swiss.attributeNames().get(j), swiss.attributeColumn(j));
        }
        DriverData withHoles = holes.build();
        DriverData complete = swiss.rows(java.util.Arrays.copyOf(keep, k));
        DriverAnalysis analysis = DriverAnalysis.builder().build();
        DriverResult r = analysis.analyze(withHoles);
        DriverResult expected = analysis.analyze(complete);
        assertEquals(k, r.n());
        assertEquals(n - k, r.dropped());
        assertEquals(missingY, r.missingOutcome());
        assertEquals(missingX, r.droppedMissingRatings());
        assertEquals(0, expected.missingOutcome());
        assertEquals(expected.r2(), r.r2(), 0.0);
        assertEquals(expected.coefficients(), r.coefficients());
        assertEquals(expected.importance(), r.importance());
        // the what-if and the binary models drop the same rows
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = Double.isNaN(y[i]) ? Double.NaN : i % 11;
        }
        DriverData scored = withHoles.withOutcome("score", scores);
        DriverAnalysis whatIf = DriverAnalysis.builder().whatIf(WhatIf.raise("Education", 1)).build();
        assertEquals(whatIf.analyze(scored.rows(java.util.Arrays.copyOf(keep, k))).whatIf(),
                whatIf.analyze(scored).whatIf());
        BinaryDriverResult pro = analysis.analyzeBinary(scored, BinaryOutcome.PROMOTER);
        assertEquals(k, pro.n());
        assertEquals(n - k, pro.dropped());
    }

    @Test
    void pairwiseLeavesAMissingOutcomeOutOfTheOutcomesCorrelationsOnly() {
        DriverData swiss = GoldenDriversTest.swiss(false);
        double[] y = swiss.outcomeColumn();
        y[4] = Double.NaN;
        y[9] = Double.NaN;
        DriverData d = swiss.withOutcome("Fertility", y);
        DriverResult r = DriverAnalysis.builder().missing(MissingData.PAIRWISE).build().analyze(d);
        assertEquals(45, r.n());
        assertEquals(2, r.missingOutcome());
        assertEquals(0, r.droppedMissingRatings());
        int[] rows = new int[45];
        for (int i = 0, k = 0; i < 47; i++) {
            if (i != 4 && i != 9) {
                rows[k++] = i;
            }
        }
        DriverData without = swiss.rows(rows);
        for (int j = 0; j < swiss.attributeCount(); j++) {
            assertEquals(GoldenDriversTest.textbookPearson(without.outcomeColumn(), without.attributeColumn(j)),
                    r.importance().get(j).correlation(), 1e-12);
        }
    }

    @Test
    void pairwiseUsesMoreRowsAndAgreesRoughly() {
        List<Response> rs = survey(400, 2, 0.3);
        DriverResult lw = DriverAnalysis.builder().build().analyze(rs);
        DriverResult pw = DriverAnalysis.builder().missing(MissingData.PAIRWISE).build().analyze(rs);
        assertEquals(MissingData.PAIRWISE, pw.missing());
        assertEquals(lw.n(), pw.n()); // the smallest pairwise count is the delivery pairs
        assertEquals(lw.row("support").lmgShare(), pw.row("support").lmgShare(), 0.1);
        assertEquals(pw.r2(), pw.importance().stream().mapToDouble(ImportanceRow::lmg).sum(), 1e-12);
    }

    @Test
    void pairwiseRefusesNonPositiveDefiniteMatrix() {
        // a, b, c observed in disjoint pairs so that pairwise correlations are mutually inconsistent
        int n = 30;
        double[] y = new double[3 * n];
        double[] a = new double[3 * n];
        double[] b = new double[3 * n];
        double[] c = new double[3 * n];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 3 * n; i++) {
            double t = gaussian(rng);
            y[i] = t + 0.1 * gaussian(rng);
            double noise = 0.01 * gaussian(rng);
            int block = i / n;
            a[i] = block == 2 ? Double.NaN : t + noise;
            b[i] = block == 1 ? Double.NaN : (block == 0 ? t : -t) + noise;
            c[i] = block == 0 ? Double.NaN : t + noise;
        }
        DriverData d = DriverData.builder("y").outcome(y).attribute("a", a).attribute("b", b).attribute("c", c)
                .build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DriverAnalysis.builder().missing(MissingData.PAIRWISE).build().analyze(d));
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
    }

    @Test
    void invalidValuesAreRejectedNamingRowAndColumn() {
        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
                () -> DriverData.builder("score").outcome(new double[] {1, 2, 3})
                        .attribute("delivery", new double[] {1, Double.POSITIVE_INFINITY, 3}).build());
        assertTrue(inf.getMessage().contains("row 1") && inf.getMessage().contains("'delivery'"), inf.getMessage());
        IllegalArgumentException infY = assertThrows(IllegalArgumentException.class,
                () -> DriverData.builder("score").outcome(new double[] {1, Double.NEGATIVE_INFINITY, 3})
                        .attribute("delivery", new double[] {1, 2, 3}).build());
        assertTrue(infY.getMessage().contains("row 1") && infY.getMessage().contains("'score'"), infY.getMessage());
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> DriverData.builder("score").outcome(new double[] {1, 2, 3})
                        .attribute("delivery", new double[] {1, 2, 3}).weights(new double[] {1, 0, 1}).build());
        assertTrue(w.getMessage().contains("row 1") && w.getMessage().contains("weight"), w.getMessage());
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> DriverData.builder("score").outcome(new double[] {1, 2, 3})
                        .attribute("delivery", new double[] {1, 2}).build());
        assertTrue(len.getMessage().contains("'delivery'") && len.getMessage().contains("2 values"), len.getMessage());
    }

    @Test
    void theOutcomeIsRefusedAsAPredictor() {
        DriverData swiss = GoldenDriversTest.swiss(false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GoldenDriversTest.builderFrom(swiss).attribute("Fertility", swiss.outcomeColumn()));
        assertTrue(e.getMessage().contains("'Fertility' is the outcome"), e.getMessage());
    }

    @Test
    void callerArraysAreNotMutatedNorShared() {
        double[] y = {1, 2, 3, 4, 5, 6};
        double[] a = {1, 3, 2, 5, 4, 6};
        DriverData d = DriverData.builder("y").outcome(y).attribute("a", a).build();
        a[0] = 99;
        assertEquals(1, d.value(0, 0));
    }

    @Test
    void quadrantsSplitAtTheMeans() {
        DriverResult r = DriverAnalysis.builder().build().analyze(GoldenDriversTest.swiss(false));
        double meanShare = 1.0 / 5;
        double meanPerf = r.importance().stream().mapToDouble(ImportanceRow::performance).average().orElseThrow();
        for (ImportanceRow row : r.importance()) {
            assertEquals(Quadrant.of(row.lmgShare() >= meanShare, row.performance() >= meanPerf), row.quadrant());
        }
        // Education: most important (0.37), low mean (11.0 vs 27.8) -> fix first
        assertEquals(Quadrant.FIX_FIRST, r.row("Education").quadrant());
        assertEquals("fix-first", r.row("Education").quadrant().label());
        assertEquals(Quadrant.OVERPERFORMING, r.row("Agriculture").quadrant());
    }

    @Test
    void signAndNormalisationOptions() {
        DriverData swiss = GoldenDriversTest.swiss(false);
        DriverResult r = DriverAnalysis.builder().signByCoefficient(true)
                .normalisation(Normalisation.SUM_OF_ABSOLUTES).build().analyze(swiss);
        assertTrue(r.row("Education").lmg() < 0); // negative coefficient
        assertTrue(r.row("Catholic").lmg() > 0);
        assertEquals(1.0, r.importance().stream().mapToDouble(x -> Math.abs(x.lmgShare())).sum(), 1e-12);
    }

    @Test
    void whatIfRecoversTheTrueNpsChangeWithinTheReportedError() {
        // truth: support has coefficient 1.0, so raising support by 2 raises each affected latent score by 2
        List<Response> rs = survey(2000, 11, 0);
        WhatIf scenario = WhatIf.raise("support", 2).forRatingsBelow(6);
        DriverResult r = DriverAnalysis.builder().whatIf(scenario).folds(5).build().analyze(rs);
        WhatIfResult w = r.whatIf().orElseThrow();
        // the true effect, computed from the generating model on the same respondents
        SplittableRandom rng = new SplittableRandom(11);
        double num = 0;
        double base = 0;
        for (int i = 0; i < 2000; i++) {
            double delivery = Math.max(0, Math.min(10, Math.rint(6 + 2 * gaussian(rng))));
            double support = Math.max(0, Math.min(10, Math.rint(5 + 0.5 * (delivery - 6) + 1.8 * gaussian(rng))));
            double price = Math.max(0, Math.min(10, Math.rint(6 + 2 * gaussian(rng))));
            double latent = -1.0 + 0.4 * delivery + 1.0 * support + 0.2 * price + 0.8 * gaussian(rng);
            rng.nextDouble(); // the missing-rating draw
            int before = (int) Math.max(0, Math.min(10, Math.floor(latent + 0.5)));
            double after = support < 6 ? latent + 2.0 : latent;
            int afterScore = (int) Math.max(0, Math.min(10, Math.floor(after + 0.5)));
            base += before >= 9 ? 1 : before <= 6 ? -1 : 0;
            num += afterScore >= 9 ? 1 : afterScore <= 6 ? -1 : 0;
        }
        double trueBaseline = 100 * base / 2000;
        double trueAfter = 100 * num / 2000;
        assertEquals(trueBaseline, w.baselineNps(), 1e-9);
        assertTrue(w.crossValidatedError() > 0);
        System.out.printf(java.util.Locale.ROOT, "%nwhat-if: baseline %.2f, predicted %.2f (true %.2f), "
                + "CV error %.2f, fold spread %.3f%n", w.baselineNps(), w.predictedNps(), trueAfter,
                w.crossValidatedError(), w.foldSpread());
        assertTrue(Math.abs(w.predictedNps() - trueAfter) <= w.crossValidatedError(),
                "predicted " + w.predictedNps() + " true " + trueAfter + " error " + w.crossValidatedError());
        assertTrue(w.change() > 0);
        assertEquals(5, w.folds());
        assertTrue(w.changedRows() > 0);
    }

    @Test
    void whatIfNeedsScoresAndAKnownAttribute() {
        DriverData swiss = GoldenDriversTest.swiss(false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DriverAnalysis.builder().whatIf(WhatIf.raise("Education", 1)).build().analyze(swiss));
        assertTrue(e.getMessage().contains("0-10"), e.getMessage());
        List<Response> rs = survey(100, 3, 0);
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class,
                () -> DriverAnalysis.builder().whatIf(WhatIf.raise("speed", 1)).build().analyze(rs));
        assertTrue(u.getMessage().contains("'speed'"), u.getMessage());
    }

    @Test
    void bootstrapIsReproducibleReportsProgressAndCanBeCancelled() {
        DriverData swiss = GoldenDriversTest.swiss(false);
        AtomicInteger calls = new AtomicInteger();
        DriverResult a = DriverAnalysis.builder().bootstrap(200).seed(99)
                .progress((done, total) -> calls.incrementAndGet()).build().analyze(swiss);
        DriverResult b = DriverAnalysis.builder().bootstrap(200).seed(99).build().analyze(swiss);
        DriverResult c = DriverAnalysis.builder().bootstrap(200).seed(100).build().analyze(swiss);
        assertEquals(200, calls.get());
        assertEquals(a.bootstrap().orElseThrow(), b.bootstrap().orElseThrow());
        assertNotEquals(a.bootstrap().orElseThrow(), c.bootstrap().orElseThrow());
        AtomicInteger polls = new AtomicInteger();
        assertThrows(CancellationException.class, () -> DriverAnalysis.builder().bootstrap(200)
                .cancellation(() -> polls.incrementAndGet() > 10).build().analyze(swiss));
    }

    @Test
    void bootstrapIntervalsAgreeWithRelaimpoWithinMonteCarloError() {
        // relaimpo's intervals depend on R's RNG; compare with the tolerance the golden file suggests
        JsonNode g = GoldenDriversTest.GOLDEN.at("/swiss/bootstrap_percentile_95");
        DriverResult r = DriverAnalysis.builder().bootstrap(1000).seed(20240501).build()
                .analyze(GoldenDriversTest.swiss(false));
        BootstrapIntervals bi = r.bootstrap().orElseThrow();
        assertEquals(0.95, bi.level());
        for (BootstrapRow row : bi.rows()) {
            assertEquals(g.at("/lmg/lower/" + row.name()).asDouble(), row.lmgShare().lower(), 0.03, row.name());
            assertEquals(g.at("/lmg/upper/" + row.name()).asDouble(), row.lmgShare().upper(), 0.04, row.name());
            assertEquals(g.at("/genizi/lower/" + row.name()).asDouble(), row.johnsonShare().lower(), 0.03);
            assertEquals(g.at("/genizi/upper/" + row.name()).asDouble(), row.johnsonShare().upper(), 0.04);
            assertTrue(row.lmgShare().contains(r.row(row.name()).lmgShare()));
        }
    }

    @Test
    void groupsAreAnalysedSeparatelyAndDegenerateGroupsSkipped() {
        List<Response> rs = new ArrayList<>(survey(600, 4, 0));
        // a tiny group that cannot be analysed
        rs.add(Response.builder("X1", "A1", "CX1").role(Role.of("gatekeeper")).answeredAt(LocalDate.of(2026, 3, 1))
                .score(7).rating("delivery", 5).rating("support", 5).rating("price", 5).build());
        GroupedDriverResult g = DriverAnalysis.builder().build().analyzeGroups(rs,
                r -> r.role().map(Role::name).orElse("unknown"), null);
        assertEquals(List.of("decision-maker", "user"), new ArrayList<>(g.groups().keySet()));
        assertTrue(g.skipped().get("gatekeeper").contains("too few rows"), g.skipped().toString());
        assertEquals(200, g.groups().get("decision-maker").n());
    }

    @Test
    void logisticPromoterAndDetractorModels() {
        List<Response> rs = survey(1500, 8, 0);
        DriverData data = DriverData.fromResponses(rs);
        DriverAnalysis analysis = DriverAnalysis.builder().build();
        BinaryDriverResult pro = analysis.analyzeBinary(data, BinaryOutcome.PROMOTER);
        BinaryDriverResult det = analysis.analyzeBinary(data, BinaryOutcome.DETRACTOR);
        LogisticCoefficient s = pro.logistic().coefficient("support");
        assertTrue(s.estimate() > 0 && s.p() < 1e-6);
        assertEquals(Math.exp(s.estimate()), s.oddsRatio(), 1e-12);
        assertEquals(s.estimate() / s.standardError(), s.z(), 1e-12);
        assertTrue(det.logistic().coefficient("support").estimate() < 0);
        assertTrue(pro.logistic().mcFaddenR2() > 0 && pro.logistic().mcFaddenR2() < 1);
        assertEquals(Coefficient.INTERCEPT, pro.logistic().coefficients().get(0).name());
        double lmgSum = pro.linearProbability().attributes().stream().mapToDouble(AttributeImportance::lmg).sum();
        assertEquals(pro.linearProbability().r2(), lmgSum, 1e-12);
        long promoters = rs.stream().filter(r -> r.score() >= 9).count();
        assertEquals(promoters, pro.logistic().events());
    }

    @Test
    void logisticMatchesNewtonOnTheScoreEquations() {
        // at the MLE the score equations X'(y - p) = 0 hold
        List<Response> rs = survey(800, 9, 0);
        DriverData data = DriverData.fromResponses(rs);
        LogisticFit fit = DriverAnalysis.builder().build().analyzeBinary(data, BinaryOutcome.PROMOTER).logistic();
        double[] grad = new double[4];
        for (int i = 0; i < data.rowCount(); i++) {
            double eta = fit.coefficients().get(0).estimate();
            for (int j = 0; j < 3; j++) {
                eta += fit.coefficients().get(j + 1).estimate() * data.value(i, j);
            }
            double resid = (data.outcome(i) >= 9 ? 1 : 0) - 1 / (1 + Math.exp(-eta));
            grad[0] += resid;
            for (int j = 0; j < 3; j++) {
                grad[j + 1] += resid * data.value(i, j);
            }
        }
        for (double gj : grad) {
            assertEquals(0, gj, 1e-6);
        }
    }

    @Test
    void separationByACombinationIsReportedClearly() {
        // promoter iff a + b >= 12; each attribute alone overlaps between the classes
        double[] a = {2, 8, 5, 9, 3, 7, 6, 4, 10, 1, 6, 5};
        double[] b = {9, 3, 5, 4, 6, 6, 7, 6, 1, 10, 5, 8};
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = a[i] + b[i] >= 12 ? 10 : 5;
        }
        DriverData d = DriverData.builder("score").outcome(y).attribute("a", a).attribute("b", b).build();
        SeparationException e = assertThrows(SeparationException.class,
                () -> DriverAnalysis.builder().build().analyzeBinary(d, BinaryOutcome.PROMOTER));
        assertTrue(e.getMessage().contains("separated"), e.getMessage());
    }

    @Test
    void separationIsReportedClearly() {
        double[] y = {3, 4, 5, 6, 9, 10, 9, 10, 7, 8};
        double[] a = {1, 2, 2, 3, 8, 9, 8, 9, 5, 6};
        double[] b = {5, 3, 6, 2, 4, 6, 3, 5, 4, 5};
        DriverData d = DriverData.builder("score").outcome(y).attribute("a", a).attribute("b", b).build();
        SeparationException e = assertThrows(SeparationException.class,
                () -> DriverAnalysis.builder().build().analyzeBinary(d, BinaryOutcome.PROMOTER));
        assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains("separates"), e.getMessage());
    }
}
