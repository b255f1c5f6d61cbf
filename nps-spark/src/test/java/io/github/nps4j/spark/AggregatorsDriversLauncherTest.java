package io.github.nps4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.MixedEpisodesException;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.stats.ClusteredEstimate;
import io.github.nps4j.core.stats.IntervalMethod;
import io.github.nps4j.core.stats.NpsSummary;
import io.github.nps4j.drivers.Coefficient;
import io.github.nps4j.drivers.DriverAnalysis;
import io.github.nps4j.drivers.DriverData;
import io.github.nps4j.drivers.DriverMoments;
import io.github.nps4j.drivers.DriverResult;
import io.github.nps4j.drivers.ImportanceMetric;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregatorsDriversLauncherTest {
    private static SparkTests.Portfolio p;

    @BeforeAll
    static void data() {
        p = SparkTests.portfolio(7L, 25, 400);
    }

    @Test
    void clusteredTallyAggregatorEqualsTheCore() {
        RoleWeights rw = RoleWeights.defaults();
        ScoringSpec spec = ScoringSpec.builder().weighting(Weighting.role(rw)).mixEpisodes().build();
        GroupedNps.Group all = NpsScorer.of(spec, p.accounts()).score(p.responses()).overall().orElseThrow();
        ClusteredEstimate expected = ClusteredEstimate.of(all.data());
        List<Row> rows = new ArrayList<>();
        for (Response r : p.responses()) {
            rows.add(RowFactory.create(r.accountId(), r.score(), rw.weightOf(r)));
        }
        Dataset<Row> df = SparkTests.spark().createDataFrame(rows, ClusteredTallyAggregator.INPUT).repartition(3);
        Row out = df.agg(ClusteredTallyAggregator.column(col("account"), col("score"), col("weight")).as("c"),
                TallyAggregator.column(lit(1L), lit(0L), lit(0L), lit(2.0), lit(0.0), lit(0.0), lit(4.0),
                        lit(0.0), lit(0.0)).as("t")).first();
        Row c = out.getStruct(0);
        NpsEstimate e = TallyAggregator.estimate(c);
        assertEquals(expected.estimate().n(), e.n());
        assertEquals(expected.estimate().promoters(), e.promoters());
        ScoreEqualityTest.close(expected.estimate().npsValue(), e.npsValue(), "nps");
        assertEquals(expected.clusters(), c.getLong(9));
        ScoreEqualityTest.close(expected.clusteredStandardError().getAsDouble(), c.getDouble(10), "clustered SE");
        // every row added the one-detractor cell of weight 2
        NpsEstimate cells = TallyAggregator.estimate(out.getStruct(1));
        assertEquals(p.responses().size(), cells.detractors());
        ScoreEqualityTest.close(2.0 * p.responses().size(), cells.weightSum(), "cell weights");
    }

    @Test
    void driversFromSparkMomentsEqualDriverAnalysis() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 500;
        List<Row> rows = new ArrayList<>();
        double[] y = new double[n];
        double[][] x = new double[3][n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            Double[] v = new Double[3];
            double s = 0;
            for (int j = 0; j < 3; j++) {
                x[j][i] = 1 + rnd.nextInt(10);
                s += (j + 1) * x[j][i];
                v[j] = x[j][i];
            }
            y[i] = Math.max(0, Math.min(10, Math.round(s / 6 - 1 + rnd.nextGaussian())));
            w[i] = 0.5 + rnd.nextDouble();
            if (i % 17 == 0) {
                v[1] = null;
                x[1][i] = Double.NaN;
            }
            rows.add(RowFactory.create("R" + i, (int) y[i], v[0], v[1], v[2], w[i]));
        }
        StructType schema = new StructType().add("response_id", DataTypes.StringType)
                .add("score", DataTypes.IntegerType).add("attr:delivery", DataTypes.DoubleType)
                .add("attr:price", DataTypes.DoubleType).add("attr:support", DataTypes.DoubleType)
                .add("w", DataTypes.DoubleType);
        Dataset<Row> df = SparkTests.spark().createDataFrame(rows, schema).repartition(4);
        for (boolean weighted : new boolean[] {false, true}) {
            DriverData.Builder b = DriverData.builder("score").outcome(y).attribute("delivery", x[0])
                    .attribute("price", x[1]).attribute("support", x[2]);
            if (weighted) {
                b.weights(w);
            }
            DriverResult local = DriverAnalysis.builder().build().analyze(b.build());
            DriverMoments m = NpsSpark.driverMoments(df, "score",
                    List.of("attr:delivery", "attr:price", "attr:support"), weighted ? "w" : null);
            assertEquals(local.n(), m.n());
            assertEquals(List.of("delivery", "price", "support"), m.attributeNames());
            ScoreEqualityTest.close(local.r2(), m.ols().r2(), "r2");
            for (Coefficient c : local.ols().coefficients()) {
                Coefficient s = m.ols().coefficient(c.name());
                ScoreEqualityTest.close(c.estimate(), s.estimate(), c.name());
                ScoreEqualityTest.close(c.standardError(), s.standardError(), c.name() + " SE");
            }
            for (ImportanceMetric metric : List.of(ImportanceMetric.LMG, ImportanceMetric.JOHNSON)) {
                double[] a = local.decomposition().values(metric);
                double[] s = m.importance().values(metric);
                for (int j = 0; j < 3; j++) {
                    ScoreEqualityTest.close(a[j], s[j], metric + " " + j);
                }
            }
        }
    }

    @Test
    void badInputNamesTheColumnAndValue() {
        StructType schema = new StructType().add("response_id", DataTypes.StringType)
                .add("account_id", DataTypes.StringType).add("contact_id", DataTypes.StringType)
                .add("answered_at", DataTypes.StringType).add("score", DataTypes.StringType);
        Dataset<Row> bad = SparkTests.spark().createDataFrame(List.of(
                RowFactory.create("R1", "A1", "C1", "2026-01-05", "9"),
                RowFactory.create("R2", "A1", "C2", "2026-01-06", "11")), schema);
        SparkException e = assertThrows(SparkException.class,
                () -> NpsSpark.score(bad, null, null, ScoringSpec.defaults()).collectAsList());
        Throwable root = NpsSpark.rootCause(e);
        assertTrue(root instanceof IllegalArgumentException, root.toString());
        assertTrue(root.getMessage().contains("'score'") && root.getMessage().contains("11")
                && root.getMessage().contains("R2"), root.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> NpsSpark.score(bad.drop("contact_id"), null, null, ScoringSpec.defaults()));
        assertTrue(missing.getMessage().contains("'contact_id'"), missing.getMessage());
        assertThrows(MixedEpisodesException.class, () -> NpsSpark.score(p.responseRows(), null, p.contactRows(),
                ScoringSpec.defaults()));
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> NpsSpark.score(
                p.responseRows(), null, null, ScoringSpec.builder().weighting(Weighting.accountValue()).build()));
        assertTrue(value.getMessage().contains("accounts"), value.getMessage());
    }

    @Test
    void launcherWritesTheJsonOfNpsScore(@TempDir Path dir) throws Exception {
        Path responses = dir.resolve("responses.parquet");
        p.responseRows().write().parquet(responses.toString());
        Path accounts = dir.resolve("accounts.csv");
        p.accountRows().coalesce(1).write().option("header", "true").csv(accounts.toString());
        Path contacts = dir.resolve("contacts.parquet");
        p.contactRows().write().parquet(contacts.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NpsSparkLauncher.run(new String[] {"score", "--responses", responses.toString(), "--accounts",
            accounts.toString(), "--contacts", contacts.toString(), "--weight", "role+account-equal", "--by",
            "tier,role", "--episode", "relationship", "--dedupe", "latest-per-contact", "--cluster", "account",
            "--ci", "score", "--format", "json"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        ScoringSpec spec = NpsSparkLauncher.spec(java.util.Map.of("weight", List.of("role+account-equal"), "by",
                List.of("tier", "role"), "episode", List.of("relationship"), "dedupe", List.of("latest-per-contact")));
        GroupedNps expected = NpsScorer.of(spec, p.accounts()).score(p.responses());
        assertEquals("role+account-equal", json.get("weighting").asText());
        assertEquals("score", json.get("ci").get("method").asText());
        assertEquals(expected.groups().size(), json.get("groups").size());
        for (int i = 0; i < expected.groups().size(); i++) {
            GroupedNps.Group g = expected.groups().get(i);
            JsonNode node = json.get("groups").get(i);
            assertEquals(g.key().get("role"), node.get("key").get("role").asText());
            ClusteredEstimate ce = ClusteredEstimate.of(g.data());
            if (ce.clusters() < 2) {
                // one account: figures without a clustered interval, and a note saying why
                assertTrue(node.get("ci").isNull(), g.key().toString());
                assertTrue(node.get("notes").get(0).asText().contains("1 account"), node.toString());
                continue;
            }
            NpsSummary s = NpsSummary.of(ce, IntervalMethod.SCORE, 0.95);
            assertEquals(s.estimate().n(), node.get("n").asLong());
            if (s.ci().isPresent()) {
                ScoreEqualityTest.close(s.ci().get().lower(), node.get("ci").get("lower").asDouble(), "ci");
                ScoreEqualityTest.close(s.ci().get().upper(), node.get("ci").get("upper").asDouble(), "ci");
            } else {
                assertTrue(node.get("ci").isNull());
            }
            assertEquals(s.notes().size(), node.has("notes") ? node.get("notes").size() : 0, g.key().toString());
        }
        ScoreEqualityTest.close(expected.overall().orElseThrow().estimate().npsValue(),
                json.get("overall").get("nps").asDouble(), "overall");
        StringWriter usage = new StringWriter();
        assertEquals(2, NpsSparkLauncher.run(new String[] {"score", "--responses", responses.toString(), "--ci",
            "bootstrap"}, new PrintWriter(new StringWriter()), new PrintWriter(usage)));
        assertTrue(usage.toString().contains("bootstrap"), usage.toString());
        assertTrue(Files.exists(responses));
        assertEquals(Dedupe.LATEST_PER_CONTACT, spec.dedupe());
        assertEquals(List.of(GroupField.TIER, GroupField.ROLE), spec.groupBy());
    }
}
