package io.github.nps4j.spark;

import io.github.nps4j.core.Category;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.Tally;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A typed Spark {@link Aggregator} over the core's mergeable {@link Tally}: it adds cells (per-category counts and
 * weight sums, {@link Tally#add(Category, long, double, double)}), merges partial tallies across partitions
 * ({@link Tally#merge(Tally)}) and returns the merged state. A single response is the cell (1, w, w²) of its
 * category. The buffer is the {@code Tally} itself, encoded with Kryo (its state is nine primitives and it has a
 * no-argument constructor), so Spark keeps it as an object in its hash aggregation and serialises it only to
 * shuffle or spill.
 *
 * <p>Input and output are rows of {@link #SCHEMA}: {@code detractors, passives, promoters} (long counts),
 * {@code detractorWeight, passiveWeight, promoterWeight} (Σw) and {@code detractorWeightSq, passiveWeightSq,
 * promoterWeightSq} (Σw²) — the fields of {@link NpsEstimate}, so {@link #estimate(Row)} turns the result into the
 * core's estimate. Negative or non-finite sums, and weights on a zero count, fail with the core's
 * {@link IllegalArgumentException} (inside Spark's task failure). Nulls in a cell count as 0.
 *
 * <p>Example usage:
 * <pre>{@code
 * Column tally = TallyAggregator.column(col("d"), col("a"), col("p"), col("dw"), col("aw"), col("pw"),
 *         col("dw2"), col("aw2"), col("pw2"));
 * Dataset<Row> perRole = cells.groupBy("role").agg(tally.as("tally"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TallyAggregator extends Aggregator<Row, Tally, Row> {
    private static final long serialVersionUID = 1L;

    /** The nine fields of a cell and of the result, in {@link NpsEstimate}'s order. */
    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("detractors", DataTypes.LongType, false),
        DataTypes.createStructField("passives", DataTypes.LongType, false),
        DataTypes.createStructField("promoters", DataTypes.LongType, false),
        DataTypes.createStructField("detractorWeight", DataTypes.DoubleType, false),
        DataTypes.createStructField("passiveWeight", DataTypes.DoubleType, false),
        DataTypes.createStructField("promoterWeight", DataTypes.DoubleType, false),
        DataTypes.createStructField("detractorWeightSq", DataTypes.DoubleType, false),
        DataTypes.createStructField("passiveWeightSq", DataTypes.DoubleType, false),
        DataTypes.createStructField("promoterWeightSq", DataTypes.DoubleType, false)});

    private static final Category[] CATEGORIES = {Category.DETRACTOR, Category.PASSIVE, Category.PROMOTER};

    /** Creates the aggregator; it holds no state of its own. */
    public TallyAggregator() {
    }

    /**
     * Returns this aggregator as an untyped aggregate function of nine columns (the fields of {@link #SCHEMA}, in
     * order), for {@code groupBy(...).agg(...)}; its value is a struct of {@link #SCHEMA}.
     *
     * @param cells the nine columns: counts (long), weight sums and squared weight sums (double) per category
     * @return the aggregate column
     * @throws IllegalArgumentException unless nine columns are given
     */
    public static org.apache.spark.sql.Column column(org.apache.spark.sql.Column... cells) {
        if (cells.length != SCHEMA.size()) {
            throw new IllegalArgumentException("a tally cell has " + SCHEMA.size() + " columns; got "
                    + cells.length);
        }
        return org.apache.spark.sql.functions.udaf(new TallyAggregator(), Encoders.row(SCHEMA)).apply(cells);
    }

    /**
     * Turns a row (or struct value) of {@link #SCHEMA} into the core's estimate.
     *
     * @param row the tally fields
     * @return the estimate
     * @throws IllegalArgumentException when the fields are not a valid estimate (as {@link NpsEstimate})
     */
    public static NpsEstimate estimate(Row row) {
        return new NpsEstimate(row.getLong(0), row.getLong(1), row.getLong(2), row.getDouble(3), row.getDouble(4),
                row.getDouble(5), row.getDouble(6), row.getDouble(7), row.getDouble(8));
    }

    /**
     * Returns an empty tally.
     *
     * @return a new {@link Tally}
     */
    @Override
    public Tally zero() {
        return new Tally();
    }

    /**
     * Adds one cell.
     *
     * @param tally the buffer
     * @param cell a row of {@link #SCHEMA}
     * @return the buffer
     */
    @Override
    public Tally reduce(Tally tally, Row cell) {
        for (int c = 0; c < 3; c++) {
            long n = cell.isNullAt(c) ? 0 : cell.getLong(c);
            double w = cell.isNullAt(3 + c) ? 0 : cell.getDouble(3 + c);
            double w2 = cell.isNullAt(6 + c) ? 0 : cell.getDouble(6 + c);
            if (n != 0 || w != 0 || w2 != 0) {
                tally.add(CATEGORIES[c], n, w, w2);
            }
        }
        return tally;
    }

    /**
     * Merges two partial tallies.
     *
     * @param a one tally (returned)
     * @param b another
     * @return {@code a} holding both
     */
    @Override
    public Tally merge(Tally a, Tally b) {
        return a.merge(b);
    }

    /**
     * Returns the tally's fields.
     *
     * @param tally the merged tally
     * @return a row of {@link #SCHEMA}
     */
    @Override
    public Row finish(Tally tally) {
        NpsEstimate e = tally.snapshot();
        return RowFactory.create(e.detractors(), e.passives(), e.promoters(), e.detractorWeight(),
                e.passiveWeight(), e.promoterWeight(), e.detractorWeightSq(), e.passiveWeightSq(),
                e.promoterWeightSq());
    }

    /** @return Kryo, for the nine-primitive {@link Tally} */
    @Override
    public Encoder<Tally> bufferEncoder() {
        return Encoders.kryo(Tally.class);
    }

    /** @return a row encoder of {@link #SCHEMA} */
    @Override
    public Encoder<Row> outputEncoder() {
        return Encoders.row(SCHEMA);
    }
}
