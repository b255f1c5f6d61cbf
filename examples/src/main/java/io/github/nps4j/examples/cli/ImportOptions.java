package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Tier;
import io.github.nps4j.core.csv.ColumnMapping;
import io.github.nps4j.core.csv.ImportReport;
import io.github.nps4j.core.csv.PortfolioReader;
import io.github.nps4j.core.csv.ReadOptions;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The import options of every command that reads CSV files (DESIGN §6): they only build the library's
 * {@link ReadOptions}; the reading rules live in {@code nps-core}.
 */
final class ImportOptions {
    @Option(names = "--preset", paramLabel = "TOOL",
            description = "A survey tool's export layout: qualtrics or surveymonkey (rows to skip, id and date "
                    + "columns, date formats, scale labels). Map account, contact, role and score with --columns.")
    String preset;

    @Option(names = "--columns", paramLabel = "OURS=THEIRS,...",
            description = "Column mapping for exports with other column names, e.g. "
                    + "\"score=How likely are you to recommend us?,account_id=Account ID\"; entries prefixed "
                    + "accounts., contacts. or invitations. map those files (accounts.account_id=Account ID); "
                    + "table.<name> maps a column of drivers --table.")
    String columns;

    @Option(names = "--delimiter", paramLabel = "D", defaultValue = "auto",
            description = "auto (detected from the header row, the default), ',', ';' or tab.")
    String delimiter = "auto";

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Charset of the files: UTF-8 (default), windows-1252, ISO-8859-1, ...")
    String encoding = "UTF-8";

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "A date format besides ISO-8601 (java.time pattern, e.g. dd.MM.yyyy or "
                    + "\"MM/dd/yyyy HH:mm\"); repeat for several.")
    List<String> dateFormats = new ArrayList<>();

    @Option(names = "--locale", paramLabel = "TAG",
            description = "Locale of numbers in annual_value, attr: and drivers --table columns, e.g. de-DE reads "
                    + "1.200.000,50 (default: plain 1200000.50).")
    String locale;

    @Option(names = "--role-map", paramLabel = "NAME=ROLE,...",
            description = "More role aliases besides the built-in CRM words (Economic Buyer, Champion, ...), e.g. "
                    + "\"Entscheider=decision-maker,Anwender=user\".")
    String roleMap;

    @Option(names = "--tier-map", paramLabel = "NAME=TIER,...",
            description = "Tier aliases, e.g. \"Value-Added Reseller (VAR)=distributor\".")
    String tierMap;

    @Option(names = "--strict-roles",
            description = "Refuse roles that map to no known role (default: keep them as custom roles, with a "
                    + "warning).")
    boolean strictRoles;

    @Option(names = "--lenient",
            description = "Skip bad rows and report them on standard error instead of stopping at the first one; "
                    + "what that leaves out is noted in the output.")
    boolean lenient;

    /** The library's read options of these command-line options; bad values are usage errors (exit 2). */
    ReadOptions readOptions(CommandLine cl) {
        ReadOptions.Builder b = ReadOptions.builder();
        try {
            if (preset != null) {
                b.preset(ReadOptions.Preset.parse(preset));
            }
        } catch (IllegalArgumentException e) {
            throw usage(cl, "--preset", e);
        }
        try {
            b.columnMapping(columns == null ? ColumnMapping.none() : ColumnMapping.parse(columns));
        } catch (IllegalArgumentException e) {
            throw usage(cl, "--columns", e);
        }
        try {
            b.delimiter(delimiter);
        } catch (IllegalArgumentException e) {
            throw usage(cl, "--delimiter", e);
        }
        try {
            b.charset(Charset.forName(encoding.strip()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--encoding: unknown charset '" + encoding
                    + "'; expected e.g. UTF-8, windows-1252 or ISO-8859-1", e);
        }
        try {
            b.dateFormats(dateFormats);
        } catch (IllegalArgumentException e) {
            throw usage(cl, "--date-format", e);
        }
        if (locale != null) {
            Locale l = Locale.forLanguageTag(locale.strip());
            if (l.getLanguage().isEmpty()) {
                throw new CommandLine.ParameterException(cl, "--locale: '" + locale
                        + "' is not a language tag; expected e.g. de-DE, fr-FR or en-US");
            }
            b.numberLocale(l);
        }
        try {
            if (roleMap != null) {
                b.roleAliases(pairs(roleMap, Role::of));
            }
        } catch (IllegalArgumentException e) {
            throw usage(cl, "--role-map", e);
        }
        try {
            if (tierMap != null) {
                b.tierAliases(pairs(tierMap, Tier::of));
            }
        } catch (IllegalArgumentException e) {
            throw usage(cl, "--tier-map", e);
        }
        return b.strictRoles(strictRoles)
                .mode(lenient ? PortfolioReader.Mode.LENIENT : PortfolioReader.Mode.STRICT).build();
    }

    private static <T> Map<String, T> pairs(String spec, Function<String, T> value) {
        Map<String, T> out = new LinkedHashMap<>();
        for (String pair : spec.split(",", -1)) {
            int eq = pair.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("entry '" + pair.strip() + "' is not of the form NAME=VALUE");
            }
            out.put(pair.substring(0, eq).strip(), value.apply(pair.substring(eq + 1).strip()));
        }
        return out;
    }

    private static CommandLine.ParameterException usage(CommandLine cl, String option, IllegalArgumentException e) {
        return new CommandLine.ParameterException(cl, option + ": " + e.getMessage(), e);
    }

    /** Warnings for standard error: roles and tiers that map to nothing known, with their counts. */
    static void warn(PrintWriter err, ImportReport report) {
        for (String m : report.messages()) {
            if (m.startsWith("role(s)") || m.startsWith("tier(s)")) {
                err.println("nps: warning: " + m);
            }
        }
        err.flush();
    }

    /** Adds {@code "skipped": {"blankScore": N}} and {@code "notes": [...]} to a command's JSON. */
    static ObjectNode annotate(ObjectNode root, ImportReport report) {
        ObjectNode skipped = root.has("skipped") && root.get("skipped").isObject()
                ? (ObjectNode) root.get("skipped") : root.putObject("skipped");
        skipped.put("blankScore", report.blankScores());
        if (!report.unknownRoles().isEmpty()) {
            ObjectNode roles = root.putObject("unknownRoles");
            report.unknownRoles().forEach(roles::put);
        }
        // the import's notes join the result's own (a comparison's caveats, say), after them
        ArrayNode notes = root.has("notes") && root.get("notes").isArray() ? (ArrayNode) root.get("notes")
                : root.putArray("notes");
        report.messages().forEach(notes::add);
        return root;
    }

    /** Prints the report's messages as {@code note:} lines of a text output. */
    static void printNotes(PrintWriter out, ImportReport report) {
        List<String> messages = report.messages();
        if (!messages.isEmpty()) {
            out.println();
            messages.forEach(m -> out.println("note: " + m));
            out.flush();
        }
    }
}
