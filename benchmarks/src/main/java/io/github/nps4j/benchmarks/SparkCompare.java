package io.github.nps4j.benchmarks;

import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.table.ResponseTable;
import io.github.nps4j.core.table.TableScorer;
import io.github.nps4j.spark.NpsSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Rows per second of role+account-equal NPS by role (the spec of {@link Compare} and {@link GroupedNpsBenchmark}) on
 * Spark {@code local[2]} — {@link NpsSpark#score} against a hand-written Spark SQL {@code sum(case when …)} query of
 * the same figures — and on one machine with {@link TableScorer} (1 and 2 threads), over the same seeded rows of
 * {@link DataGenerator}. A benchmark, not a test: run it with the {@code spark-compare} profile (benchmarks/README.md).
 *
 * <pre>
 * SparkCompare DIR [--rows N] [--accounts A] [--rounds R] [--partitions P]
 * </pre>
 *
 * <p>Writes the rows once to {@code DIR/responses-N.parquet} (columns as {@code responses.csv}: response_id,
 * account_id, contact_id, role, answered_at as a date, score). Then, after one warm-up of each engine, runs R rounds;
 * each round times, in this order: {@code NpsSpark.score(parquet).collectAsList()} (everything it runs: the episode
 * check, the by-role cells and groups, the overall pass, the clustered SE), the SQL query on the same Parquet, and
 * the median of 11 {@code TableScorer} runs on an in-memory {@link ResponseTable} built from the same rows (the
 * table build and the Parquet read of the table are not timed; Spark's Parquet scan is, as it is part of its job). It
 * checks that all four give the same NPS, counts, weight sum, effective n, SE and clustered SE per role and overall
 * (relative 1e-9; TableScorer has no clustered SE) and prints the median, minimum and maximum per engine with the
 * 1-minute load average before and after.
 */
public final class SparkCompare {
    private static final double REL = 1e-9;

    /** The same figures as NpsSpark.score for role+account-equal by role, in one hand-written query. */
    static final String SQL = """
            WITH r AS (
              SELECT account_id AS acc, role,
                     CASE WHEN score >= 9 THEN 1 WHEN score >= 7 THEN 0 ELSE -1 END AS z,
                     CASE role WHEN 'decision-maker' THEN 3.0D WHEN 'influencer' THEN 2.0D ELSE 1.0D END AS rw
              FROM responses),
            cells AS (
              SELECT grouping(role) AS overall, role, acc,
                     sum(CASE WHEN z = 1 THEN 1 ELSE 0 END) AS np,
                     sum(CASE WHEN z = 0 THEN 1 ELSE 0 END) AS na,
                     sum(CASE WHEN z = -1 THEN 1 ELSE 0 END) AS nd,
                     sum(rw) AS s,
                     sum(CASE WHEN z = 1 THEN rw ELSE 0D END) AS rp,
                     sum(CASE WHEN z = -1 THEN rw ELSE 0D END) AS rd,
                     sum(CASE WHEN z = 1 THEN rw * rw ELSE 0D END) AS qp,
                     sum(CASE WHEN z = 0 THEN rw * rw ELSE 0D END) AS qa,
                     sum(CASE WHEN z = -1 THEN rw * rw ELSE 0D END) AS qd
              FROM r GROUP BY GROUPING SETS ((role, acc), (acc))),
            g AS (
              SELECT overall, role, sum(np) AS np, sum(na) AS na, sum(nd) AS nd, count(*) AS accounts,
                     sum(CASE WHEN s > 0 THEN 1D ELSE 0D END) AS w,
                     sum(CASE WHEN s > 0 THEN (rp - rd) / s ELSE 0D END) AS wz,
                     sum(CASE WHEN s > 0 THEN (qp + qa + qd) / (s * s) ELSE 0D END) AS w2
              FROM cells GROUP BY overall, role),
            v AS (
              SELECT c.overall, c.role,
                     sum(CASE WHEN c.s > 0 THEN (c.qp * (1 - m) * (1 - m) + c.qa * m * m + c.qd * (1 + m) * (1 + m))
                         / (c.s * c.s) ELSE 0D END) AS v1,
                     sum(CASE WHEN c.s > 0 THEN ((c.rp - c.rd) / c.s - m) * ((c.rp - c.rd) / c.s - m) ELSE 0D END) AS u
              FROM cells c JOIN (SELECT overall, role, wz / w AS m FROM g) gm
                ON c.overall = gm.overall AND c.role <=> gm.role
              GROUP BY c.overall, c.role),
            d AS (SELECT accounts AS design FROM g WHERE overall = 1)
            SELECT g.role, 100 * g.wz / g.w AS nps, g.np AS promoters, g.na AS passives, g.nd AS detractors,
                   g.np + g.na + g.nd AS n, g.w AS weightSum, g.w * g.w / g.w2 AS effectiveN,
                   100 * sqrt(v.v1) / g.w AS standardError,
                   CASE WHEN g.accounts >= 2
                        THEN 100 * sqrt(d.design / (d.design - 1) * v.u) / g.w END AS clusteredStandardError,
                   g.accounts
            FROM g JOIN v ON g.overall = v.overall AND g.role <=> v.role CROSS JOIN d
            ORDER BY g.overall DESC, g.role
            """;

    private SparkCompare() {
    }

    /**
     * Runs the comparison.
     *
     * @param args {@code DIR [--rows N] [--accounts A] [--rounds R] [--partitions P]}
     * @throws IOException if the load average cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SparkCompare DIR [--rows N] [--accounts A] [--rounds R] [--partitions P]");
            System.exit(2);
        }
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        int rows = Integer.parseInt(opts.getOrDefault("--rows", "10000000"));
        int accounts = Integer.parseInt(opts.getOrDefault("--accounts", "10000"));
        int rounds = Integer.parseInt(opts.getOrDefault("--rounds", "3"));
        String partitions = opts.getOrDefault("--partitions", "4");
        DataGenerator generator = new DataGenerator(accounts, 42);

        SparkSession spark = SparkSession.builder().master("local[2]").appName("nps4j-spark-compare")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", partitions)
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        Path parquet = Path.of(args[0]).resolve("responses-" + rows + ".parquet");
        if (!Files.exists(parquet.resolve("_SUCCESS"))) {
            long t0 = System.nanoTime();
            write(spark, generator, rows, parquet);
            System.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", parquet, (System.nanoTime() - t0) / 1e9);
        }
        ResponseTable table = generator.table(rows);
        TableScorer scorer = Compare.scorer();
        Dataset<Row> responses = spark.read().parquet(parquet.toString());
        responses.createOrReplaceTempView("responses");

        System.out.printf(Locale.ROOT, "rows %d, accounts %d, local[2], shuffle partitions %s, %d rounds, load %s%n",
                rows, accounts, partitions, rounds, load());
        // warm-up (JIT, Spark codegen, the OS file cache) and the agreement check
        List<Row> byLibrary = NpsSpark.score(responses, null, null, scorer.spec()).collectAsList();
        List<Row> bySql = spark.sql(SQL).collectAsList();
        check(byLibrary, bySql, scorer.score(table), scorer.scoreParallel(table, 2));
        System.out.println("agree: NpsSpark.score, SQL, TableScorer 1 and 2 threads (relative 1e-9)");
        for (int i = 0; i < 5; i++) {
            scorer.score(table);
            scorer.scoreParallel(table, 2);
        }

        double[][] seconds = new double[4][rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            NpsSpark.score(spark.read().parquet(parquet.toString()), null, null, scorer.spec()).collectAsList();
            seconds[0][r] = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            spark.sql(SQL).collectAsList();
            seconds[1][r] = (System.nanoTime() - t0) / 1e9;
            seconds[2][r] = median(11, () -> scorer.score(table));
            seconds[3][r] = median(11, () -> scorer.scoreParallel(table, 2));
            System.out.printf(Locale.ROOT, "round %d: NpsSpark %.2f s, SQL %.2f s, TableScorer %.1f ms / %.1f ms,"
                    + " load %s%n", r + 1, seconds[0][r], seconds[1][r], 1e3 * seconds[2][r], 1e3 * seconds[3][r],
                    load());
        }
        String[] names = {"NpsSpark.score, local[2]", "Spark SQL sum(case when), local[2]",
            "TableScorer, 1 thread", "TableScorer, 2 threads"};
        System.out.println("engine | median rows/s | min-max rows/s | median time");
        for (int e = 0; e < 4; e++) {
            double[] s = seconds[e].clone();
            Arrays.sort(s);
            double med = s[s.length / 2];
            System.out.printf(Locale.ROOT, "%s | %s | %s-%s | %s%n", names[e], rate(rows / med),
                    rate(rows / s[s.length - 1]), rate(rows / s[0]),
                    med >= 1 ? String.format(Locale.ROOT, "%.2f s", med)
                            : String.format(Locale.ROOT, "%.1f ms", 1e3 * med));
        }
        System.out.println("load after: " + load());
        spark.stop();
    }

    private static String rate(double perSecond) {
        return perSecond >= 1e6 ? String.format(Locale.ROOT, "%.1f M", perSecond / 1e6)
                : String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
    }

    private static double median(int runs, Runnable task) {
        double[] s = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.run();
            s[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(s);
        return s[runs / 2];
    }

    private static String load() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    /** Writes the generator's rows to Parquet in chunks of one million (the driver holds one chunk at a time). */
    static void write(SparkSession spark, DataGenerator generator, int rows, Path parquet) {
        StructType schema = new StructType().add("response_id", DataTypes.StringType)
                .add("account_id", DataTypes.StringType).add("contact_id", DataTypes.StringType)
                .add("role", DataTypes.StringType).add("answered_at", DataTypes.DateType)
                .add("score", DataTypes.IntegerType);
        DataGenerator.Rows g = generator.new Rows();
        int chunk = 1_000_000;
        for (int start = 0; start < rows; start += chunk) {
            List<Row> list = new ArrayList<>(Math.min(chunk, rows - start));
            for (int i = start; i < Math.min(rows, start + chunk); i++) {
                DataGenerator.Row r = g.next();
                list.add(RowFactory.create("R" + i, DataGenerator.accountId(r.account()),
                        DataGenerator.contactId(r.contact()), DataGenerator.ROLES.get(r.role()).name(),
                        java.sql.Date.valueOf(DataGenerator.START.plusDays(r.day())), r.score()));
            }
            spark.createDataFrame(list, schema).write().mode(start == 0 ? SaveMode.Overwrite : SaveMode.Append)
                    .parquet(parquet.toString());
        }
    }

    /** All four engines give the same figures per role and overall. */
    static void check(List<Row> library, List<Row> sql, GroupedEstimates one, GroupedEstimates two) {
        if (library.size() != sql.size()) {
            throw new IllegalStateException("NpsSpark gave " + library.size() + " rows, SQL " + sql.size());
        }
        for (int i = 0; i < library.size(); i++) {
            Row a = library.get(i);
            Row b = sql.get(i);
            String role = a.getString(0);
            if (!java.util.Objects.equals(role, b.getString(0))) {
                throw new IllegalStateException("row " + i + ": role " + role + " vs " + b.getString(0));
            }
            for (String f : NpsSpark.FIGURES) {
                Object x = a.get(a.fieldIndex(f));
                Object y = b.get(b.fieldIndex(f));
                if (!(x == null && y == null || x != null && y != null
                        && close(((Number) x).doubleValue(), ((Number) y).doubleValue()))) {
                    throw new IllegalStateException(role + " " + f + ": NpsSpark " + x + ", SQL " + y);
                }
            }
            for (GroupedEstimates table : List.of(one, two)) {
                NpsEstimate e = role == null ? table.overall().orElseThrow()
                        : table.groups().stream().filter(x -> x.key().values().get(0).equals(role)).findFirst()
                                .orElseThrow().estimate();
                double[] expected = {e.npsValue(), e.promoters(), e.passives(), e.detractors(), e.n(), e.weightSum(),
                    e.effectiveN().orElseThrow(), e.standardError().orElseThrow()};
                String[] fields = {"nps", "promoters", "passives", "detractors", "n", "weightSum", "effectiveN",
                    "standardError"};
                for (int k = 0; k < fields.length; k++) {
                    double x = ((Number) a.get(a.fieldIndex(fields[k]))).doubleValue();
                    if (!close(expected[k], x)) {
                        throw new IllegalStateException(role + " " + fields[k] + ": TableScorer " + expected[k]
                                + ", NpsSpark " + x);
                    }
                }
            }
        }
    }

    private static boolean close(double x, double y) {
        return Math.abs(x - y) <= REL * Math.max(1, Math.abs(x));
    }
}
