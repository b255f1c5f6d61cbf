package io.github.nps4j.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link NpsScorer#score}: the overall estimate and one estimate per group, sorted by key.
 *
 * @param weighting the weighting's label, e.g. {@code role+account-equal}
 * @param dedupe the de-duplication rule applied
 * @param fields the grouping fields' names (empty when not grouped)
 * @param overall all responses scored as one group; empty when the responses mix episode types that the caller
 *        grouped by episode rather than mixing them deliberately
 * @param groups one entry per group, sorted by key
 * @since 0.1.0
 */
public record GroupedNps(String weighting, Dedupe dedupe, List<String> fields, Optional<Group> overall,
        List<Group> groups) {

    /** Copies the lists. */
    public GroupedNps {
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(dedupe, "dedupe");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(groups, "groups");
        fields = List.copyOf(fields);
        groups = List.copyOf(groups);
    }

    /**
     * Finds a group by its values.
     *
     * @param values the value of each field, in field order
     * @return the group, if present
     */
    public Optional<Group> group(String... values) {
        List<String> v = List.of(values);
        return groups.stream().filter(g -> g.key().values().equals(v)).findFirst();
    }

    /**
     * One group's estimate with its weighted responses.
     *
     * @param key the key
     * @param estimate the estimate
     * @param data the weighted responses behind the estimate
     */
    public record Group(GroupKey key, NpsEstimate estimate, WeightedGroup data) {

        /**
         * Checks that no component is null.
         *
         * @throws NullPointerException naming a null component
         */
        public Group {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(estimate, "estimate");
            Objects.requireNonNull(data, "data");
        }
    }
}
