package io.github.nps4j.benchmarks;

import io.github.nps4j.core.stats.Bootstrap;
import io.github.nps4j.core.stats.Interval;
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
 * Seeded percentile bootstrap intervals ({@link Bootstrap}, 1 000 resamples) over 100 k weighted answers from 10 k
 * accounts: resampling answers and resampling accounts (the cluster bootstrap). Time per interval.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BootstrapBenchmark {
    /** Number of answers. */
    @Param("100000")
    public int answers;

    /** Number of resamples. */
    @Param("1000")
    public int resamples;

    private byte[] signs;
    private double[] weights;
    private int[] account;

    /** Draws the answers once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(11);
        signs = new byte[answers];
        weights = new double[answers];
        account = new int[answers];
        for (int i = 0; i < answers; i++) {
            int s = rnd.nextInt(11);
            signs[i] = (byte) (s >= 9 ? 1 : s >= 7 ? 0 : -1);
            weights[i] = 1 + rnd.nextInt(3);
            account[i] = rnd.nextInt(10_000);
        }
    }

    /**
     * Resampling answers.
     *
     * @return the interval
     */
    @Benchmark
    public Interval answers() {
        return Bootstrap.of(7, resamples).responses(signs, weights);
    }

    /**
     * Resampling accounts.
     *
     * @return the interval
     */
    @Benchmark
    public Interval accounts() {
        return Bootstrap.of(7, resamples).accounts(signs, weights, account);
    }
}
