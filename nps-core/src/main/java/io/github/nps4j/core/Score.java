package io.github.nps4j.core;
import java.util.Objects;

/**
 * Validation of the 0–10 answer to "How likely are you to recommend …?". Scores are never clamped or rounded:
 * anything that is not a whole number from 0 to 10 is rejected with a message naming the value.
 *
 * @since 0.1.0
 */
public final class Score {
    /** The lowest score, 0. */
    public static final int MIN = 0;
    /** The highest score, 10. */
    public static final int MAX = 10;

    private Score() {
    }

    /**
     * Checks a score.
     *
     * @param score the score
     * @return the same score
     * @throws IllegalArgumentException if it is below 0 or above 10
     */
    public static int requireValid(int score) {
        if (score < MIN || score > MAX) {
            throw new IllegalArgumentException("score " + score + " is out of range; expected an integer 0-10");
        }
        return score;
    }

    /**
     * Converts a whole-number floating-point score.
     *
     * @param score e.g. {@code 9.0}
     * @return the integer score
     * @throws IllegalArgumentException if the value is fractional, not finite, or out of range
     */
    public static int of(double score) {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score " + score + " is not a number; expected an integer 0-10");
        }
        if (score != Math.rint(score)) {
            throw new IllegalArgumentException("score " + score + " is fractional; expected an integer 0-10");
        }
        if (score < MIN || score > MAX) {
            throw new IllegalArgumentException("score " + score + " is out of range; expected an integer 0-10");
        }
        return (int) score;
    }

    /**
     * Parses a score from text such as a CSV field. A score is written as decimal digits, optionally followed by a
     * point and zeros ({@code "9"}, {@code "09"}, {@code "9.0"}, {@code "10.00"}); leading and trailing blanks are
     * ignored. Anything else is refused, naming the text: a fraction ({@code "8.5"}, and also
     * {@code "6.99999999999999999"}, which a floating-point reading would round to 7), a sign ({@code "+9"}), an
     * exponent ({@code "1e1"}), a word, a blank, or a whole number above 10.
     *
     * @param text the text
     * @return the integer score
     * @throws IllegalArgumentException if the text is blank, not written as above, or out of range
     */
    public static int parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        String s = text.toString().strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("score is blank; expected an integer 0-10");
        }
        if (s.length() > 1 && s.charAt(0) == '-' && s.charAt(1) >= '0' && s.charAt(1) <= '9') {
            String magnitude = s.substring(1);
            boolean digitsOnly = magnitude.matches("\\d+(\\.0+)?");
            if (digitsOnly && !magnitude.matches("0+(\\.0+)?")) {
                throw new IllegalArgumentException("score '" + clip(s) + "' is out of range; expected an integer 0-10");
            }
            throw notAScore(s);
        }
        int len = s.length();
        int i = 0;
        int value = 0;
        while (i < len && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            value = Math.min(value * 10 + (s.charAt(i) - '0'), 1000);
            i++;
        }
        boolean digits = i > 0;
        boolean zerosOnly = true;
        boolean fractionDigits = false;
        if (digits && i < len && s.charAt(i) == '.') {
            for (int j = i + 1; j < len; j++) {
                char c = s.charAt(j);
                if (c < '0' || c > '9') {
                    throw notAScore(s);
                }
                fractionDigits = true;
                zerosOnly &= c == '0';
            }
            if (!fractionDigits) {
                throw notAScore(s);
            }
            if (!zerosOnly) {
                throw new IllegalArgumentException("score '" + clip(s) + "' is fractional; expected an integer 0-10");
            }
        } else if (!digits || i < len) {
            throw notAScore(s);
        }
        if (value > MAX) {
            throw new IllegalArgumentException("score '" + clip(s) + "' is out of range; expected an integer 0-10");
        }
        return value;
    }

    private static IllegalArgumentException notAScore(String s) {
        return new IllegalArgumentException("score '" + clip(s) + "' is not a number written in digits; expected an "
                + "integer 0-10 such as 9 or 9.0");
    }

    /** The text as shown in a message: at most 80 characters. */
    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
