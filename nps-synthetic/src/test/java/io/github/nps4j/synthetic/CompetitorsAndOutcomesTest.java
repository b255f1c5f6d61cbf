package io.github.nps4j.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.AccountOutcome;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Competitor scores and account outcomes: seeded, drawn from their own streams, and going with the account's NPS. */
class CompetitorsAndOutcomesTest {

    @Test
    void competitorsAndOutcomesChangeNothingElse() {
        SyntheticPortfolio with = SyntheticPortfolio.ofSeed(5);
        SyntheticPortfolio without = SyntheticPortfolio.builder().seed(5).withoutCompetitors().outcomes(false).build();
        assertEquals(without.responses(), with.responses().stream().map(r -> new Response(r.id(), r.accountId(),
                r.contactId(), r.role(), r.episode(), r.answeredAt(), r.score(), r.comment(), r.ratings())).toList());
        assertEquals(without.accounts(), with.accounts().stream().map(a -> new Account(a.id(), a.name(), a.tier(),
                a.parentId(), a.annualValue(), a.owner(), a.segments(), AccountOutcome.none())).toList());
        assertEquals(without.contacts(), with.contacts());
        assertEquals(without.invitations(), with.invitations());
        assertTrue(without.truth().competitorOffsets().isEmpty() && without.truth().outcomeModel().isEmpty());
        assertEquals(Map.of("kessler", 0.8, "orbis", -0.2), with.truth().competitorOffsets());
    }

    @Test
    void onlyRelationshipAnswersRateCompetitorsAboutAsOftenAsSet() {
        SyntheticPortfolio p = SyntheticPortfolio.builder().seed(42).competitor("vega", 2).competitorRate(0.3).build();
        List<Response> relationship = p.responses().stream()
                .filter(r -> r.episode().equals(EpisodeType.RELATIONSHIP)).toList();
        assertTrue(p.responses().stream().filter(r -> !r.episode().equals(EpisodeType.RELATIONSHIP))
                .allMatch(r -> r.competitorScores().isEmpty()));
        double share = relationship.stream().filter(r -> r.competitorScore("vega").isPresent()).count()
                / (double) relationship.size();
        assertTrue(share > 0.25 && share < 0.35, "share " + share);
        // vega lies 2 points below us: its mean score is lower than ours among the same respondents
        double ours = relationship.stream().filter(r -> r.competitorScore("vega").isPresent())
                .mapToInt(Response::score).average().orElseThrow();
        double theirs = relationship.stream().flatMap(r -> r.competitorScore("vega").stream().boxed())
                .mapToInt(Integer::intValue).average().orElseThrow();
        assertTrue(ours - theirs > 1.2, ours + " vs " + theirs);
    }

    @Test
    void accountsWithHigherScoresRenewMoreAndGrowMore() {
        long renewedHigh = 0;
        long knownHigh = 0;
        long renewedLow = 0;
        long knownLow = 0;
        double growthHigh = 0;
        double growthLow = 0;
        int high = 0;
        int low = 0;
        for (long seed = 1; seed <= 4; seed++) {
            SyntheticPortfolio p = SyntheticPortfolio.ofSeed(seed);
            Map<String, double[]> sums = new HashMap<>();
            p.responses().forEach(r -> {
                double[] t = sums.computeIfAbsent(r.accountId(), k -> new double[2]);
                t[0] += r.score();
                t[1]++;
            });
            for (Account a : p.accounts()) {
                double[] t = sums.get(a.id());
                if (t == null) {
                    continue;
                }
                boolean isHigh = t[0] / t[1] >= 8.4;
                Optional<Boolean> renewed = a.outcome().renewed();
                OptionalDouble growth = a.outcome().revenueGrowth();
                assertTrue(growth.isPresent(), a.id());
                if (isHigh) {
                    high++;
                    growthHigh += growth.getAsDouble();
                    if (renewed.isPresent()) {
                        knownHigh++;
                        renewedHigh += renewed.get() ? 1 : 0;
                    }
                } else {
                    low++;
                    growthLow += growth.getAsDouble();
                    if (renewed.isPresent()) {
                        knownLow++;
                        renewedLow += renewed.get() ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(high > 30 && low > 30, high + " / " + low);
        assertTrue((double) renewedHigh / knownHigh > (double) renewedLow / knownLow + 0.05,
                renewedHigh + "/" + knownHigh + " vs " + renewedLow + "/" + knownLow);
        assertTrue(growthHigh / high > growthLow / low, growthHigh / high + " vs " + growthLow / low);
    }
}
