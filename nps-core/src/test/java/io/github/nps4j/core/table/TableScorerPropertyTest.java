package io.github.nps4j.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Weighting;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The table scorer gives the object scorer's results, for every weighting, grouping and de-duplication. */
class TableScorerPropertyTest {

    /** Runs both; either both throw an IllegalArgumentException or both give the same numbers. */
    static void sameAsObjectApi(long seed, int maxResponses) {
        Random rnd = new Random(seed);
        RandomPortfolios.Data d = RandomPortfolios.data(rnd, maxResponses);
        RandomPortfolios.Options o = RandomPortfolios.options(rnd);
        List<Response> responses = d.responses();
        List<Account> accounts = d.accounts();
        NpsScorer objects = RandomPortfolios.objectScorer(o, accounts);
        TableScorer columns = RandomPortfolios.tableScorer(o);
        ResponseTable table = ResponseTable.of(responses, accounts);
        Supplier<GroupedEstimates> expected = () -> GroupedEstimates.of(objects.score(responses));
        GroupedEstimates e;
        try {
            e = expected.get();
        } catch (IllegalArgumentException ex) {
            assertThrows(IllegalArgumentException.class, () -> columns.score(table), ex.getMessage());
            return;
        }
        RandomPortfolios.assertSame(e, columns.score(table));
    }

    @Property(tries = 1500)
    void tableScoringEqualsObjectScoring(@ForAll long seed) {
        sameAsObjectApi(seed, 60);
    }

    @Property(tries = 200)
    void tableScoringEqualsObjectScoringOnLargerData(@ForAll long seed) {
        sameAsObjectApi(seed, 600);
    }

    @Property(tries = 300)
    void parallelScoringIsBitIdenticalToSequential(@ForAll long seed) {
        Random rnd = new Random(seed);
        RandomPortfolios.Data d = RandomPortfolios.data(rnd, 400);
        RandomPortfolios.Options o = RandomPortfolios.options(rnd);
        TableScorer s = RandomPortfolios.tableScorer(o);
        ResponseTable table = ResponseTable.of(d.responses(), d.accounts());
        GroupedEstimates seq;
        try {
            seq = s.score(table);
        } catch (IllegalArgumentException ex) {
            assertThrows(IllegalArgumentException.class, () -> s.score(table, 3, 7));
            return;
        }
        // integer counts are merged before weighing: the results are equal to the last bit
        assertEquals(seq, s.score(table, 1 + rnd.nextInt(5), 1 + rnd.nextInt(50)));
        assertEquals(seq, s.scoreParallel(table, 2));
    }

    @Property(tries = 300)
    void appenderTableEqualsObjectTable(@ForAll long seed) {
        Random rnd = new Random(seed);
        RandomPortfolios.Data d = RandomPortfolios.data(rnd, 100);
        ResponseTable t = ResponseTable.of(d.responses(), d.accounts());
        assertEquals(d.responses().size(), t.size());
        long promoters = d.responses().stream().filter(r -> r.score() >= 9).count();
        long tablePromoters = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.score(i) >= 9) {
                tablePromoters++;
            }
        }
        assertEquals(promoters, tablePromoters);
        assertEquals(16, ResponseTable.memoryBytesPerRow());
    }

    @Property(tries = 50)
    void customWeightingIsRefused(@ForAll long seed) {
        assertThrows(IllegalArgumentException.class,
                () -> TableScorer.of(ScoringSpec.builder().weighting(Weighting.custom("x", r -> 1.0)).build()));
    }
}
