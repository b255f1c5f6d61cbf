package io.github.nps4j.examples;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Weighting;
import java.time.LocalDate;
import java.util.List;

/**
 * Scores a handful of responses by role with {@code role+account-equal} weighting: every account counts once, and
 * within an account a decision-maker's answer weighs three times a user's.
 */
public final class QuickStart {
    private QuickStart() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // README:quickstart:begin
        LocalDate day = LocalDate.of(2026, 3, 2);
        List<Account> accounts = List.of(Account.of("A1", "Acme"), Account.of("A2", "Globex"));
        List<Response> responses = List.of(
                Response.builder("R1", "A1", "C1").role(Role.DECISION_MAKER).answeredAt(day).score(4).build(),
                Response.builder("R2", "A1", "C2").role(Role.USER).answeredAt(day).score(10).build(),
                Response.builder("R3", "A2", "C3").role(Role.DECISION_MAKER).answeredAt(day).score(9).build(),
                Response.builder("R4", "A2", "C4").role(Role.USER).answeredAt(day).score(8).build());
        ScoringSpec spec = ScoringSpec.builder()
                .weighting(Weighting.roleAccountEqual(RoleWeights.defaults()))
                .groupBy(GroupField.ROLE)
                .build();
        GroupedNps result = NpsScorer.of(spec, accounts).score(responses);
        for (GroupedNps.Group g : result.groups()) {
            System.out.printf("%-15s NPS %6.1f  n=%d%n", g.key().role().orElseThrow(), g.estimate().npsValue(), g.estimate().n());
        }
        System.out.printf("%-15s NPS %6.1f%n", "overall", result.overall().orElseThrow().estimate().npsValue());
        // README:quickstart:end
    }
}
