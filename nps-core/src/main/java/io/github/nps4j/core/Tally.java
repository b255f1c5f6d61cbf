package io.github.nps4j.core;

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
    private long detractors;
    private long passives;
    private long promoters;
    private double detractorWeight;
    private double passiveWeight;
    private double promoterWeight;
    private double detractorWeightSq;
    private double passiveWeightSq;
    private double promoterWeightSq;

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
     * Adds one weighted answer of a known category.
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
        double sq = weight * weight;
        switch (category) {
            case DETRACTOR -> {
                detractors++;
                detractorWeight += weight;
                detractorWeightSq += sq;
            }
            case PASSIVE -> {
                passives++;
                passiveWeight += weight;
                passiveWeightSq += sq;
            }
            case PROMOTER -> {
                promoters++;
                promoterWeight += weight;
                promoterWeightSq += sq;
            }
            default -> throw new AssertionError(category);
        }
        return this;
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
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " must be >= 0");
        }
        Ids.requireNonNegativeFinite(weightSum, "weight sum");
        Ids.requireNonNegativeFinite(weightSquareSum, "weight square sum");
        if (count == 0 && (weightSum > 0 || weightSquareSum > 0)) {
            throw new IllegalArgumentException("weight sums " + weightSum + ", " + weightSquareSum
                    + " must be 0 when the count is 0");
        }
        switch (category) {
            case DETRACTOR -> {
                detractors += count;
                detractorWeight += weightSum;
                detractorWeightSq += weightSquareSum;
            }
            case PASSIVE -> {
                passives += count;
                passiveWeight += weightSum;
                passiveWeightSq += weightSquareSum;
            }
            case PROMOTER -> {
                promoters += count;
                promoterWeight += weightSum;
                promoterWeightSq += weightSquareSum;
            }
            default -> throw new AssertionError(category);
        }
        return this;
    }

    /**
     * Adds another tally's totals to this one (the other is not changed).
     *
     * @param other the other tally
     * @return this tally
     */
    public Tally merge(Tally other) {
        detractors += other.detractors;
        passives += other.passives;
        promoters += other.promoters;
        detractorWeight += other.detractorWeight;
        passiveWeight += other.passiveWeight;
        promoterWeight += other.promoterWeight;
        detractorWeightSq += other.detractorWeightSq;
        passiveWeightSq += other.passiveWeightSq;
        promoterWeightSq += other.promoterWeightSq;
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
                detractorWeightSq, passiveWeightSq, promoterWeightSq);
    }
}
