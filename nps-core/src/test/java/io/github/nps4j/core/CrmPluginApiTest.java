package io.github.nps4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.stats.EmpiricalBayes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a CRM plugin author needs: responses built from contacts and instants, roles without ceremony. */
class CrmPluginApiTest {
    private static final Contact DM = Contact.of("C1", "A1", Role.DECISION_MAKER);
    private static final Contact USER = Contact.of("C2", "A1", Role.USER);

    @Test
    void responseFromAContactTakesItsAccountAndRole() {
        Response r = Response.builder("R1", DM).answeredAt(LocalDate.of(2026, 3, 1)).score(9).build();
        assertEquals("A1", r.accountId());
        assertEquals("C1", r.contactId());
        assertEquals(Role.DECISION_MAKER, r.role().orElseThrow());
        Response other = Response.builder("R2", DM).role(Role.INFLUENCER).answeredAt(LocalDate.of(2026, 3, 1))
                .score(9).build();
        assertEquals(Role.INFLUENCER, other.role().orElseThrow(), "a role set on the builder wins");
    }

    @Test
    void instantsAndOffsetDateTimes() {
        Instant late = Instant.parse("2026-03-31T22:30:00Z");
        Response berlin = Response.builder("R1", DM).answeredAt(late, ZoneId.of("Europe/Berlin")).score(9).build();
        assertEquals(LocalDateTime.of(2026, 4, 1, 0, 30), berlin.answeredAt(), "local time of the zone");
        OffsetDateTime written = OffsetDateTime.of(2026, 3, 31, 23, 30, 0, 0, ZoneOffset.ofHours(1));
        assertEquals(LocalDateTime.of(2026, 3, 31, 23, 30),
                Response.builder("R2", DM).answeredAt(written).score(9).build().answeredAt(), "as written");
        assertEquals(LocalDateTime.of(2026, 3, 31, 22, 30), Response.builder("R3", DM)
                .answeredAt(written, ZoneOffset.UTC).score(9).build().answeredAt(), "converted to the zone");
    }

    @Test
    void aResponseOfAnotherAccountThanItsContactsIsRefused() {
        Response wrong = Response.builder("R9", "A2", "C1").answeredAt(LocalDate.of(2026, 3, 1)).score(9).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Portfolio.of(List.of(), List.of(DM), List.of(wrong), List.of()));
        assertTrue(e.getMessage().contains("R9") && e.getMessage().contains("A2") && e.getMessage().contains("A1"));
        assertThrows(IllegalArgumentException.class,
                () -> NpsScorer.of(ScoringSpec.defaults(), List.of(), List.of(DM)).score(List.of(wrong)));
    }

    @Test
    void rolesComeFromTheContactsWithoutCeremony() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        List<Response> rs = List.of(Response.builder("R1", "A1", "C1").answeredAt(day).score(10).build(),
                Response.builder("R2", "A1", "C2").answeredAt(day).score(3).build());
        ScoringSpec byRole = ScoringSpec.builder().groupBy(GroupField.ROLE).build();
        GroupedNps viaScorer = NpsScorer.of(byRole, List.of(), List.of(DM, USER)).score(rs);
        GroupedNps viaBuilder = NpsScorer.builder().groupBy(GroupField.ROLE).contacts(List.of(DM, USER)).build()
                .score(rs);
        Portfolio p = Portfolio.of(List.of(), List.of(DM, USER), rs, List.of());
        GroupedNps viaPortfolio = NpsScorer.of(byRole).score(p.responses());
        for (GroupedNps g : List.of(viaScorer, viaBuilder, viaPortfolio)) {
            assertEquals(List.of("decision-maker", "user"),
                    g.groups().stream().map(x -> x.key().role().orElseThrow().name()).toList());
        }
        assertEquals(p, p.withRoles());
    }

    @Test
    void fittingAPriorAcrossMixedEpisodesThrowsTheTypedException() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        List<Response> rs = List.of(Response.builder("R1", DM).answeredAt(day).score(10).build(),
                Response.builder("R2", USER).episode(EpisodeType.SERVICE_EVENT).answeredAt(day).score(3).build());
        GroupedNps scored = NpsScorer.of(ScoringSpec.builder().groupBy(GroupField.EPISODE).build()).score(rs);
        MixedEpisodesException e = assertThrows(MixedEpisodesException.class, () -> EmpiricalBayes.fit(scored));
        assertEquals(java.util.Set.of("relationship", "service-event"), e.episodeTypes());
    }
}
