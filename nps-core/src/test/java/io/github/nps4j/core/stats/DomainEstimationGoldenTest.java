package io.github.nps4j.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Response;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-group clustered standard errors are domain estimates of the whole design ({@code survey::svyby}): golden values
 * in {@code reference/nps/domain_svyby.json} (provenance in {@code reference/README.md}).
 */
class DomainEstimationGoldenTest {

    @Test
    void perRoleClusteredStandardErrorsCountEveryAccountOfTheDesign() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/reference/nps/domain_svyby.json")) {
            assertNotNull(in, "reference/nps/domain_svyby.json not on the test class path");
            root = new ObjectMapper().readTree(in);
        }
        JsonNode data = root.get("data");
        List<Response> rs = new ArrayList<>();
        for (int i = 0; i < data.get("scores").size(); i++) {
            rs.add(Response.builder("R" + i, data.get("account").get(i).asText(), "C" + i)
                    .role(io.github.nps4j.core.Role.of(data.get("role").get(i).asText())).answeredAt(LocalDate.of(2026, 1, 15))
                    .score(data.get("scores").get(i).asInt()).build());
        }
        GroupedNps byRole = NpsScorer.builder().groupBy(GroupField.ROLE).build().score(rs);
        for (UncertaintyOptions o : List.of(UncertaintyOptions.defaults(),
                UncertaintyOptions.defaults().clusteredByAccount())) {
            SummarizedNps s = SummarizedNps.of(byRole, o);
            for (JsonNode g : root.get("unweighted")) {
                SummarizedNps.Group group = s.group(g.get("role").asText().toLowerCase(java.util.Locale.ROOT))
                        .orElseThrow();
                assertEquals(g.get("nps").asDouble(), group.nps().getAsDouble(), 1e-12);
                assertEquals(g.get("clusteredStandardError").asDouble(),
                        group.clusteredStandardError().getAsDouble(), 1e-10, () -> g + " " + group);
                assertEquals(g.get("accounts").asInt(), group.accounts().getAsInt());
            }
        }
        // the influencers answered in 3 of the 4 accounts: the domain SE differs from the group's own design's
        ClusteredEstimate own = ClusteredEstimate.of(byRole.group("inf").orElseThrow().data());
        assertEquals(root.get("unweighted").get(1).get("ownDesignClusteredStandardError").asDouble(),
                own.clusteredStandardError().getAsDouble(), 1e-10);
        assertEquals(62.853936105470886, own.inDesign(4).clusteredStandardError().getAsDouble(), 1e-10);
        // 3 accounts: the clustered interval uses t with 2 degrees of freedom, and says so
        SummarizedNps.Group inf = SummarizedNps.of(byRole, UncertaintyOptions.defaults().clusteredByAccount()
                .withMethod(IntervalMethod.WALD).withLevel(0.5)).group("inf").orElseThrow();
        double t2 = org.apache.commons.statistics.distribution.TDistribution.of(2).inverseSurvivalProbability(0.25);
        assertEquals(100.0 / 3 - t2 * 62.853936105470886, inf.interval().orElseThrow().lower(), 1e-9);
        assertTrue(inf.notes().contains("only 3 accounts: the clustered interval uses Student t with 2 degrees of "
                + "freedom"), inf.notes()::toString);
    }
}
