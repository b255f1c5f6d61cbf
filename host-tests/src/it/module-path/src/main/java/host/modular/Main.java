package host.modular;

import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.drivers.DriverAnalysis;
import io.github.nps4j.drivers.DriverResult;
import io.github.nps4j.drivers.ImportanceRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a small portfolio and runs a driver analysis (OLS p-values from Commons Statistics, Johnson's weights from
 * Commons Math's eigen decomposition) with every jar on the module path; exits 1 if a figure is off.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (!Main.class.getModule().isNamed() || !NpsScorer.class.getModule().isNamed()
                || !DriverAnalysis.class.getModule().isNamed()) {
            fail("expected named modules, got " + Main.class.getModule() + " and " + NpsScorer.class.getModule());
        }
        List<Response> responses = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 3, 2);
        for (int i = 0; i < 60; i++) {
            int delivery = i % 11;
            int price = (i * 7) % 11;
            int score = Math.min(10, Math.max(0, (int) Math.round(0.6 * delivery + 0.3 * price + (i % 3) - 1)));
            responses.add(Response.builder("R" + i, "A" + (i % 12), "C" + i).role(Role.USER).answeredAt(day)
                    .score(score).rating("delivery", delivery).rating("price", price).build());
        }
        NpsEstimate all = NpsScorer.scoreAll(responses);
        if (all.n() != 60 || all.npsValue() < -100 || all.npsValue() > 100) {
            fail("unexpected estimate " + all);
        }
        DriverResult drivers = DriverAnalysis.builder().build().analyze(responses);
        ImportanceRow delivery = drivers.row("delivery");
        ImportanceRow price = drivers.row("price");
        double shares = delivery.johnsonShare() + price.johnsonShare();
        if (Math.abs(shares - 1) > 1e-9 || delivery.lmg() <= price.lmg() || drivers.r2() <= 0.5) {
            fail("unexpected drivers: R² " + drivers.r2() + ", delivery " + delivery + ", price " + price);
        }
        double p = drivers.coefficients().stream().filter(c -> c.name().equals("delivery")).findFirst()
                .orElseThrow().p();
        if (!(p >= 0 && p < 1e-6)) {
            fail("unexpected p-value of delivery: " + p);
        }
        System.out.printf("module-path host: NPS %.1f (n = %d), R² %.3f, delivery LMG %.3f, p %.2e%n",
                all.npsValue(), all.n(), drivers.r2(), delivery.lmg(), p);
    }

    private static void fail(String message) {
        System.err.println("module-path host FAILED: " + message);
        System.exit(1);
    }
}
