package io.github.nps4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordsValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void blankIdsAreRejected(String blank) {
        assertThrows(IllegalArgumentException.class, () -> Account.of(blank, "x"));
        assertThrows(IllegalArgumentException.class, () -> Contact.of(blank, "A1", Role.USER));
        assertThrows(IllegalArgumentException.class, () -> Contact.of("C1", blank, Role.USER));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.resp(blank, "A1", "C1", Role.USER,
                LocalDate.of(2026, 1, 1), 9));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.resp("R1", blank, "C1", Role.USER, LocalDate.of(2026, 1, 1), 9));
        assertTrue(e.getMessage().contains("R1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.resp("R1", "A1", blank, Role.USER, LocalDate.of(2026, 1, 1), 9));
        assertTrue(e.getMessage().contains("R1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Invitation(blank, LocalDate.of(2026, 1, 1), EpisodeType.RELATIONSHIP));
    }

    @Test
    void aCycleOfParentLinksIsRefusedNamingIt() {
        List<Account> cyclic = List.of(Account.builder("A").parent("C").build(),
                Account.builder("B").parent("A").build(), Account.builder("C").parent("B").build(),
                Account.builder("D").parent("A").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Portfolio.of(cyclic, List.of(), List.of(), List.of()));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        assertTrue(e.getMessage().matches(".*([ABC]) -> [ABC] -> [ABC] -> \\1.*"), e.getMessage());
        IllegalArgumentException self = assertThrows(IllegalArgumentException.class,
                () -> Account.builder("S").parent("S").build());
        assertTrue(self.getMessage().contains("S"), self.getMessage());
        // a parent outside the portfolio is part of a larger hierarchy, not an error
        Portfolio.of(List.of(Account.builder("X").parent("ELSEWHERE").build()), List.of(), List.of(), List.of());
    }

    @Test
    void idsAreStripped() {
        assertEquals("A1", Account.of(" A1 ", "Acme").id());
        assertEquals("A1", Account.of("A1", " ").name(), "blank name defaults to the id");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.0, -0.0001, Double.NaN, Double.POSITIVE_INFINITY})
    void badAnnualValueIsRejectedNamingTheAccount(double value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Account.builder("A7").annualValue(value).build());
        assertTrue(e.getMessage().contains("A7"), e.getMessage());
        assertTrue(e.getMessage().contains(Double.toString(value)), e.getMessage());
    }

    @Test
    void zeroAnnualValueIsAllowed() {
        assertEquals(OptionalDouble.of(0.0), Account.builder("A1").annualValue(0).build().annualValue());
    }

    @Test
    void selfParentIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Account.builder("A1").parent("A1").build());
        assertTrue(e.getMessage().contains("A1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Account.builder("A1").parent(" A1 ").build());
        assertEquals(Optional.empty(), Account.builder("A1").parent(" ").build().parentId());
    }

    @Test
    void blankSegmentNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Account.builder("A1").segment(" ", "emea").build());
    }

    @Test
    void negativeContactInfluenceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Contact("C9", "A1", Role.USER, Optional.empty(), OptionalDouble.of(-2)));
        assertTrue(e.getMessage().contains("C9"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteRatingIsRejectedNamingResponseAndAttribute(double rating) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Response.builder("R5", "A1", "C1").answeredAt(LocalDate.of(2026, 1, 1)).score(7)
                        .rating("delivery", rating).build());
        assertTrue(e.getMessage().contains("R5"), e.getMessage());
        assertTrue(e.getMessage().contains("delivery"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11})
    void responseScoreOutOfRangeIsRejected(int score) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Response.builder("R6", "A1", "C1").answeredAt(LocalDate.of(2026, 1, 1)).score(score).build());
        assertTrue(e.getMessage().contains("R6") && e.getMessage().contains(Integer.toString(score)),
                e.getMessage());
    }

    @Test
    void builderNeedsScoreAndDate() {
        assertThrows(IllegalStateException.class,
                () -> Response.builder("R1", "A1", "C1").answeredAt(LocalDate.of(2026, 1, 1)).build());
        assertThrows(IllegalStateException.class, () -> Response.builder("R1", "A1", "C1").score(3).build());
    }

    @Test
    void responseDefaultsAndToStringWithoutComment() {
        String secret = "Our CFO Jane Roe hates your invoicing";
        Response r = Response.builder("R1", "A1", "C1").answeredAt(LocalDate.of(2026, 3, 14)).score(6)
                .comment(secret).rating("delivery", 5).build();
        assertEquals(EpisodeType.RELATIONSHIP, r.episode());
        assertEquals(Optional.empty(), r.role());
        assertEquals(Category.DETRACTOR, r.category());
        assertEquals(Optional.of(secret), r.comment());
        assertEquals(OptionalDouble.of(5), r.rating("delivery"));
        assertEquals(OptionalDouble.empty(), r.rating("price"));
        String s = r.toString();
        assertFalse(s.contains(secret), s);
        assertFalse(s.contains("Jane"), s);
        assertTrue(s.contains("R1"), s);
    }

    @Test
    void ratingsAndSegmentsAreImmutableCopies() {
        Response r = Response.builder("R1", "A1", "C1").answeredAt(LocalDate.of(2026, 3, 14)).score(6)
                .rating("delivery", 5).build();
        assertThrows(UnsupportedOperationException.class, () -> r.ratings().put("x", 1.0));
        Account a = Account.builder("A1").segment("region", "emea").build();
        assertThrows(UnsupportedOperationException.class, () -> a.segments().put("x", "y"));
        assertEquals(Map.of("region", "emea"), a.segments());
    }

    @Test
    void portfolioRejectsDuplicateIdsAndFillsRoles() {
        Account a = Account.of("A1", "Acme");
        assertThrows(IllegalArgumentException.class, () -> Portfolio.of(List.of(a, a), List.of(), List.of(),
                List.of()));
        Response r = Response.builder("R1", "A1", "C1").answeredAt(LocalDate.of(2026, 1, 1)).score(9).build();
        Response unknownContact =
                Response.builder("R2", "A1", "C2").answeredAt(LocalDate.of(2026, 1, 1)).score(9).build();
        Portfolio p = Portfolio.of(List.of(a), List.of(Contact.of("C1", "A1", Role.INFLUENCER)),
                List.of(r, unknownContact), List.of()).withRoles();
        assertEquals(Optional.of(Role.INFLUENCER), p.responses().get(0).role());
        assertEquals(Optional.empty(), p.responses().get(1).role());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Portfolio.of(List.of(a), List.of(), List.of(r, r), List.of()));
        assertTrue(e.getMessage().contains("R1"), e.getMessage());
    }
}
