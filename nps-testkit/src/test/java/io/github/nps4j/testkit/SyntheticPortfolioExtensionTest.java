package io.github.nps4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.nps4j.core.Portfolio;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import io.github.nps4j.synthetic.Truth;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SyntheticPortfolioExtension.class)
class SyntheticPortfolioExtensionTest {

    @Test
    void injectsTheDefaultPortfolio(SyntheticPortfolio p, Truth t, Portfolio core) {
        assertEquals(SyntheticPortfolio.ofSeed(42), p);
        assertEquals(60, p.accounts().size());
        assertSame(p.truth(), t);
        assertEquals(p.portfolio(), core);
    }

    @Test
    void parameterAnnotationChoosesSeedAndSize(@Synthetic(seed = 7, accounts = 12) SyntheticPortfolio p) {
        assertEquals(SyntheticPortfolio.builder().seed(7).accounts(12).build(), p);
    }

    @Test
    @Synthetic(seed = 3, accounts = 8)
    void methodAnnotationSetsTheDefault(Truth t, @Synthetic(seed = 4, accounts = 9) SyntheticPortfolio other) {
        assertEquals(3, t.seed());
        assertEquals(4, other.truth().seed());
        assertEquals(9, other.accounts().size());
    }

    @Test
    void samePortfolioIsSharedAcrossTests(SyntheticPortfolio p) {
        assertSame(p, Holder.seen == null ? (Holder.seen = p) : Holder.seen);
    }

    @Test
    void sharedToo(SyntheticPortfolio p) {
        assertSame(p, Holder.seen == null ? (Holder.seen = p) : Holder.seen);
    }

    private static final class Holder {
        static SyntheticPortfolio seen;
    }

    @Nested
    @Synthetic(seed = 11, accounts = 5)
    class ClassLevel {
        @Test
        void classAnnotationApplies(SyntheticPortfolio p) {
            assertEquals(11, p.truth().seed());
            assertEquals(5, p.accounts().size());
        }
    }
}
