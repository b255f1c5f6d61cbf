package io.github.nps4j.readout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.accountmap.AccountMap;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.compare.CompetitorBenchmark;
import io.github.nps4j.core.stats.UncertaintyOptions;
import io.github.nps4j.core.themes.ThemeAnalysis;
import io.github.nps4j.readout.economics.LoyaltyEconomics;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** Properties of the themes, competitors and economics sections over seeded portfolios and arbitrary comments. */
class ReadoutSectionsProperties {

    @Property(tries = 12)
    void sectionsAreTheStandAloneAnalysesOfTheSameAnswers(@ForAll @LongRange(min = 1, max = 100_000) long seed) {
        SyntheticPortfolio s = SyntheticPortfolio.builder().seed(seed).accounts(16).largeAccounts(1, 20, 40).build();
        Portfolio p = s.portfolio();
        LocalDate asOf = s.truth().asOf();
        Readout r = PortfolioReadout.of(p, ReadoutOptions.asOf(asOf));
        UncertaintyOptions u = UncertaintyOptions.defaults().clusteredByAccount();
        NpsScorer headline = NpsScorer.builder().accounts(p.accounts()).dedupe(Dedupe.LATEST_PER_CONTACT)
                .episodes(EpisodeType.RELATIONSHIP).window(asOf.minusDays(364), asOf).build();
        r.themes().report().ifPresent(t -> assertEquals(ThemeAnalysis.of(DefaultCodebook.b2b())
                .withSpec(headline.spec(), p.accounts()).withExamples(0).analyse(p.responses()), t));
        if (r.competitors().unavailableReason().isEmpty()) {
            assertEquals(CompetitorBenchmark.of(headline, u).compare(p.responses()), r.competitors().comparisons());
        }
        assertEquals(LoyaltyEconomics.of(AccountMap.of(p, asOf), u), r.economics().economics().orElseThrow());
        r.themes().examples().forEach((theme, list) -> {
            assertTrue(list.size() <= ReadoutOptions.DEFAULT_THEME_EXAMPLES && list.stream().distinct().count()
                    == list.size(), theme);
            list.forEach(e -> assertTrue(DefaultCodebook.b2b().mentions(e, theme) || e.endsWith("…"), e));
        });
        // every section is present or says why
        assertTrue(r.themes().report().isPresent() != r.themes().unavailableReason().isPresent());
        assertTrue(r.competitors().comparisons().isEmpty() == r.competitors().unavailableReason().isPresent());
    }

    @Property
    void examplesAreCollapsedAndBounded(@ForAll @StringLength(max = 400) String comment) {
        String e = PortfolioReadout.example(comment);
        assertTrue(e.codePointCount(0, e.length()) <= CommentThemes.EXAMPLE_LENGTH, e);
        assertTrue(!e.matches("(?s).*\\s\\s.*"), "white space collapsed: " + e);
        String collapsed = comment.strip().replaceAll("\\s+", " ");
        assertTrue(e.equals(collapsed) || e.endsWith("…") && collapsed.startsWith(e.substring(0, e.length() - 1)),
                e);
    }
}
