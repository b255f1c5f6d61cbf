package io.github.nps4j.accountmap;

import io.github.nps4j.core.DateWindow;
import io.github.nps4j.core.NpsEstimate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An account's NPS in the map window and in the window of the same length just before it, each computed the same
 * way (unweighted, each contact's latest answer in that window).
 *
 * @param current the map window
 * @param currentEstimate the NPS estimate of the map window
 * @param previous the window before
 * @param previousEstimate the NPS estimate of the window before
 * @since 0.1.0
 */
public record AccountTrend(DateWindow current, NpsEstimate currentEstimate, DateWindow previous,
        NpsEstimate previousEstimate) {

    /** Checks for nulls. */
    public AccountTrend {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(currentEstimate, "currentEstimate");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(previousEstimate, "previousEstimate");
    }

    /**
     * Returns the change in NPS points, current minus previous (sign kept, not rounded).
     *
     * @return the change, or empty if either window has no answer
     */
    public OptionalDouble change() {
        if (!currentEstimate.isDefined() || !previousEstimate.isDefined()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(currentEstimate.npsValue() - previousEstimate.npsValue());
    }
}
