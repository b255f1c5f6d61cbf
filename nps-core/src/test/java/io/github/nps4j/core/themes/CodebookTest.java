package io.github.nps4j.core.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Matching rules: word boundaries, case, Unicode; codebook CSV parsing. */
class CodebookTest {
    static final Codebook BOOK = Codebook.parse("""
            theme,pattern
            support,ticket|help desk
            support,support
            price,price|prices|Preis
            delivery,Lieferung|entrega|délai
            """, "codebook.csv");

    @Test
    void wordBoundaries() {
        assertTrue(BOOK.mentions("I opened a ticket.", "support"));
        assertFalse(BOOK.mentions("The ticketing system is new", "support"));
        assertFalse(BOOK.mentions("Our ticket2 queue", "support"));
        assertFalse(BOOK.mentions("supportive team", "support"));
        assertTrue(BOOK.mentions("my e-ticket was lost", "support")); // a hyphen is a boundary
        assertTrue(BOOK.mentions("(price)", "price"));
        assertFalse(BOOK.mentions("priceless", "price"));
    }

    @Test
    void caseInsensitiveAndWhiteSpaceInsidePhrases() {
        assertTrue(BOOK.mentions("TICKET closed", "support"));
        assertTrue(BOOK.mentions("the Help\n  Desk answered", "support"));
        assertFalse(BOOK.mentions("the helpdesk answered", "support"));
    }

    @Test
    void unicodeLettersCaseAndNormalisation() {
        assertTrue(BOOK.mentions("Der PREIS ist zu hoch", "price"));
        assertFalse(BOOK.mentions("Preiserhöhung", "price")); // a compound is another word
        assertTrue(BOOK.mentions("Die LIEFERUNG kam spät", "delivery"));
        assertTrue(BOOK.mentions("ENTREGA tardía", "delivery"));
        assertTrue(BOOK.mentions("DÉLAI trop long", "delivery")); // Unicode case: É = é
        assertTrue(BOOK.mentions("de\u0301lai trop long", "delivery")); // decomposed é, NFC-normalised
        assertFalse(BOOK.mentions("délais", "delivery"));
        assertFalse(BOOK.mentions("xdélai", "delivery"));
        assertFalse(BOOK.mentions("ticketé", "support")); // an accented letter is a word character
    }

    @Test
    void themesOfInCodebookOrderAndSeveralRowsPerTheme() {
        assertEquals(List.of("support", "price", "delivery"), BOOK.themes());
        assertEquals(List.of("ticket", "help desk", "support"), BOOK.phrases("support"));
        assertEquals(Set.of("support", "price"), BOOK.themesOf("Support is fine, prices are not"));
        assertEquals(Set.of(), BOOK.themesOf("nothing to say"));
    }

    @Test
    void badCodebooksAreRefusedWithFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Codebook.parse("theme,pattern\nprice,price||cost\n", "cb.csv"));
        assertTrue(e.getMessage().startsWith("cb.csv:2:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Codebook.parse("name,phrases\na,b\n", "cb.csv"));
        assertTrue(e.getMessage().contains("theme,pattern"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Codebook.parse("theme,pattern\n", "cb.csv"));
        assertThrows(IllegalArgumentException.class, () -> Codebook.parse("theme,pattern\n ,x\n", "cb.csv"));
        assertThrows(IllegalArgumentException.class, () -> Codebook.of(Map.of()));
    }

    @Test
    void regexCharactersInPhrasesAreLiteral() {
        Codebook b = Codebook.of(Map.of("c", List.of("c++", "a.b")));
        assertTrue(b.mentions("we use C++ daily", "c"));
        assertFalse(b.mentions("axb", "c"));
    }
}
