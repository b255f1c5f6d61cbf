package io.github.nps4j.examples;

import io.github.nps4j.accountmap.MappedAccount;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.stats.SummarizedNps;
import io.github.nps4j.readout.PortfolioReadout;
import io.github.nps4j.readout.Readout;
import io.github.nps4j.readout.ReadoutOptions;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import java.time.LocalDate;

/**
 * For plugin authors: every figure of {@code nps demo} from {@link PortfolioReadout}, in a few lines. The README's
 * "Readout for plugin authors" section is a copy of the marked region.
 */
public final class ReadoutExample {
    private ReadoutExample() {
    }

    /**
     * Prints the headline, NPS by role, the riskiest accounts, the comment themes, the competitors, the loyalty
     * economics and the rules used.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Portfolio portfolio = SyntheticPortfolio.builder().seed(42).build().portfolio();
        // README:readout:begin
        Readout r = PortfolioReadout.of(portfolio, ReadoutOptions.asOf(LocalDate.of(2026, 9, 30)));
        SummarizedNps.Group nps = r.relationship().overall();
        System.out.printf("NPS %.1f [%.1f, %.1f], n = %d%n", nps.nps().orElseThrow(),
                nps.interval().orElseThrow().lower(), nps.interval().orElseThrow().upper(), nps.estimate().n());
        for (SummarizedNps.Group role : r.relationship().byRole()) {
            System.out.printf("  %-15s %6.1f%n", role.key().role().orElseThrow(), role.nps().orElseThrow());
        }
        for (MappedAccount a : r.accountsAtRisk().top()) {
            System.out.println("at risk: " + a.account().name() + " " + a.flags());
        }
        System.out.printf("revenue at risk %,.0f%n", r.accountsAtRisk().revenueAtRisk().total());
        // the "why": comment themes (built-in B2B codebook unless ReadoutOptions gives yours), most mentioned first
        r.themes().byMentions().forEach(t -> System.out.println("theme " + t.theme() + ": " + t.mentions()
                + " mentions, difference " + t.difference().map(d -> d.difference()).orElse(Double.NaN)));
        r.competitors().comparisons().forEach(c -> System.out.printf("vs %s: %+.1f [%.1f, %.1f]%n",
                c.competitor(), c.difference(), c.lower(), c.upper()));
        r.economics().economics().ifPresentOrElse(
                e -> System.out.println("promoter / detractor value " + e.promoterToDetractorValueRatio()),
                () -> System.out.println("economics: " + r.economics().unavailableReason().orElseThrow()));
        r.rules().forEach(rule -> System.out.println("rule: " + rule));
        // README:readout:end
    }
}
