package io.github.nps4j.core.csv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Renames columns: maps nps4j's column name to the name the export actually uses, so that a survey tool's export can
 * be read without editing its header. Example: {@code score=Q1_NPS,account_id=ExternalReference} reads the score from
 * the column {@code Q1_NPS} and the account id from {@code ExternalReference}.
 *
 * <p>An entry without prefix maps {@code responses.csv}, and the other files too where their header has the mapped
 * name; an entry prefixed {@code accounts.}, {@code contacts.} or {@code invitations.} (or {@code responses.}) maps
 * that file only and wins there, e.g. {@code accounts.account_id=Account ID}. A column is looked up under the
 * file's own entry, then the unprefixed entry, then (for {@code responses.csv}) the preset's name, then its own name:
 * the first of these the header has is read. Column names may contain spaces and {@code ?}. Keys may also be {@code attr:<name>} (read attribute {@code <name>} of
 * {@code responses.csv} from the given column) or {@code seg:<name>} (read segment {@code <name>} of
 * {@code accounts.csv} from the given column); header columns starting with {@code attr:} or {@code seg:} that are
 * not the target of any mapping are still read as attributes or segments. Names are compared after stripping
 * surrounding blanks, case-sensitively.
 *
 * <p>Value-based and immutable. Example usage:
 * <pre>{@code
 * ColumnMapping m = ColumnMapping.parse("score=Q1_NPS, account_id=ExternalReference, attr:delivery=Q3");
 * }</pre>
 *
 * @param columns nps4j's column name → the export's column name, in the order given
 * @since 0.1.0
 */
public record ColumnMapping(Map<String, String> columns) {
    private static final ColumnMapping NONE = new ColumnMapping(Map.of());

    /**
     * Validates and copies the mapping; keys and values are stripped of surrounding blanks.
     *
     * @throws IllegalArgumentException if a key is not one of nps4j's column names (listed in the message) nor an
     *         {@code attr:<name>} or {@code seg:<name>} column, or a key or value is blank, or two keys are equal
     *         after stripping
     */
    public ColumnMapping {
        Objects.requireNonNull(columns, "columns");
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : columns.entrySet()) {
            String key = Objects.requireNonNull(e.getKey(), "column name").strip();
            String value = Objects.requireNonNull(e.getValue(), "export column name of " + key).strip();
            checkKey(key);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("column mapping of '" + key + "' names a blank export column");
            }
            if (copy.put(key, value) != null) {
                throw new IllegalArgumentException("column '" + key + "' is mapped twice");
            }
        }
        columns = Collections.unmodifiableMap(copy);
    }

    /** Prefixes of entries that map one file only. */
    static final List<String> FILE_PREFIXES = List.of("responses.", "accounts.", "contacts.", "invitations.");

    /** Prefix of entries that rename a column of a {@link NumericTable}: any name may follow it. */
    static final String TABLE_PREFIX = "table.";

    private static void checkKey(String fullKey) {
        if (fullKey.startsWith(TABLE_PREFIX)) {
            if (fullKey.substring(TABLE_PREFIX.length()).isBlank()) {
                throw new IllegalArgumentException("column name '" + fullKey + "' lacks a name after '"
                        + TABLE_PREFIX + "'");
            }
            return;
        }
        String key = fullKey;
        for (String p : FILE_PREFIXES) {
            if (fullKey.startsWith(p)) {
                key = fullKey.substring(p.length()).strip();
                break;
            }
        }
        if (ColumnNames.ALL.contains(key)) {
            return;
        }
        for (String prefix : new String[] {ColumnNames.ATTR, ColumnNames.SEG, ColumnNames.COMPETITOR,
            ColumnNames.OUTCOME}) {
            if (key.startsWith(prefix)) {
                if (key.substring(prefix.length()).isBlank()) {
                    throw new IllegalArgumentException("column name '" + key + "' lacks a name after '" + prefix + "'");
                }
                return;
            }
        }
        throw new IllegalArgumentException("unknown column '" + fullKey + "' in column mapping; expected one of "
                + new TreeSet<>(ColumnNames.ALL) + " or attr:<name>, competitor:<name>, seg:<name>, outcome:renewed or outcome:revenue_growth, optionally prefixed by "
                + String.join(", ", FILE_PREFIXES) + " to map one file only, or table.<name> for any column of a "
                + "numeric table (nps drivers --table)");
    }

    /**
     * Returns the mapping that renames nothing.
     *
     * @return the identity mapping
     */
    public static ColumnMapping none() {
        return NONE;
    }

    /**
     * Returns a mapping of the given pairs.
     *
     * @param columns nps4j's column name → the export's column name
     * @return the mapping
     * @throws IllegalArgumentException as {@link #ColumnMapping(Map)}
     */
    public static ColumnMapping of(Map<String, String> columns) {
        return new ColumnMapping(columns);
    }

    /**
     * Parses a mapping written as comma-separated {@code ours=theirs} pairs, e.g.
     * {@code score=Q1_NPS,account_id=ExternalReference}. Blanks around names are ignored; an empty text is the
     * identity mapping. Export column names containing {@code ,} or {@code =} cannot be written this way; use
     * {@link #of(Map)}.
     *
     * @param spec the pairs
     * @return the mapping
     * @throws IllegalArgumentException if a pair lacks its {@code =}, or as {@link #ColumnMapping(Map)}
     */
    public static ColumnMapping parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        Map<String, String> map = new LinkedHashMap<>();
        if (spec.isBlank()) {
            return none();
        }
        for (String pair : spec.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0 || pair.indexOf('=', eq + 1) >= 0) {
                throw new IllegalArgumentException(
                        "column mapping entry '" + pair.strip() + "' is not of the form ours=theirs");
            }
            String key = pair.substring(0, eq).strip();
            if (map.put(key, pair.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("column '" + key + "' is mapped twice");
            }
        }
        return new ColumnMapping(map);
    }

    /**
     * Returns the export's name of one of nps4j's columns.
     *
     * @param column nps4j's column name, e.g. {@code score} or {@code attr:delivery}
     * @return the mapped name, or {@code column} itself when it is not mapped
     */
    public String exportName(String column) {
        return columns.getOrDefault(column, column);
    }

    /**
     * Tells whether an export column is the target of some mapping entry (of any file).
     *
     * @param exportColumn an export column name, stripped
     * @return whether some entry maps to it
     */
    boolean isTarget(String exportColumn) {
        return columns.containsValue(exportColumn);
    }
}
