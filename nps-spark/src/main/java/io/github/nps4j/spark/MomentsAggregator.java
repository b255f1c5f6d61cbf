package io.github.nps4j.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;

import io.github.nps4j.drivers.DriverMoments;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Weighted means and centred cross-products of (outcome, attributes…), updated row by row (West's weighted
 * Welford update) and merged across partitions by Chan's pairwise formula — no cancellation of raw sums.
 */
final class MomentsAggregator extends Aggregator<Row, double[], Row> {
    private static final long serialVersionUID = 1L;

    private static final StructType INPUT = new StructType()
            .add("x", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("w", DataTypes.DoubleType, false);

    private static final StructType OUTPUT = new StructType()
            .add("n", DataTypes.LongType, false)
            .add("w", DataTypes.DoubleType, false)
            .add("mean", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("c", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    private final int v;

    private MomentsAggregator(int variables) {
        this.v = variables;
    }

    static DriverMoments moments(Dataset<Row> rows, String outcome, List<String> attributes,
            @Nullable String weight) {
        List<String> all = new ArrayList<>();
        all.add(outcome);
        all.addAll(attributes);
        if (weight != null) {
            all.add(weight);
        }
        Inputs.require(rows, "rows", all.toArray(new String[0]));
        List<Column> x = new ArrayList<>();
        Column complete = lit(true);
        for (String name : all.subList(0, attributes.size() + 1)) {
            Column c = col("`" + name + "`").cast("double");
            x.add(c);
            complete = complete.and(c.isNotNull()).and(isnan(c).unary_$bang());
        }
        Column w = weight == null ? lit(1.0) : col("`" + weight + "`").cast("double");
        String wName = weight;
        Column checked = weight == null ? w : org.apache.spark.sql.functions.udf(
                (org.apache.spark.sql.api.java.UDF1<Double, Double>) value -> {
                    if (value == null || !(value > 0) || Double.isInfinite(value)) {
                        throw new IllegalArgumentException("weight column '" + wName + "': " + value
                                + " must be positive and finite");
                    }
                    return value;
                }, DataTypes.DoubleType).apply(w);
        MomentsAggregator agg = new MomentsAggregator(x.size());
        Row r = rows.where(complete)
                .select(org.apache.spark.sql.functions.udaf(agg, Encoders.row(INPUT))
                        .apply(array(x.toArray(new Column[0])), checked).as("m"))
                .select("m.*").first();
        int v = x.size();
        double[] means = toArray(r.getList(2));
        double[] flat = toArray(r.getList(3));
        double[][] cp = new double[v][v];
        for (int a = 0; a < v; a++) {
            for (int b = 0; b < v; b++) {
                cp[a][b] = flat[Math.min(a, b) * v + Math.max(a, b)];
            }
        }
        List<String> names = attributes.stream().map(s -> s.startsWith("attr:") ? s.substring(5) : s).toList();
        return DriverMoments.of(outcome, names, r.getLong(0), r.getDouble(1), means, cp);
    }

    private static double[] toArray(List<Object> list) {
        double[] d = new double[list.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = ((Number) list.get(i)).doubleValue();
        }
        return d;
    }

    // The buffer is one primitive array: [n, W, mean_0..mean_{v-1}, C_00..C_{v-1,v-1} (row-major, upper half used)].
    private int mean(int a) {
        return 2 + a;
    }

    private int cross(int a, int b) {
        return 2 + v + a * v + b;
    }

    @Override
    public double[] zero() {
        return new double[2 + v + v * v];
    }

    @Override
    public double[] reduce(double[] s, Row row) {
        List<Object> x = row.getList(0);
        double wi = row.getDouble(1);
        double w = s[1] + wi;
        double[] delta = new double[v];
        for (int a = 0; a < v; a++) {
            delta[a] = ((Number) x.get(a)).doubleValue() - s[mean(a)];
        }
        for (int a = 0; a < v; a++) {
            s[mean(a)] += delta[a] * wi / w;
        }
        for (int a = 0; a < v; a++) {
            double after = ((Number) x.get(a)).doubleValue() - s[mean(a)];
            for (int b = a; b < v; b++) {
                s[cross(a, b)] += wi * delta[b] * after;
            }
        }
        s[0] += 1;
        s[1] = w;
        return s;
    }

    @Override
    public double[] merge(double[] s, double[] o) {
        if (o[0] == 0) {
            return s;
        }
        if (s[0] == 0) {
            return o;
        }
        double w = s[1] + o[1];
        double[] delta = new double[v];
        for (int a = 0; a < v; a++) {
            delta[a] = o[mean(a)] - s[mean(a)];
        }
        double f = s[1] * o[1] / w;
        for (int a = 0; a < v; a++) {
            for (int b = a; b < v; b++) {
                s[cross(a, b)] += o[cross(a, b)] + delta[a] * delta[b] * f;
            }
        }
        for (int a = 0; a < v; a++) {
            s[mean(a)] += delta[a] * o[1] / w;
        }
        s[0] += o[0];
        s[1] = w;
        return s;
    }

    @Override
    public Row finish(double[] s) {
        return RowFactory.create((long) s[0], s[1], box(java.util.Arrays.copyOfRange(s, 2, 2 + v)),
                box(java.util.Arrays.copyOfRange(s, 2 + v, s.length)));
    }

    private static scala.collection.immutable.Seq<Double> box(double[] d) {
        List<Double> l = new ArrayList<>(d.length);
        for (double x : d) {
            l.add(x);
        }
        return scala.jdk.javaapi.CollectionConverters.asScala(l).toList();
    }

    @Override
    public Encoder<double[]> bufferEncoder() {
        return Encoders.kryo(double[].class);
    }

    @Override
    public Encoder<Row> outputEncoder() {
        return Encoders.row(OUTPUT);
    }
}
