package io.github.nps4j.drivers;

import java.util.Objects;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Driver analyses per group (role, tier, segment …). Groups whose data cannot be analysed (too few rows, a
 * constant attribute …) are listed in {@code skipped} with the reason instead of failing the whole run.
 * Value-based and immutable.
 *
 * @param groups results by group key, sorted
 * @param skipped reasons by group key, sorted
 * @since 0.1.0
 */
public record GroupedDriverResult(SortedMap<String, DriverResult> groups, SortedMap<String, String> skipped) {
    /**
     * Copies the maps.
     *
     * @throws NullPointerException on null maps
     */
    public GroupedDriverResult {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(skipped, "skipped");
        groups = Collections.unmodifiableSortedMap(new TreeMap<>((Map<String, DriverResult>) groups));
        skipped = Collections.unmodifiableSortedMap(new TreeMap<>((Map<String, String>) skipped));
    }
}
