package io.github.nps4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CategoryScoreTest {

    @ParameterizedTest
    @CsvSource({"0,DETRACTOR", "6,DETRACTOR", "7,PASSIVE", "8,PASSIVE", "9,PROMOTER", "10,PROMOTER"})
    void boundaries(int score, Category expected) {
        assertEquals(expected, Category.of(score));
        assertEquals(expected, Category.of((double) score));
        assertEquals(expected, Category.of(Integer.valueOf(score)));
        assertEquals(score, Score.requireValid(score));
        assertEquals(score, Score.parse(Integer.toString(score)));
    }

    @Test
    void signsAndLabels() {
        assertEquals(-1, Category.DETRACTOR.sign());
        assertEquals(0, Category.PASSIVE.sign());
        assertEquals(1, Category.PROMOTER.sign());
        assertEquals("promoter", Category.PROMOTER.label());
        assertEquals("passive", Category.PASSIVE.label());
        assertEquals("detractor", Category.DETRACTOR.label());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void outOfRangeIntsAreRejectedNamingTheValue(int score) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Category.of(score));
        assertTrue(e.getMessage().contains(Integer.toString(score)), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Score.requireValid(score));
        assertTrue(e.getMessage().contains(Integer.toString(score)), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.0, 11.0, 8.5, 9.000001, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY})
    void badDoublesAreRejectedNamingTheValue(double score) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Category.of(score));
        assertTrue(e.getMessage().contains(Double.toString(score)), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Score.of(score));
        assertTrue(e.getMessage().contains(Double.toString(score)), e.getMessage());
    }

    @Test
    void wholeDoublesAreAccepted() {
        assertEquals(9, Score.of(9.0));
        assertEquals(0, Score.of(-0.0));
        assertEquals(Category.PROMOTER, Category.of(9.0));
    }

    @Test
    void nullScoreIsRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Category.of((Integer) null));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "11", "8.5", "NaN", "ten", "Infinity", "100", "9,0", "1e400"})
    void badTextIsRejectedNamingTheValue(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Score.parse(text));
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    /** Java literal syntax that {@code Double.parseDouble} accepts but is not a score in a CSV field. */
    @ParameterizedTest
    @ValueSource(strings = {"9d", "9D", "8f", "9.0F", "0x9p0", "0x1.2p3"})
    void javaLiteralSyntaxIsNotAScore(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Score.parse(text));
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    /**
     * Text a floating-point reading would turn into a valid score: {@code 6.99999999999999999} rounds to 7.0 as a
     * double (a passive instead of a detractor), {@code 1e1} is 10. A score is digits, optionally {@code .0}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"6.99999999999999999", "8.99999999999999999", "1e1", ".9e1", "+9", "9.", ".0", "-0",
        "9.0.0", "9 0", "٩"})
    void onlyDigitsWithAnOptionalZeroFractionAreScores(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Score.parse(text));
        assertTrue(e.getMessage().contains(text.strip()), e.getMessage());
    }

    @Test
    void aHugeValueIsNamedButCut() {
        String text = "9".repeat(5000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Score.parse(text));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "  \n "})
    void blankTextIsRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Score.parse(text));
        assertTrue(e.getMessage().contains("blank"), e.getMessage());
    }

    @Test
    void parseAcceptsWholeNumbersWithDecimalPointAndBlanks() {
        assertEquals(9, Score.parse("9.0"));
        assertEquals(10, Score.parse("10.00"));
        assertEquals(7, Score.parse(" 7 "));
        assertEquals(0, Score.parse("00"));
    }
}
