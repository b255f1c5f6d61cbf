package io.github.nps4j.readout.economics;

/**
 * A seeded percentile bootstrap interval of the promoter-to-detractor lifetime-value ratio, from resampling accounts
 * with replacement within the promoter and within the detractor category. Resamples in which the ratio is undefined
 * (a renewal rate of 1 or no known outcome or value in a resampled category, or a detractor lifetime value of 0) are
 * left out and counted. Value-based and immutable.
 *
 * @param lower lower percentile limit
 * @param upper upper percentile limit
 * @param level confidence level
 * @param seed the seed
 * @param resamples resamples drawn
 * @param undefinedResamples resamples left out because the ratio was undefined in them
 * @since 0.1.0
 */
public record ValueRatioInterval(double lower, double upper, double level, long seed, int resamples,
        int undefinedResamples) {

    /**
     * Validates the interval.
     *
     * @throws IllegalArgumentException when lower &gt; upper or a limit is not finite
     */
    public ValueRatioInterval {
        if (!(lower <= upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("invalid interval [" + lower + ", " + upper + "]");
        }
    }
}
