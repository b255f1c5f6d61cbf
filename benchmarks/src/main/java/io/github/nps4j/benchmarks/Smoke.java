package io.github.nps4j.benchmarks;

import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.csv.StreamingScorer;
import io.github.nps4j.core.table.ResponseTable;
import io.github.nps4j.core.table.TableScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A quick, non-asserting measurement for development (not a benchmark: use JMH for numbers that count).
 *
 * <pre>java -cp benchmarks.jar io.github.nps4j.benchmarks.Smoke [rows] [csvRows]</pre>
 */
public final class Smoke {
    private Smoke() {
    }

    /**
     * Runs the smoke measurement.
     *
     * @param args optional row counts
     * @throws Exception on I/O failure
     */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int csvRows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        ResponseTable t = new DataGenerator(10_000, 42).table(rows);
        System.out.printf(Locale.ROOT, "table: %d rows, %d bytes per row, %.1f MB in all%n", t.size(),
                ResponseTable.memoryBytesPerRow(), t.memoryBytes() / 1e6);
        ScoringSpec spec = ScoringSpec.builder().weighting(Weighting.roleAccountEqual(RoleWeights.defaults()))
                .groupBy(GroupField.ROLE).build();
        TableScorer s = TableScorer.of(spec);
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            GroupedEstimates e = s.score(t);
            long t1 = System.nanoTime();
            s.scoreParallel(t, Runtime.getRuntime().availableProcessors());
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "score: 1 thread %.1f ms (%.0f M rows/s), parallel %.1f ms (%.0f M rows/s)"
                    + "; groups %d%n", (t1 - t0) / 1e6, rows / ((t1 - t0) / 1e3), (t2 - t1) / 1e6,
                    rows / ((t2 - t1) / 1e3), e.groups().size());
        }
        Path dir = Files.createTempDirectory("nps4j-smoke");
        new DataGenerator(10_000, 7).writeContract(dir, csvRows);
        StreamingScorer st = StreamingScorer.of(spec);
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            st.score(dir.resolve("responses.csv"), dir.resolve("accounts.csv"), dir.resolve("contacts.csv"));
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "streaming CSV: %.0f ms (%.2f M rows/s)%n", (t1 - t0) / 1e6,
                    csvRows / ((t1 - t0) / 1e3));
        }
        for (String f : new String[] {"responses.csv", "accounts.csv", "contacts.csv"}) {
            Files.delete(dir.resolve(f));
        }
        Files.delete(dir);
    }
}
