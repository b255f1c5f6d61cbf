package io.github.nps4j.core;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Thrown when scoring would mix relationship and episode answers into one figure without being asked to: the kept
 * responses hold more than one episode type, and the {@link ScoringSpec} neither groups by
 * {@link GroupField#EPISODE}, nor restricts the episodes, nor {@link ScoringSpec.Builder#mixEpisodes() mixes} them.
 * A relationship NPS and, say, a service-event NPS measure different things; averaging them silently would give a
 * figure nobody asked for.
 *
 * <p>An {@link IllegalArgumentException}, so callers that handle bad arguments generally need nothing more.
 *
 * @since 0.1.0
 */
public final class MixedEpisodesException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The episode types present, by name; a sorted, unmodifiable set. */
    private final TreeSet<String> present;

    /**
     * Creates the exception.
     *
     * @param present the names of the episode types present (at least two)
     */
    public MixedEpisodesException(SortedSet<String> present) {
        super("the responses mix episode types " + present + "; relationship and episode NPS are not mixed "
                + "silently: group by episode, restrict episodes, or ask to mix them");
        this.present = new TreeSet<>(present);
    }

    /**
     * Returns the episode types present, by name.
     *
     * @return a sorted, unmodifiable set
     */
    public SortedSet<String> episodeTypes() {
        return Collections.unmodifiableSortedSet(present);
    }
}
