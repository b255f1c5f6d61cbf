package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.drivers.BinaryDriverResult;
import io.github.nps4j.drivers.BinaryOutcome;
import io.github.nps4j.drivers.BootstrapRow;
import io.github.nps4j.drivers.Coefficient;
import io.github.nps4j.drivers.DriverAnalysis;
import io.github.nps4j.drivers.DriverData;
import io.github.nps4j.drivers.DriverResult;
import io.github.nps4j.drivers.GroupedDriverResult;
import io.github.nps4j.drivers.ImportanceRow;
import io.github.nps4j.drivers.LinearRegression;
import io.github.nps4j.drivers.LogisticCoefficient;
import io.github.nps4j.drivers.MissingData;
import io.github.nps4j.drivers.OlsFit;
import io.github.nps4j.drivers.WhatIf;
import io.github.nps4j.drivers.WhatIfResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nps drivers}: which experiences move the score. */
@Command(name = "drivers", mixinStandardHelpOptions = true,
        description = {"Key-driver analysis: correlations, OLS, relative importance (exact LMG/Shapley, Johnson), "
                + "logistic models, importance-performance and what-if.",
            "Two modes: --responses F (outcome = score, attributes = attr:* columns), or --table F --outcome COL "
                + "--predictors A,B,C for any numeric CSV."})
final class DriversCommand implements Callable<Integer> {
    static final Set<String> METHODS = Set.of("correlation", "ols", "lmg", "johnson", "pratt", "first", "last",
            "betasq", "logistic", "quadrants");

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @ArgGroup(exclusive = false)
        ResponsesMode responses;

