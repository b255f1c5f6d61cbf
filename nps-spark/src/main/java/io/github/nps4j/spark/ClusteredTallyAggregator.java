package io.github.nps4j.spark;

import io.github.nps4j.core.Category;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.stats.ClusteredEstimate;
import io.github.nps4j.core.stats.ClusteredTally;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A typed Spark {@link Aggregator} over the core's {@link ClusteredTally}: responses (account, score, final weight)
 * in, the group's estimate with its account-clustered standard error out, computed by
 * {@link ClusteredEstimate#clusteredStandardError()}. The buffer holds one entry per account of the group (Kryo
 * encoded), so it suits groups of up to a few hundred thousand accounts; {@link NpsSpark#score} does not use it: it
 * aggregates per (group, account) first and never holds a group's accounts in one place.
 *
 * <p>Input: {@code account} (string), {@code score} (int 0–10), {@code weight} (double, finite, ≥ 0); a bad score
 * or weight fails with the core's {@link IllegalArgumentException}. Output: a struct of {@link #SCHEMA} — the nine
 * {@link TallyAggregator#SCHEMA} fields, {@code accounts} (long) and {@code clusteredStandardError} (double, null for
 * an empty group or fewer than two accounts).
 *
 * <p>Example usage:
 * <pre>{@code
 * Dataset<Row> byRole = responses.groupBy("role")
 *         .agg(ClusteredTallyAggregator.column(col("account_id"), col("score"), lit(1.0)).as("t"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ClusteredTallyAggregator extends Aggregator<Row, ClusteredTally, Row> {
    private static final long serialVersionUID = 1L;

    /** The input: account, score, weight. */
    public static final StructType INPUT = new StructType(new StructField[] {
        DataTypes.createStructField("account", DataTypes.StringType, false),
        DataTypes.createStructField("score", DataTypes.IntegerType, false),
        DataTypes.createStructField("weight", DataTypes.DoubleType, false)});

    /** The output: the tally fields, the number of accounts and the clustered standard error. */
    public static final StructType SCHEMA = TallyAggregator.SCHEMA
            .add(DataTypes.createStructField("accounts", DataTypes.LongType, false))
            .add(DataTypes.createStructField("clusteredStandardError", DataTypes.DoubleType, true));

    /** Creates the aggregator; it holds no state of its own. */
    public ClusteredTallyAggregator() {
    }

    /**
     * Returns this aggregator as an untyped aggregate function.
     *
     * @param account the account id column
     * @param score the score column (int)
     * @param weight the weight column (double)
     * @return the aggregate column, a struct of {@link #SCHEMA}
     */
    public static Column column(Column account, Column score, Column weight) {
        return org.apache.spark.sql.functions.udaf(new ClusteredTallyAggregator(), Encoders.row(INPUT))
                .apply(account.cast("string"), score.cast("int"), weight.cast("double"));
    }

    /** @return an empty clustered tally */
    @Override
    public ClusteredTally zero() {
        return new ClusteredTally();
    }

    /**
     * Adds one response.
     *
     * @param t the buffer
     * @param r a row of {@link #INPUT}
     * @return the buffer
     */
    @Override
    public ClusteredTally reduce(ClusteredTally t, Row r) {
        if (r.isNullAt(0) || r.isNullAt(1) || r.isNullAt(2)) {
            throw new IllegalArgumentException("account, score and weight must not be null: " + r);
        }
        return t.add(r.getString(0), Category.of(r.getInt(1)), r.getDouble(2));
    }

    /**
     * Merges two partial tallies.
     *
     * @param a one tally (returned)
     * @param b another
     * @return {@code a} holding both
     */
    @Override
    public ClusteredTally merge(ClusteredTally a, ClusteredTally b) {
        return a.merge(b);
    }

    /**
     * Returns the estimate and its clustered standard error.
     *
     * @param t the merged tally
     * @return a row of {@link #SCHEMA}
     */
    @Override
    public Row finish(ClusteredTally t) {
        ClusteredEstimate c = t.snapshot();
        NpsEstimate e = c.estimate();
        return RowFactory.create(e.detractors(), e.passives(), e.promoters(), e.detractorWeight(),
                e.passiveWeight(), e.promoterWeight(), e.detractorWeightSq(), e.passiveWeightSq(),
                e.promoterWeightSq(), (long) c.clusters(),
                c.clusteredStandardError().isPresent() ? c.clusteredStandardError().getAsDouble() : null);
    }

    /** @return Kryo, for the tally and its per-account totals */
    @Override
    public Encoder<ClusteredTally> bufferEncoder() {
        return Encoders.kryo(ClusteredTally.class);
    }

    /** @return a row encoder of {@link #SCHEMA} */
    @Override
    public Encoder<Row> outputEncoder() {
        return Encoders.row(SCHEMA);
    }
}
