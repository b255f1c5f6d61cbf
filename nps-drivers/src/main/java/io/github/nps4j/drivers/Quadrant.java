package io.github.nps4j.drivers;

import java.util.Locale;

/**
 * Importance–performance quadrant of an attribute. Importance is the LMG share, performance the mean rating; both
 * are split at their means across attributes (a value equal to the mean counts as high).
 *
 * @since 0.1.0
 */
public enum Quadrant {
    /** High importance, low performance: fix first. */
    FIX_FIRST,
    /** High importance, high performance: keep it up. */
    MAINTAIN,
    /** Low importance, low performance: secondary. */
    SECONDARY,
    /** Low importance, high performance: possibly over-invested. */
    OVERPERFORMING;

    /**
     * Classifies an attribute.
     *
     * @param highImportance importance at or above the mean importance
     * @param highPerformance performance at or above the mean performance
     * @return the quadrant
     */
    public static Quadrant of(boolean highImportance, boolean highPerformance) {
        if (highImportance) {
            return highPerformance ? MAINTAIN : FIX_FIRST;
        }
        return highPerformance ? OVERPERFORMING : SECONDARY;
    }

    /**
     * Returns the label used in output: {@code fix-first}, {@code maintain}, {@code secondary} or {@code
     * overperforming}.
     *
     * @return the label used in output: {@code fix-first}, {@code maintain}, {@code secondary}, {@code overperforming}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