        @ArgGroup(exclusive = false)
        TableMode table;
    }

    static final class ResponsesMode {
        @Option(names = "--responses", required = true, paramLabel = "FILE", description = "responses.csv")
        Path responses;

        @Option(names = "--contacts", paramLabel = "FILE", description = "contacts.csv (roles)")
        Path contacts;

        @Option(names = "--accounts", paramLabel = "FILE", description = "accounts.csv (for --by tier or seg:)")
        Path accounts;

        @Option(names = "--by", paramLabel = "FIELD", description = "Analyse each group separately: role, tier, "
                + "episode, seg:<name>.")
        String by;

        @Option(names = "--episode", split = ",", paramLabel = "EPISODE",
                description = "Keep only these episode types.")
        List<String> episodes = new ArrayList<>();
    }

    static final class TableMode {
        @Option(names = "--table", required = true, paramLabel = "FILE", description = "any numeric CSV with a header")
        Path table;

        @Option(names = "--outcome", required = true, paramLabel = "COL", description = "the outcome column")
        String outcome;

        @Option(names = "--predictors", required = true, split = ",", paramLabel = "COL",
                description = "the predictor columns")
        List<String> predictors;

        @Option(names = "--weights", paramLabel = "COL", description = "a column of survey weights")
        String weights;

        @Option(names = "--no-intercept", description = "OLS through the origin (relative importance needs an "
                + "intercept and is then left out).")
        boolean noIntercept;
    }

    @CommandLine.Mixin
    ImportOptions imports = new ImportOptions();

    /** What reading --responses left out or read with a doubt. */
    private io.github.nps4j.core.csv.ImportReport importReport;

    @Option(names = "--methods", split = ",", paramLabel = "METHOD",
            description = "Any of correlation, ols, lmg, johnson, pratt, first, last, betasq, logistic, quadrants "
                    + "(default: all that apply).")
    List<String> methods = new ArrayList<>();

    @Option(names = "--missing", defaultValue = "listwise", paramLabel = "RULE",
            description = "listwise or pairwise deletion of missing ratings (default: ${DEFAULT-VALUE}).")
    String missing;

    @Option(names = "--what-if", paramLabel = "ATTR:+D[:BELOW_T]",
            description = "Predict NPS if ATTR rose by D points (for respondents rated below T).")
    String whatIf;

    @Option(names = "--bootstrap", defaultValue = "0", paramLabel = "N",
            description = "Bootstrap percentile intervals for importances with N resamples.")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Bootstrap seed.")
    long seed;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Set<String> chosen = chosenMethods();
        DriverAnalysis analysis = analysis();
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode json;
        if (mode.table != null) {
            DriverData data = readTable(mode.table);
            if (mode.table.noIntercept) {
                json = noIntercept(data);
            } else {
                json = result(analysis.analyze(data), chosen);
            }
        } else {
            Portfolio p = loadResponses();
            List<Response> rs = p.responses();
            if (mode.responses.by != null) {
                GroupField field = GroupField.parse(mode.responses.by);
                Map<String, io.github.nps4j.core.Account> accounts = p.accountsById();
                GroupedDriverResult g = analysis.analyzeGroups(rs, r -> field.valueOf(r, accounts), null);
                json = Output.object();
                json.put("by", field.name());
                ArrayNode groups = json.putArray("groups");
                g.groups().forEach((k, r) -> {
                    ObjectNode n = groups.addObject();
                    n.putObject("key").put(field.name(), k);
                    n.setAll(result(r, chosen));
                });
                ObjectNode skipped = json.putObject("skipped");
                g.skipped().forEach(skipped::put);
            } else {
                json = result(analysis.analyze(rs), chosen);
                if (chosen.contains("logistic")) {
                    DriverData data = DriverData.fromResponses(rs);
                    ObjectNode logistic = json.putObject("logistic");
                    for (BinaryOutcome o : BinaryOutcome.values()) {
                        try {
                            logistic.set(o.name().toLowerCase(Locale.ROOT), binary(analysis.analyzeBinary(data, o)));
                        } catch (IllegalArgumentException e) {
                            logistic.putObject(o.name().toLowerCase(Locale.ROOT)).put("error", e.getMessage());
                        }
                    }
                }
            }
        }
        if (importReport != null) {
            ImportOptions.annotate(json, importReport);
        }
        switch (format) {
            case json -> Output.printJson(out, json);
            case csv -> printCsv(out, json);
            default -> {
                printText(out, json);
                if (importReport != null) {
                    ImportOptions.printNotes(out, importReport);
                }
            }
        }
        return 0;
    }

    private Set<String> chosenMethods() {
        Set<String> chosen = new LinkedHashSet<>();
        for (String m : methods) {
            String s = m.strip().toLowerCase(Locale.ROOT);
            if (!METHODS.contains(s)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--methods: unknown method '" + m
                        + "'; expected any of " + new java.util.TreeSet<>(METHODS));
            }
            chosen.add(s);
        }
        return chosen.isEmpty() ? METHODS : chosen;
    }

    private DriverAnalysis analysis() {
        DriverAnalysis.Builder b = DriverAnalysis.builder().seed(seed);
        try {
            b.missing(MissingData.valueOf(missing.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--missing '" + missing
                    + "': expected listwise or pairwise");
        }
        if (whatIf != null) {
            b.whatIf(parseWhatIf(whatIf));
        }
        if (bootstrap > 0) {
            b.bootstrap(bootstrap);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private WhatIf parseWhatIf(String text) {
        String[] parts = text.split(":");
        try {
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("expected ATTR:+D or ATTR:+D:BELOW_T");
            }
            WhatIf w = WhatIf.raise(parts[0].strip(), Double.parseDouble(parts[1].strip()));
            return parts.length == 3 ? w.forRatingsBelow(Double.parseDouble(parts[2].strip())) : w;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--what-if '" + text + "': "
                    + e.getMessage(), e);
        }
    }

    private Portfolio loadResponses() {
        Inputs in = new Inputs();
        in.responses = mode.responses.responses;
        in.contacts = mode.responses.contacts;
        in.accounts = mode.responses.accounts;
        in.imports = imports;
        Portfolio p = in.load(spec.commandLine());
        importReport = in.report();
        if (mode.responses.episodes.isEmpty()) {
            return p;
        }
        Set<EpisodeType> keep = new java.util.HashSet<>();
        mode.responses.episodes.forEach(e -> keep.add(EpisodeType.of(e)));
        return Portfolio.of(p.accounts(), p.contacts(),
                p.responses().stream().filter(r -> keep.contains(r.episode())).toList(), p.invitations());
    }

    /** Reads --table: numeric columns; a blank predictor is a missing value, anything else non-numeric an error. */
    static DriverData readTable(TableMode t) {
        if (!Files.isRegularFile(t.table)) {
            throw new IllegalArgumentException(t.table + ": no such file");
        }
        List<String> wanted = new ArrayList<>();
        wanted.add(t.outcome);
        wanted.addAll(t.predictors);
        if (t.weights != null) {
            wanted.add(t.weights);
        }
        List<double[]> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(t.table, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
            int[] idx = new int[wanted.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = header.indexOf(wanted.get(i));
                if (idx[i] < 0) {
                    throw new IllegalArgumentException(t.table + ": no column '" + wanted.get(i) + "' (columns: "
                            + String.join(", ", header) + ")");
                }
            }
            long line = parser.getCurrentLineNumber() + 1;
            for (CSVRecord rec : parser) {
                double[] row = new double[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    String v = idx[i] < rec.size() ? rec.get(idx[i]).strip() : "";
                    boolean predictor = i > 0 && i <= t.predictors.size();
                    if (v.isEmpty() && predictor) {
                        row[i] = Double.NaN;
                        continue;
                    }
                    try {
                        row[i] = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        row[i] = Double.NaN;
                    }
                    if (!Double.isFinite(row[i])) {
                        throw new IllegalArgumentException(t.table + ", line " + line + ", field " + wanted.get(i)
                                + ", value '" + v + "': not a finite number");
                    }
                }
                rows.add(row);
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(t.table + ": " + e.getMessage(), e);
        }
        DriverData.Builder b = DriverData.builder(t.outcome).outcome(column(rows, 0));
        for (int j = 0; j < t.predictors.size(); j++) {
            b.attribute(t.predictors.get(j), column(rows, j + 1));
        }
        if (t.weights != null) {
            b.weights(column(rows, wanted.size() - 1));
        }
        return b.build();
    }

    private static double[] column(List<double[]> rows, int j) {
        double[] c = new double[rows.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = rows.get(i)[j];
        }
        return c;
    }

    private static ObjectNode noIntercept(DriverData data) {
        List<Integer> complete = new ArrayList<>();
        for (int i = 0; i < data.rowCount(); i++) {
            boolean ok = true;
            for (int j = 0; j < data.attributeCount(); j++) {
                ok &= !Double.isNaN(data.value(i, j));
            }
            if (ok) {
                complete.add(i);
            }
        }
        DriverData d = data.rows(complete.stream().mapToInt(Integer::intValue).toArray());
        double[][] cols = new double[d.attributeCount()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = d.attributeColumn(j);
        }
        OlsFit fit = LinearRegression.fit(d.attributeNames(), cols, d.outcomeColumn(), d.weights().orElse(null), false);
        ObjectNode root = Output.object();
        root.put("n", fit.n());
        root.put("dropped", data.rowCount() - d.rowCount());
        root.put("r2", fit.r2());
        root.put("adjustedR2", fit.adjustedR2());
        root.put("intercept", false);
        root.set("coefficients", coefficients(fit.coefficients()));
        root.put("note", "no intercept: R² is uncentred and relative importance is not defined");
        return root;
    }

    private static ArrayNode coefficients(List<Coefficient> cs) {
        ArrayNode a = Output.array();
        for (Coefficient c : cs) {
            ObjectNode n = a.addObject();
            n.put("name", c.name());
            n.put("estimate", c.estimate());
            n.put("standardError", c.standardError());
            n.put("t", c.t());
            n.put("p", c.p());
            Output.put(n, "standardized", c.standardized());
            Output.put(n, "vif", c.vif());
        }
        return a;
    }

    static ObjectNode result(DriverResult r, Set<String> chosen) {
        ObjectNode root = Output.object();
        root.put("n", r.n());
        root.put("dropped", r.dropped());
        root.put("missing", r.missing().name().toLowerCase(Locale.ROOT));
        root.put("r2", r.r2());
        root.put("adjustedR2", r.adjustedR2());
        if (chosen.contains("ols")) {
            root.set("coefficients", coefficients(r.coefficients()));
        }
        ArrayNode imp = root.putArray("importance");
        for (ImportanceRow row : r.importance()) {
            ObjectNode n = imp.addObject();
            n.put("name", row.name());
            if (chosen.contains("correlation")) {
                n.put("correlation", row.correlation());
                n.put("spearman", row.spearman());
            }
            putIf(n, chosen, "first", row.first());
            putIf(n, chosen, "last", row.last());
            putIf(n, chosen, "betasq", row.betasq());
            putIf(n, chosen, "pratt", row.pratt());
            if (chosen.contains("lmg")) {
                n.put("lmg", row.lmg());
                n.put("lmgShare", 100 * row.lmgShare());
            }
            if (chosen.contains("johnson")) {
                n.put("johnson", row.johnson());
                n.put("johnsonShare", 100 * row.johnsonShare());
            }
            if (chosen.contains("quadrants")) {
                n.put("performance", row.performance());
                n.put("quadrant", row.quadrant().label());
            }
        }
        if (r.whatIf().isPresent()) {
            WhatIfResult w = r.whatIf().get();
            ObjectNode n = root.putObject("whatIf");
            n.put("attribute", w.scenario().attribute());
            n.put("delta", w.scenario().delta());
            if (Double.isFinite(w.scenario().below())) {
                n.put("below", w.scenario().below());
            }
            n.put("coefficient", w.coefficient());
            n.put("changedRows", w.changedRows());
            n.put("baselineNps", w.baselineNps());
            n.put("predictedNps", w.predictedNps());
            n.put("change", w.change());
            n.put("crossValidatedError", w.crossValidatedError());
            n.put("foldSpread", w.foldSpread());
            n.put("folds", w.folds());
        }
        if (r.bootstrap().isPresent()) {
            ObjectNode b = root.putObject("bootstrap");
            b.put("level", r.bootstrap().get().level());
            b.put("resamples", r.bootstrap().get().replicates());
            b.put("seed", r.bootstrap().get().seed());
            ArrayNode rows = b.putArray("rows");
            for (BootstrapRow row : r.bootstrap().get().rows()) {
                ObjectNode n = rows.addObject();
                n.put("name", row.name());
                n.putObject("lmgShare").put("lower", 100 * row.lmgShare().lower())
                        .put("upper", 100 * row.lmgShare().upper());
                n.putObject("johnsonShare").put("lower", 100 * row.johnsonShare().lower())
                        .put("upper", 100 * row.johnsonShare().upper());
            }
        }
        return root;
    }

    private static void putIf(ObjectNode n, Set<String> chosen, String method, double v) {
        if (chosen.contains(method)) {
            n.put(method, v);
        }
    }

    private static ObjectNode binary(BinaryDriverResult b) {
        ObjectNode n = Output.object();
        n.put("n", b.n());
        n.put("dropped", b.dropped());
        n.put("events", b.logistic().events());
        n.put("mcFaddenR2", b.logistic().mcFaddenR2());
        ArrayNode cs = n.putArray("coefficients");
        for (LogisticCoefficient c : b.logistic().coefficients()) {
            ObjectNode o = cs.addObject();
            o.put("name", c.name());
            o.put("estimate", c.estimate());
            o.put("standardError", c.standardError());
            o.put("z", c.z());
            o.put("p", c.p());
            o.put("oddsRatio", c.oddsRatio());
        }
        return n;
    }

    private static void printText(PrintWriter out, ObjectNode json) {
        if (json.has("groups")) {
            for (var g : json.get("groups")) {
                out.println("== " + json.get("by").asText() + " = " + g.get("key").elements().next().asText());
                printOne(out, (ObjectNode) g);
                out.println();
            }
            json.get("skipped").fields().forEachRemaining(e -> out.println("skipped " + e.getKey() + ": "
                    + e.getValue().asText()));
        } else {
            printOne(out, json);
        }
        out.flush();
    }

    private static void printOne(PrintWriter out, ObjectNode j) {
        out.println("n = " + j.get("n").asLong() + " (dropped " + j.get("dropped").asLong() + "), R² = "
                + Output.oneDecimal(100 * j.get("r2").asDouble()) + " %, adjusted R² = "
                + Output.oneDecimal(100 * j.get("adjustedR2").asDouble()) + " %");
        if (j.has("importance") && j.get("importance").size() > 0) {
            out.println();
            Output.Table t = new Output.Table(List.of("attribute", "r", "LMG %", "Johnson %", "performance",
                    "quadrant"), false, true, true, true, true, false);
            for (var row : j.get("importance")) {
                t.row(List.of(row.get("name").asText(), num(row, "correlation", 1, 2),
                        num(row, "lmgShare", 1, 1), num(row, "johnsonShare", 1, 1), num(row, "performance", 1, 1),
                        row.has("quadrant") ? row.get("quadrant").asText() : ""));
            }
            t.print(out);
        }
        if (j.has("coefficients")) {
            out.println();
            Output.Table t = new Output.Table(List.of("term", "estimate", "SE", "t", "p", "VIF"), false, true, true,
                    true, true, true);
            for (var c : j.get("coefficients")) {
                t.row(List.of(c.get("name").asText(), num(c, "estimate", 1, 3), num(c, "standardError", 1, 3),
                        num(c, "t", 1, 2), String.format(Locale.ROOT, "%.3g", c.get("p").asDouble()),
                        num(c, "vif", 1, 2)));
            }
            t.print(out);
        }
        if (j.has("whatIf")) {
            var w = j.get("whatIf");
            out.println();
            out.println("What if " + w.get("attribute").asText() + " rose by " + w.get("delta").asDouble()
                    + (w.has("below") ? " for ratings below " + w.get("below").asDouble() : "") + ": NPS "
                    + Output.oneDecimal(w.get("baselineNps").asDouble()) + " → "
                    + Output.oneDecimal(w.get("predictedNps").asDouble()) + " (cross-validated error ±"
                    + Output.oneDecimal(w.get("crossValidatedError").asDouble()) + " points, "
                    + w.get("folds").asInt() + "-fold)");
        }
        if (j.has("note")) {
            out.println(j.get("note").asText());
        }
    }

    private static String num(com.fasterxml.jackson.databind.JsonNode n, String field, double scale, int decimals) {
        if (!n.has(field) || n.get(field).isNull()) {
            return "–";
        }
        double v = n.get(field).asDouble() * scale;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static void printCsv(PrintWriter out, ObjectNode json) {
        out.println(Output.csvLine(List.of("group", "attribute", "correlation", "first", "last", "betasq", "pratt",
                "lmg", "johnson", "lmg_share", "johnson_share", "performance", "quadrant")));
        List<ObjectNode> results = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        if (json.has("groups")) {
            json.get("groups").forEach(g -> {
                results.add((ObjectNode) g);
                keys.add(g.get("key").elements().next().asText());
            });
        } else {
            results.add(json);
            keys.add("");
        }
        for (int i = 0; i < results.size(); i++) {
            for (var row : results.get(i).get("importance")) {
                List<String> cells = new ArrayList<>();
                cells.add(keys.get(i));
                cells.add(row.get("name").asText());
                for (String f : List.of("correlation", "first", "last", "betasq", "pratt", "lmg", "johnson",
                        "lmgShare", "johnsonShare", "performance")) {
                    cells.add(row.has(f) ? row.get(f).asText() : "");
                }
                cells.add(row.has("quadrant") ? row.get("quadrant").asText() : "");
                out.println(Output.csvLine(cells));
            }
        }
        out.flush();
    }
}
