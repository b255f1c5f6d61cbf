package io.github.nps4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The build runs every example; each must print what its README section promises. */
class ExamplesRunTest {
    private static String run(Runnable main) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void crmPluginExampleScoresTheAccountAndOpensACaseForTheDetractorDecider() {
        String out = run(() -> CrmPluginExample.main(new String[0]));
        // scores 5, 9, 10: (2 − 1)/3 = 33.3; the decision-maker's 5 is a detractor answer
        assertTrue(out.startsWith("Acme GmbH: NPS 33.3"), out);
        assertTrue(out.contains("decider-detractor"), out);
        assertTrue(out.contains("call back 003X (decision-maker, score 5)"), out);
        assertTrue(out.contains("first case is now in-progress"), out);
    }

    @Test
    void driverAnalysisExampleRanksDeliveryAndSupportFirst() {
        String out = run(() -> DriverAnalysisExample.main(new String[0]));
        String[] lines = out.split("\\R");
        // the synthetic portfolio's two largest true effects are delivery (0.9) and support (0.65)
        assertTrue(lines[1].startsWith("delivery") && lines[2].startsWith("support"), out);
        assertTrue(out.contains("delivery +1 below 7: NPS"), out);
    }

    @Test
    void readoutExamplePrintsTheDemosHeadlineAndRules() {
        String out = run(() -> ReadoutExample.main(new String[0]));
        // the same figures as `nps demo` (seed 42, as of 2026-09-30): NPS 5.9 [-4.9, 16.5], n = 579
        assertTrue(out.startsWith("NPS 5.9 [-4.9, 16.5], n = 579"), out);
        assertTrue(out.contains("  decision-maker   -12.2"), out);
        assertTrue(out.contains("revenue at risk 5,252,500"), out);
        assertTrue(out.contains("rule: invitations: quiet period 90 days"), out);
    }

    @Test
    void importExampleReadsTheGermanExcelFileAndScoresTheCrmObjectsByRole() {
        String out = run(() -> ImportExample.main(new String[] {"../examples/data/imports/european"}));
        assertTrue(out.contains("note: 1 response(s) with a blank score"), out);
        assertTrue(out.contains("6 answers, first account's value 1200000.5"), out);
        // 9 and 6 of one decision-maker, the second without a role given; 00:30 in Berlin is the next day
        assertTrue(out.contains("decision-maker NPS 0.0, answered on 2026-03-15"), out);
    }
}
