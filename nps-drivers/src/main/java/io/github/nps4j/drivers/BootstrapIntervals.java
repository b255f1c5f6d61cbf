package io.github.nps4j.drivers;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Bootstrap percentile intervals for importances: rows (complete cases under listwise deletion) are resampled with
 * replacement, importances recomputed, and the (1 ± level)/2 quantiles (linear interpolation between order
 * statistics, R's type 7) reported. Resamples that are degenerate (e.g. an attribute becomes constant) are skipped
 * and counted. Reproducible: the same data, options and seed give the same intervals. Value-based and immutable.
 *
 * @param level confidence level, e.g. 0.95
 * @param replicates replicates requested
 * @param skipped degenerate replicates skipped
 * @param seed the seed of the {@link java.util.SplittableRandom} used
 * @param rows one row per attribute
 * @since 0.1.0
 */
public record BootstrapIntervals(double level, int replicates, long skipped, long seed, List<BootstrapRow> rows) {
    /**
     * Copies the rows.
     *
     * @throws NullPointerException on null rows
     */
    public BootstrapIntervals {
        Objects.requireNonNull(rows, "rows");
        rows = List.copyOf(rows);
    }

    /**
     * Looks up an attribute.
     *
     * @param name the attribute
     * @return its intervals
     * @throws NoSuchElementException if absent
     */
    public BootstrapRow row(String name) {
        for (BootstrapRow r : rows) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new NoSuchElementException("no attribute '" + name + "'");
    }
}
