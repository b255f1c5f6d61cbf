package io.github.nps4j.core.stats;

import java.util.Objects;
import java.util.Optional;

/**
 * A confidence interval for an NPS, in NPS points, always within [−100, 100].
 *
 * <p><b>Every interval contains the NPS it is shown beside</b> ({@link #pointEstimate()}, the observed NPS): the
 * record refuses one that does not, and {@link #clipped} extends a method's limits to the observed NPS when they miss
 * it. That happens for {@link IntervalMethod#ADJUSTED_WALD}, whose interval is centred on the adjusted NPS (Rocks' 0.75
 * detractor, 1.5 passive, 0.75 promoter pseudo-responses): for one detractor the Rocks interval is [−98.5, 48.5]
 * while the NPS is −100, so the interval given is [−100, 48.5]; and it can happen for a percentile bootstrap, and by
 * a rounding step for any method. Widening only ever raises coverage.
 *
 * <p>This is a value-based, immutable record. {@link #degenerate()} is true when the interval has collapsed because
 * the data show no variation — all answers in one category (Wald standard error 0, every bootstrap resample
 * identical), or for clustered Wald and the account bootstrap every account with the same NPS: that is an artefact of
 * the method, not certainty, and {@link #note()} says so. Use {@link IntervalMethod#ADJUSTED_WALD} or
 * {@link IntervalMethod#SCORE} for an informative interval then.
 *
 * @param lower lower limit, NPS points
 * @param upper upper limit, NPS points
 * @param method how it was computed
 * @param level confidence level in (0, 1), e.g. 0.95
 * @param pointEstimate the NPS the interval is shown beside: always the group's observed (raw, possibly weighted) NPS,
 *     for every method — also for {@link IntervalMethod#ADJUSTED_WALD}, whose interval is built around an adjusted
 *     centre; the interval always contains it
 * @param degenerate true when the width is 0 only because the data show no variation (see above)
 * @since 0.1.0
 */
public record Interval(double lower, double upper, IntervalMethod method, double level, double pointEstimate,
        boolean degenerate) {

    /**
     * Validates the interval.
     *
     * @throws IllegalArgumentException if a limit is not finite or outside [−100, 100], lower &gt; upper, the point
     *     estimate is not in [lower, upper], or the level is not in (0, 1)
     * @throws NullPointerException if the method is null
     */
    public Interval {
        Objects.requireNonNull(method, "method");
        Numerics.requireLevel(level);
        if (!(lower >= -100 && upper <= 100 && lower <= upper)) {
            throw new IllegalArgumentException("interval [" + lower + ", " + upper
                    + "] must satisfy -100 <= lower <= upper <= 100");
        }
        if (!Double.isFinite(pointEstimate)) {
            throw new IllegalArgumentException("pointEstimate " + pointEstimate + " must be finite");
        }
        if (!(lower <= pointEstimate && pointEstimate <= upper)) {
            throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] must contain the NPS "
                    + pointEstimate + " it is shown beside");
        }
    }

    /**
     * Creates an interval, clipping both limits to [−100, 100] and then extending them, where needed, to the point
     * estimate (see the class comment).
     *
     * @param lower lower limit, NPS points (may lie outside [−100, 100] before clipping)
     * @param upper upper limit, NPS points
     * @param method the method
     * @param level the level
     * @param pointEstimate the observed NPS the interval is shown beside, in [−100, 100]
     * @param degenerate whether the width is 0 only because the data are degenerate
     * @return the clipped interval, containing the point estimate
     * @throws IllegalArgumentException if a value is not finite, lower &gt; upper, the point estimate outside
     *     [−100, 100], or the level not in (0, 1)
     */
    public static Interval clipped(double lower, double upper, IntervalMethod method, double level,
            double pointEstimate, boolean degenerate) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("interval limits must be finite: [" + lower + ", " + upper + "]");
        }
        if (!(pointEstimate >= -100 && pointEstimate <= 100)) {
            throw new IllegalArgumentException("pointEstimate " + pointEstimate + " must be in [-100, 100]");
        }
        double lo = Math.min(Numerics.clip(lower, -100, 100), pointEstimate);
        double hi = Math.max(Numerics.clip(upper, -100, 100), pointEstimate);
        return new Interval(lo, hi, method, level, pointEstimate, degenerate);
    }

    /**
     * Returns the width, upper − lower.
     *
     * @return the width in NPS points
     */
    public double width() {
        return upper - lower;
    }

    /**
     * Tells whether a value lies in the closed interval.
     *
     * @param nps a value in NPS points
     * @return true if {@code lower <= nps <= upper}
     */
    public boolean contains(double nps) {
        return lower <= nps && nps <= upper;
    }

    /**
     * Returns a human-readable caveat, present for a degenerate interval.
     *
     * @return the note, or empty
     */
    public Optional<String> note() {
        if (!degenerate) {
            return Optional.empty();
        }
        return Optional.of("the data show no variation (all answers in one category, or every account with the "
                + "same NPS): the " + method.label() + " interval has width 0, which is not certainty; use "
                + "adjusted-wald or score for small or one-sided groups");
    }
}
