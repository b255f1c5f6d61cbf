package io.github.nps4j.benchmarks;

import io.github.nps4j.drivers.ImportanceDecomposition;
import io.github.nps4j.drivers.RelativeImportance;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact LMG (Shapley decomposition of R²) with {@link RelativeImportance} over p attributes, from a seeded
 * correlation matrix of 1 000 simulated ratings with a common factor (DESIGN §7: p = 12 under 10 ms, p = 20 under
 * 0.5 s, p = 25 in constant memory). Time per decomposition.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class LmgBenchmark {
    /** Number of attributes. */
    @Param({"12", "16", "20", "25"})
    public int p;

    private List<String> names;
    private double[][] matrix;

    /** Builds the correlation matrix once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("attr" + j);
        }
        matrix = correlation(p, 1_000, 42);
    }

    /**
     * A seeded (p+1)×(p+1) correlation matrix, outcome first, of {@code n} simulated observations.
     *
     * @param p the number of attributes
     * @param n the number of observations
     * @param seed the seed
     * @return the matrix
     */
    static double[][] correlation(int p, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int k = p + 1;
        double[][] x = new double[n][k];
        for (int i = 0; i < n; i++) {
            double common = gaussian(rnd);
            double y = 0;
            for (int j = 1; j < k; j++) {
                x[i][j] = 0.6 * common + gaussian(rnd);
                y += x[i][j] * (j % 3 == 0 ? 0.5 : 0.2);
            }
            x[i][0] = y + gaussian(rnd);
        }
        double[] mean = new double[k];
        for (double[] row : x) {
            for (int j = 0; j < k; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] c = new double[k][k];
        for (double[] row : x) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    c[a][b] += (row[a] - mean[a]) * (row[b] - mean[b]);
                }
            }
        }
        double[][] r = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                r[a][b] = a == b ? 1.0 : c[a][b] / Math.sqrt(c[a][a] * c[b][b]);
            }
        }
        return r;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * One exact decomposition.
     *
     * @return the decomposition
     */
    @Benchmark
    public ImportanceDecomposition lmg() {
        return RelativeImportance.fromCorrelationMatrix(names, matrix);
    }
}
