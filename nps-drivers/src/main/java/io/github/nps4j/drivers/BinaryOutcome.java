package io.github.nps4j.drivers;

import io.github.nps4j.core.Category;
import io.github.nps4j.core.Score;

/**
 * A binary outcome: derived from the 0–10 score (promoter or detractor versus the rest), or a 0/1 outcome taken as
 * given ({@link #INDICATOR}, e.g. a renewal flag in a table).
 *
 * @since 0.1.0
 */
public enum BinaryOutcome {
    /** 1 for promoters (score ≥ 9), 0 for everyone else. */
    PROMOTER,
    /** 1 for detractors (score ≤ 6), 0 for everyone else. */
    DETRACTOR,
    /**
     * The outcome itself, already coded 1 (the event) or 0 (no event), as R's {@code glm(y ~ ., binomial)} takes it.
     *
     * @since 0.1.0
     */
    INDICATOR;

    /**
     * Classifies an outcome value.
     *
     * @param value a whole-number score 0–10 ({@link #PROMOTER}, {@link #DETRACTOR}), or 0 or 1 ({@link #INDICATOR})
     * @return 1 or 0
     * @throws IllegalArgumentException if the score is not a whole number 0–10, or an indicator is neither 0 nor 1
     */
    public int indicator(double value) {
        if (this == INDICATOR) {
            if (value != 0 && value != 1) {
                throw new IllegalArgumentException("value " + value + " is not 0 or 1");
            }
            return (int) value;
        }
        Category c = Category.of(Score.of(value));
        return this == PROMOTER ? (c == Category.PROMOTER ? 1 : 0) : (c == Category.DETRACTOR ? 1 : 0);
    }

    /**
     * Returns the outcome's label in output and messages: {@code promoter}, {@code detractor} or {@code event} (a
     * 0/1 outcome modelled as given).
     *
     * @return {@code promoter}, {@code detractor} or {@code event}
     */
    public String label() {
        return switch (this) {
            case PROMOTER -> "promoter";
            case DETRACTOR -> "detractor";
            case INDICATOR -> "event";
        };
    }
}
