package io.github.nps4j.examples;

import static io.github.nps4j.testkit.Answer.decisionMaker;
import static io.github.nps4j.testkit.Answer.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.accountmap.AccountMap;
import io.github.nps4j.accountmap.Flag;
import io.github.nps4j.accountmap.MappedAccount;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Response;
import io.github.nps4j.drivers.DriverAnalysis;
import io.github.nps4j.drivers.DriverResult;
import io.github.nps4j.drivers.ImportanceRow;
import io.github.nps4j.synthetic.PlantedSituation;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import io.github.nps4j.testkit.NpsAssertions;
import io.github.nps4j.testkit.Responses;
import io.github.nps4j.testkit.Synthetic;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a host application's own tests look like with {@code nps-testkit} (added with {@code <scope>test</scope>}):
 * a seeded portfolio injected into the test method, one-line fixtures and assertions with actionable messages.
 */
class HostApplicationTest {

    @Test
    void aDetractorDeciderAndTwoPromoterUsers() {
        List<Response> responses = Responses.of("A1", decisionMaker(3), user(9), user(10));
        // unweighted: (2 promoters − 1 detractor)/3 = 33.3
        NpsAssertions.assertNps(NpsScorer.scoreAll(responses), 100.0 / 3, 1e-9);
        NpsAssertions.assertCounts(NpsScorer.scoreAll(responses), 2, 0, 1);
    }

    @Test
    void theAccountMapFindsEveryPlantedSituation(@Synthetic(seed = 42, accounts = 60) SyntheticPortfolio p) {
        AccountMap map = AccountMap.of(p.portfolio(), p.truth().asOf());
        for (PlantedSituation s : PlantedSituation.values()) {
            Flag flag = Flag.parse(s.label());
            for (String id : p.truth().planted(s)) {
                MappedAccount a = map.account(id).orElseThrow();
                assertTrue(a.has(flag), () -> "planted " + s.label() + " account " + id + " carries " + a.flags());
            }
            // The rules are the same on both sides: the accounts that meet them by chance are flagged too.
            Set<String> flagged = map.accounts().stream().filter(a -> a.has(flag)).map(MappedAccount::accountId)
                    .collect(Collectors.toSet());
            assertEquals(Set.copyOf(p.truth().accountsMeeting(s)), flagged, s.label());
        }
    }

    @Test
    void driverAnalysisRanksTheTrueTopTwoAttributesFirst(@Synthetic(seed = 7, accounts = 400) SyntheticPortfolio p) {
        List<Response> relationship = p.responses().stream()
                .filter(r -> r.episode().equals(EpisodeType.RELATIONSHIP)).toList();
        DriverResult result = DriverAnalysis.builder().build().analyze(relationship);
        List<String> byLmg = result.importance().stream()
                .sorted(Comparator.comparingDouble(ImportanceRow::lmg).reversed()).map(ImportanceRow::name).toList();
        assertEquals(Set.copyOf(p.truth().topAttributes().subList(0, 2)), Set.copyOf(byLmg.subList(0, 2)),
                () -> "LMG order " + byLmg + ", true effects " + p.truth().effects());
    }
}
