package io.github.nps4j.core.csv;

import io.github.nps4j.core.Role;
import io.github.nps4j.core.RolePolicy;
import io.github.nps4j.core.Tier;
import java.text.DecimalFormatSymbols;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The typed fields as {@link ReadOptions} read them, shared by {@link ReadSession} and {@link StreamingScorer} so
 * that both read a file to the same values: blank scores, survey-tool scale labels, date formats besides ISO,
 * localised numbers, role and tier aliases. It also counts what the {@link ImportReport} tells (blank scores,
 * unknown roles and tiers). Input is stripped. Every failure is an {@link IllegalArgumentException} whose message is
 * the reason shown to the user. Not thread-safe: one per read.
 */
final class Fields {
    private static final Set<Tier> KNOWN_TIERS = Set.of(Tier.DIRECT, Tier.DISTRIBUTOR, Tier.RETAILER, Tier.END_USER);

    private final ReadOptions options;
    private final boolean scaleLabels;
    private final List<DateTimeFormatter> formatters;
    private final Map<String, Tier> tierAliases = new HashMap<>();
    private final char decimal;
    private final char grouping;
    long blankScores;
    final Map<String, Long> unknownRoles = new TreeMap<>();
    final Map<String, Long> unknownTiers = new TreeMap<>();

    Fields(ReadOptions options) {
        this.options = options;
        this.scaleLabels = options.preset().orElse(null) == ReadOptions.Preset.SURVEYMONKEY;
        this.formatters = options.formatters();
        options.tierAliases().forEach((k, v) -> tierAliases.put(Aliases.key(k), v));
        Locale locale = options.numberLocale().orElse(null);
        if (locale == null) {
            decimal = '.';
            grouping = 0;
        } else {
            DecimalFormatSymbols sym = DecimalFormatSymbols.getInstance(locale);
            decimal = sym.getDecimalSeparator();
            char g = sym.getGroupingSeparator();
            grouping = Character.isSpaceChar(g) ? ' ' : g;
        }
    }

    /** Whether every field is read exactly as {@link FieldParser} reads it (the streaming fast paths apply). */
    boolean plain() {
        return !scaleLabels && formatters.isEmpty();
    }

    /** A 0–10 score, or −1 for a blank one (a skipped question, counted). */
    int score(String s) {
        if (s.isEmpty()) {
            blankScores++;
            return -1;
        }
        if (scaleLabels) {
            int dash = s.indexOf(" - ");
            if (dash > 0) {
                String n = s.substring(0, dash).strip();
                if (n.equals("0") || n.equals("10")) {
                    return Integer.parseInt(n);
                }
            }
        }
        return FieldParser.score(s);
    }

    /** An ISO-8601 date or date-time, or one of the configured formats. */
    LocalDateTime dateTime(String s) {
        try {
            return FieldParser.dateTime(s);
        } catch (IllegalArgumentException iso) {
            for (DateTimeFormatter f : formatters) {
                try {
                    TemporalAccessor t = f.parseBest(s, LocalDateTime::from, LocalDate::from);
                    return t instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) t;
                } catch (DateTimeException e) {
                    // try the next format
                }
            }
            if (formatters.isEmpty()) {
                if (!iso.getMessage().startsWith("is not an ISO-8601")) {
                    throw iso; // e.g. 2026-02-30: ISO in shape, not a valid date
                }
                throw new IllegalArgumentException(iso.getMessage() + ", or pass its format (--date-format, e.g. "
                        + "dd.MM.yyyy)");
            }
            throw new IllegalArgumentException("is neither an ISO-8601 date or date-time nor of the date format(s) "
                    + options.dateFormats());
        }
    }

    LocalDate date(String s) {
        if (formatters.isEmpty()) {
            return FieldParser.date(s);
        }
        return dateTime(s).toLocalDate();
    }

    /** A finite number, in the configured locale. */
    double number(String s) {
        if (grouping == 0) {
            try {
                return FieldParser.number(s);
            } catch (IllegalArgumentException e) {
                if (s.indexOf(',') >= 0) {
                    throw new IllegalArgumentException(e.getMessage() + "; for numbers written as 7,5 or "
                            + "1.200.000,50 pass their locale (--locale de-DE)");
                }
                throw e;
            }
        }
        int decimalAt = s.indexOf(decimal);
        String whole = decimalAt < 0 ? s : s.substring(0, decimalAt);
        String fraction = decimalAt < 0 ? "" : s.substring(decimalAt + 1);
        if (fraction.indexOf(decimal) >= 0 || decimal != '.' && s.indexOf('.') >= 0 && grouping != '.') {
            throw notLocalNumber();
        }
        int sign = !whole.isEmpty() && (whole.charAt(0) == '-' || whole.charAt(0) == '+') ? 1 : 0;
        StringBuilder sb = new StringBuilder(s.length()).append(whole, 0, sign);
        int group = 0;
        boolean grouped = false;
        for (int i = sign; i < whole.length(); i++) {
            char c = whole.charAt(i);
            if (c == grouping || grouping == ' ' && Character.isSpaceChar(c)) {
                // 1.200.000: the first group has 1-3 digits, every later one exactly 3
                if (group == 0 || group > 3 || grouped && group != 3) {
                    throw notLocalNumber();
                }
                grouped = true;
                group = 0;
            } else {
                sb.append(c);
                group++;
            }
        }
        if (grouped && group != 3) {
            throw notLocalNumber();
        }
        if (decimalAt >= 0) {
            sb.append('.').append(fraction);
        }
        try {
            return FieldParser.number(sb.toString());
        } catch (IllegalArgumentException e) {
            throw notLocalNumber();
        }
    }

    private IllegalArgumentException notLocalNumber() {
        Locale l = options.numberLocale().orElseThrow();
        String example = "1" + (grouping == ' ' ? "\u00a0" : String.valueOf(grouping)) + "200" + grouping + "000"
                + decimal + "50";
        if (grouping == ' ') {
            example = "1 200 000" + decimal + "50";
        }
        return new IllegalArgumentException("is not a number as written in " + l.toLanguageTag() + "; expected e.g. "
                + example + " or 7" + decimal + "5");
    }

    /** A role through the policy's aliases; unknown roles are errors under strict roles. */
    Role role(String s) {
        RolePolicy policy = options.roles();
        Role r = policy.resolve(s);
        if (options.strictRoles() && !policy.knows(r)) {
            throw new IllegalArgumentException("role '" + s + "' maps to no known role (decision-maker, influencer, "
                    + "user, gatekeeper or an alias); map it with a role alias (--role-map \"" + s
                    + "=decision-maker\", or =influencer, =user, =gatekeeper) or drop --strict-roles to keep it as a "
                    + "custom role");
        }
        return r;
    }

    /** Counts one accepted row carrying a role. */
    void countRole(Role r) {
        if (!options.roles().knows(r)) {
            unknownRoles.merge(r.name(), 1L, Long::sum);
        }
    }

    /** A tier through the tier aliases. */
    Tier tier(String s) {
        Tier t = tierAliases.get(Aliases.key(s));
        return t != null ? t : Tier.of(s);
    }

    /** Counts one accepted account of a tier. */
    void countTier(Tier t) {
        if (!KNOWN_TIERS.contains(t) && !tierAliases.containsValue(t)) {
            unknownTiers.merge(t.name(), 1L, Long::sum);
        }
    }

    ImportReport report(List<String> notes) {
        return new ImportReport(blankScores, unknownRoles, unknownTiers, notes);
    }
}
