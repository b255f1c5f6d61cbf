package io.github.nps4j.accountmap.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nps4j.accountmap.RandomPortfolios;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link SurveyPlanner#plan}, which walks the answers by code, against the per-response computation it replaced
 * ({@link OldSurveyPlanner}), on response objects and on the reader's columns.
 */
class SurveyPlannerCodedPathPropertyTest {

    @Provide
    Arbitrary<RandomPortfolios.Sample> samples() {
        return RandomPortfolios.samples();
    }

    @Property(tries = 400)
    void samePlanAsThePerResponseComputation(@ForAll("samples") RandomPortfolios.Sample s,
            @ForAll @IntRange(min = 0, max = 200) int quietDays, @ForAll @IntRange(min = 1, max = 6) int cap,
            @ForAll @IntRange(min = 0, max = 60) int triggerDays, @ForAll @IntRange(min = 1, max = 500) int recent) {
        SurveyPlanner planner = SurveyPlanner.builder().quietDays(quietDays).maxPerAccount(cap)
                .triggerDays(triggerDays).recentAnswerDays(recent).build();
        SurveyPlan expected = OldSurveyPlanner.plan(planner, s.objects(), RandomPortfolios.AS_OF);
        assertEquals(expected, planner.plan(s.objects(), RandomPortfolios.AS_OF));
        assertEquals(expected, planner.plan(s.columns(), RandomPortfolios.AS_OF));
    }

    /** Past 64 roles the heard (account, role) pairs are a set instead of a bit mask per account. */
    @org.junit.jupiter.api.Test
    void manyRolesAsThePerResponseComputation() {
        java.util.List<io.github.nps4j.core.Account> accounts = new java.util.ArrayList<>();
        java.util.List<io.github.nps4j.core.Contact> contacts = new java.util.ArrayList<>();
        java.util.List<io.github.nps4j.core.Response> responses = new java.util.ArrayList<>();
        for (int a = 0; a < 3; a++) {
            accounts.add(io.github.nps4j.core.Account.of("A" + a, "Account " + a));
        }
        for (int c = 0; c < 150; c++) {
            contacts.add(io.github.nps4j.core.Contact.of("C" + c, "A" + c % 3,
                    io.github.nps4j.core.Role.of("role-" + c % 70)));
            if (c % 4 != 0) {
                responses.add(io.github.nps4j.core.Response.builder("R" + c, "A" + c % 3, "C" + c)
                        .answeredAt(RandomPortfolios.AS_OF.minusDays(c * 5L)).score(c % 11).build());
            }
        }
        responses.add(io.github.nps4j.core.Response.builder("R-x", "A1", "X1")
                .role(io.github.nps4j.core.Role.of("stranger")).answeredAt(RandomPortfolios.AS_OF).score(3).build());
        io.github.nps4j.core.Portfolio p = io.github.nps4j.core.Portfolio.of(accounts, contacts, responses,
                java.util.List.of());
        SurveyPlanner planner = SurveyPlanner.builder().quietDays(30).maxPerAccount(40).build();
        assertEquals(OldSurveyPlanner.plan(planner, p, RandomPortfolios.AS_OF), planner.plan(p, RandomPortfolios.AS_OF));
    }
}
