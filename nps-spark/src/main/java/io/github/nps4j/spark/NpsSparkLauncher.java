package io.github.nps4j.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.MixedEpisodesException;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.stats.AccountTotals;
import io.github.nps4j.core.stats.ClusteredEstimate;
import io.github.nps4j.core.stats.IntervalMethod;
import io.github.nps4j.core.stats.NpsSummary;
import io.github.nps4j.core.stats.UncertaintyOptions;
import io.github.nps4j.drivers.Coefficient;
import io.github.nps4j.drivers.DriverMoments;
import io.github.nps4j.drivers.ImportanceDecomposition;
import io.github.nps4j.drivers.ImportanceMetric;
import io.github.nps4j.drivers.Normalisation;
import io.github.nps4j.drivers.OlsFit;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * The main class of {@code bin/nps-spark}: {@code score} and {@code drivers} on Spark, reading CSV (header row, as
 * {@code nps}; a file or a directory of parts) or Parquet (a path ending in {@code .parquet}), writing JSON.
 *
 * <p>{@code score} takes {@code nps score}'s options {@code --responses --accounts --contacts --weight
 * --role-weights --by --dedupe --episode --mix-episodes --cluster none|account --ci wald|adjusted-wald|score
 * --level --format json} and prints the same JSON ({@code weighting, dedupe, ci, overall, groups}, each group with
 * {@code nps … accounts} and notes). {@code --ci bootstrap}, {@code --posterior} and the CSV import options need
 * the response objects and are refused (use {@code nps}). With {@code --cluster account} the per-(group, account)
 * totals are brought to the driver to compute the clustered intervals with the core; without it nothing but the
 * per-group tallies is. {@code drivers} takes {@code --responses [--weight-column C]} and prints OLS, exact LMG and
 * Johnson over every {@code attr:} column, from moments aggregated in Spark. {@code --master URL} picks the cluster
 * ({@code local[*]} when neither it nor {@code spark.master} is set).
 *
 * <p>Exit codes as {@code nps}: 0 success, 1 bad input (one line naming the column and value), 2 bad usage, 3 out of
 * memory.
 *
 * @since 0.1.0
 */
public final class NpsSparkLauncher {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NpsSparkLauncher() {
    }

