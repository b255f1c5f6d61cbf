package io.github.nps4j.benchmarks;

import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.csv.CsvSource;
import io.github.nps4j.core.csv.PortfolioReader;
import io.github.nps4j.core.csv.ReadResult;
import io.github.nps4j.core.csv.StreamingScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CSV import of 1 M responses ({@code responses.csv} with accounts and contacts files): the object reader (strict)
 * and the streaming scorer ({@code role+account-equal} by role) — on the file's bytes with one thread, on two
 * threads (the file read in two pieces), and on characters (the same file given as a {@code Reader}, which also
 * keeps the ids in a map for the duplicate check instead of hashes). {@code ops/s} = rows per second; MB/s = rows/s
 * × the file's bytes per row, which {@link #setUp} prints.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class CsvImportBenchmark {
    static final int ROWS = 1_000_000;

    private Path dir;
    private StreamingScorer streaming;

    /**
     * Writes the files once per trial.
     *
     * @throws IOException if the directory cannot be made
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("nps4j-csv-bench");
        new DataGenerator(10_000, 7).writeContract(dir, ROWS);
        streaming = StreamingScorer.of(ScoringSpec.builder()
                .weighting(Weighting.roleAccountEqual(RoleWeights.defaults())).groupBy(GroupField.ROLE).build())
                .withThreads(1);
        System.out.printf("%nresponses.csv: %d bytes, %.1f bytes per row%n", Files.size(dir.resolve("responses.csv")),
                Files.size(dir.resolve("responses.csv")) / (double) ROWS);
    }

    /**
     * Deletes the files.
     *
     * @throws IOException if they cannot be deleted
     */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * The object reader: every row becomes a {@code Response}.
     *
     * @return the result
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ReadResult objectReader() {
        return PortfolioReader.builder().build().read(dir.resolve("responses.csv"), dir.resolve("accounts.csv"),
                dir.resolve("contacts.csv"), null);
    }

    /**
     * The streaming scorer: rows are counted, not kept.
     *
     * @return the result
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public GroupedEstimates streamingScorer() {
        return streaming.score(dir.resolve("responses.csv"), dir.resolve("accounts.csv"), dir.resolve("contacts.csv"));
    }

    /**
     * The streaming scorer reading the file in two pieces on two threads.
     *
     * @return the result
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public GroupedEstimates streamingScorerTwoThreads() {
        return streaming.withThreads(2).score(dir.resolve("responses.csv"), dir.resolve("accounts.csv"),
                dir.resolve("contacts.csv"));
    }

    /**
     * The streaming scorer on characters: the same file given as a reader (decoded, tokenized as chars).
     *
     * @return the result
     * @throws IOException if the file cannot be opened
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public GroupedEstimates streamingScorerChars() throws IOException {
        try (java.io.Reader r = Files.newBufferedReader(dir.resolve("responses.csv"))) {
            return streaming.score(CsvSource.of("responses.csv", r), CsvSource.of(dir.resolve("accounts.csv")),
                    CsvSource.of(dir.resolve("contacts.csv")));
        }
    }
}
