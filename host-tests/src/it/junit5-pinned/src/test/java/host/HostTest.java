package host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import io.github.nps4j.testkit.NpsArbitraries;
import io.github.nps4j.testkit.NpsAssertions;
import io.github.nps4j.testkit.Synthetic;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/** A host application's tests: the @Synthetic extension (JUnit Jupiter), an NpsArbitraries property (jqwik) and
 * NpsAssertions. */
class HostTest {

    @Test
    void syntheticPortfolioIsInjected(@Synthetic(seed = 7, accounts = 12) SyntheticPortfolio p) {
        assertEquals(12, p.accounts().size());
        NpsEstimate all = NpsScorer.scoreAll(p.responses());
        NpsAssertions.assertIntervalContains("NPS", -100, 100, all.npsValue());
    }

    @Property(tries = 50)
    void npsStaysWithinBounds(@ForAll("responses") List<io.github.nps4j.core.Response> rs) {
        NpsEstimate e = NpsScorer.scoreAll(rs);
        if (rs.isEmpty()) {
            NpsAssertions.assertUndefined(e);
        } else {
            NpsAssertions.assertIntervalContains("NPS", -100, 100, e.npsValue());
        }
    }

    @Provide
    Arbitrary<List<io.github.nps4j.core.Response>> responses() {
        return NpsArbitraries.responses().list().ofMaxSize(30);
    }
}
