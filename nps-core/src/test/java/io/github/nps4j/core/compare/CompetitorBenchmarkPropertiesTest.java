package io.github.nps4j.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.stats.UncertaintyOptions;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the paired comparison with unit weights. */
class CompetitorBenchmarkPropertiesTest {

    @Property(tries = 200)
    void differenceIsOursMinusTheirsAndErrorsAreNonNegative(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 10) Integer> us,
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = -1, max = 10) Integer> them,
            @ForAll @IntRange(min = 1, max = 6) int accounts) {
        List<Response> rs = new ArrayList<>();
        List<Response> paired = new ArrayList<>();
        List<Response> theirs = new ArrayList<>();
        for (int i = 0; i < us.size(); i++) {
            Integer t = them.get(i % them.size());
            Response r = CompetitorBenchmarkTest.r("R" + i, "A" + (i % accounts), Role.USER, us.get(i),
                    t < 0 ? null : t);
            rs.add(r);
            if (t >= 0) {
                paired.add(r);
                theirs.add(r.withScore(t));
            }
        }
        List<PairedComparison> rows = CompetitorBenchmark.of(NpsScorer.of(ScoringSpec.defaults()),
                UncertaintyOptions.defaults()).compare(rs);
        if (paired.isEmpty()) {
            assertTrue(rows.isEmpty());
            return;
        }
        PairedComparison c = rows.get(0);
        assertEquals(paired.size(), c.n());
        assertEquals(c.ourNps() - c.competitorNps(), c.difference()); // exactly
        assertEquals(NpsScorer.scoreAll(paired).nps().getAsDouble(), c.ourNps(), 1e-9);
        assertEquals(NpsScorer.scoreAll(theirs).nps().getAsDouble(), c.competitorNps(), 1e-9);
        assertTrue(c.standardError() >= 0);
        c.clusteredStandardError().ifPresent(se -> assertTrue(se >= 0));
        assertTrue(c.lower() <= c.difference() && c.difference() <= c.upper());
        assertTrue(c.lower() >= -200 && c.upper() <= 200);
        c.pValue().ifPresent(p -> assertTrue(p >= 0 && p <= 1));
    }
}
