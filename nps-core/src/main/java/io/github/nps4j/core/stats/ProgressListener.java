package io.github.nps4j.core.stats;

/**
 * Receives progress of a long computation such as a {@link Bootstrap}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * Called from the computing thread as work completes, with {@code done} increasing up to {@code total}.
     *
     * @param done units of work done (e.g. resamples)
     * @param total units of work in all
     */
    void onProgress(long done, long total);
}
