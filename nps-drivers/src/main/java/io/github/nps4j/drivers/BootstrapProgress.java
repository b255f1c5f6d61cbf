package io.github.nps4j.drivers;

/**
 * Receives bootstrap progress; called on the analysing thread after each replicate.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BootstrapProgress {
    /**
     * Reports progress.
     *
     * @param completed replicates done so far (including skipped degenerate ones)
     * @param total replicates requested
     */
    void update(int completed, int total);
}
