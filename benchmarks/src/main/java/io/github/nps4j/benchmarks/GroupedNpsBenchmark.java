package io.github.nps4j.benchmarks;

import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.table.ResponseTable;
import io.github.nps4j.core.table.TableScorer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Grouped, weighted NPS over a columnar table: 10 M responses, 10 k accounts × 4 roles, {@code role+account-equal}
 * by role. Scores are reported per response ({@code ops/s} = responses per second).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class GroupedNpsBenchmark {
    /** Rows of the table; {@code OperationsPerInvocation} assumes the default. */
    static final int ROWS = 10_000_000;

    /** Accounts. */
    @Param("10000")
    public int accounts;

    /** Weighting name. */
    @Param({"role+account-equal"})
    public String weighting;

    private ResponseTable table;
    private TableScorer byRole;
    private int threads;

    /** Builds the table once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        table = new DataGenerator(accounts, 42).table(ROWS);
        byRole = TableScorer.of(ScoringSpec.builder().weighting(Weighting.parse(weighting, RoleWeights.defaults()))
                .groupBy(GroupField.ROLE).build());
        threads = Runtime.getRuntime().availableProcessors();
    }

    /**
     * One thread.
     *
     * @return the result
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public GroupedEstimates singleThread() {
        return byRole.score(table);
    }

    /**
     * All available processors (split, count, merge).
     *
     * @return the result
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public GroupedEstimates parallel() {
        return byRole.scoreParallel(table, threads);
    }
}
