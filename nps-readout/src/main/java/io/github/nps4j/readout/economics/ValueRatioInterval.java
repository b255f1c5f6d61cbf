package io.github.nps4j.readout.economics;

/**
 * A seeded percentile bootstrap interval of the promoter-to-detractor lifetime-value ratio, from resampling accounts
 * with replacement within the promoter and within the detractor category. A resample in which every known promoter
 * renewed has an unbounded promoter lifetime value: its ratio is +∞ and kept (a detractor rate of 1 gives 0), so
 * {@link #upper()} is +∞ when more than its tail of resamples are unbounded — few accounts cannot bound the ratio.
 * Resamples in which the ratio is undefined (no known renewal or value in a resampled category, both lifetime values
 * unbounded or both 0) are left out and counted. Value-based and immutable.
 *
 * @param lower lower percentile limit, finite
 * @param upper upper percentile limit, finite or +∞ (unbounded)
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
     * @throws IllegalArgumentException when lower &gt; upper, the lower limit is not finite or the upper is NaN or −∞
     */
    public ValueRatioInterval {
        if (!(lower <= upper) || !Double.isFinite(lower)) {
            throw new IllegalArgumentException("invalid interval [" + lower + ", " + upper + "]");
        }
    }

    /**
     * Says whether the data cannot bound the ratio from above.
     *
     * @return true when {@link #upper()} is +∞
     */
    public boolean unbounded() {
        return upper == Double.POSITIVE_INFINITY;
    }
}
