package io.github.nps4j.core;

import java.util.Objects;

/**
 * A mergeable accumulator of weighted category totals: per category the count, the sum of weights and the sum of
 * squared weights — everything NPS, the Kish effective n and the linearization standard error need.
 *
 * <p>Its state is nine primitives and it has a public no-argument constructor (the empty tally), so data engines
 * such as Spark or Flink can use it as an aggregation buffer unchanged. {@link #merge} is associative and
 * commutative: counts merge exactly, weight sums to floating-point rounding (1e-12 relative).
 *
 * <p>Not thread-safe: use one per thread and {@link #merge} them, or {@link #snapshot()} for an immutable
 * {@link NpsEstimate}. Example usage:
 * <pre>{@code
 * Tally t = new Tally();
 * for (Response r : responses) t.add(r.score());
 * NpsEstimate e = t.snapshot();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Tally {
    /** Stored sums are rescaled when one passes 2^RESCALE_ABOVE, so squares stay far from overflow. */
    private static final int RESCALE_ABOVE = 400;

    private long detractors;
    private long passives;
    private long promoters;
    private double detractorWeight;
    private double passiveWeight;
    private double promoterWeight;
    private double detractorWeightSq;
    private double passiveWeightSq;
    private double promoterWeightSq;
    /** Weight sums are held in units of 2^scale (squares in 2^(2·scale)); set by the first positive weight. */
    private int scale;
    private boolean scaled;

    /** Creates an empty tally. */
    public Tally() {
    }

    /**
     * Adds one unweighted answer.
     *
     * @param score the score, 0–10
     * @return this tally
     * @throws IllegalArgumentException if the score is out of range
     */
    public Tally add(int score) {
        return add(Category.of(score), 1.0);
    }

    /**
     * Adds one weighted answer.
     *
     * @param score the score, 0–10
     * @param weight the weight, finite and {@code >= 0}
     * @return this tally
     * @throws IllegalArgumentException if the score is out of range or the weight negative or not finite
     */
    public Tally add(int score, double weight) {
        return add(Category.of(score), weight);
    }

    /**
     * Adds one weighted answer of a known category. Any finite weight works, however large or small: the totals are
     * held relative to a power of two (see {@link NpsEstimate}), so weights of 1e-200 or 1e300 give the same NPS,
     * effective n and standard error as weights of 1.
     *
     * @param category the category
     * @param weight the weight, finite and {@code >= 0}
     * @return this tally
     * @throws IllegalArgumentException if the weight is negative or not finite
     */
    public Tally add(Category category, double weight) {
        if (!(weight >= 0) || weight == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("weight " + weight + " must be a finite number >= 0");
        }
        if (weight == 0) {
            return absorb(category, 1, 0, 0, 0);
        }
        int e = Math.getExponent(weight);
        double w = Math.scalb(weight, -e);
        return absorb(category, 1, w, w * w, e);
    }

    /**
     * Adds many answers of one category at once, given their count and weight totals: the bulk form of
     * {@link #add(Category, double)} used by columnar and streaming scorers. Adding {@code count} answers of weights
     * {@code w_1..w_count} one by one and adding {@code (count, Σw, Σw²)} here give the same totals (up to the order of
     * floating-point summation).
     *
     * @param category the category
     * @param count the number of answers, {@code >= 0}
     * @param weightSum the sum of their weights, finite and {@code >= 0}; 0 when {@code count} is 0
     * @param weightSquareSum the sum of their squared weights, finite and {@code >= 0}; 0 when {@code count} is 0
     * @return this tally
     * @throws IllegalArgumentException if the count is negative, a sum is negative or not finite, or a sum is positive
     *         while the count is 0
     * @since 0.1.0
     */
    public Tally add(Category category, long count, double weightSum, double weightSquareSum) {
        return add(category, count, weightSum, weightSquareSum, 0);
    }

    /**
     * Adds many answers of one category at once, with totals given relative to a power of two: their weights sum to
     * {@code weightSum·2^scale} and their squares to {@code weightSquareSum·2^(2·scale)}. This is the form for totals
     * whose true values (or squares) would underflow or overflow a double, e.g. revenue weights of 1e300.
     *
     * @param category the category
     * @param count the number of answers, {@code >= 0}
     * @param weightSum the sum of their weights in units of {@code 2^scale}, finite and {@code >= 0}
     * @param weightSquareSum the sum of their squared weights in units of {@code 2^(2·scale)}, finite and {@code >= 0}
     * @param scale the power of two
     * @return this tally
     * @throws IllegalArgumentException as {@link #add(Category, long, double, double)}
     * @since 0.1.0
     */
    public Tally add(Category category, long count, double weightSum, double weightSquareSum, int scale) {
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " must be >= 0");
        }
        Ids.requireNonNegativeFinite(weightSum, "weight sum");
        Ids.requireNonNegativeFinite(weightSquareSum, "weight square sum");
        if (count == 0 && (weightSum > 0 || weightSquareSum > 0)) {
            throw new IllegalArgumentException("weight sums " + weightSum + ", " + weightSquareSum
                    + " must be 0 when the count is 0");
        }
        return absorb(Objects.requireNonNull(category, "category"), count, weightSum, weightSquareSum, scale);
    }

    /** Adds totals given in units of 2^k (squares 2^(2k)), aligning them with this tally's scale. */
    private Tally absorb(Category category, long count, double sum, double sq, int k) {
        if (sum > 0 || sq > 0) {
            if (!scaled) {
                scale = k;
                scaled = true;
            } else if (k > scale) {
                rescaleTo(k);
            } else if (k < scale) {
                sum = Math.scalb(sum, k - scale);
                sq = Math.scalb(sq, 2 * (k - scale));
            }
        }
        switch (category) {
            case DETRACTOR -> {
                detractors += count;
                detractorWeight += sum;
                detractorWeightSq += sq;
            }
            case PASSIVE -> {
                passives += count;
                passiveWeight += sum;
                passiveWeightSq += sq;
            }
            case PROMOTER -> {
                promoters += count;
                promoterWeight += sum;
                promoterWeightSq += sq;
            }
            default -> throw new AssertionError(category);
        }
        double largest = Math.max(Math.max(detractorWeight, passiveWeight), promoterWeight);
        if (largest > 0 && Math.getExponent(largest) > RESCALE_ABOVE) {
            rescaleTo(scale + Math.getExponent(largest));
        }
        return this;
    }

    /** Re-expresses the totals in units of 2^k, k above the current scale. */
    private void rescaleTo(int k) {
        int d = scale - k;
        detractorWeight = Math.scalb(detractorWeight, d);
        passiveWeight = Math.scalb(passiveWeight, d);
        promoterWeight = Math.scalb(promoterWeight, d);
        detractorWeightSq = Math.scalb(detractorWeightSq, 2 * d);
        passiveWeightSq = Math.scalb(passiveWeightSq, 2 * d);
        promoterWeightSq = Math.scalb(promoterWeightSq, 2 * d);
        scale = k;
    }

    /**
     * Adds another tally's totals to this one (the other is not changed).
     *
     * @param other the other tally
     * @return this tally
     */
    public Tally merge(Tally other) {
        Objects.requireNonNull(other, "other");
        int k = other.scale;
        absorb(Category.DETRACTOR, other.detractors, other.detractorWeight, other.detractorWeightSq, k);
        absorb(Category.PASSIVE, other.passives, other.passiveWeight, other.passiveWeightSq, k);
        absorb(Category.PROMOTER, other.promoters, other.promoterWeight, other.promoterWeightSq, k);
        return this;
    }

    /**
     * Returns the number of answers added so far.
     *
     * @return the count
     */
    public long count() {
        return detractors + passives + promoters;
    }

    /**
     * Returns an immutable estimate of the totals so far; the tally can go on accumulating.
     *
     * @return the estimate (undefined if nothing with positive weight was added)
     */
    public NpsEstimate snapshot() {
        return new NpsEstimate(detractors, passives, promoters, detractorWeight, passiveWeight, promoterWeight,
                detractorWeightSq, passiveWeightSq, promoterWeightSq, scale);
    }
}
