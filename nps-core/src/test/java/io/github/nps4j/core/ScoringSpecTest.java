package io.github.nps4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.csv.CsvSource;
import io.github.nps4j.core.csv.StreamingScorer;
import io.github.nps4j.core.table.ResponseTable;
import io.github.nps4j.core.table.TableScorer;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ScoringSpecTest {
    private static final List<Response> RESPONSES = List.of(
            response("R1", "A1", "C1", Role.DECISION_MAKER, EpisodeType.RELATIONSHIP, "2026-01-10", 10),
            response("R2", "A1", "C2", Role.USER, EpisodeType.RELATIONSHIP, "2026-02-10", 3),
            response("R3", "A2", "C3", Role.USER, EpisodeType.RENEWAL, "2026-03-10", 8),
            response("R4", "A2", "C4", Role.INFLUENCER, EpisodeType.RELATIONSHIP, "2026-04-10", 9));
    private static final List<Account> ACCOUNTS = List.of(Account.of("A1", "Acme"), Account.of("A2", "Bolt"));

    private static Response response(String id, String account, String contact, Role role, EpisodeType episode,
            String day, int score) {
        return Response.builder(id, account, contact).role(role).episode(episode)
                .answeredAt(LocalDate.parse(day)).score(score).build();
    }

    /** The three engines, each scoring {@link #RESPONSES} with a spec. */
    static Stream<Arguments> engines() {
        BiFunction<ScoringSpec, List<Response>, Optional<NpsEstimate>> objects =
                (spec, rs) -> NpsScorer.of(spec, ACCOUNTS).score(rs).overall().map(GroupedNps.Group::estimate);
        BiFunction<ScoringSpec, List<Response>, Optional<NpsEstimate>> table =
                (spec, rs) -> TableScorer.of(spec).score(ResponseTable.of(rs, ACCOUNTS)).overall();
        BiFunction<ScoringSpec, List<Response>, Optional<NpsEstimate>> stream = (spec, rs) -> {
            StringBuilder csv = new StringBuilder("response_id,account_id,contact_id,role,episode,answered_at,score\n");
            for (Response r : rs) {
                csv.append(String.join(",", r.id(), r.accountId(), r.contactId(), r.role().orElseThrow().name(),
                        r.episode().name(), r.answeredOn().toString(), Integer.toString(r.score()))).append('\n');
            }
            return StreamingScorer.of(spec).score(CsvSource.of("responses.csv", new StringReader(csv.toString())),
                    CsvSource.of("accounts.csv", new StringReader("account_id,name\nA1,Acme\nA2,Bolt\n")), null)
                    .overall();
        };
        return Stream.of(Arguments.of("objects", objects), Arguments.of("table", table),
                Arguments.of("stream", stream));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void everyEngineRefusesMixedEpisodesWithTheSameTypedException(String name,
            BiFunction<ScoringSpec, List<Response>, Optional<NpsEstimate>> engine) {
        MixedEpisodesException e = assertThrows(MixedEpisodesException.class,
                () -> engine.apply(ScoringSpec.defaults(), RESPONSES));
        assertEquals(Set.of("relationship", "renewal"), e.episodeTypes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void everyEngineAppliesTheSameWindowAndEpisodeFilters(String name,
            BiFunction<ScoringSpec, List<Response>, Optional<NpsEstimate>> engine) {
        ScoringSpec spec = ScoringSpec.builder().episodes(EpisodeType.RELATIONSHIP)
                .window(LocalDate.parse("2026-02-10"), LocalDate.parse("2026-04-10")).build();
        NpsEstimate e = engine.apply(spec, RESPONSES).orElseThrow();
        assertEquals(2, e.n(), "R2 and R4: R1 is before the window, R3 is a renewal answer");
        assertEquals(0.0, e.nps().orElseThrow(), 1e-12);
        NpsEstimate mixed = engine.apply(ScoringSpec.builder().mixEpisodes().build(), RESPONSES).orElseThrow();
        assertEquals(4, mixed.n());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void everyEngineWeighsWithTheSameAlgebra(String name,
            BiFunction<ScoringSpec, List<Response>, Optional<NpsEstimate>> engine) {
        ScoringSpec spec = ScoringSpec.builder().weighting(Weighting.roleAccountEqual(RoleWeights.defaults()))
                .episodes(EpisodeType.RELATIONSHIP).build();
        // A1: decision-maker 10 (weight 3/4), user 3 (1/4); A2: influencer 9 (1) -> NPS = 100 * (3/4 - 1/4 + 1) / 2
        NpsEstimate e = engine.apply(spec, RESPONSES).orElseThrow();
        assertEquals(75.0, e.nps().orElseThrow(), 1e-12);
        assertEquals(2.0, e.weightSum(), 1e-12);
    }

    @Test
    void columnarEnginesRefuseWhatNeedsResponseObjects() {
        ScoringSpec custom = ScoringSpec.builder().weighting(Weighting.custom("influence", r -> 1.0)).build();
        ScoringSpec segment = ScoringSpec.builder().groupBy(GroupField.segment("industry")).build();
        ScoringSpec filtered = ScoringSpec.builder().filter(r -> true).build();
        for (ScoringSpec s : List.of(custom, segment, filtered)) {
            IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> TableScorer.of(s));
            assertTrue(t.getMessage().contains("columnar"), t.getMessage());
            IllegalArgumentException st = assertThrows(IllegalArgumentException.class, () -> StreamingScorer.of(s));
            assertTrue(st.getMessage().contains("streaming"), st.getMessage());
        }
        assertEquals(2, NpsScorer.of(custom).score(List.of(RESPONSES.get(0), RESPONSES.get(1))).overall()
                .orElseThrow().estimate().n(), "the object engine applies a custom weighting");
    }

    @Test
    void anEngineWithSegmentTagsAcceptsSegmentGroupingOnly() {
        ScoringSpec segment = ScoringSpec.builder().groupBy(GroupField.ROLE, GroupField.segment("industry")).build();
        segment.requireColumnar("an engine with segments", true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> segment.requireColumnar("an engine without segments", false));
        assertTrue(e.getMessage().contains("seg:industry") && e.getMessage().contains("without segments"),
                e.getMessage());
        for (ScoringSpec s : List.of(ScoringSpec.builder().weighting(Weighting.custom("influence", r -> 1.0)).build(),
                ScoringSpec.builder().filter(r -> true).build())) {
            assertThrows(IllegalArgumentException.class, () -> s.requireColumnar("an engine with segments", true));
        }
    }

    @Test
    void accountsAreRequiredOnlyWhenTheSpecNeedsThem() {
        assertThrows(IllegalArgumentException.class,
                () -> NpsScorer.of(ScoringSpec.builder().weighting(Weighting.accountValue()).build()));
        assertThrows(IllegalArgumentException.class,
                () -> NpsScorer.of(ScoringSpec.builder().groupBy(GroupField.TIER).build()));
        NpsScorer.of(ScoringSpec.builder().weighting(Weighting.accountEqual()).groupBy(GroupField.ROLE).build());
    }

    @Test
    void aBuilderRoundTripGivesAnEqualSpecAndChangesShowInEqualsAndWords() {
        ScoringSpec spec = ScoringSpec.builder().weighting(Weighting.role(RoleWeights.defaults()))
                .groupBy(GroupField.ROLE, GroupField.period(PeriodUnit.QUARTER)).dedupe(Dedupe.LATEST_PER_CONTACT)
                .episodes(EpisodeType.RELATIONSHIP).window(DateWindow.lastDays(LocalDate.parse("2026-06-30"), 90))
                .build();
        assertEquals(spec, spec.toBuilder().build());
        assertEquals(spec.hashCode(), spec.toBuilder().build().hashCode());
        assertNotEquals(spec, spec.toBuilder().dedupe(Dedupe.NONE).build());
        assertEquals(List.of("role", "period:quarter"), spec.fieldNames());
        String words = spec.describe();
        assertTrue(words.contains("weighting role"), words);
        assertTrue(words.contains("grouped by role, period:quarter"), words);
        assertTrue(words.contains("latest answer per contact"), words);
        assertTrue(words.contains("(2026-04-01, 2026-06-30]"), words);
        assertTrue(words.contains("[relationship]"), words);
        assertFalse(ScoringSpec.defaults().describe().contains("grouped"));
    }

    @Test
    void groupedByEpisodeTheOverallFigureIsLeftOut() {
        ScoringSpec byEpisode = ScoringSpec.builder().groupBy(GroupField.EPISODE).build();
        assertTrue(byEpisode.checkEpisodes(List.of(EpisodeType.RELATIONSHIP, EpisodeType.RENEWAL)));
        assertFalse(byEpisode.checkEpisodes(List.of(EpisodeType.RELATIONSHIP)));
        assertFalse(ScoringSpec.builder().mixEpisodes().build()
                .checkEpisodes(List.of(EpisodeType.RELATIONSHIP, EpisodeType.RENEWAL)));
        assertTrue(NpsScorer.of(byEpisode).score(RESPONSES).overall().isEmpty());
    }

    @Test
    void badSettingsAreRefusedWhenSet() {
        assertThrows(IllegalArgumentException.class,
                () -> ScoringSpec.builder().groupBy(GroupField.ROLE, GroupField.ROLE));
        assertThrows(IllegalArgumentException.class, () -> ScoringSpec.builder().episodes(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ScoringSpec.builder().window(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-01-01")));
        assertThrows(NullPointerException.class, () -> ScoringSpec.builder().weighting(null));
    }
}
