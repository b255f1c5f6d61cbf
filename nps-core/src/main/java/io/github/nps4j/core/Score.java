package io.github.nps4j.core;

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

    /** Plain decimal numbers; {@code Double.parseDouble} alone would also take {@code 9d}, {@code 8f}, {@code 0x1p3}. */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

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
     * Parses a score from text such as a CSV field. Leading and trailing blanks are ignored; {@code "9.0"} is
     * accepted as 9, {@code "8.5"}, {@code "ten"}, {@code "11"} and blanks are rejected.
     *
     * @param text the text
     * @return the integer score
     * @throws IllegalArgumentException if the text is blank, not a number, fractional, or out of range
     */
    public static int parse(CharSequence text) {
        String s = text.toString().strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("score is blank; expected an integer 0-10");
        }
        int len = s.length();
        if (len <= 2 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return requireValid(Integer.parseInt(s));
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw new IllegalArgumentException("score '" + s + "' is not a number; expected an integer 0-10");
        }
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("score '" + s + "' is not a number; expected an integer 0-10", e);
        }
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("score '" + s + "' is not a number; expected an integer 0-10");
        }
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException("score '" + s + "' is fractional; expected an integer 0-10");
        }
        if (d < MIN || d > MAX) {
            throw new IllegalArgumentException("score '" + s + "' is out of range; expected an integer 0-10");
        }
        return (int) d;
    }
}
