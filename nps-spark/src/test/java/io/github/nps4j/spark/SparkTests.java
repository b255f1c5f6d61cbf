package io.github.nps4j.spark;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Tier;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One local[2] SparkSession per test JVM and a seeded random B2B portfolio as objects and as DataFrames. */
final class SparkTests {
    private static SparkSession spark;

    private SparkTests() {
    }

    static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSession.builder().master("local[2]").appName("nps4j-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.sql.adaptive.enabled", "false")
                    .config("spark.sql.codegen.wholeStage", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("ERROR");
        }
        return spark;
    }

    /** A seeded portfolio: objects for the core engines and the same data as DataFrames. */
    record Portfolio(List<Response> responses, List<Account> accounts, Dataset<Row> responseRows,
            Dataset<Row> accountRows, Dataset<Row> contactRows) {
    }

    static final String[] ROLES = {"decision-maker", "influencer", "user", "gatekeeper", "buyer"};
    static final String[] REGIONS = {"emea", "amer", "apac"};

    static Portfolio portfolio(long seed, int accountCount, int responseCount) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Account> accounts = new ArrayList<>();
        List<Row> accountRows = new ArrayList<>();
        Tier[] tiers = {Tier.DIRECT, Tier.DISTRIBUTOR, Tier.RETAILER};
        for (int a = 0; a < accountCount; a++) {
            String id = "A" + a;
            Tier tier = tiers[rnd.nextInt(3)];
            double value = Math.round(rnd.nextDouble() * 1e6) / 4.0;
            Account.Builder b = Account.builder(id).name("Account " + a).tier(tier).annualValue(value);
            String region = rnd.nextInt(5) == 0 ? null : REGIONS[rnd.nextInt(3)];
            if (region != null) {
                b.segment("region", region);
            }
            accounts.add(b.build());
            accountRows.add(RowFactory.create(id, "Account " + a, tier == Tier.DIRECT && rnd.nextBoolean() ? ""
                    : tier.name(), Double.toString(value), region));
        }
        // contacts: 1-6 per account, each with a role
        List<String[]> contacts = new ArrayList<>();
        Map<String, List<String[]>> byAccount = new HashMap<>();
        for (int a = 0; a < accountCount; a++) {
            int k = 1 + rnd.nextInt(6);
            for (int c = 0; c < k; c++) {
                String[] contact = {"C" + a + "-" + c, "A" + a, ROLES[rnd.nextInt(ROLES.length)]};
                contacts.add(contact);
                byAccount.computeIfAbsent("A" + a, x -> new ArrayList<>()).add(contact);
            }
        }
        List<Row> contactRows = new ArrayList<>();
        for (String[] c : contacts) {
            contactRows.add(RowFactory.create(c[0], c[1], c[2], "ops"));
        }
        List<Response> responses = new ArrayList<>();
        List<Row> responseRows = new ArrayList<>();
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < responseCount; i++) {
            // a few accounts answer a lot (clusters of different sizes)
            int a = rnd.nextInt(4) == 0 ? rnd.nextInt(Math.max(1, accountCount / 8)) : rnd.nextInt(accountCount);
            List<String[]> cs = byAccount.get("A" + a);
            String[] contact = cs.get(rnd.nextInt(cs.size()));
            int score = Math.min(10, Math.max(0, (int) Math.round(7 + rnd.nextGaussian() * 2.5 + (a % 3) - 1)));
            EpisodeType episode = rnd.nextInt(4) == 0 ? EpisodeType.SERVICE_EVENT : EpisodeType.RELATIONSHIP;
            LocalDate day = start.plusDays(rnd.nextInt(600));
            // repeated days and times for the de-duplication ties
            LocalDateTime at = rnd.nextBoolean() ? day.atStartOfDay() : day.atTime(rnd.nextInt(24), 0);
            String id = String.format("R%05d", rnd.nextInt(100_000));
            id = id + "-" + i;
            boolean blankRole = rnd.nextInt(3) == 0;
            Response r = Response.builder(id, "A" + a, contact[0]).role(Role.of(contact[2])).episode(episode)
                    .answeredAt(at).score(score).build();
            responses.add(r);
            String when = at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && rnd.nextBoolean()
                    ? day.toString() : at.toString().replace('T', rnd.nextBoolean() ? 'T' : ' ');
            String roleText = blankRole ? null : (rnd.nextBoolean() ? contact[2] : contact[2].toUpperCase()
                    .replace('-', ' '));
            String episodeText = episode == EpisodeType.RELATIONSHIP && rnd.nextBoolean() ? null : episode.name();
            responseRows.add(RowFactory.create(id, "A" + a, contact[0], roleText, episodeText, when, score,
                    "comment " + i));
        }
        SparkSession s = spark();
        StructType rs = new StructType().add("response_id", DataTypes.StringType).add("account_id",
                DataTypes.StringType).add("contact_id", DataTypes.StringType).add("role", DataTypes.StringType)
                .add("episode", DataTypes.StringType).add("answered_at", DataTypes.StringType)
                .add("score", DataTypes.IntegerType).add("comment", DataTypes.StringType);
        StructType as = new StructType().add("account_id", DataTypes.StringType).add("name", DataTypes.StringType)
                .add("tier", DataTypes.StringType).add("annual_value", DataTypes.StringType)
                .add("seg:region", DataTypes.StringType);
        StructType cs = new StructType().add("contact_id", DataTypes.StringType).add("account_id",
                DataTypes.StringType).add("role", DataTypes.StringType).add("function", DataTypes.StringType);
        return new Portfolio(List.copyOf(responses), List.copyOf(accounts),
                s.createDataFrame(responseRows, rs).repartition(3), s.createDataFrame(accountRows, as),
                s.createDataFrame(contactRows, cs));
    }
}
