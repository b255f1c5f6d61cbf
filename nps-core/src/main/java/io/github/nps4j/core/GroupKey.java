package io.github.nps4j.core;

import java.util.Objects;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key of one group: the value of each grouping field, in the order the fields were given. Keys sort by their
 * values, field by field (so periods sort chronologically).
 *
 * <p>Typed access needs no field-name strings: {@link #role()}, {@link #tier()}, {@link #episode()},
 * {@link #account()}, {@link #period()} and {@link #segment(String)} return the group's value of that field, or empty
 * when the key has no such field or the group holds the responses without a value ({@value GroupField#NONE}).
 * Example usage:
 * <pre>{@code
 * for (GroupedNps.Group g : NpsScorer.builder().groupBy(GroupField.ROLE).build().score(responses).groups()) {
 *     String role = g.key().role().map(Role::name).orElse("no role");
 *     System.out.println(role + " " + g.estimate().nps());
 * }
 * }</pre>
 *
 * @param fields the grouping fields' names, e.g. {@code [role, period:quarter]}
 * @param values the group's value of each field, e.g. {@code [user, 2026-Q1]}
 * @since 0.1.0
 */
public record GroupKey(List<String> fields, List<String> values) implements Comparable<GroupKey> {
    /**
     * Copies and checks the lists.
     *
     * @throws IllegalArgumentException if the lists differ in length
     */
    public GroupKey {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(values, "values");
        fields = List.copyOf(fields);
        values = List.copyOf(values);
        if (fields.size() != values.size()) {
            throw new IllegalArgumentException("group key has " + fields.size() + " fields but " + values.size()
                    + " values");
        }
    }

    /**
     * Returns the key as a map from field name to value, in field order.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            m.put(fields.get(i), values.get(i));
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Returns the value of one field.
     *
     * @param field the field name
     * @return its value
     * @throws IllegalArgumentException if the key has no such field
     */
    public String get(String field) {
        int i = fields.indexOf(field);
        if (i < 0) {
            throw new IllegalArgumentException("group key has no field '" + field + "'; it has " + fields);
        }
        return values.get(i);
    }

    /**
     * Returns the group's value of a field, if the key has that field.
     *
     * @param field the field
     * @return its value as {@link GroupField#valueOf} spells it (possibly {@value GroupField#NONE}), or empty when the
     *     key was not grouped by that field
     */
    public Optional<String> value(GroupField field) {
        int i = fields.indexOf(field.name());
        return i < 0 ? Optional.empty() : Optional.of(values.get(i));
    }

    /**
     * Tells whether the key was grouped by a field.
     *
     * @param field the field
     * @return true when the field is one of the key's fields
     */
    public boolean has(GroupField field) {
        return fields.contains(field.name());
    }

    private Optional<String> known(GroupField field) {
        return value(field).filter(v -> !v.equals(GroupField.NONE));
    }

    /**
     * Returns the group's role.
     *
     * @return the role, or empty when the key is not grouped by {@link GroupField#ROLE} or the group holds answers
     *     without a role
     */
    public Optional<Role> role() {
        return known(GroupField.ROLE).map(Role::of);
    }

    /**
     * Returns the group's channel tier.
     *
     * @return the tier, or empty when the key is not grouped by {@link GroupField#TIER}
     */
    public Optional<Tier> tier() {
        return known(GroupField.TIER).map(Tier::of);
    }

    /**
     * Returns the group's episode type.
     *
     * @return the episode type, or empty when the key is not grouped by {@link GroupField#EPISODE}
     */
    public Optional<EpisodeType> episode() {
        return known(GroupField.EPISODE).map(EpisodeType::of);
    }

    /**
     * Returns the group's account id.
     *
     * @return the account id, or empty when the key is not grouped by {@link GroupField#ACCOUNT}
     */
    public Optional<String> account() {
        return known(GroupField.ACCOUNT);
    }

    /**
     * Returns the group's period label ({@code 2026-01}, {@code 2026-Q1} or {@code 2026}) of the first period field.
     *
     * @return the label, or empty when the key is not grouped by a {@link GroupField#period(PeriodUnit) period}
     */
    public Optional<String> period() {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).startsWith("period:")) {
                return Optional.of(values.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the group's value of a segment tag.
     *
     * @param segment the tag name, e.g. {@code region}
     * @return the value, or empty when the key is not grouped by {@link GroupField#segment(String) that segment} or the
     *     group holds accounts without the tag
     * @throws IllegalArgumentException if the segment name is not a valid name
     */
    public Optional<String> segment(String segment) {
        return known(GroupField.segment(segment));
    }

    @Override
    public int compareTo(GroupKey o) {
        for (int i = 0; i < Math.min(values.size(), o.values.size()); i++) {
            int c = values.get(i).compareTo(o.values.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(values.size(), o.values.size());
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
