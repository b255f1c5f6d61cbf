package io.github.nps4j.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.drivers.DriverMoments;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * Net Promoter scoring and driver moments on Apache Spark, driven by the core's {@link ScoringSpec}: the same
 * figures as {@code NpsScorer} and {@code TableScorer}, computed by Spark in two levels of aggregation.
 *
 * <p>Input DataFrames have the columns of the command line's CSV files (DESIGN §6), read as CSV or Parquet:
 * responses {@code response_id, account_id, contact_id, [role], [episode], answered_at, score}; accounts
 * {@code account_id, [tier], [annual_value], [seg:<name>…]}; contacts {@code contact_id, role}. {@code score} is a
 * number or text (a blank score is a skipped question and left out, as the CSV reader does); {@code answered_at} is an
 * ISO-8601 string (date or date-time; an offset is ignored, the local date-time is kept as written), a {@code date},
 * or a {@code timestamp_ntz}. Roles, episode types and tiers are normalised by the core ({@code Role.of}…); a blank
 * role comes from the contact, a blank episode is {@code relationship}, a blank tier is {@code direct}.
 *
 * <p>Example usage:
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().master("local[*]").getOrCreate();
 * Dataset<Row> responses = spark.read().parquet("lake/nps/responses");
 * Dataset<Row> accounts = spark.read().parquet("lake/crm/accounts");
 * ScoringSpec spec = ScoringSpec.builder()
 *         .weighting(Weighting.roleAccountValue(RoleWeights.defaults()))
 *         .groupBy(GroupField.period(PeriodUnit.QUARTER), GroupField.segment("region"))
 *         .dedupe(Dedupe.LATEST_PER_CONTACT)
 *         .episodes(EpisodeType.RELATIONSHIP)
 *         .build();
 * Dataset<Row> nps = NpsSpark.score(responses, accounts, null, spec);   // overall row: null keys
 * nps.write().parquet("lake/nps/scores");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class NpsSpark {
    /** The figure columns of {@link #score}, after the group key columns. */
    public static final List<String> FIGURES = List.of("nps", "promoters", "passives", "detractors", "n",
            "weightSum", "effectiveN", "standardError", "clusteredStandardError", "accounts");

    private NpsSpark() {
    }

    /**
     * Scores responses per the spec, lazily: returns the plan, which Spark runs when the caller writes or collects
     * it. One row per group: a string column per grouping field, named as the field ({@code role},
     * {@code period:quarter}, {@code seg:region}; missing values {@code (none)}, periods labelled {@code 2026-01},
     * {@code 2026-Q1}, {@code 2026}), then {@link #FIGURES}: {@code nps} (double, null for an empty group — no
     * answer with positive weight), {@code promoters, passives, detractors, n} (long counts), {@code weightSum},
     * {@code effectiveN} (Kish; null when empty), {@code standardError} (null when empty),
     * {@code clusteredStandardError} (by account, null when the group is empty or has fewer than two accounts; see
     * below), {@code accounts} (long, the group's accounts). The <b>overall</b> row has null in every key
     * column (group keys are never null) and comes first; it is left out when the spec groups by episode and the
     * responses mix episode types. Nothing is rounded.
     *
     * <p>Per group the responses are de-duplicated (latest answer per contact, ties by the greatest response id, by a
     * window function), aggregated per (group, account) into cells, normalised within the account as the core's
     * weighting algebra prescribes, and aggregated per group by {@link TallyAggregator}; the clustered variance
     * joins the cells to their group's NPS (a broadcast of the per-group table). No response row is collected.
     *
     * <p><b>Clustered standard error of a group: domain estimation</b> ({@link ClusterScope#DOMAIN}, DESIGN §3, as
     * R {@code survey::svyby} with {@code ids = ~account}). A group is a domain of one design whose clusters are all
     * G accounts with a kept answer in the scored data (after the episode rule, window and de-duplication; G is the
     * overall row's {@code accounts}); an account without answers in the group contributes a zero residual but
     * still counts in G: V = G/(G−1) · Σ<sub>g</sub> (Σ<sub>i∈g∩d</sub> w<sub>i</sub>(z<sub>i</sub> − m<sub>d</sub>))²
     * / (Σ<sub>i∈d</sub> w<sub>i</sub>)², SE = 100·√V. It is null when the group has fewer than two accounts of its
     * own. The overall row is the whole design, so both scopes agree there. {@link #score(Dataset, Dataset, Dataset,
     * ScoringSpec, ClusterScope)} with {@link ClusterScope#GROUP} gives the older figure that treats each group as a
     * design of its own (G = the group's accounts), which is what {@code ClusteredEstimate.of(group)} computes.
     *
     * <p>This method runs one small Spark job itself: the distinct episode types of the kept responses, to apply the
     * episode rule eagerly ({@link ScoringSpec#checkEpisodes}), unless the spec mixes episodes or keeps one type. Bad
     * values (a score that is not a whole 0–10 number, an unknown account where the weighting or grouping needs it,
     * a missing annual value, a bad date) fail when the plan runs, as a {@link SparkException} whose cause is the
     * core's {@link IllegalArgumentException} naming the column, value and response; {@link #rootCause} finds it.
     *
     * @param responses the responses
     * @param accounts the accounts, or null when the spec needs none (no value weighting, tier or segment grouping)
     * @param contacts the contacts, or null (then a blank role stays unknown: default weight, group {@code (none)})
     * @param spec the scoring spec; custom weightings and object filters are refused (they need response objects)
     * @return the figures, one row per group, overall first, then sorted by key
     * @throws IllegalArgumentException for a spec Spark cannot apply, missing accounts, or a missing column (naming
     *         it)
     * @throws io.github.nps4j.core.MixedEpisodesException when the responses would mix episode types silently
     */
    public static Dataset<Row> score(Dataset<Row> responses, @Nullable Dataset<Row> accounts,
            @Nullable Dataset<Row> contacts, ScoringSpec spec) {
        return score(responses, accounts, contacts, spec, ClusterScope.DOMAIN);
    }

    /**
     * Scores responses per the spec as {@link #score(Dataset, Dataset, Dataset, ScoringSpec)} does, with the chosen
     * scope of the groups' clustered standard errors.
     *
     * @param responses the responses
     * @param accounts the accounts, or null when the spec needs none
     * @param contacts the contacts, or null
     * @param spec the scoring spec
     * @param scope {@link ClusterScope#DOMAIN} (the default: G = all accounts of the scored data) or
     *        {@link ClusterScope#GROUP} (G = the group's accounts)
     * @return the figures, one row per group, overall first, then sorted by key
     * @throws IllegalArgumentException for a spec Spark cannot apply, missing accounts, or a missing column
     * @throws io.github.nps4j.core.MixedEpisodesException when the responses would mix episode types silently
     */
    public static Dataset<Row> score(Dataset<Row> responses, @Nullable Dataset<Row> accounts,
            @Nullable Dataset<Row> contacts, ScoringSpec spec, ClusterScope scope) {
        Objects.requireNonNull(scope, "scope");
        Dataset<Row> t = tallies(responses, accounts, contacts, spec);
        List<Column> out = new ArrayList<>();
        List<String> names = spec.fieldNames();
        for (int i = 0; i < names.size(); i++) {
            out.add(col("_k" + i).as(names.get(i)));
        }
        Column tally = org.apache.spark.sql.functions.struct(
                java.util.Arrays.stream(Pipeline.TALLY).map(f -> col(f)).toArray(Column[]::new));
        Column clusters = scope == ClusterScope.DOMAIN ? col("designAccounts") : col("accounts");
        Column fig = Pipeline.FIGURES.apply(tally, col("accounts"), clusters, col("u2"));
        Dataset<Row> f = t.withColumn("_f", fig);
        out.add(col("_f.nps").as("nps"));
        out.add(col("promoters"));
        out.add(col("passives"));
        out.add(col("detractors"));
        out.add(col("promoters").plus(col("passives")).plus(col("detractors")).as("n"));
        out.add(col("_f.weightSum").as("weightSum"));
        out.add(col("_f.effectiveN").as("effectiveN"));
        out.add(col("_f.standardError").as("standardError"));
        out.add(col("_f.clusteredStandardError").as("clusteredStandardError"));
        out.add(col("accounts"));
        return f.select(out.toArray(new Column[0]));
    }

    /**
     * The per-group tallies behind {@link #score}: key columns {@code _k0, _k1, …}, the nine {@link TallyAggregator#SCHEMA} fields,
     * {@code accounts}, {@code u2} = Σ_a ((A_a − m·W_a)/W)² over the group's accounts and {@code designAccounts}
     * (the accounts of the whole scored data, G of the domain estimation); overall (null keys) first, then sorted by
     * key.
     */
    static Dataset<Row> tallies(Dataset<Row> responses, @Nullable Dataset<Row> accounts,
            @Nullable Dataset<Row> contacts, ScoringSpec spec) {
        Objects.requireNonNull(responses, "responses");
        Objects.requireNonNull(spec, "spec");
        check(spec, accounts != null);
        Pipeline p = new Pipeline(spec);
        Dataset<Row> keyed = p.keyed(responses, accounts, contacts);
        boolean accountsJoined = accounts != null && java.util.Arrays.asList(keyed.columns()).contains("a_known");
        List<String> keys = p.keys();
        Dataset<Row> result = null;
        Dataset<Row> design = null;
        if (!keys.isEmpty()) {
            Dataset<Row> cells = p.cells(keyed, keys, accountsJoined);
            result = Pipeline.groups(cells, keys);
            // every kept answer is in exactly one group: the groups' accounts together are the design's
            design = cells.agg(countDistinct(col("acc")).as("designAccounts"));
        }
        if (!p.overallLeftOut(keyed)) {
            Dataset<Row> overall = Pipeline.groups(p.cells(keyed, List.of(), accountsJoined), List.of());
            for (String k : keys) {
                overall = overall.withColumn(k, lit(null).cast("string"));
            }
            result = result == null ? overall : overall.unionByName(result);
        }
        result = design == null ? result.withColumn("designAccounts", col("accounts"))
                : result.crossJoin(broadcast(design));
        List<Column> columns = new ArrayList<>();
        keys.forEach(k -> columns.add(col(k)));
        java.util.Arrays.stream(Pipeline.TALLY).forEach(f -> columns.add(col(f)));
        columns.add(col("accounts"));
        columns.add(col("u2"));
        columns.add(col("designAccounts"));
        result = result.select(columns.toArray(new Column[0]));
        Column[] order = keys.stream().map(k -> col(k).asc_nulls_first()).toArray(Column[]::new);
        return keys.isEmpty() ? result : result.orderBy(order);
    }

    /**
     * Per group and account the totals a {@code ClusteredEstimate} holds — key columns {@code _k0…} (null for the
     * overall group), {@code acc}, {@code responses}, {@code weightSum}, {@code weightedSignSum} — for the launcher's
     * clustered intervals. One row per (group, account): use on data whose accounts fit the driver.
     */
    static Dataset<Row> accountTotals(Dataset<Row> responses, @Nullable Dataset<Row> accounts,
            @Nullable Dataset<Row> contacts, ScoringSpec spec) {
        check(spec, accounts != null);
        Pipeline p = new Pipeline(spec);
        Dataset<Row> keyed = p.keyed(responses, accounts, contacts);
        boolean joined = accounts != null && java.util.Arrays.asList(keyed.columns()).contains("a_known");
        List<String> keys = p.keys();
        Dataset<Row> all = null;
        for (List<String> set : keys.isEmpty() ? List.of(keys) : List.of(keys, List.<String>of())) {
            Dataset<Row> c = p.cells(keyed, set, joined);
            for (String k : keys) {
                if (!set.contains(k)) {
                    c = c.withColumn(k, lit(null).cast("string"));
                }
            }
            List<Column> cols = new ArrayList<>();
            keys.forEach(k -> cols.add(col(k)));
            cols.add(col("acc"));
            cols.add(col("n_d").plus(col("n_a")).plus(col("n_p")).as("responses"));
            cols.add(col("w_d").plus(col("w_a")).plus(col("w_p")).as("weightSum"));
            cols.add(col("w_p").minus(col("w_d")).as("weightedSignSum"));
            c = c.select(cols.toArray(new Column[0]));
            all = all == null ? c : all.unionByName(c);
        }
        return all;
    }

    private static void check(ScoringSpec spec, boolean accountsGiven) {
        // Spark reads the accounts' seg: columns, so only custom weightings and object filters are refused.
        spec.requireColumnar("the Spark engine", true);
        spec.requireAccounts(accountsGiven);
    }

    /**
     * Computes the sufficient statistics of a linear driver model in Spark — complete rows' count, weight sum,
     * weighted means and centred cross-products, merged across partitions by Chan's pairwise update — so that
     * {@link DriverMoments#ols()} and {@link DriverMoments#importance()} (exact LMG, Johnson) run locally on a
     * (p+1)² matrix with the same results as {@code DriverAnalysis} on the rows (listwise deletion: a row with a
     * null or NaN outcome or attribute is left out). One Spark job; no row is collected.
     *
     * @param rows the rows
     * @param outcome the outcome column, e.g. {@code score}
     * @param attributes the attribute columns, e.g. {@code attr:delivery}; their names in the result drop an
     *        {@code attr:} prefix
     * @param weight a weight column (positive, finite), or null for unit weights
     * @return the statistics
     * @throws IllegalArgumentException for a missing column, fewer than two attributes, too few complete rows, a
     *         constant variable, or (as the cause of a {@link SparkException}) a weight that is not positive
     */
    public static DriverMoments driverMoments(Dataset<Row> rows, String outcome, List<String> attributes,
            @Nullable String weight) {
        return MomentsAggregator.moments(rows, outcome, attributes, weight);
    }

    /**
     * Finds the {@link IllegalArgumentException} (or other cause raised by nps4j) inside a Spark task failure.
     *
     * @param failure what an action threw
     * @return the innermost {@link IllegalArgumentException} in the cause chain, or {@code failure} when there is
     *         none
     */
    public static Throwable rootCause(Throwable failure) {
        Throwable found = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                found = t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return found;
    }

    /**
     * Which accounts the clustered standard error of a group counts (the overall row is the same under both).
     *
     * @since 0.1.0
     */
    public enum ClusterScope {
        /**
         * Domain estimation (the default, DESIGN §3, {@code survey::svyby}): G = all accounts of the scored data;
         * accounts without answers in the group contribute a zero residual.
         */
        DOMAIN,
        /** Each group is a design of its own: G = the group's accounts ({@code ClusteredEstimate.of(group)}). */
        GROUP
    }
}
