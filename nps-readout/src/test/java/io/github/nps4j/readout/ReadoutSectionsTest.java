package io.github.nps4j.readout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.accountmap.AccountMap;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.compare.CompetitorBenchmark;
import io.github.nps4j.core.compare.PairedComparison;
import io.github.nps4j.core.stats.UncertaintyOptions;
import io.github.nps4j.core.themes.Codebook;
import io.github.nps4j.core.themes.ThemeAnalysis;
import io.github.nps4j.core.themes.ThemeReport;
import io.github.nps4j.readout.economics.LoyaltyEconomics;
import io.github.nps4j.synthetic.HostileText;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The readout's themes, competitors and economics sections are what {@link ThemeAnalysis}, {@link CompetitorBenchmark}
 * and {@link LoyaltyEconomics} give on the same answers; a section the data cannot support says why.
 */
class ReadoutSectionsTest {
    private static final SyntheticPortfolio SYNTHETIC = SyntheticPortfolio.builder().seed(11).build();
    private static final Portfolio P = SYNTHETIC.portfolio();
    private static final LocalDate AS_OF = SYNTHETIC.truth().asOf();
    private static final Readout R = PortfolioReadout.of(P, ReadoutOptions.asOf(AS_OF));
    private static final UncertaintyOptions CLUSTERED = UncertaintyOptions.defaults().clusteredByAccount();

    private static NpsScorer headline() {
        return NpsScorer.builder().accounts(P.accounts()).dedupe(Dedupe.LATEST_PER_CONTACT)
                .episodes(EpisodeType.RELATIONSHIP).window(AS_OF.minusDays(364), AS_OF).build();
    }

    @Test
    void themesAreTheThemeAnalysisOfTheHeadlineAnswersByTheBuiltInCodebook() {
        ThemeReport direct = ThemeAnalysis.of(DefaultCodebook.b2b()).withSpec(headline().spec(), P.accounts())
                .withLevel(0.95).withExamples(0).analyse(P.responses());
        assertEquals(direct, R.themes().report().orElseThrow());
        assertTrue(R.themes().unavailableReason().isEmpty());
        assertTrue(direct.commenters() > 0 && direct.overall().stream().anyMatch(t -> t.mentions() > 0));
        assertEquals("the " + DefaultCodebook.NAME + " (9 themes)", R.themes().codebook());
        assertTrue(R.themes().rule().contains("95 % Wald interval"), R.themes()::rule);
        // most mentioned first
        List<Long> mentions = R.themes().byMentions().stream().map(t -> t.mentions()).toList();
        assertEquals(mentions.stream().sorted(java.util.Comparator.reverseOrder()).toList(), mentions);
    }

    @Test
    void themeExamplesAreHeadlineCommentsThatMentionTheirThemeAndStayOutOfToString() {
        Codebook book = DefaultCodebook.b2b();
        Set<String> comments = headline().score(P.responses()).overall().orElseThrow().data().responses().stream()
                .flatMap(r -> r.comment().stream()).map(c -> c.strip().replaceAll("\\s+", " "))
                .collect(Collectors.toSet());
        assertFalse(R.themes().examples().isEmpty());
        R.themes().examples().forEach((theme, list) -> {
            assertTrue(list.size() <= ReadoutOptions.DEFAULT_THEME_EXAMPLES, theme);
            for (String e : list) {
                assertTrue(book.mentions(e, theme), theme + ": " + e);
                assertTrue(comments.contains(e) || e.endsWith("…"), e);
                assertFalse(R.themes().toString().contains(e), "toString leaves comments out");
            }
        });
        Readout none = PortfolioReadout.of(P, ReadoutOptions.builder(AS_OF).themeExamples(0).build());
        assertTrue(none.themes().examples().isEmpty());
        assertEquals(R.themes().report(), none.themes().report());
        assertThrows(IllegalArgumentException.class, () -> ReadoutOptions.builder(AS_OF).themeExamples(-1));
    }

    @Test
    void hostileCommentsAreKeptVerbatimForTheRendererToEscape() {
        // a codebook whose phrase matches the hostile comments: the readout passes them on unchanged (collapsed)
        Codebook book = Codebook.of(Map.of("script", List.of("script", "alert", "HYPERLINK")));
        Readout r = PortfolioReadout.of(P, ReadoutOptions.builder(AS_OF).codebook(book, "hostile.csv")
                .themeExamples(10).build());
        assertTrue(r.themes().rule().contains("hostile.csv"), r.themes()::rule);
        Set<String> hostile = HostileText.comments().stream().map(c -> c.strip().replaceAll("\\s+", " "))
                .collect(Collectors.toSet());
        List<String> shown = r.themes().examples().getOrDefault("script", List.of());
        assertTrue(shown.stream().allMatch(e -> hostile.contains(e) || e.endsWith("…")), shown::toString);
    }

