package io.github.nps4j.core;

/**
 * The Net Promoter category of a 0–10 answer: {@link #DETRACTOR} (0–6), {@link #PASSIVE} (7–8) and
 * {@link #PROMOTER} (9–10).
 *
 * <p>Example usage:
 * <pre>{@code
 * Category c = Category.of(9);   // PROMOTER
 * int z = c.sign();              // +1, the response's contribution to NPS
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Category {
    /** Scores 0 to 6; counts −1 in NPS. */
    DETRACTOR(-1),
    /** Scores 7 and 8; counts 0 in NPS. */
    PASSIVE(0),
    /** Scores 9 and 10; counts +1 in NPS. */
    PROMOTER(1);

    private final int sign;

    Category(int sign) {
        this.sign = sign;
    }

    /**
     * Classifies a score.
     *
     * @param score an integer from 0 to 10
     * @return its category
     * @throws IllegalArgumentException if the score is below 0 or above 10, naming the value
     */
    public static Category of(int score) {
        Score.requireValid(score);
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }

    /**
     * Classifies a score held as a floating-point number, as spreadsheets and JSON often do.
     *
     * @param score a whole number from 0 to 10 ({@code 9.0} is fine)
     * @return its category
     * @throws IllegalArgumentException if the score is fractional (e.g. {@code 8.5}), not finite, or out of range
     */
    public static Category of(double score) {
        return of(Score.of(score));
    }

    /**
     * Classifies a possibly missing score.
     *
     * @param score a score, or {@code null} when the respondent skipped the question
     * @return its category
     * @throws IllegalArgumentException if the score is missing ({@code null}) or out of range
     */
    public static Category of(@org.jspecify.annotations.Nullable Integer score) {
        if (score == null) {
            throw new IllegalArgumentException("score is missing (null); a response needs an integer 0-10");
        }
        return of(score.intValue());
    }

    /**
     * Returns the contribution of one answer in this category to NPS: +1, 0 or −1.
     *
     * @return {@code z} in NPS = 100·Σwz/Σw
     */
    public int sign() {
        return sign;
    }

    /**
     * Returns the lowercase name used in JSON and CSV output ({@code promoter}, {@code passive}, {@code detractor}).
     *
     * @return the label
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
