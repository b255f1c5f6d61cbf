package io.github.nps4j.drivers;

import io.github.nps4j.core.Category;
import io.github.nps4j.core.Score;

/**
 * A binary outcome derived from the 0–10 score.
 *
 * @since 0.1.0
 */
public enum BinaryOutcome {
    /** 1 for promoters (score ≥ 9), 0 for everyone else. */
    PROMOTER,
    /** 1 for detractors (score ≤ 6), 0 for everyone else. */
    DETRACTOR;

    /**
     * Classifies a score.
     *
     * @param score a whole-number score 0–10
     * @return 1 or 0
     * @throws IllegalArgumentException if the score is not a whole number 0–10
     */
    public int indicator(double score) {
        Category c = Category.of(Score.of(score));
        return this == PROMOTER ? (c == Category.PROMOTER ? 1 : 0) : (c == Category.DETRACTOR ? 1 : 0);
    }

    /**
     * Returns the outcome's label in output and messages: {@code promoter} or {@code detractor}.
     *
     * @return {@code promoter} or {@code detractor}
     */
    public String label() {
        return this == PROMOTER ? "promoter" : "detractor";
    }
}
