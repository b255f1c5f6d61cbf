package io.github.nps4j.core.csv;

import io.github.nps4j.core.Role;
import io.github.nps4j.core.RolePolicy;
import io.github.nps4j.core.Tier;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to read an export: the one reader configuration shared by {@link PortfolioReader} and {@link StreamingScorer},
 * so both read the same files to the same figures.
 *
 * <ul>
 * <li>{@link Preset preset}: a survey tool's layout (rows to skip, id and date columns, date formats, scale
 * labels);</li>
 * <li>{@link ColumnMapping column mapping}, with {@code accounts.}/{@code contacts.}/{@code invitations.} entries for
 * the other files;</li>
 * <li>delimiter: {@code ,}, {@code ;} or tab, or detected from the header row (the default);</li>
 * <li>charset: UTF-8 by default; e.g. {@code windows-1252} for files saved by Excel on Windows;</li>
 * <li>date formats tried after ISO-8601 ({@link DateTimeFormatter} patterns such as {@code dd.MM.yyyy});</li>
 * <li>number locale for {@code annual_value} and {@code attr:} columns ({@code de-DE} reads {@code 1.200.000,50});
 * by default plain {@code 1200000.50};</li>
 * <li>role aliases (a {@link RolePolicy}; by default {@link RolePolicy#defaults()} with its built-in CRM words) and
 * tier aliases; whether roles that map to nothing known are errors ({@link Builder#strictRoles}) or kept with a
 * warning (the default);</li>
 * <li>{@link PortfolioReader.Mode strict or lenient} handling of bad rows.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. Example usage (a German Excel file with CRM role words):
 * <pre>{@code
 * ReadOptions options = ReadOptions.builder()
 *         .charset(Charset.forName("windows-1252"))
 *         .dateFormats(List.of("dd.MM.yyyy"))
 *         .numberLocale(Locale.GERMANY)
 *         .roles(RolePolicy.defaults().plusAliases(Map.of("Entscheider", Role.DECISION_MAKER)))
 *         .build();
 * ReadResult result = PortfolioReader.of(options).read(responses, accounts, contacts, null);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ReadOptions {
    private static final ReadOptions DEFAULTS = builder().build();

    /** A survey tool's export layout. */
    public enum Preset {
        /**
         * Qualtrics CSV: header row, then a question-text row and an {@code {"ImportId":…}} row (both skipped);
         * {@code ResponseId} is the response id, {@code RecordedDate} ({@code yyyy-MM-dd HH:mm:ss}) the answer time;
         * the {@code Q…_NPS_GROUP} helper column is never read as the score.
         */
        QUALTRICS("qualtrics", Map.of(ColumnNames.RESPONSE_ID, "ResponseId", ColumnNames.ANSWERED_AT,
                "RecordedDate"), List.of("yyyy-MM-dd HH:mm:ss")),
        /**
         * SurveyMonkey CSV: header row, then an answer-option row (skipped); {@code Respondent ID} is the response
         * id, {@code End Date} ({@code MM/dd/yyyy hh:mm:ss a}) the answer time; the scale-end labels
         * {@code 0 - Not at all likely} and {@code 10 - Extremely likely} are read as 0 and 10.
         */
        SURVEYMONKEY("surveymonkey", Map.of(ColumnNames.RESPONSE_ID, "Respondent ID", ColumnNames.ANSWERED_AT,
                "End Date"), List.of("MM/dd/yyyy hh:mm:ss a", "MM/dd/yyyy"));

        private final String label;
        private final Map<String, String> columns;
        private final List<String> dateFormats;

        Preset(String label, Map<String, String> columns, List<String> dateFormats) {
            this.label = label;
            this.columns = columns;
            this.dateFormats = dateFormats;
        }

        /**
         * Returns the name used on the command line.
         *
         * @return {@code qualtrics} or {@code surveymonkey}
         */
        public String label() {
            return label;
        }

        /**
         * Returns the columns this tool names itself (nps4j's name → the tool's), used where the mapping does not
         * name them.
         *
         * @return the preset's column mapping of {@code responses.csv}
         */
        public Map<String, String> columns() {
            return columns;
        }

        /**
         * Returns the date formats of the tool's answer times, tried after ISO-8601.
         *
         * @return {@link DateTimeFormatter} patterns
         */
        public List<String> dateFormats() {
            return dateFormats;
        }

        /**
         * Reads a preset by name, ignoring case.
         *
         * @param name {@code qualtrics} or {@code surveymonkey}
         * @return the preset
         * @throws IllegalArgumentException for any other name, listing the presets
         */
        public static Preset parse(String name) {
            Objects.requireNonNull(name, "name");
            for (Preset p : values()) {
                if (p.label.equalsIgnoreCase(name.strip())) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown preset '" + name + "'; expected qualtrics or surveymonkey");
        }
    }

    private final @Nullable Preset preset;
    private final ColumnMapping columns;
    private final @Nullable Character delimiter;
    private final Charset charset;
    private final List<String> dateFormats;
    private final List<DateTimeFormatter> formatters;
    private final @Nullable Locale numberLocale;
    private final RolePolicy roles;
    private final Map<String, Tier> tierAliases;
    private final boolean strictRoles;
    private final PortfolioReader.Mode mode;

    private ReadOptions(Builder b) {
        this.preset = b.preset;
        this.columns = b.columns;
        this.delimiter = b.delimiter;
        this.charset = b.charset;
        List<String> formats = new ArrayList<>(b.dateFormats);
        if (preset != null) {
            for (String f : preset.dateFormats()) {
                if (!formats.contains(f)) {
                    formats.add(f);
                }
            }
        }
        this.dateFormats = List.copyOf(formats);
        List<DateTimeFormatter> fs = new ArrayList<>();
        for (String f : dateFormats) {
            fs.add(DateTimeFormatter.ofPattern(f, Locale.US));
        }
        this.formatters = List.copyOf(fs);
        this.numberLocale = b.numberLocale;
        this.roles = b.roles;
        this.tierAliases = Collections.unmodifiableMap(new LinkedHashMap<>(b.tierAliases));
        this.strictRoles = b.strictRoles;
        this.mode = b.mode;
    }

    /**
     * Returns the defaults: no preset, no mapping, delimiter detected, UTF-8, ISO-8601 dates, plain numbers,
     * {@link RolePolicy#defaults()}, no tier aliases, unknown roles kept with a warning, strict mode.
     *
     * @return the default options
     */
    public static ReadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder with the {@link #defaults()}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding these options.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.preset = preset;
        b.columns = columns;
        b.delimiter = delimiter;
        b.charset = charset;
        b.dateFormats = new ArrayList<>(dateFormats);
        b.numberLocale = numberLocale;
        b.roles = roles;
        b.tierAliases = new LinkedHashMap<>(tierAliases);
        b.strictRoles = strictRoles;
        b.mode = mode;
        return b;
    }

    /**
     * Returns the survey tool's layout, if any.
     *
     * @return the preset
     */
    public Optional<Preset> preset() {
        return Optional.ofNullable(preset);
    }

    /**
     * Returns the column mapping given (without the preset's columns).
     *
     * @return the mapping
     */
    public ColumnMapping columnMapping() {
        return columns;
    }

    /**
     * Returns the field delimiter, or empty when it is detected from each file's header row.
     *
     * @return {@code ,}, {@code ;} or tab, or empty for detection
     */
    public Optional<Character> delimiter() {
        return Optional.ofNullable(delimiter);
    }

    /**
     * Returns the charset files given by path are read in.
     *
     * @return the charset
     */
    public Charset charset() {
        return charset;
    }

    /**
     * Returns the date formats tried after ISO-8601, the preset's included.
     *
     * @return {@link DateTimeFormatter} patterns in the order tried
     */
    public List<String> dateFormats() {
        return dateFormats;
    }

    /**
     * Returns the locale of numbers in {@code annual_value} and {@code attr:} columns, or empty for plain
     * {@code 1200000.50}.
     *
     * @return the locale
     */
    public Optional<Locale> numberLocale() {
        return Optional.ofNullable(numberLocale);
    }

    /**
     * Returns the role policy whose aliases read role names and whose roles count as known.
     *
     * @return the policy
     */
    public RolePolicy roles() {
        return roles;
    }

    /**
     * Returns the tier aliases (spelling → tier; case, spaces, {@code _} and {@code -} ignored).
     *
     * @return the aliases
     */
    public Map<String, Tier> tierAliases() {
        return tierAliases;
    }

    /**
     * Tells whether a role that maps to nothing known is a bad row (instead of a custom role with a warning).
     *
     * @return whether unknown roles are errors
     */
    public boolean strictRoles() {
        return strictRoles;
    }

    /**
     * Returns what to do with bad rows.
     *
     * @return strict or lenient
     */
    public PortfolioReader.Mode mode() {
        return mode;
    }

    /** The formatters of {@link #dateFormats()}. */
    List<DateTimeFormatter> formatters() {
        return formatters;
    }

    /** The name under which a file's column is looked up, in order of preference. */
    List<String> candidates(FileKind file, String column) {
        List<String> out = new ArrayList<>(3);
        String own = columns.columns().get(file.prefix() + column);
        if (own != null) {
            out.add(own);
        }
        String plain = columns.columns().get(column);
        if (plain != null && !out.contains(plain)) {
            out.add(plain);
        }
        if (preset != null && file == FileKind.RESPONSES) {
            String p = preset.columns().get(column);
            if (p != null && !out.contains(p)) {
                out.add(p);
            }
        }
        if (!out.contains(column)) {
            out.add(column);
        }
        return out;
    }

    /**
     * Describes the options that differ from the defaults.
     *
     * @return e.g. {@code ReadOptions[preset=qualtrics, delimiter=;]}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ReadOptions[mode=").append(mode);
        if (preset != null) {
            sb.append(", preset=").append(preset.label());
        }
        if (!columns.columns().isEmpty()) {
            sb.append(", columns=").append(columns.columns());
        }
        sb.append(", delimiter=").append(delimiter == null ? "auto" : delimiter == '\t' ? "tab" : delimiter)
                .append(", charset=").append(charset.name());
        if (!dateFormats.isEmpty()) {
            sb.append(", dateFormats=").append(dateFormats);
        }
        if (numberLocale != null) {
            sb.append(", numberLocale=").append(numberLocale.toLanguageTag());
        }
        if (!tierAliases.isEmpty()) {
            sb.append(", tierAliases=").append(tierAliases);
        }
        return sb.append(", strictRoles=").append(strictRoles).append(']').toString();
    }

    /** The four files, with the prefix of their mapping entries. */
    enum FileKind {
        RESPONSES("responses."), ACCOUNTS("accounts."), CONTACTS("contacts."), INVITATIONS("invitations."),
        /** Any numeric table ({@link NumericTable}). */
        TABLE("table.");

        private final String prefix;

        FileKind(String prefix) {
            this.prefix = prefix;
        }

        String prefix() {
            return prefix;
        }
    }

    /** A builder of {@link ReadOptions}; validates eagerly; not thread-safe. */
    public static final class Builder {
        private @Nullable Preset preset;
        private ColumnMapping columns = ColumnMapping.none();
        private @Nullable Character delimiter;
        private Charset charset = StandardCharsets.UTF_8;
        private List<String> dateFormats = new ArrayList<>();
        private @Nullable Locale numberLocale;
        private RolePolicy roles = RolePolicy.defaults();
        private Map<String, Tier> tierAliases = new LinkedHashMap<>();
        private boolean strictRoles;
        private PortfolioReader.Mode mode = PortfolioReader.Mode.STRICT;

        private Builder() {
        }

        /**
         * Sets the survey tool's layout.
         *
         * @param p the preset, or {@code null} for none
         * @return this builder
         */
        public Builder preset(@Nullable Preset p) {
            this.preset = p;
            return this;
        }

        /**
         * Sets the column mapping.
         *
         * @param mapping nps4j's names → the export's
         * @return this builder
         */
        public Builder columnMapping(ColumnMapping mapping) {
            this.columns = Objects.requireNonNull(mapping, "mapping");
            return this;
        }

        /**
         * Sets the field delimiter.
         *
         * @param d {@code ','}, {@code ';'} or {@code '\t'}, or {@code null} to detect it from each header row
         * @return this builder
         * @throws IllegalArgumentException for any other character
         */
        public Builder delimiter(@Nullable Character d) {
            if (d != null && d != ',' && d != ';' && d != '\t') {
                throw new IllegalArgumentException("delimiter '" + d + "' is not supported; expected , or ; or tab");
            }
            this.delimiter = d;
            return this;
        }

        /**
         * Reads a delimiter as written on the command line: {@code auto}, {@code ,}, {@code ;}, {@code tab}.
         *
         * @param text the delimiter's name
         * @return this builder
         * @throws IllegalArgumentException for anything else
         */
        public Builder delimiter(String text) {
            Objects.requireNonNull(text, "text");
            return switch (text.equals("\t") ? "tab" : text.strip().toLowerCase(Locale.ROOT)) {
                case "auto" -> delimiter((Character) null);
                case "," , "comma" -> delimiter(',');
                case ";", "semicolon" -> delimiter(';');
                case "tab", "\\t" -> delimiter('\t');
                default -> throw new IllegalArgumentException("delimiter '" + text
                        + "' is not supported; expected auto, ',', ';' or tab");
            };
        }

        /**
         * Sets the charset of files read by path (readers given by the caller are already characters).
         *
         * @param cs e.g. UTF-8 (the default), windows-1252, ISO-8859-1
         * @return this builder
         */
        public Builder charset(Charset cs) {
            this.charset = Objects.requireNonNull(cs, "charset");
            return this;
        }

        /**
         * Sets the date formats tried, in order, after ISO-8601 for {@code answered_at} and {@code invited_at}.
         *
         * @param patterns {@link DateTimeFormatter} patterns, e.g. {@code dd.MM.yyyy} or {@code MM/dd/yyyy HH:mm}
         * @return this builder
         * @throws IllegalArgumentException if a pattern is not a valid {@link DateTimeFormatter} pattern
         */
        public Builder dateFormats(List<String> patterns) {
            List<String> copy = new ArrayList<>();
            for (String p : Objects.requireNonNull(patterns, "patterns")) {
                Objects.requireNonNull(p, "pattern");
                try {
                    DateTimeFormatter.ofPattern(p, Locale.US);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("date format '" + p + "' is not a valid pattern: "
                            + e.getMessage(), e);
                }
                copy.add(p);
            }
            this.dateFormats = copy;
            return this;
        }

        /**
         * Sets the locale of numbers in {@code annual_value} and {@code attr:} columns.
         *
         * @param locale e.g. {@link Locale#GERMANY} for {@code 1.200.000,50}, or {@code null} for plain numbers
         * @return this builder
         */
        public Builder numberLocale(@Nullable Locale locale) {
            this.numberLocale = locale;
            return this;
        }

        /**
         * Sets the role policy whose aliases read role names.
         *
         * @param policy e.g. {@code RolePolicy.defaults().plusAliases(Map.of("Entscheider", Role.DECISION_MAKER))}
         * @return this builder
         */
        public Builder roles(RolePolicy policy) {
            this.roles = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Adds role aliases to the current role policy ({@link RolePolicy#plusAliases}).
         *
         * @param aliases spelling → role
         * @return this builder
         */
        public Builder roleAliases(Map<String, Role> aliases) {
            this.roles = roles.plusAliases(aliases);
            return this;
        }

        /**
         * Sets the tier aliases.
         *
         * @param aliases spelling → tier, e.g. {@code "Value-Added Reseller (VAR)" → Tier.DISTRIBUTOR}
         * @return this builder
         * @throws IllegalArgumentException if a spelling is blank
         */
        public Builder tierAliases(Map<String, Tier> aliases) {
            Map<String, Tier> copy = new LinkedHashMap<>();
            for (Map.Entry<String, Tier> e : Objects.requireNonNull(aliases, "aliases").entrySet()) {
                if (Aliases.key(Objects.requireNonNull(e.getKey(), "alias")).isEmpty()) {
                    throw new IllegalArgumentException("tier alias '" + e.getKey() + "' is blank");
                }
                copy.put(e.getKey(), Objects.requireNonNull(e.getValue(), "tier of alias " + e.getKey()));
            }
            this.tierAliases = copy;
            return this;
        }

        /**
         * Makes roles that map to nothing known bad rows instead of custom roles kept with a warning.
         *
         * @param strict whether unknown roles are errors
         * @return this builder
         */
        public Builder strictRoles(boolean strict) {
            this.strictRoles = strict;
            return this;
        }

        /**
         * Sets what to do with bad rows.
         *
         * @param m strict (the default) or lenient
         * @return this builder
         */
        public Builder mode(PortfolioReader.Mode m) {
            this.mode = Objects.requireNonNull(m, "mode");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public ReadOptions build() {
            return new ReadOptions(this);
        }
    }
}
