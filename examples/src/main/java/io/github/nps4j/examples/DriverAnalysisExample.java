package io.github.nps4j.examples;

import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Response;
import io.github.nps4j.drivers.DriverAnalysis;
import io.github.nps4j.drivers.DriverResult;
import io.github.nps4j.drivers.ImportanceRow;
import io.github.nps4j.drivers.WhatIf;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import java.util.Comparator;
import java.util.List;

/**
 * Which experiences drive the score? Exact LMG (Shapley) and Johnson importances, importance–performance quadrants
 * and a what-if, on the relationship answers of a seeded synthetic portfolio whose true effects are known.
 */
public final class DriverAnalysisExample {
    private DriverAnalysisExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // README:drivers:begin
        SyntheticPortfolio portfolio = SyntheticPortfolio.builder().seed(42).build();
        List<Response> relationship = portfolio.responses().stream()
                .filter(r -> r.episode().equals(EpisodeType.RELATIONSHIP)).toList();
        DriverResult result = DriverAnalysis.builder()
                .whatIf(WhatIf.raise("delivery", 1).forRatingsBelow(7))
                .build()
                .analyze(relationship);
        System.out.printf("n = %d (%d dropped for missing ratings), R² = %.3f%n", result.n(), result.dropped(),
                result.r2());
        result.importance().stream().sorted(Comparator.comparingDouble(ImportanceRow::lmg).reversed())
                .forEach(row -> System.out.printf("%-20s LMG %5.1f %%  Johnson %5.1f %%  %s%n", row.name(),
                        100 * row.lmgShare(), 100 * row.johnsonShare(), row.quadrant().label()));
        result.whatIf().ifPresent(w -> System.out.printf("delivery +1 below 7: NPS %.1f -> %.1f (error ±%.1f)%n",
                w.baselineNps(), w.predictedNps(), w.crossValidatedError()));
        System.out.println("true effects: " + portfolio.truth().effects());
        // README:drivers:end
    }
}
