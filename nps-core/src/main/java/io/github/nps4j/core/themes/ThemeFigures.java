package io.github.nps4j.core.themes;

import io.github.nps4j.core.GroupKey;
import io.github.nps4j.core.stats.Comparison;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One theme's figures among the commenters of one group. Unweighted: every commenter counts once. Value-based and
 * immutable.
 *
 * @param theme the theme
 * @param key the group (empty key for all commenters)
 * @param commenters responses with a non-blank comment in the group
 * @param mentions those whose comment mentions the theme
 * @param share mentions / commenters (0..1)
 * @param npsMentioning NPS of the commenters mentioning the theme; empty when none does
 * @param npsNotMentioning NPS of the commenters not mentioning it; empty when all do
 * @param difference npsMentioning − npsNotMentioning with its Wald standard error √(SE₁² + SE₂²) (two independent
 *        groups: nobody is in both), interval and p-value; empty when either group is empty
 * @param detractorShare detractors among the mentions (0..1); empty when there is no mention
 * @param degenerate true when every answer of the mentioning or of the other group is in one category: that group's
 *        Wald standard error is 0, which is not certainty, so the test is overconfident (typical of rare themes)
 * @since 0.1.0
 */
public record ThemeFigures(String theme, GroupKey key, long commenters, long mentions, double share,
        OptionalDouble npsMentioning, OptionalDouble npsNotMentioning, Optional<Comparison> difference,
        OptionalDouble detractorShare, boolean degenerate) {

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException when mentions exceed commenters or a count is negative
     */
    public ThemeFigures {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(npsMentioning, "npsMentioning");
        Objects.requireNonNull(npsNotMentioning, "npsNotMentioning");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(detractorShare, "detractorShare");
        if (commenters < 0 || mentions < 0 || mentions > commenters) {
            throw new IllegalArgumentException("theme " + theme + ": " + mentions + " mentions among " + commenters
                    + " commenters");
        }
    }
}
