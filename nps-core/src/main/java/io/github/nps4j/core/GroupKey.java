package io.github.nps4j.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key of one group: the value of each grouping field, in the order the fields were given. Keys sort by their
 * values, field by field (so periods sort chronologically).
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
