package io.github.nps4j.core.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.stats.Comparison;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Theme figures on a small example computed by hand. */
class ThemeAnalysisTest {
    static Response r(String id, Role role, int score, String comment) {
        return Response.builder(id, "A" + id, "C" + id).role(role).answeredAt(LocalDate.of(2026, 3, 1)).score(score)
                .comment(comment).build();
    }

    static final Codebook BOOK = Codebook.parse("theme,pattern\nsupport,support|ticket\nprice,price|prices\n",
            "codebook.csv");

    /**
     * Six commenters (R7 has no comment, R8 a blank one): support mentioned by R1 (10), R2 (9), R3 (3) → NPS
     * 100·(2−1)/3 = 33.3, detractor share 1/3; not mentioning: R4 (2), R5 (8), R6 (6) → NPS −66.7. Difference 100,
     * SE = √(V₁ + V₂)·100 with V = (p_P + p_D − (p_P − p_D)²)/n: V₁ = (2/3 + 1/3 − 1/9)/3 = 8/27, V₂ = (0 + 2/3 −
     * 4/9)/3 = 2/27, SE = 100·√(10/27) = 60.86. Price: R3 (also support), R4 → NPS −100, detractor share 1. Uncoded:
     * R5, R6.
     */
    static final List<Response> HAND = List.of(r("R1", Role.USER, 10, "Great support"),
            r("R2", Role.USER, 9, "Fast TICKET answers"), r("R3", Role.DECISION_MAKER, 3, "Support is slow, prices up"),
            r("R4", Role.DECISION_MAKER, 2, "The price!"), r("R5", Role.USER, 8, "ok"),
            r("R6", Role.USER, 6, "  The ticketing portal is\n slow  "), r("R7", Role.USER, 10, null),
            r("R8", Role.USER, 0, "   "));

    @Test
    void handComputedThemeFigures() {
        ThemeReport rep = ThemeAnalysis.of(BOOK).analyse(HAND);
        assertEquals(6, rep.commenters());
        assertEquals(2, rep.uncoded());
        assertEquals(List.of("ok", "The ticketing portal is slow"), rep.uncodedExamples());
        ThemeFigures s = rep.overall().get(0);
        assertEquals("support", s.theme());
        assertEquals(3, s.mentions());
        assertEquals(0.5, s.share(), 1e-12);
        assertEquals(100.0 / 3, s.npsMentioning().getAsDouble(), 1e-9);
        assertEquals(-200.0 / 3, s.npsNotMentioning().getAsDouble(), 1e-9);
        Comparison c = s.difference().orElseThrow();
        assertEquals(100, c.difference(), 1e-9);
        assertEquals(100 * Math.sqrt(10.0 / 27), c.standardError(), 1e-9);
        assertEquals(1.0 / 3, s.detractorShare().getAsDouble(), 1e-12);
        ThemeFigures p = rep.overall().get(1);
        assertEquals(2, p.mentions());
        assertEquals(-100, p.npsMentioning().getAsDouble(), 1e-9);
        assertEquals(1, p.detractorShare().getAsDouble(), 1e-12);
        assertTrue(p.degenerate()); // both price mentions are detractors: a Wald SE of 0 for that group
        assertFalse(s.degenerate());
        assertFalse(rep.toString().contains("ticketing"), "examples must not reach toString");
    }

    @Test
    void byRoleAndEmptyMentionGroups() {
        ThemeReport rep = ThemeAnalysis.of(BOOK).withSpec(ScoringSpec.builder().groupBy(GroupField.parse("role"))
                .build(), List.of()).analyse(HAND);
        // decision-maker: R3, R4; user: R1, R2, R5, R6
        assertEquals(4, rep.groups().size());
        ThemeFigures dmSupport = rep.groups().get(0);
        assertEquals("decision-maker", dmSupport.key().get("role"));
        assertEquals(2, dmSupport.commenters());
        assertEquals(1, dmSupport.mentions());
        ThemeFigures userPrice = rep.groups().get(3);
        assertEquals("user", userPrice.key().get("role"));
        assertEquals(0, userPrice.mentions());
        assertTrue(userPrice.npsMentioning().isEmpty());
        assertTrue(userPrice.difference().isEmpty());
        assertTrue(userPrice.detractorShare().isEmpty());
    }

    @Test
    void examplesAreCutTo80Characters() {
        String longComment = "x".repeat(200);
        String e = ThemeAnalysis.example(longComment);
        assertEquals(80, e.codePointCount(0, e.length()));
        assertTrue(e.endsWith("…"));
        assertEquals(List.of(), ThemeAnalysis.of(BOOK).withExamples(0).analyse(HAND).uncodedExamples());
    }
}
