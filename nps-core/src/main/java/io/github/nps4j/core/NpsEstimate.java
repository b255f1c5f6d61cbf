package io.github.nps4j.core;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The immutable Net Promoter estimate of one group: counts, weighted totals and the quantities derived from them.
 *
 * <p>With {@code z} = +1 promoter, 0 passive, −1 detractor and weights {@code w}: NPS = 100·Σwz/Σw; the Kish effective
 * n = (Σw)²/Σw²; the standard error for independent responses is 100·√V with V = Σw²(z−m)²/(Σw)², m = NPS/100 (the
 * linearization variance; with unit weights exactly R {@code NPS}'s plug-in (p<sub>P</sub> + p<sub>D</sub> −
 * (p<sub>P</sub> − p<sub>D</sub>)²)/n, while {@code survey::svymean} reports it times √(n/(n−1))).
 *
 * <p><b>Scale.</b> NPS, shares, the effective n and the standard errors do not change when every weight is multiplied
 * by the same factor, and they are computed so that this also holds in floating point: the weight totals are held
 * relative to a power of two, {@code 2^weightScale} for sums and {@code 2^(2·weightScale)} for sums of squares, so
 * that weights of 1e-200 or 1e300 give the same figures as weights of 1 (their squares would underflow to 0 or
 * overflow to infinity). {@code weightScale} is 0 for ordinary weights; {@link #weightSum()} and
 * {@link #weightSquareSum()} give the true totals.
 *
 * <p>An <em>empty</em> group (no answer, or only answers of weight 0) has no NPS: {@link #isDefined()} is false and
 * the optional accessors are empty; {@link #npsValue()} throws. Nothing is ever rounded.
 *
 * @param detractors number of detractor answers
 * @param passives number of passive answers
 * @param promoters number of promoter answers
 * @param detractorWeight sum of detractor weights, in units of {@code 2^weightScale}
 * @param passiveWeight sum of passive weights, in units of {@code 2^weightScale}
 * @param promoterWeight sum of promoter weights, in units of {@code 2^weightScale}
 * @param detractorWeightSq sum of squared detractor weights, in units of {@code 2^(2·weightScale)}
 * @param passiveWeightSq sum of squared passive weights, in units of {@code 2^(2·weightScale)}
 * @param promoterWeightSq sum of squared promoter weights, in units of {@code 2^(2·weightScale)}
 * @param weightScale the power of two the weight totals are relative to (0 for ordinary weights)
 * @since 0.1.0
 */
public record NpsEstimate(long detractors, long passives, long promoters, double detractorWeight,
        double passiveWeight, double promoterWeight, double detractorWeightSq, double passiveWeightSq,
        double promoterWeightSq, int weightScale) {

    /**
     * Validates the totals.
     *
     * @throws IllegalArgumentException if a count or weight total is negative or not finite
     */
    public NpsEstimate {
        if (detractors < 0 || passives < 0 || promoters < 0) {
            throw new IllegalArgumentException("counts must be >= 0: " + detractors + ", " + passives + ", "
                    + promoters);
        }
        for (double w : new double[] {detractorWeight, passiveWeight, promoterWeight, detractorWeightSq,
                passiveWeightSq, promoterWeightSq}) {
            Ids.requireNonNegativeFinite(w, "weight total");
        }
        if (Math.abs(weightScale) > 2200) {
            throw new IllegalArgumentException("weight scale 2^" + weightScale + " is outside the range of doubles");
        }
    }

    /**
     * Creates an estimate from weight totals given as they are (scale 0).
     *
     * @param detractors number of detractor answers
     * @param passives number of passive answers
     * @param promoters number of promoter answers
     * @param detractorWeight sum of detractor weights
     * @param passiveWeight sum of passive weights
     * @param promoterWeight sum of promoter weights
     * @param detractorWeightSq sum of squared detractor weights
     * @param passiveWeightSq sum of squared passive weights
     * @param promoterWeightSq sum of squared promoter weights
     * @throws IllegalArgumentException if a count or weight total is negative or not finite
     */
    public NpsEstimate(long detractors, long passives, long promoters, double detractorWeight,
            double passiveWeight, double promoterWeight, double detractorWeightSq, double passiveWeightSq,
            double promoterWeightSq) {
        this(detractors, passives, promoters, detractorWeight, passiveWeight, promoterWeight, detractorWeightSq,
                passiveWeightSq, promoterWeightSq, 0);
    }

    /**
     * Returns the estimate of unweighted counts.
     *
     * @param detractors detractor count
     * @param passives passive count
     * @param promoters promoter count
     * @return the estimate
     * @throws IllegalArgumentException if a count is negative
     */
    public static NpsEstimate ofCounts(long detractors, long passives, long promoters) {
        return new NpsEstimate(detractors, passives, promoters, detractors, passives, promoters, detractors,
                passives, promoters);
    }

    /**
     * Returns the estimate of a list of unweighted scores.
     *
     * @param scores scores 0–10
     * @return the estimate
     * @throws IllegalArgumentException if a score is out of range
     */
    public static NpsEstimate ofScores(int... scores) {
        Objects.requireNonNull(scores, "scores");
        Tally t = new Tally();
        for (int s : scores) {
            t.add(s);
        }
        return t.snapshot();
    }

    /**
     * Returns the estimate of an empty group.
     *
     * @return the empty estimate
     */
    public static NpsEstimate empty() {
        return new NpsEstimate(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Returns the number of answers.
     *
     * @return detractors + passives + promoters
     */
    public long n() {
        return detractors + passives + promoters;
    }

    /**
     * Returns the sum of weights.
     *
     * @return Σw (infinite or 0 only if the true total lies beyond the range of doubles)
     */
    public double weightSum() {
        return Math.scalb(scaledWeightSum(), weightScale);
    }

    /**
     * Returns the sum of squared weights.
     *
     * @return Σw² (infinite or 0 only if the true total lies beyond the range of doubles)
     */
    public double weightSquareSum() {
        return Math.scalb(scaledWeightSquareSum(), 2 * weightScale);
    }

    /**
     * Returns the sum of the weights of one category, in true units (the record component is relative to
     * {@code 2^weightScale}).
     *
     * @param category the category
     * @return its Σw
     */
    public double weightSum(Category category) {
        double scaled = switch (category) {
            case DETRACTOR -> detractorWeight;
            case PASSIVE -> passiveWeight;
            case PROMOTER -> promoterWeight;
        };
        return Math.scalb(scaled, weightScale);
    }

    /**
     * Returns the sum of the squared weights of one category, in true units (the record component is relative to
     * {@code 2^(2·weightScale)}).
     *
     * @param category the category
     * @return its Σw²
     */
    public double weightSquareSum(Category category) {
        double scaled = switch (category) {
            case DETRACTOR -> detractorWeightSq;
            case PASSIVE -> passiveWeightSq;
            case PROMOTER -> promoterWeightSq;
        };
        return Math.scalb(scaled, 2 * weightScale);
    }

    /** Σw in units of {@code 2^weightScale}: what every scale-free figure is computed from. */
    private double scaledWeightSum() {
        return detractorWeight + passiveWeight + promoterWeight;
    }

    /** Σw² in units of {@code 2^(2·weightScale)}. */
    private double scaledWeightSquareSum() {
        return detractorWeightSq + passiveWeightSq + promoterWeightSq;
    }

    /**
     * Tells whether the group has an NPS, i.e. at least one answer of positive weight.
     *
     * @return true unless the group is empty
     */
    public boolean isDefined() {
        return scaledWeightSum() > 0;
    }

    /**
     * Returns the NPS in points (−100 to 100).
     *
     * @return the NPS, or empty for an empty group
     */
    public OptionalDouble nps() {
        return isDefined() ? OptionalDouble.of(npsValue()) : OptionalDouble.empty();
    }

    /**
     * Returns the NPS in points, for callers that have checked {@link #isDefined()}.
     *
     * @return 100·Σwz/Σw
     * @throws IllegalStateException if the group is empty
     */
    public double npsValue() {
        return 100.0 * proportionDifference();
    }

    /**
     * Returns the weighted share of promoters minus the share of detractors, on the [−1, 1] scale.
     *
     * @return Σwz/Σw
     * @throws IllegalStateException if the group is empty
     */
    public double proportionDifference() {
        requireDefined();
        double w = scaledWeightSum();
        return (promoterWeight - detractorWeight) / w;
    }

    /**
     * Returns the weighted share of promoters, 0–1.
     *
     * @return the share, or empty for an empty group
     */
    public OptionalDouble promoterShare() {
        return share(promoterWeight);
    }

    /**
     * Returns the weighted share of passives, 0–1.
     *
     * @return the share, or empty for an empty group
     */
    public OptionalDouble passiveShare() {
        return share(passiveWeight);
    }

    /**
     * Returns the weighted share of detractors, 0–1.
     *
     * @return the share, or empty for an empty group
     */
    public OptionalDouble detractorShare() {
        return share(detractorWeight);
    }

    private OptionalDouble share(double w) {
        return isDefined() ? OptionalDouble.of(w / scaledWeightSum()) : OptionalDouble.empty();
    }

    /**
     * Returns the Kish effective sample size (Σw)²/Σw², equal to n for unit weights.
     *
     * @return the effective n, or empty for an empty group
     */
    public OptionalDouble effectiveN() {
        if (!isDefined()) {
            return OptionalDouble.empty();
        }
        double w = scaledWeightSum();
        return OptionalDouble.of(w / scaledWeightSquareSum() * w);
    }

    /**
     * Returns the per-respondent variance of the NPS indicator on the [−1, 1] scale for unit weights,
     * p<sub>P</sub> + p<sub>D</sub> − (p<sub>P</sub> − p<sub>D</sub>)² (weighted shares when weighted).
     *
     * @return the variance
     * @throws IllegalStateException if the group is empty
     */
    public double indicatorVariance() {
        requireDefined();
        double w = scaledWeightSum();
        double pp = promoterWeight / w;
        double pd = detractorWeight / w;
        double d = pp - pd;
        return Math.max(0.0, pp + pd - d * d);
    }

    /**
     * Returns the standard error of the NPS for independent responses, in NPS points: 100·√(Σw²(z−m)²)/Σw.
     * With unit weights this is exactly R {@code NPS}'s {@code nps.se}. It is 0 for a degenerate group (see
     * {@link #isDegenerate()}), which does not mean certainty.
     *
     * @return the standard error, or empty for an empty group
     */
    public OptionalDouble standardError() {
        if (!isDefined()) {
            return OptionalDouble.empty();
        }
        double m = proportionDifference();
        double w = scaledWeightSum();
        double num = promoterWeightSq * (1 - m) * (1 - m) + passiveWeightSq * m * m
                + detractorWeightSq * (1 + m) * (1 + m);
        return OptionalDouble.of(100.0 * Math.sqrt(num) / w);
    }

    /**
     * Tells whether all answers (of positive weight) fall in one category, so that the Wald standard error is 0 and
     * says nothing about the uncertainty.
     *
     * @return true for a defined group with a single category present
     */
    public boolean isDegenerate() {
        if (!isDefined()) {
            return false;
        }
        int present = (detractorWeight > 0 ? 1 : 0) + (passiveWeight > 0 ? 1 : 0) + (promoterWeight > 0 ? 1 : 0);
        return present == 1;
    }

    /**
     * Returns the count of a category.
     *
     * @param category the category
     * @return its count
     */
    public long count(Category category) {
        return switch (category) {
            case DETRACTOR -> detractors;
            case PASSIVE -> passives;
            case PROMOTER -> promoters;
        };
    }

    private void requireDefined() {
        if (!isDefined()) {
            throw new IllegalStateException("empty group: no answer with positive weight, so there is no NPS");
        }
    }
}
