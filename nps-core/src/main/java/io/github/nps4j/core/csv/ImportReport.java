package io.github.nps4j.core.csv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an import left out or read with a doubt, beside the bad rows: responses whose score was blank (a skipped
 * question: left out and counted, not an error), roles and tiers that map to nothing known (kept as custom names,
 * with their row counts), and notes on the consequences of skipped rows in lenient mode (e.g. an account dropped
 * for a bad {@code annual_value}, which leaves revenue at risk incomplete).
 *
 * <p>Every output that shows figures from an import should show {@link #messages()} (or the fields one by one).
 * Value-based and immutable.
 *
 * @param blankScores the responses left out because their score was blank
 * @param unknownRoles role names that map to no known role (see {@link io.github.nps4j.core.RolePolicy#knows}) →
 *        the number of rows (contacts and responses) that carry them, sorted by name
 * @param unknownTiers tier names that are not one of the well-known tiers nor an alias → rows, sorted by name
 * @param notes sentences on what skipped rows leave out, in file order
 * @since 0.1.0
 */
public record ImportReport(long blankScores, Map<String, Long> unknownRoles, Map<String, Long> unknownTiers,
        List<String> notes) {
    private static final ImportReport EMPTY = new ImportReport(0, Map.of(), Map.of(), List.of());

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public ImportReport {
        if (blankScores < 0) {
            throw new IllegalArgumentException("blankScores " + blankScores + " must be >= 0");
        }
        unknownRoles = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(unknownRoles, "unknownRoles")));
        unknownTiers = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(unknownTiers, "unknownTiers")));
        notes = List.copyOf(notes);
    }

    /**
     * Returns the report of an import with nothing to say.
     *
     * @return the empty report
     */
    public static ImportReport empty() {
        return EMPTY;
    }

    /**
     * Tells whether there is nothing to report.
     *
     * @return true when no score was blank, every role and tier is known and there are no notes
     */
    public boolean isEmpty() {
        return blankScores == 0 && unknownRoles.isEmpty() && unknownTiers.isEmpty() && notes.isEmpty();
    }

    /**
     * Describes the report in sentences, one per line: blank scores, unknown roles and tiers with their counts, then
     * the notes. Empty when {@link #isEmpty()}.
     *
     * @return the messages
     */
    public List<String> messages() {
        List<String> out = new ArrayList<>();
        if (blankScores > 0) {
            out.add(blankScores + " response(s) with a blank score (a skipped question) left out");
        }
        if (!unknownRoles.isEmpty()) {
            out.add("role(s) that map to no known role, kept as custom roles with the default weight: "
                    + counts(unknownRoles) + "; map them with a role alias (--role-map \"Name=decision-maker\")"
                    + " or refuse them (--strict-roles)");
        }
        if (!unknownTiers.isEmpty()) {
            out.add("tier(s) that are not direct, distributor, retailer or end-user, kept as custom tiers: "
                    + counts(unknownTiers) + "; map them with a tier alias (--tier-map \"Name=distributor\")");
        }
        out.addAll(notes);
        return List.copyOf(out);
    }

    private static String counts(Map<String, Long> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(" (").append(v)
                .append(v == 1 ? " row)" : " rows)"));
        return sb.toString();
    }
}
