package io.github.nps4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Overall and grouped estimates without the responses behind them: what the columnar
 * ({@code io.github.nps4j.core.table.TableScorer}) and streaming ({@code io.github.nps4j.core.csv.StreamingScorer})
 * scorers return, and what {@link #of(GroupedNps)} makes of an {@link NpsScorer} result, so that one printer serves
 * all three.
 *
 * <p>Value-based and immutable. Example usage:
 * <pre>{@code
 * GroupedEstimates byRole = GroupedEstimates.of(scorer.score(responses));
 * byRole.group("decision-maker").ifPresent(e -> System.out.println(e.nps()));
 * }</pre>
 *
 * @param weighting the weighting's label, e.g. {@code role+account-equal}
 * @param dedupe the de-duplication rule applied
 * @param fields the grouping fields' names (empty when not grouped)
 * @param overall all responses scored as one group; empty when episode types are mixed but grouped by episode (as
 *        {@link NpsScorer})
 * @param groups one entry per group, sorted by key
 * @since 0.1.0
 */
public record GroupedEstimates(String weighting, Dedupe dedupe, List<String> fields, Optional<NpsEstimate> overall,
        List<Entry> groups) {

    /**
     * Copies the lists and checks that groups are sorted by key without repeats.
     *
     * @throws IllegalArgumentException if the groups are not sorted or a key repeats
     */
    public GroupedEstimates {
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(dedupe, "dedupe");
        Objects.requireNonNull(overall, "overall");
        fields = List.copyOf(fields);
        groups = List.copyOf(groups);
        for (int i = 1; i < groups.size(); i++) {
            if (groups.get(i - 1).key().compareTo(groups.get(i).key()) >= 0) {
                throw new IllegalArgumentException("groups are not sorted by key at " + groups.get(i).key());
            }
        }
    }

    /**
     * Returns the estimates of a {@link NpsScorer} result, dropping the responses behind them.
     *
     * @param result the result
     * @return its estimates
     */
    public static GroupedEstimates of(GroupedNps result) {
        Objects.requireNonNull(result, "result");
        List<Entry> entries = new ArrayList<>(result.groups().size());
        for (GroupedNps.Group g : result.groups()) {
            entries.add(new Entry(g.key(), g.estimate()));
        }
        return new GroupedEstimates(result.weighting(), result.dedupe(), result.fields(),
                result.overall().map(GroupedNps.Group::estimate), entries);
    }

    /**
     * Finds a group by its values.
     *
     * @param values the value of each field, in field order
     * @return the group's estimate, if the group is present
     */
    public Optional<NpsEstimate> group(String... values) {
        List<String> v = List.of(values);
        return groups.stream().filter(g -> g.key().values().equals(v)).map(Entry::estimate).findFirst();
    }

    /**
     * One group's key and estimate.
     *
     * @param key the key
     * @param estimate the estimate
     */
    public record Entry(GroupKey key, NpsEstimate estimate) {
        /** Checks for nulls. */
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(estimate, "estimate");
        }
    }
}
