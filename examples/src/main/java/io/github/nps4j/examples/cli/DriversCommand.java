package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Score;
import io.github.nps4j.core.csv.NumericTable;
import io.github.nps4j.core.csv.ReadOptions;
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
import io.github.nps4j.drivers.LogisticFit;
import io.github.nps4j.drivers.MissingData;
import io.github.nps4j.drivers.OlsFit;
import io.github.nps4j.drivers.WhatIf;
import io.github.nps4j.drivers.WhatIfResult;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
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

    @Option(names = "--allow-slow-lmg", description = "Run exact LMG over more than " + LMG_LIMIT + " attributes "
            + "(its work doubles with each attribute: about 9 s at 25, 20 min at 32).")
    boolean allowSlowLmg;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Bootstrap seed.")
    long seed;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What one run produced; every format renders this, never another format's output. */
    private record Run(@Nullable DriverResult single, @Nullable GroupedDriverResult grouped, @Nullable String by,
            List<Logistic> logistic, boolean logisticByOutcome, @Nullable NoIntercept noIntercept) {
    }

    /** A logistic model or the reason it could not be fitted. */
    private record Logistic(String key, @Nullable BinaryDriverResult result, @Nullable String error) {
    }

    /** OLS through the origin (no relative importance) with the row counts. */
    private record NoIntercept(OlsFit fit, long dropped, long missingOutcome) {
    }

    /** The most attributes exact LMG runs over without --allow-slow-lmg (2^25 subsets, about 9 s on one core). */
    static final int LMG_LIMIT = 25;
    /** From this many attributes on, the expected time of exact LMG is printed first. */
    static final int LMG_ESTIMATE_FROM = 20;
    /** Measured cost of one subset of the exact LMG sweep (benchmarks: LmgBenchmark, p = 25: 9.2 s / 2^25). */
    static final double LMG_SECONDS_PER_SUBSET = 9.2 / (1 << 25);

    /**
     * Exact LMG visits all 2^p subsets of the attributes: refused beyond {@link #LMG_LIMIT} unless asked, and from
     * {@link #LMG_ESTIMATE_FROM} on the expected time is said first (progress follows in the log with -v).
     */
    private void guardLmg(int attributes, int groups) {
        if (attributes > LMG_LIMIT && !allowSlowLmg) {
            throw usage("exact LMG over " + attributes + " attributes visits 2^" + attributes + " subsets (about "
                    + duration(Math.scalb(LMG_SECONDS_PER_SUBSET, attributes) * groups) + "); choose at most "
                    + LMG_LIMIT + " attributes, or pass --allow-slow-lmg");
        }
        if (attributes >= LMG_ESTIMATE_FROM) {
            spec.commandLine().getErr().println("nps: exact LMG over " + attributes + " attributes: 2^" + attributes
                    + " subsets" + (groups > 1 ? " in each of " + groups + " groups" : "") + ", about "
                    + duration(Math.scalb(LMG_SECONDS_PER_SUBSET, attributes) * groups) + " on one core");
            spec.commandLine().getErr().flush();
        }
    }

    private static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    /** A parsed --what-if before the attribute is known to exist. */
    private record WhatIfSpec(String attribute, double delta, double below) {
    }

    @Override
    public Integer call() {
        Set<String> chosen = chosenMethods();
        WhatIfSpec scenario = whatIf == null ? null : parseWhatIf(whatIf);
        Run run;
        if (mode.table != null) {
            checkPredictors(mode.table);
            DriverData data = readTable(mode.table, imports.readOptions(spec.commandLine()));
            guardLmg(data.attributeNames().size(), 1);
            if (scenario != null) {
                checkWhatIf(scenario, data.attributeNames(), observedRange(data, scenario.attribute()));
            }
            DriverAnalysis analysis = analysis(scenario);
            if (mode.table.noIntercept) {
                run = new Run(null, null, null, List.of(), false, noIntercept(data));
            } else {
                run = new Run(analysis.analyze(data), null, null, tableLogistic(analysis, data, chosen), false, null);
            }
        } else {
            // without --by, one table of the responses for every analysis, taken from the reader's columns (no
            // response objects, the ratings not copied); the portfolio is not kept, so what the table does not share
            // with it (ids, comments, times, contacts) is freed before the fits
            DriverData table = mode.responses.by == null ? responsesTable() : null;
            Portfolio p = table == null ? filtered(loadResponses()) : null;
            List<Response> rs = p == null ? List.of() : p.responses();
            List<String> names;
            if (table != null) {
                names = table.attributeNames();
            } else {
                Set<String> all = new TreeSet<>();
                rs.forEach(r -> all.addAll(r.ratings().keySet()));
                names = new ArrayList<>(all);
            }
            guardLmg(names.size(), 1);
            if (scenario != null) {
                checkWhatIf(scenario, names, new double[] {Score.MIN, Score.MAX});
            }
            DriverAnalysis analysis = analysis(scenario);
            if (mode.responses.by != null) {
                GroupField field = GroupField.parse(mode.responses.by);
                Map<String, io.github.nps4j.core.Account> accounts = Objects.requireNonNull(p, "p").accountsById();
                run = new Run(null, analysis.analyzeGroups(rs, r -> field.valueOf(r, accounts), null), field.name(),
                        List.of(), false, null);
            } else {
                List<Logistic> logistic = new ArrayList<>();
                DriverData data = Objects.requireNonNull(table, "table");
                if (chosen.contains("logistic")) {
                    for (BinaryOutcome o : List.of(BinaryOutcome.PROMOTER, BinaryOutcome.DETRACTOR)) {
                        logistic.add(fitLogistic(analysis, data, o, o.label()));
                    }
                }
                run = new Run(analysis.analyze(data), null, null, logistic, true, null);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> {
                ObjectNode root = json(run, chosen);
                if (importReport != null) {
                    ImportOptions.annotate(root, importReport);
                }
                Output.printJson(out, root);
            }
            case csv -> printCsv(out, run, chosen);
            default -> {
                printText(out, run, chosen);
                if (importReport != null) {
                    ImportOptions.printNotes(out, importReport);
                }
            }
        }
        out.flush();
        return 0;
    }

    private static Logistic fitLogistic(DriverAnalysis analysis, DriverData data, BinaryOutcome o, String key) {
        try {
            return new Logistic(key, analysis.analyzeBinary(data, o), null);
        } catch (IllegalArgumentException e) {
            return new Logistic(key, null, e.getMessage());
        }
    }

    /** --table: a logistic model when the outcome is 0/1 (and logistic is among the methods). */
    private List<Logistic> tableLogistic(DriverAnalysis analysis, DriverData data, Set<String> chosen) {
        if (!chosen.contains("logistic")) {
            return List.of();
        }
        for (int i = 0; i < data.rowCount(); i++) {
            double y = data.outcome(i);
            if (!Double.isNaN(y) && y != 0 && y != 1) {
                if (methods.isEmpty()) {
                    return List.of(); // "all that apply": logistic does not apply to a non-binary outcome
                }
                throw new IllegalArgumentException(mode.table.table + ": --methods logistic needs a 0/1 outcome;"
                        + " column '" + data.outcomeName() + "' has " + plain(y) + " (data row " + (i + 1)
                        + ")");
            }
        }
        return List.of(fitLogistic(analysis, data, BinaryOutcome.INDICATOR, data.outcomeName()));
    }

    private Set<String> chosenMethods() {
        Set<String> chosen = new LinkedHashSet<>();
        for (String m : methods) {
            String s = m.strip().toLowerCase(Locale.ROOT);
            if (!METHODS.contains(s)) {
                throw usage("--methods: unknown method '" + m + "'" + didYouMean(s, METHODS)
                        + "; expected any of " + new TreeSet<>(METHODS));
            }
            chosen.add(s);
        }
        return chosen.isEmpty() ? METHODS : chosen;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private DriverAnalysis analysis(@Nullable WhatIfSpec scenario) {
        DriverAnalysis.Builder b = DriverAnalysis.builder().seed(seed);
        try {
            b.missing(MissingData.valueOf(missing.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw usage("--missing '" + missing + "': expected listwise or pairwise");
        }
        try {
            if (scenario != null) {
                WhatIf w = WhatIf.raise(scenario.attribute, scenario.delta);
                b.whatIf(Double.isInfinite(scenario.below) ? w : w.forRatingsBelow(scenario.below));
            }
            if (bootstrap != 0) {
                if (bootstrap > io.github.nps4j.core.stats.UncertaintyOptions.MAX_RESAMPLES) {
                    throw usage("--bootstrap " + bootstrap + " is more than "
                            + io.github.nps4j.core.stats.UncertaintyOptions.MAX_RESAMPLES
                            + " resamples, beyond which the intervals no longer change but the time does; use fewer");
                }
                b.bootstrap(bootstrap);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private WhatIfSpec parseWhatIf(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank()) {
            throw usage("--what-if '" + text + "': expected ATTR:+D or ATTR:+D:BELOW_T, e.g. delivery:+1:7");
        }
        double delta = number(text, parts[1], "change D");
        double below = parts.length == 3 ? number(text, parts[2], "threshold BELOW_T") : Double.POSITIVE_INFINITY;
        return new WhatIfSpec(parts[0].strip(), delta, below);
    }

    private double number(String text, String part, String what) {
        try {
            double v = Double.parseDouble(part.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw usage("--what-if '" + text + "': the " + what + " '" + part + "' is not a number");
    }

    /**
     * The attribute must exist (else a suggestion) and the change stay on the rating scale: at most the scale's
     * width up or down, the threshold inside the scale.
     */
    private void checkWhatIf(WhatIfSpec s, List<String> attributes, double[] scale) {
        if (!attributes.contains(s.attribute)) {
            throw usage("--what-if: no attribute '" + s.attribute + "'" + didYouMean(s.attribute, attributes)
                    + "; attributes: " + String.join(", ", attributes));
        }
        double width = scale[1] - scale[0];
        String range = plain(scale[0]) + "–" + plain(scale[1]);
        String which = mode.table != null ? "the observed range " + range + " of '" + s.attribute + "'"
                : "the " + range + " rating scale";
        if (Math.abs(s.delta) > width) {
            throw usage("--what-if '" + whatIf + "': a change of " + signed(s.delta) + " points is beyond "
                    + which + "; use a change between " + signed(-width) + " and " + signed(width));
        }
        if (Double.isFinite(s.below) && (s.below < scale[0] || s.below > scale[1])) {
            throw usage("--what-if '" + whatIf + "': the threshold " + plain(s.below) + " is outside "
                    + which + "; use a threshold between " + plain(scale[0]) + " and "
                    + plain(scale[1]) + ", or none for everyone");
        }
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "−") + plain(Math.abs(v));
    }

    private static double[] observedRange(DriverData data, String attribute) {
        int j = data.attributeNames().indexOf(attribute);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (j >= 0) {
            for (int i = 0; i < data.rowCount(); i++) {
                double v = data.value(i, j);
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 0};
    }

    /** The outcome among the predictors, or a predictor twice, is bad usage. */
    private void checkPredictors(TableMode t) {
        Set<String> seen = new HashSet<>();
        for (String p : t.predictors) {
            String name = p.strip();
            if (name.equals(t.outcome.strip())) {
                throw usage("--predictors: '" + name + "' is the outcome (--outcome " + t.outcome
                        + "); a model cannot use its outcome as a predictor");
            }
            if (!seen.add(name)) {
                throw usage("--predictors: '" + name + "' is listed twice");
            }
        }
        if (t.weights != null && (t.weights.strip().equals(t.outcome.strip()) || seen.contains(t.weights.strip()))) {
            throw usage("--weights: '" + t.weights + "' is already the outcome or a predictor");
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
        return p;
    }

    /** The --episode types to keep, or {@code null} for all. */
    private @Nullable Set<EpisodeType> episodes() {
        if (mode.responses.episodes.isEmpty()) {
            return null;
        }
        Set<EpisodeType> keep = new java.util.HashSet<>();
        mode.responses.episodes.forEach(e -> keep.add(EpisodeType.of(e)));
        return keep;
    }

    /** The portfolio with only the --episode types' responses. */
    private Portfolio filtered(Portfolio p) {
        Set<EpisodeType> keep = episodes();
        if (keep == null) {
            return p;
        }
        return Portfolio.of(p.accounts(), p.contacts(),
                p.responses().stream().filter(r -> keep.contains(r.episode())).toList(), p.invitations());
    }

    /**
     * The table of all (or the --episode types') responses: outcome = score, attributes = the ratings. Only the
     * table outlives this method, not the portfolio it was read from.
     */
    private DriverData responsesTable() {
        List<Response> rs = loadResponses().responses();
        Set<EpisodeType> keep = episodes();
        return keep == null ? DriverData.fromResponses(rs) : DriverData.fromResponses(rs, keep);
    }

    /** " (did you mean 'x'?)" for the closest candidate within edit distance 2 (or a third of the word), else "". */
    static String didYouMean(String word, Collection<String> candidates) {
        return Suggestion.closest(word, candidates).map(best -> " (did you mean '" + best + "'?)").orElse("");
    }

    /** A number as written by a person: no trailing ".0". */
    private static String plain(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /**
     * Reads --table: numeric columns; a blank outcome or predictor is a missing value (dropped or left out by
     * --missing, and counted), anything else non-numeric an error naming the line and field.
     */
    static DriverData readTable(TableMode t, ReadOptions options) {
        if (!Files.isRegularFile(t.table)) {
            throw new IllegalArgumentException(t.table + ": no such file");
        }
        List<String> wanted = new ArrayList<>();
        wanted.add(t.outcome.strip());
        t.predictors.forEach(p -> wanted.add(p.strip()));
        if (t.weights != null) {
            wanted.add(t.weights.strip());
        }
        NumericTable table = NumericTable.read(t.table, options, wanted,
                t.weights == null ? List.of() : List.of(t.weights.strip()));
        DriverData.Builder b = DriverData.builder(wanted.get(0)).outcome(table.column(wanted.get(0)));
        for (int j = 0; j < t.predictors.size(); j++) {
            b.attribute(wanted.get(j + 1), table.column(wanted.get(j + 1)));
        }
        if (t.weights != null) {
            b.weights(table.column(wanted.get(wanted.size() - 1)));
        }
        return b.build();
    }

    private static NoIntercept noIntercept(DriverData data) {
        List<Integer> complete = new ArrayList<>();
        long missingOutcome = 0;
        for (int i = 0; i < data.rowCount(); i++) {
            boolean ok = !Double.isNaN(data.outcome(i));
            if (!ok) {
                missingOutcome++;
            }
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
        return new NoIntercept(fit, data.rowCount() - d.rowCount(), missingOutcome);
    }

    private static final String NO_INTERCEPT_NOTE =
            "no intercept: R² is uncentred and relative importance is not defined";

    // ---- JSON -------------------------------------------------------------------------------------------------

    private static ObjectNode json(Run run, Set<String> chosen) {
        if (run.noIntercept != null) {
            NoIntercept ni = run.noIntercept;
            ObjectNode root = Output.object();
            root.put("n", ni.fit.n());
            root.put("dropped", ni.dropped);
            root.put("droppedMissingOutcome", ni.missingOutcome);
            root.put("droppedMissingRatings", ni.dropped - ni.missingOutcome);
            root.put("r2", ni.fit.r2());
            root.put("adjustedR2", ni.fit.adjustedR2());
            root.put("intercept", false);
            root.set("coefficients", coefficients(ni.fit.coefficients()));
            root.put("note", NO_INTERCEPT_NOTE);
            return root;
        }
        if (run.grouped != null) {
            String by = Objects.requireNonNull(run.by);
            ObjectNode root = Output.object();
            root.put("by", by);
            ArrayNode groups = root.putArray("groups");
            run.grouped.groups().forEach((k, r) -> {
                ObjectNode n = groups.addObject();
                n.putObject("key").put(by, k);
                n.setAll(result(r, chosen));
            });
            ObjectNode skipped = root.putObject("skipped");
            run.grouped.skipped().forEach(skipped::put);
            return root;
        }
        ObjectNode root = result(Objects.requireNonNull(run.single), chosen);
        if (!run.logistic.isEmpty()) {
            if (run.logisticByOutcome) {
                ObjectNode l = root.putObject("logistic");
                run.logistic.forEach(x -> l.set(x.key, logistic(x)));
            } else {
                root.set("logistic", logistic(run.logistic.get(0)));
            }
        }
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

    private static ObjectNode result(DriverResult r, Set<String> chosen) {
        ObjectNode root = Output.object();
        root.put("outcome", r.outcomeName());
        root.put("n", r.n());
        root.put("dropped", r.dropped());
        root.put("droppedMissingOutcome", r.missingOutcome());
        root.put("droppedMissingRatings", r.droppedMissingRatings());
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
            for (Column c : IMPORTANCE) {
                if (chosen.contains(c.method)) {
                    n.put(c.json, c.value.applyAsDouble(row));
                }
            }
            if (chosen.contains("quadrants")) {
                n.put("quadrant", row.quadrant().label());
            }
        }
        r.whatIf().ifPresent(w -> {
            ObjectNode n = root.putObject("whatIf");
            whatIfFields(w).forEach((k, v) -> {
                if (v instanceof String s) {
                    n.put(k, s);
                } else if (v instanceof Long l) {
                    n.put(k, l);
                } else {
                    n.put(k, (Double) v);
                }
            });
        });
        r.bootstrap().ifPresent(bi -> {
            ObjectNode b = root.putObject("bootstrap");
            b.put("level", bi.level());
            b.put("resamples", bi.replicates());
            b.put("skipped", bi.skipped());
            b.put("seed", bi.seed());
            ArrayNode rows = b.putArray("rows");
            for (BootstrapRow row : bi.rows()) {
                ObjectNode n = rows.addObject();
                n.put("name", row.name());
                n.putObject("lmgShare").put("lower", 100 * row.lmgShare().lower())
                        .put("upper", 100 * row.lmgShare().upper());
                n.putObject("johnsonShare").put("lower", 100 * row.johnsonShare().lower())
                        .put("upper", 100 * row.johnsonShare().upper());
            }
        });
        return root;
    }

    /** The what-if's scalar fields, in JSON order and naming; shared by JSON and CSV. */
    private static Map<String, Object> whatIfFields(WhatIfResult w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attribute", w.scenario().attribute());
        m.put("delta", w.scenario().delta());
        if (Double.isFinite(w.scenario().below())) {
            m.put("below", w.scenario().below());
        }
        m.put("coefficient", w.coefficient());
        m.put("changedRows", w.changedRows());
        m.put("baselineNps", w.baselineNps());
        m.put("predictedNps", w.predictedNps());
        m.put("change", w.change());
        m.put("crossValidatedError", w.crossValidatedError());
        m.put("foldSpread", w.foldSpread());
        m.put("folds", (long) w.folds());
        return m;
    }

    private static ObjectNode logistic(Logistic l) {
        ObjectNode n = Output.object();
        if (l.result == null) {
            n.put("error", l.error);
            return n;
        }
        BinaryDriverResult b = l.result;
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

    /** An importance column: the --methods name that selects it, its JSON field, CSV column and value. */
    private record Column(String method, String json, String csv, ToDoubleFunction<ImportanceRow> value) {
    }

    private static final List<Column> IMPORTANCE = List.of(
            new Column("correlation", "correlation", "correlation", ImportanceRow::correlation),
            new Column("correlation", "spearman", "spearman", ImportanceRow::spearman),
            new Column("first", "first", "first", ImportanceRow::first),
            new Column("last", "last", "last", ImportanceRow::last),
            new Column("betasq", "betasq", "betasq", ImportanceRow::betasq),
            new Column("pratt", "pratt", "pratt", ImportanceRow::pratt),
            new Column("lmg", "lmg", "lmg", ImportanceRow::lmg),
            new Column("lmg", "lmgShare", "lmg_share", r -> 100 * r.lmgShare()),
            new Column("johnson", "johnson", "johnson", ImportanceRow::johnson),
            new Column("johnson", "johnsonShare", "johnson_share", r -> 100 * r.johnsonShare()),
            new Column("quadrants", "performance", "performance", ImportanceRow::performance));

    // ---- text -------------------------------------------------------------------------------------------------

    private static void printText(PrintWriter out, Run run, Set<String> chosen) {
        if (run.noIntercept != null) {
            NoIntercept ni = run.noIntercept;
            out.println(counts(ni.fit.n(), ni.dropped, ni.missingOutcome, null) + ", R² = "
                    + Output.oneDecimal(100 * ni.fit.r2()) + " % (uncentred)");
            textCoefficients(out, ni.fit.coefficients());
            out.println(NO_INTERCEPT_NOTE);
            return;
        }
        if (run.grouped != null) {
            run.grouped.groups().forEach((k, r) -> {
                out.println("== " + run.by + " = " + k);
                textResult(out, r, chosen);
                out.println();
            });
            run.grouped.skipped().forEach((k, why) -> out.println("skipped " + k + ": " + why));
            return;
        }
        textResult(out, Objects.requireNonNull(run.single), chosen);
        for (Logistic l : run.logistic) {
            out.println();
            String what = run.logisticByOutcome ? l.key + " vs rest" : l.key + " = 1 vs 0";
            if (l.result == null) {
                out.println("Logistic model of " + what + ": not fitted: " + l.error);
                continue;
            }
            LogisticFit f = l.result.logistic();
            out.println("Logistic model of " + what + ": n = " + f.n() + ", " + plain(f.events()) + " events, "
                    + "McFadden R² = " + Output.oneDecimal(100 * f.mcFaddenR2()) + " %");
            Output.Table t = new Output.Table(List.of("term", "estimate", "SE", "z", "p", "odds ratio"), false, true,
                    true, true, true, true);
            for (LogisticCoefficient c : f.coefficients()) {
                t.row(List.of(c.name(), fixed(c.estimate(), 4), fixed(c.standardError(), 4), fixed(c.z(), 2),
                        String.format(Locale.ROOT, "%.3g", c.p()), String.format(Locale.ROOT, "%.4g", c.oddsRatio())));
            }
            t.print(out);
        }
    }

    private static String counts(long n, long dropped, long missingOutcome, @Nullable MissingData rule) {
        String why = dropped == 0 ? "none dropped"
                : "dropped " + dropped + ": " + missingOutcome + " missing the outcome, " + (dropped - missingOutcome)
                        + (rule == MissingData.PAIRWISE ? " fewer in the smallest pairwise-complete count"
                                : " missing a rating");
        return "n = " + n + " of " + (n + dropped) + " rows (" + why
                + (rule == null ? "" : "; " + rule.name().toLowerCase(Locale.ROOT) + " deletion") + ")";
    }

    private static void textResult(PrintWriter out, DriverResult r, Set<String> chosen) {
        out.println(counts(r.n(), r.dropped(), r.missingOutcome(), r.missing()) + ", R² = "
                + Output.oneDecimal(100 * r.r2()) + " %, adjusted R² = " + Output.oneDecimal(100 * r.adjustedR2())
                + " %");
        if (!r.importance().isEmpty()) {
            out.println();
            Output.Table t = new Output.Table(List.of("attribute", "r", "LMG %", "Johnson %", "performance",
                    "quadrant"), false, true, true, true, true, false);
            for (ImportanceRow row : r.importance()) {
                t.row(List.of(row.name(), chosen.contains("correlation") ? fixed(row.correlation(), 2) : "–",
                        chosen.contains("lmg") ? fixed(100 * row.lmgShare(), 1) : "–",
                        chosen.contains("johnson") ? fixed(100 * row.johnsonShare(), 1) : "–",
                        chosen.contains("quadrants") ? fixed(row.performance(), 1) : "–",
                        chosen.contains("quadrants") ? row.quadrant().label() : ""));
            }
            t.print(out);
        }
        if (chosen.contains("ols")) {
            textCoefficients(out, r.coefficients());
        }
        r.whatIf().ifPresent(w -> {
            out.println();
            out.println("What if " + w.scenario().attribute() + " rose by " + plain(w.scenario().delta())
                    + (Double.isFinite(w.scenario().below()) ? " for ratings below " + plain(w.scenario().below())
                            : "")
                    + ": NPS " + Output.oneDecimal(w.baselineNps()) + " → " + Output.oneDecimal(w.predictedNps())
                    + " (cross-validated error ±" + Output.oneDecimal(w.crossValidatedError()) + " points, "
                    + w.folds() + "-fold; " + w.changedRows() + " respondents changed)");
        });
        r.bootstrap().ifPresent(b -> {
            out.println();
            out.println("Bootstrap " + Output.percent(b.level()) + " intervals (" + b.replicates() + " resamples, seed "
                    + b.seed() + (b.skipped() > 0 ? ", " + b.skipped() + " degenerate resamples skipped" : "") + ")");
            Output.Table t = new Output.Table(List.of("attribute", "LMG % from", "to", "Johnson % from", "to"), false,
                    true, true, true, true);
            for (BootstrapRow row : b.rows()) {
                t.row(List.of(row.name(), fixed(100 * row.lmgShare().lower(), 1),
                        fixed(100 * row.lmgShare().upper(), 1), fixed(100 * row.johnsonShare().lower(), 1),
                        fixed(100 * row.johnsonShare().upper(), 1)));
            }
            t.print(out);
        });
    }

    private static void textCoefficients(PrintWriter out, List<Coefficient> cs) {
        out.println();
        Output.Table t = new Output.Table(List.of("term", "estimate", "SE", "t", "p", "VIF"), false, true, true, true,
                true, true);
        for (Coefficient c : cs) {
            t.row(List.of(c.name(), fixed(c.estimate(), 3), fixed(c.standardError(), 3), fixed(c.t(), 2),
                    String.format(Locale.ROOT, "%.3g", c.p()),
                    c.vif().isPresent() ? fixed(c.vif().getAsDouble(), 2) : "–"));
        }
        t.print(out);
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    // ---- CSV --------------------------------------------------------------------------------------------------

    /**
     * One CSV table. {@code section} is the JSON path of the object or array a row comes from; an object's scalar
     * fields are {@code name,value} rows, an array's elements fill the columns of their kind.
     */
    static final List<String> CSV_HEADER = List.of("section", "group", "name", "value", "correlation", "spearman",
            "first", "last", "betasq", "pratt", "lmg", "lmg_share", "johnson", "johnson_share", "performance",
            "quadrant", "estimate", "standard_error", "t", "z", "p", "standardized", "vif", "odds_ratio",
            "lmg_share_lower", "lmg_share_upper", "johnson_share_lower", "johnson_share_upper");

    private static final class Csv {
        private final PrintWriter out;

        Csv(PrintWriter out) {
            this.out = out;
            out.println(Output.csvLine(CSV_HEADER));
        }

        void value(String section, String group, String name, String value) {
            row(section, group, name, Map.of("value", value));
        }

        void row(String section, String group, String name, Map<String, String> cells) {
            List<String> line = new ArrayList<>(CSV_HEADER.size());
            line.add(section);
            line.add(group);
            line.add(name);
            for (int i = 3; i < CSV_HEADER.size(); i++) {
                line.add(cells.getOrDefault(CSV_HEADER.get(i), ""));
            }
            for (String k : cells.keySet()) {
                if (!CSV_HEADER.contains(k)) {
                    throw new IllegalStateException("no CSV column " + k);
                }
            }
            out.println(Output.csvLine(line));
        }
    }

    private static void printCsv(PrintWriter out, Run run, Set<String> chosen) {
        Csv csv = new Csv(out);
        if (run.noIntercept != null) {
            NoIntercept ni = run.noIntercept;
            csv.value("model", "", "n", Long.toString(ni.fit.n()));
            csv.value("model", "", "dropped", Long.toString(ni.dropped));
            csv.value("model", "", "droppedMissingOutcome", Long.toString(ni.missingOutcome));
            csv.value("model", "", "droppedMissingRatings", Long.toString(ni.dropped - ni.missingOutcome));
            csv.value("model", "", "r2", Double.toString(ni.fit.r2()));
            csv.value("model", "", "adjustedR2", Double.toString(ni.fit.adjustedR2()));
            csv.value("model", "", "intercept", "false");
            csv.value("model", "", "note", NO_INTERCEPT_NOTE);
            csvCoefficients(csv, "", ni.fit.coefficients());
            return;
        }
        if (run.grouped != null) {
            run.grouped.groups().forEach((k, r) -> csvResult(csv, k, r, chosen));
            run.grouped.skipped().forEach((k, why) -> csv.value("skipped", k, "reason", why));
            return;
        }
        csvResult(csv, "", Objects.requireNonNull(run.single), chosen);
        for (Logistic l : run.logistic) {
            String section = run.logisticByOutcome ? "logistic." + l.key : "logistic";
            if (l.result == null) {
                csv.value(section, "", "error", Objects.requireNonNull(l.error));
                continue;
            }
            BinaryDriverResult b = l.result;
            csv.value(section, "", "n", Long.toString(b.n()));
            csv.value(section, "", "dropped", Long.toString(b.dropped()));
            csv.value(section, "", "events", Double.toString(b.logistic().events()));
            csv.value(section, "", "mcFaddenR2", Double.toString(b.logistic().mcFaddenR2()));
            for (LogisticCoefficient c : b.logistic().coefficients()) {
                csv.row(section + ".coefficients", "", c.name(), Map.of("estimate", Double.toString(c.estimate()),
                        "standard_error", Double.toString(c.standardError()), "z", Double.toString(c.z()),
                        "p", Double.toString(c.p()), "odds_ratio", Double.toString(c.oddsRatio())));
            }
        }
    }

    private static void csvResult(Csv csv, String group, DriverResult r, Set<String> chosen) {
        csv.value("model", group, "outcome", r.outcomeName());
        csv.value("model", group, "n", Long.toString(r.n()));
        csv.value("model", group, "dropped", Long.toString(r.dropped()));
        csv.value("model", group, "droppedMissingOutcome", Long.toString(r.missingOutcome()));
        csv.value("model", group, "droppedMissingRatings", Long.toString(r.droppedMissingRatings()));
        csv.value("model", group, "missing", r.missing().name().toLowerCase(Locale.ROOT));
        csv.value("model", group, "r2", Double.toString(r.r2()));
        csv.value("model", group, "adjustedR2", Double.toString(r.adjustedR2()));
        if (chosen.contains("ols")) {
            csvCoefficients(csv, group, r.coefficients());
        }
        for (ImportanceRow row : r.importance()) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (Column c : IMPORTANCE) {
                if (chosen.contains(c.method)) {
                    cells.put(c.csv, Double.toString(c.value.applyAsDouble(row)));
                }
            }
            if (chosen.contains("quadrants")) {
                cells.put("quadrant", row.quadrant().label());
            }
            csv.row("importance", group, row.name(), cells);
        }
        r.whatIf().ifPresent(w -> whatIfFields(w).forEach((k, v) -> csv.value("whatIf", group, k, v.toString())));
        r.bootstrap().ifPresent(b -> {
            csv.value("bootstrap", group, "level", Double.toString(b.level()));
            csv.value("bootstrap", group, "resamples", Integer.toString(b.replicates()));
            csv.value("bootstrap", group, "skipped", Long.toString(b.skipped()));
            csv.value("bootstrap", group, "seed", Long.toString(b.seed()));
            for (BootstrapRow row : b.rows()) {
                csv.row("bootstrap.rows", group, row.name(), Map.of(
                        "lmg_share_lower", Double.toString(100 * row.lmgShare().lower()),
                        "lmg_share_upper", Double.toString(100 * row.lmgShare().upper()),
                        "johnson_share_lower", Double.toString(100 * row.johnsonShare().lower()),
                        "johnson_share_upper", Double.toString(100 * row.johnsonShare().upper())));
            }
        });
    }

    private static void csvCoefficients(Csv csv, String group, List<Coefficient> cs) {
        for (Coefficient c : cs) {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("estimate", Double.toString(c.estimate()));
            cells.put("standard_error", Double.toString(c.standardError()));
            cells.put("t", Double.toString(c.t()));
            cells.put("p", Double.toString(c.p()));
            cells.put("standardized", Output.plain(c.standardized()));
            cells.put("vif", Output.plain(c.vif()));
            csv.row("coefficients", group, c.name(), cells);
        }
    }
}
