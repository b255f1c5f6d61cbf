package io.github.nps4j.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.github.nps4j.core.DateWindow;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.PeriodUnit;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Weighting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * The Spark plan of one scoring spec. Filters and group keys per response, then for each grouping set (the groups,
 * and the overall figure unless the episode rule leaves it out): de-duplication by a window function, level 1 =
 * per (group, account) cells of counts, raw weight sums and squared sums, normalised within the account by the
 * weighting algebra of {@code WeightRules} (T_a·R_c/S_a and T_a²·Q_c/S_a²), level 2 = per group
 * {@link TallyAggregator}, and the clustered variance Σ_a ((A_a − m·W_a)/W)² from the cells joined to their group's
 * m and W (a broadcast join of the small per-group table: no second shuffle of the cells).
 */
final class Pipeline {
    static final String[] TALLY = TallyAggregator.SCHEMA.fieldNames();

    private final ScoringSpec spec;
    private final List<GroupField> fields;
    private final List<String> keys;

    Pipeline(ScoringSpec spec) {
        this.spec = spec;
        this.fields = spec.groupBy();
        List<String> k = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            k.add("_k" + i);
        }
        this.keys = List.copyOf(k);
    }

    /** The internal key column names, {@code _k0, _k1, …}, in the spec's field order. */
    List<String> keys() {
        return keys;
    }

    /** Kept responses with their group key columns (named as the fields) and raw weight {@code rw}. */
    Dataset<Row> keyed(Dataset<Row> responses, @Nullable Dataset<Row> accounts, @Nullable Dataset<Row> contacts) {
        Dataset<Row> r = Inputs.responses(responses, contacts);
        if (spec.episodes().isPresent()) {
            r = r.where(col("episode").isin(spec.episodes().get().stream().map(EpisodeType::name).toArray()));
        }
        if (spec.window().isPresent()) {
            LocalDate start = spec.window().get().start();
            LocalDate end = spec.window().get().end();
            UserDefinedFunction inWindow = udf((UDF1<Long, Boolean>) d -> new DateWindow(start, end)
                    .containsEpochDay(d), DataTypes.BooleanType);
            r = r.where(inWindow.apply(col("day")));
        }
        Weighting w = spec.weighting();
        List<String> segments = new ArrayList<>();
        boolean tier = false;
        for (GroupField f : fields) {
            if (f.name().startsWith("seg:")) {
                segments.add(f.name().substring(4));
            }
            tier |= f.equals(GroupField.TIER);
        }
        boolean joinAccounts = accounts != null && (tier || !segments.isEmpty() || w.needsAccountValues());
        if (joinAccounts) {
            Dataset<Row> a = Inputs.accounts(accounts, tier, w.needsAccountValues(), segments.toArray(new String[0]));
            r = r.join(a, r.col("acc").equalTo(a.col("a_acc")), "left");
        }
        List<Column> cols = new ArrayList<>();
        for (String c : new String[] {"rid", "acc", "contact", "role", "episode", "t", "day", "cat"}) {
            cols.add(col(c));
        }
        if (joinAccounts) {
            cols.add(col("a_known"));
            cols.add(col("a_value"));
        }
        int seg = 0;
        for (int i = 0; i < fields.size(); i++) {
            GroupField f = fields.get(i);
            cols.add(keyColumn(f, f.name().startsWith("seg:") ? seg++ : -1).as(keys.get(i)));
        }
        cols.add(rawWeight(w).as("rw"));
        return r.select(cols.toArray(new Column[0]));
    }

    private static Column keyColumn(GroupField f, int segment) {
        if (f.equals(GroupField.ACCOUNT)) {
            return col("acc");
        }
        if (f.equals(GroupField.ROLE)) {
            return org.apache.spark.sql.functions.coalesce(col("role"), lit(GroupField.NONE));
        }
        if (f.equals(GroupField.EPISODE)) {
            return col("episode");
        }
        if (f.periodUnit().isPresent()) {
            PeriodUnit unit = f.periodUnit().get();
            return udf((UDF1<Long, String>) d -> unit.label(LocalDate.ofEpochDay(d)), DataTypes.StringType)
                    .apply(col("day"));
        }
        String name = f.name();
        Column value = f.equals(GroupField.TIER) ? col("a_tier") : col("a_seg" + segment);
        UserDefinedFunction known = udf((UDF4<Boolean, String, String, String, String>) (k, v, acc, rid) -> {
            if (k == null) {
                throw new IllegalArgumentException("grouping by " + name + " needs account " + acc
                        + " of response " + rid + ", which is not among the accounts given");
            }
            return v == null ? GroupField.NONE : v;
        }, DataTypes.StringType);
        return known.apply(col("a_known"), value, col("acc"), col("rid"));
    }

    /** The raw weight rw: the role's weight (default weight for a missing or unlisted role) or 1. */
    private static Column rawWeight(Weighting w) {
        if (!w.usesRoleWeights()) {
            return lit(1.0);
        }
        Column c = null;
        for (Map.Entry<Role, Double> e : w.roleWeights().weights().entrySet()) {
            Column cond = col("role").equalTo(e.getKey().name());
            c = c == null ? when(cond, e.getValue()) : c.when(cond, e.getValue());
        }
        double d = w.roleWeights().defaultWeight();
        return c == null ? lit(d) : c.otherwise(d);
    }

    /** Level 1: per (group, account) cells with the final per-category weight sums, for the given key columns. */
    Dataset<Row> cells(Dataset<Row> keyed, List<String> groupKeys, boolean accountsJoined) {
        Dataset<Row> d = keyed;
        if (spec.dedupe() == io.github.nps4j.core.Dedupe.LATEST_PER_CONTACT) {
            List<Column> part = new ArrayList<>();
            groupKeys.forEach(k -> part.add(col(k)));
            part.add(col("contact"));
            d = d.withColumn("_rn", row_number().over(Window.partitionBy(part.toArray(new Column[0]))
                    .orderBy(col("t").desc(), col("rid").desc()))).where(col("_rn").equalTo(1));
        }
        List<Column> by = new ArrayList<>();
        groupKeys.forEach(k -> by.add(col(k)));
        by.add(col("acc"));
        Weighting w = spec.weighting();
        List<Column> aggs = new ArrayList<>();
        String[] cat = {"d", "a", "p"};
        for (int c = 0; c < 3; c++) {
            Column is = col("cat").equalTo(c - 1);
            aggs.add(sum(when(is, 1L).otherwise(0L)).as("n_" + cat[c]));
            aggs.add(sum(when(is, col("rw")).otherwise(0.0)).as("r_" + cat[c]));
            aggs.add(sum(when(is, col("rw").multiply(col("rw"))).otherwise(0.0)).as("q_" + cat[c]));
        }
        if (w.needsAccountValues() && accountsJoined) {
            aggs.add(org.apache.spark.sql.functions.first(col("a_known"), true).as("a_known"));
            aggs.add(org.apache.spark.sql.functions.first(col("a_value"), true).as("a_value"));
        }
        Dataset<Row> cells = d.groupBy(by.toArray(new Column[0]))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
        List<Column> out = new ArrayList<>();
        groupKeys.forEach(k -> out.add(col(k)));
        out.add(col("acc"));
        for (String c : cat) {
            out.add(col("n_" + c));
        }
        if (w.normalisesWithinAccounts()) {
            Column total = lit(1.0);
            if (w.needsAccountValues()) {
                String label = w.label();
                UserDefinedFunction t = udf((UDF3<String, Boolean, Double, Double>) (acc, known, value) -> {
                    if (known == null) {
                        throw new IllegalArgumentException(label + " weighting needs account " + acc
                                + ", which is not among the accounts given");
                    }
                    if (value == null) {
                        throw new IllegalArgumentException(label + " weighting needs the annual value of account "
                                + acc + ", which is not known");
                    }
                    return value;
                }, DataTypes.DoubleType);
                total = t.apply(col("acc"), col("a_known"), col("a_value"));
            }
            Column s = col("r_d").plus(col("r_a")).plus(col("r_p"));
            cells = cells.withColumn("_s", s).withColumn("_t", total);
            for (String c : cat) {
                out.add(when(col("_s").gt(0), col("r_" + c).divide(col("_s")).multiply(col("_t"))).otherwise(0.0)
                        .as("w_" + c));
            }
            for (String c : cat) {
                out.add(when(col("_s").gt(0), col("_t").multiply(col("_t")).multiply(col("q_" + c))
                        .divide(col("_s").multiply(col("_s")))).otherwise(0.0).as("w2_" + c));
            }
        } else {
            for (String c : cat) {
                out.add(col("r_" + c).as("w_" + c));
            }
            for (String c : cat) {
                out.add(col("q_" + c).as("w2_" + c));
            }
        }
        return cells.select(out.toArray(new Column[0]));
    }

    /**
     * Level 2: per group the tally fields, {@code accounts} and {@code u2} = Σ_a ((A_a − m·W_a)/W)², where A_a and
     * W_a are the account's Σw·z and Σw and m, W the group's.
     */
    static Dataset<Row> groups(Dataset<Row> cells, List<String> groupKeys) {
        Column[] by = groupKeys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Column tally = TallyAggregator.column(col("n_d"), col("n_a"), col("n_p"), col("w_d"), col("w_a"),
                col("w_p"), col("w2_d"), col("w2_a"), col("w2_p"));
        Dataset<Row> g = cells.groupBy(by).agg(tally.as("_tally"), count(lit(1)).as("accounts"));
        List<Column> flat = new ArrayList<>();
        groupKeys.forEach(k -> flat.add(col(k)));
        for (String f : TALLY) {
            flat.add(col("_tally." + f).as(f));
        }
        flat.add(col("accounts"));
        g = g.select(flat.toArray(new Column[0]));
        Column wsum = col("detractorWeight").plus(col("passiveWeight")).plus(col("promoterWeight"));
        Dataset<Row> mw = g.select(concat(groupKeys, col("promoterWeight").minus(col("detractorWeight"))
                .divide(wsum).as("_m"), wsum.as("_W")));
        Dataset<Row> joined = groupKeys.isEmpty() ? cells.crossJoin(broadcast(mw))
                : cells.join(broadcast(mw), scala(groupKeys));
        Column a = col("w_p").minus(col("w_d"));
        Column wa = col("w_d").plus(col("w_a")).plus(col("w_p"));
        Column u = a.minus(col("_m").multiply(wa)).divide(col("_W"));
        Dataset<Row> u2 = joined.where(col("_W").gt(0)).groupBy(by).agg(sum(u.multiply(u)).as("u2"));
        // without keys both are global aggregates: exactly one row each
        return groupKeys.isEmpty() ? g.crossJoin(u2) : g.join(u2, scala(groupKeys), "left");
    }

    private static Column[] concat(List<String> keys, Column... more) {
        List<Column> c = new ArrayList<>();
        keys.forEach(k -> c.add(col(k)));
        c.addAll(List.of(more));
        return c.toArray(new Column[0]);
    }

    static scala.collection.immutable.Seq<String> scala(List<String> keys) {
        return scala.jdk.javaapi.CollectionConverters.asScala(keys).toList();
    }

    /**
     * The figures of one tally row, from the core's {@link NpsEstimate}: nps, effectiveN, SE, and the clustered SE
     * 100·√(G/(G−1)·u2) with G = {@code clusters} (the design's accounts), null unless the group has at least two
     * accounts of its own.
     */
    static final UserDefinedFunction FIGURES = udf((UDF4<Row, Long, Long, Double, Row>) (t, accounts, clusters,
            u2) -> {
        NpsEstimate e = TallyAggregator.estimate(t);
        Double cse = null;
        if (e.isDefined() && accounts >= 2 && clusters >= 2 && u2 != null) {
            cse = 100 * Math.sqrt((double) clusters / (clusters - 1) * u2);
        }
        return RowFactory.create(e.nps().isPresent() ? e.nps().getAsDouble() : null, e.weightSum(),
                e.effectiveN().isPresent() ? e.effectiveN().getAsDouble() : null,
                e.standardError().isPresent() ? e.standardError().getAsDouble() : null, cse);
    }, new StructType().add("nps", DataTypes.DoubleType, true).add("weightSum", DataTypes.DoubleType, false)
            .add("effectiveN", DataTypes.DoubleType, true).add("standardError", DataTypes.DoubleType, true)
            .add("clusteredStandardError", DataTypes.DoubleType, true));

    /** Tells whether the episode rule leaves out the overall figure (throws for a silent mix). */
    boolean overallLeftOut(Dataset<Row> keyed) {
        if (spec.mixesEpisodes() || spec.episodes().map(e -> e.size() <= 1).orElse(false)) {
            return false;
        }
        List<String> present = new ArrayList<>();
        for (Row row : keyed.select("episode").distinct().collectAsList()) {
            present.add(row.getString(0));
        }
        return spec.checkEpisodes(present);
    }
}