    @Test
    void competitorsAreThePairedBenchmarkOfTheHeadlineAnswers() {
        List<PairedComparison> direct = CompetitorBenchmark.of(headline(), CLUSTERED).compare(P.responses());
        assertEquals(direct, R.competitors().comparisons());
        assertEquals(SYNTHETIC.truth().competitorOffsets().keySet().stream().sorted().toList(),
                R.competitors().comparisons().stream().map(PairedComparison::competitor).toList());
        assertTrue(R.competitors().comparisons().stream().allMatch(c -> c.clustered()));
        assertTrue(R.competitors().rule().contains("paired"), R.competitors()::rule);
    }

    @Test
    void economicsAreTheLoyaltyEconomicsOfTheReadoutsAccountMap() {
        LoyaltyEconomics direct = LoyaltyEconomics.of(AccountMap.of(P, AS_OF), CLUSTERED);
        assertEquals(direct, R.economics().economics().orElseThrow());
        assertTrue(R.economics().rule().contains("lifetime value"), R.economics()::rule);
    }

    @Test
    void aPortfolioWithoutCommentsCompetitorsOrOutcomesSaysWhyEachSectionIsMissing() {
        SyntheticPortfolio plain = SyntheticPortfolio.builder().seed(11).commentRate(0).hostileText(false)
                .withoutCompetitors().outcomes(false).build();
        Readout r = PortfolioReadout.of(plain.portfolio(), ReadoutOptions.asOf(AS_OF));
        assertTrue(r.themes().report().isEmpty());
        assertTrue(r.themes().unavailableReason().orElseThrow().contains("carry no comments"),
                r.themes().unavailableReason()::get);
        assertTrue(r.competitors().comparisons().isEmpty());
        assertTrue(r.competitors().unavailableReason().orElseThrow().contains("competitor:<name>"));
        assertTrue(r.economics().economics().isEmpty());
        assertTrue(r.economics().unavailableReason().orElseThrow().contains("outcome:renewed"));
        assertFalse(r.relationship().overall().nps().isEmpty(), "the other sections stand");
        assertTrue(r.drivers().analysis().isPresent());
        assertEquals(3, r.rules().stream().filter(s -> s.contains("not shown")).count(), r.rules()::toString);

        Readout off = PortfolioReadout.of(P, ReadoutOptions.builder(AS_OF).noCodebook().build());
        assertEquals("no codebook was given", off.themes().unavailableReason().orElseThrow());
        assertEquals(R.competitors(), off.competitors());
    }

    @Test
    void theSevenSectionConstructorStillWorksAndSaysWhatItLeftOut() {
        Readout old = new Readout(R.asOf(), R.relationship(), R.trend(), R.accountsAtRisk(), R.drivers(),
                R.followUps(), R.invitations());
        assertEquals(Readout.NOT_COMPUTED, old.themes().unavailableReason().orElseThrow());
        assertEquals(Readout.NOT_COMPUTED, old.competitors().unavailableReason().orElseThrow());
        assertEquals(Readout.NOT_COMPUTED, old.economics().unavailableReason().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new Competitors(List.of(), java.util.Optional.empty(),
                "", ""));
    }

    /** Golden: the built-in codebook codes each of these B2B comments to exactly these themes. */
    @Test
    void builtInCodebookCodesTypicalB2bComments() {
        Codebook book = DefaultCodebook.b2b();
        Map<String, Set<String>> golden = Map.of(
                "Support took days to answer our ticket.", Set.of("support"),
                "Deliveries were late again.", Set.of("delivery"),
                "Fair pricing for the value we get.", Set.of("price and value"),
                "Quality issues with the last batch.", Set.of("product quality"),
                "Nobody follows up on our requests.", Set.of("account management"),
                "Smooth onboarding of our new site.", Set.of("onboarding"),
                "Three outages this month and the invoice was wrong.", Set.of("reliability", "billing"),
                "The manuals are outdated.", Set.of("documentation"),
                "Great people, would buy again.", Set.of());
        golden.forEach((text, themes) -> assertEquals(themes, book.themesOf(text), text));
        assertEquals(9, book.themes().size());
    }
}
