package io.github.nps4j.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.drivers.internal.LogCapture;
import io.github.nps4j.drivers.internal.ShapleySweep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** What driver analysis tells a host operator through SLF4J. */
class DriversLoggingTest {

    private static double[][] identity(int p) {
        double[][] m = new double[p][p];
        for (int i = 0; i < p; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private static double[] smallCorrelations(int p) {
        double[] r = new double[p];
        for (int i = 0; i < p; i++) {
            r[i] = 0.02 * (i + 1) / p;
        }
        return r;
    }

    @Test
    void exactLmgFromTwentyAttributesLogsItsSizeProgressAndEnd() {
        int p = ShapleySweep.LOGGED_PREDICTORS;
        try (LogCapture log = LogCapture.of("io.github.nps4j.drivers.RelativeImportance")) {
            double[] lmg = ShapleySweep.lmg(identity(p), smallCorrelations(p), 1.0);
            // with uncorrelated attributes LMG is r² of each
            assertEquals(Math.pow(smallCorrelations(p)[p - 1], 2), lmg[p - 1], 1e-12);
            List<String> info = log.messages(Level.INFO);
            assertEquals(5, info.size(), () -> "INFO: " + info);
            assertEquals("Exact LMG over 20 attributes: 1048575 subsets of R² (each further attribute doubles the "
                    + "time)", info.get(0));
            for (int q = 1; q <= 3; q++) {
                assertTrue(info.get(q).startsWith("Exact LMG: " + 25 * q + " % of 1048575 subsets in "),
                        info.get(q));
            }
            assertTrue(info.get(4).startsWith("Exact LMG over 20 attributes done in "), info.get(4));
        }
    }

    @Test
    void exactLmgBelowTwentyAttributesLogsNothing() {
        int p = ShapleySweep.LOGGED_PREDICTORS - 1;
        try (LogCapture log = LogCapture.of("io.github.nps4j.drivers.RelativeImportance")) {
            ShapleySweep.lmg(identity(p), smallCorrelations(p), 1.0);
            assertEquals(List.of(), log.all());
        }
    }

    @Test
    void separationIsWarnedBeforeItIsThrown() {
        double[] y = {3, 4, 5, 6, 9, 10, 9, 10, 7, 8};
        double[] a = {1, 2, 2, 3, 8, 9, 8, 9, 5, 6};
        double[] b = {5, 3, 6, 2, 4, 6, 3, 5, 4, 5};
        DriverData d = DriverData.builder("score").outcome(y).attribute("a", a).attribute("b", b).build();
        try (LogCapture log = LogCapture.of("io.github.nps4j.drivers.LogisticRegression")) {
            SeparationException e = assertThrows(SeparationException.class,
                    () -> DriverAnalysis.builder().build().analyzeBinary(d, BinaryOutcome.PROMOTER));
            assertEquals(List.of("Logistic model not fitted: " + e.getMessage()), log.messages(Level.WARN));
        }
    }

    @Test
    void droppedRowsAreInfo() {
        double[] y = {3, 4, 5, 6, 9, 10, 9, 10, 7, 8, 6, 2};
        double[] a = {1, 2, 6, 3, 8, 9, 4, 9, 5, 6, Double.NaN, 3};
        double[] b = {5, 3, 6, 2, 4, 6, 3, 5, 4, 5, 5, Double.NaN};
        DriverData d = DriverData.builder("score").outcome(y).attribute("a", a).attribute("b", b).build();
        try (LogCapture log = LogCapture.of("io.github.nps4j.drivers.DriverAnalysis")) {
            DriverResult r = DriverAnalysis.builder().build().analyze(d);
            assertEquals(2, r.dropped());
            assertEquals(List.of("Driver analysis of 'score': 2 of 12 rows dropped for missing values (listwise "
                    + "deletion)"), log.messages(Level.INFO));
        }
    }

    @Test
    void skippedGroupsAreWarnedWithTheirReason() {
        List<Response> rs = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 3, 1);
        for (int i = 0; i < 30; i++) {
            int delivery = i % 11;
            int price = (i * 7) % 11;
            rs.add(Response.builder("U" + i, "A" + (i % 5), "CU" + i).role(Role.USER).answeredAt(day)
                    .score(Math.min(10, (delivery + price) / 2 + i % 2)).rating("delivery", delivery)
                    .rating("price", price).build());
        }
        rs.add(Response.builder("G1", "A1", "CG1").role(Role.GATEKEEPER).answeredAt(day).score(7)
                .rating("delivery", 5).rating("price", 5).build());
        try (LogCapture log = LogCapture.of("io.github.nps4j.drivers.DriverAnalysis")) {
            GroupedDriverResult g = DriverAnalysis.builder().build().analyzeGroups(rs,
                    r -> r.role().map(Role::name).orElse("unknown"), null);
            assertEquals(List.of("user"), new ArrayList<>(g.groups().keySet()));
            assertEquals(List.of("Driver analysis skipped group 'gatekeeper' (1 responses): "
                    + g.skipped().get("gatekeeper")), log.messages(Level.WARN));
        }
    }
}