    /**
     * Runs a command and exits with its code.
     *
     * @param args {@code score|drivers [options]}
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        System.exit(code);
    }

    /**
     * Runs a command in this JVM (using the active SparkSession, or starting one).
     *
     * @param args {@code score|drivers [options]}
     * @param out where the JSON goes
     * @param err where messages go
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Map<String, List<String>> o;
        try {
            o = options(args);
        } catch (IllegalArgumentException e) {
            err.println("nps-spark: " + e.getMessage());
            err.println("usage: nps-spark score|drivers --responses F [--accounts F] [--contacts F] [--by FIELD,...] "
                    + "[--weight W] [--role-weights R=W,...] [--dedupe D] [--episode E,...] [--mix-episodes] "
                    + "[--cluster none|account] [--ci wald|adjusted-wald|score] [--level L] [--format json] "
                    + "[--master URL]");
            return 2;
        }
        try {
            SparkSession spark = session(one(o, "master"));
            ObjectNode result = o.get("command").get(0).equals("score") ? score(spark, o) : drivers(spark, o);
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            out.flush();
            return 0;
        } catch (Usage e) {
            err.println("nps-spark: " + e.getMessage());
            return 2;
        } catch (OutOfMemoryError e) {
            err.println("nps-spark: out of memory; raise --driver-memory / --executor-memory or use a cluster");
            return 3;
        } catch (MixedEpisodesException e) {
            err.println("nps-spark: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            Throwable root = NpsSpark.rootCause(e);
            String msg = String.valueOf(root.getMessage());
            err.println("nps-spark: " + (msg.length() > 300 ? msg.substring(0, 300) + "…" : msg));
            return root instanceof IllegalArgumentException || root instanceof org.apache.spark.sql.AnalysisException
                    ? 1 : 3;
        }
    }

    /** A usage error (exit code 2). */
    private static final class Usage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }

    private static final List<String> FLAGS = List.of("mix-episodes");
    private static final List<String> VALUED = List.of("responses", "accounts", "contacts", "by", "weight",
            "role-weights", "dedupe", "episode", "cluster", "ci", "level", "format", "master", "weight-column");

    private static Map<String, List<String>> options(String[] args) {
        if (args.length == 0 || !(args[0].equals("score") || args[0].equals("drivers"))) {
            throw new IllegalArgumentException("expected a command: score or drivers");
        }
        Map<String, List<String>> o = new HashMap<>();
        o.put("command", List.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String name = a.startsWith("--") ? a.substring(2) : "";
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name)) {
                o.put(name, List.of("true"));
            } else if (VALUED.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    value = args[++i];
                }
                o.computeIfAbsent(name, k -> new ArrayList<>()).addAll(name.equals("by") || name.equals("episode")
                        ? Arrays.asList(value.split(",")) : List.of(value));
            } else {
                throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (!o.containsKey("responses")) {
            throw new IllegalArgumentException("--responses is required");
        }
        return o;
    }

    private static @Nullable String one(Map<String, List<String>> o, String name) {
        List<String> v = o.get(name);
        return v == null ? null : v.get(v.size() - 1);
    }

    private static String one(Map<String, List<String>> o, String name, String dflt) {
        String v = one(o, name);
        return v == null ? dflt : v;
    }

    private static SparkSession session(@Nullable String master) {
        SparkSession.Builder b = SparkSession.builder().appName("nps-spark");
        if (master != null) {
            b.master(master);
        } else if (System.getProperty("spark.master") == null && SparkSession.getActiveSession().isEmpty()) {
            b.master("local[*]");
        }
        return b.getOrCreate();
    }

    private static @Nullable Dataset<Row> read(SparkSession spark, @Nullable String path) {
        if (path == null) {
            return null;
        }
        boolean parquet = path.endsWith(".parquet") || path.endsWith(".parquet/");
        // RFC 4180 as nps reads it: "" inside quotes is a quote, a quoted field may hold line breaks (so a CSV file
        // is read by one task; Parquet is split)
        return parquet ? spark.read().parquet(path) : spark.read().option("header", "true").option("mode",
                "FAILFAST").option("escape", "\"").option("multiLine", "true").csv(path);
    }

    static ScoringSpec spec(Map<String, List<String>> o) {
        try {
            String rw = one(o, "role-weights");
            ScoringSpec.Builder b = ScoringSpec.builder()
                    .weighting(Weighting.parse(one(o, "weight", "none"),
                            rw == null ? RoleWeights.defaults() : RoleWeights.parse(rw)))
                    .groupBy(o.getOrDefault("by", List.of()).stream().map(GroupField::parse).toList())
                    .dedupe(Dedupe.parse(one(o, "dedupe", "none")));
            if (o.containsKey("mix-episodes")) {
                b.mixEpisodes();
            }
            if (o.containsKey("episode")) {
                b.episodes(o.get("episode").stream().map(EpisodeType::of).toList());
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new Usage(e.getMessage());
        }
    }

    private static ObjectNode score(SparkSession spark, Map<String, List<String>> o) {
        ScoringSpec spec = spec(o);
        IntervalMethod method;
        double level;
        try {
            method = IntervalMethod.parse(one(o, "ci", "adjusted-wald"));
            level = Double.parseDouble(one(o, "level", "0.95"));
        } catch (IllegalArgumentException e) {
            throw new Usage("--ci/--level: " + e.getMessage());
        }
        if (method == IntervalMethod.BOOTSTRAP) {
            throw new Usage("--ci bootstrap resamples response objects; use nps score");
        }
        if (!(level > 0 && level < 1)) {
            throw new Usage("--level " + level + " must be between 0 and 1");
        }
        String cluster = one(o, "cluster", "none");
        if (!cluster.equals("none") && !cluster.equals("account")) {
            throw new Usage("--cluster '" + cluster + "': expected none or account");
        }
        if (!one(o, "format", "json").equals("json")) {
            throw new Usage("--format: nps-spark writes json only");
        }
        Dataset<Row> accounts = read(spark, one(o, "accounts"));
        try {
            spec.requireAccounts(accounts != null);
        } catch (IllegalArgumentException e) {
            throw new Usage(e.getMessage() + " (--accounts)");
        }
        Dataset<Row> responses = read(spark, one(o, "responses"));
        Dataset<Row> contacts = read(spark, one(o, "contacts"));
        int keys = spec.groupBy().size();
        List<Row> tallies = NpsSpark.tallies(responses, accounts, contacts, spec).collectAsList();
        Map<List<String>, Map<String, AccountTotals>> totals = new HashMap<>();
        if (cluster.equals("account")) {
            for (Row r : NpsSpark.accountTotals(responses, accounts, contacts, spec).collectAsList()) {
                totals.computeIfAbsent(key(r, keys), k -> new TreeMap<>()).put(r.getString(keys),
                        new AccountTotals(r.getLong(keys + 1), r.getDouble(keys + 2), Math.max(-r.getDouble(
                                keys + 2), Math.min(r.getDouble(keys + 2), r.getDouble(keys + 3)))));
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("weighting", spec.weighting().label());
        root.put("dedupe", spec.dedupe().label());
        ObjectNode ci = root.putObject("ci");
        ci.put("method", method.label());
        ci.put("level", level);
        ci.put("cluster", cluster);
        ObjectNode overall = null;
        List<Map.Entry<io.github.nps4j.core.GroupKey, ObjectNode>> groups = new ArrayList<>();
        for (Row r : tallies) {
            List<String> key = key(r, keys);
            ObjectNode node = JSON.createObjectNode();
            if (keys == 0 || key.get(0) == null) {
                overall = node;
            } else {
                io.github.nps4j.core.GroupKey gk = new io.github.nps4j.core.GroupKey(spec.fieldNames(), key);
                ObjectNode k = node.putObject("key");
                gk.asMap().forEach(k::put);
                groups.add(Map.entry(gk, node));
            }
            Row t = org.apache.spark.sql.RowFactory.create(Arrays.copyOfRange(rowValues(r), keys, keys + 9));
            NpsEstimate e = TallyAggregator.estimate(t);
            long accountsCount = r.getLong(keys + 9);
            // a group is a domain of the scored data: its clustered SE counts every account of the design (as nps)
            long designAccounts = r.getLong(keys + 11);
            boolean whole = keys == 0 || key.get(0) == null;
            NpsSummary s;
            if (cluster.equals("account")) {
                ClusteredEstimate own = ClusteredEstimate.of(e, totals.getOrDefault(key, Map.of()));
                ClusteredEstimate ce = whole ? own : own.inDesign((int) designAccounts);
                io.github.nps4j.core.GroupKey gk = whole ? new io.github.nps4j.core.GroupKey(List.of(), List.of())
                        : new io.github.nps4j.core.GroupKey(spec.fieldNames(), key);
                // a one-account group keeps its figures, without a clustered interval, as in nps score's tables
                s = NpsSummary.of(ce, gk, UncertaintyOptions.defaults().withMethod(method).withLevel(level)
                        .clusteredByAccount());
            } else {
                NpsSummary plain = NpsSummary.of(e, method, level);
                Double u2 = r.isNullAt(keys + 10) ? null : r.getDouble(keys + 10);
                long g = whole ? accountsCount : designAccounts;
                OptionalDouble cse = e.isDefined() && accountsCount >= 2 && u2 != null
                        ? OptionalDouble.of(100 * Math.sqrt((double) g / (g - 1) * u2))
                        : OptionalDouble.empty();
                s = new NpsSummary(e, cse, OptionalInt.of((int) accountsCount), plain.ci(), plain.method(),
                        plain.level(), plain.notes());
            }
            putGroup(node, s);
        }
        if (overall == null) {
            root.putNull("overall");
        } else {
            root.set("overall", overall);
        }
        groups.sort(Map.Entry.comparingByKey());
        ArrayNode array = root.putArray("groups");
        groups.forEach(g -> array.add(g.getValue()));
        return root;
    }

    private static Object[] rowValues(Row r) {
        Object[] v = new Object[r.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.get(i);
        }
        return v;
    }

    private static List<String> key(Row r, int keys) {
        List<String> k = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
            k.add(r.getString(i));
        }
        return k;
    }

    /** DESIGN §6 GROUP, field for field as {@code nps score --format json} writes it. */
    private static void putGroup(ObjectNode n, NpsSummary s) {
        NpsEstimate e = s.estimate();
        put(n, "nps", e.nps());
        n.put("promoters", e.promoters());
        n.put("passives", e.passives());
        n.put("detractors", e.detractors());
        n.put("n", e.n());
        n.put("weightSum", e.weightSum());
        put(n, "effectiveN", e.effectiveN());
        put(n, "standardError", e.standardError());
        if (e.isDegenerate()) {
            n.put("degenerate", true);
        }
        if (s.ci().isPresent()) {
            ObjectNode ci = n.putObject("ci");
            ci.put("lower", s.ci().get().lower());
            ci.put("upper", s.ci().get().upper());
        } else {
            n.putNull("ci");
        }
        put(n, "clusteredStandardError", s.clusteredStandardError());
        if (s.clusters().isPresent()) {
            n.put("accounts", s.clusters().getAsInt());
        }
        if (!s.notes().isEmpty()) {
            ArrayNode notes = n.putArray("notes");
            s.notes().forEach(notes::add);
        }
    }

    private static void put(ObjectNode n, String field, OptionalDouble v) {
        if (v.isPresent()) {
            n.put(field, v.getAsDouble());
        } else {
            n.putNull(field);
        }
    }

    private static ObjectNode drivers(SparkSession spark, Map<String, List<String>> o) {
        Dataset<Row> responses = read(spark, one(o, "responses"));
        List<String> attributes = Arrays.stream(responses.columns()).filter(c -> c.startsWith("attr:")).sorted()
                .toList();
        DriverMoments m = NpsSpark.driverMoments(responses, "score", attributes, one(o, "weight-column"));
        OlsFit ols = m.ols();
        ImportanceDecomposition d = m.importance();
        ObjectNode root = JSON.createObjectNode();
        root.put("outcome", m.outcomeName());
        root.put("n", m.n());
        root.put("weighted", one(o, "weight-column") != null);
        root.put("r2", ols.r2());
        root.put("adjustedR2", ols.adjustedR2());
        ArrayNode coefficients = root.putArray("coefficients");
        for (Coefficient c : ols.coefficients()) {
            ObjectNode n = coefficients.addObject();
            n.put("name", c.name());
            n.put("estimate", c.estimate());
            n.put("standardError", c.standardError());
            n.put("t", c.t());
            n.put("p", c.p());
            put(n, "standardized", c.standardized());
            put(n, "vif", c.vif());
        }
        double[] lmg = d.values(ImportanceMetric.LMG);
        double[] johnson = d.values(ImportanceMetric.JOHNSON);
        double[] lmgShare = Normalisation.SUM.apply(lmg);
        double[] johnsonShare = Normalisation.SUM.apply(johnson);
        double[][] r = m.correlations();
        ArrayNode importance = root.putArray("importance");
        for (int j = 0; j < lmg.length; j++) {
            ObjectNode n = importance.addObject();
            n.put("name", m.attributeNames().get(j));
            n.put("correlation", r[0][j + 1]);
            n.put("performance", m.means()[j + 1]);
            n.put("lmg", lmg[j]);
            n.put("johnson", johnson[j]);
            n.put("lmgShare", lmgShare[j]);
            n.put("johnsonShare", johnsonShare[j]);
        }
        return root;
    }
}
