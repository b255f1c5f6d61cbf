package io.github.nps4j.readout;

import io.github.nps4j.accountmap.followup.FollowUpCase;
import java.util.List;
import java.util.Objects;

/**
 * The head of the follow-up queue: whom to call back first.
 *
 * <p>A value-based, immutable record.
 *
 * @param top the first cases in priority order, at most {@link ReadoutOptions#topFollowUps()}
 * @param open how many cases the queue holds
 * @param lookbackDays how far back the queue looks for answers
 * @param rule which answers open a case and how cases are ordered, in words
 * @since 0.1.0
 */
public record FollowUps(List<FollowUpCase> top, long open, int lookbackDays, String rule) {
    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code open} is negative
     */
    public FollowUps {
        Objects.requireNonNull(top, "top");
        top = List.copyOf(top);
        Objects.requireNonNull(rule, "rule");
        if (open < 0) {
            throw new IllegalArgumentException("open " + open + " must not be negative");
        }
    }
}
