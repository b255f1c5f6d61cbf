package io.github.nps4j.benchmarks;

import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.table.ResponseTable;
import io.github.nps4j.core.table.TableScorer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Java side of {@code benchmarks/compare.sh}.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.nps4j.benchmarks.Compare generate FILE [--rows N] [--accounts A] [--seed S]
 * java -cp benchmarks.jar io.github.nps4j.benchmarks.Compare score FILE [--runs R] [--warmup W]
 * </pre>
 *
 * <p>{@code score} loads {@code account,role,score} into a {@link ResponseTable} (not timed), then times
 * role+account-equal NPS by role on the calling thread (single-threaded) {@code W} times for warm-up and {@code R}
 * times measured, and prints one {@code NPS <role> <value>} line per group and {@code MS <median>}.
 */
public final class Compare {
    private Compare() {
    }

    /**
     * Runs a sub-command.
     *
     * @param args the arguments
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Compare generate|score FILE [options]");
            System.exit(2);
        }
        Map<String, String> opts = new HashMap<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        Path file = Path.of(args[1]);
        switch (args[0]) {
            case "generate" -> new DataGenerator(Integer.parseInt(opts.getOrDefault("--accounts", "10000")),
                    Long.parseLong(opts.getOrDefault("--seed", "42")))
                    .writeCompact(file, Integer.parseInt(opts.getOrDefault("--rows", "10000000")));
            case "score" -> score(file, Integer.parseInt(opts.getOrDefault("--runs", "11")),
                    Integer.parseInt(opts.getOrDefault("--warmup", "15")));
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    /** The scorer both sides compute: role+account-equal (default role weights) by role. */
    public static TableScorer scorer() {
        return TableScorer.of(ScoringSpec.builder().weighting(Weighting.roleAccountEqual(RoleWeights.defaults()))
                .groupBy(GroupField.ROLE).build());
    }

    /**
     * Loads the compact {@code account,role,score} file into a table.
     *
     * @param file the file
     * @return the table
     * @throws IOException if it cannot be read
     */
    public static ResponseTable load(Path file) throws IOException {
        long lines = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            while (r.readLine() != null) {
                lines++;
            }
        }
        ResponseTable.Appender app = ResponseTable.appender(List.of(), (int) Math.max(0, lines - 1));
        Map<String, Integer> roles = new HashMap<>();
        int episode = app.episode(EpisodeType.RELATIONSHIP);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (!"account,role,score".equals(header)) {
                throw new IOException(file + ": expected header account,role,score but found " + header);
            }
            String line;
            while ((line = r.readLine()) != null) {
                int c1 = line.indexOf(',');
                int c2 = line.indexOf(',', c1 + 1);
                String account = line.substring(0, c1);
                String role = line.substring(c1 + 1, c2);
                int score = Integer.parseInt(line, c2 + 1, line.length(), 10);
                int a = app.account(account);
                int rc = roles.computeIfAbsent(role, k -> app.role(Role.of(k)));
                // one contact per (account, role): de-duplication is not part of this comparison
                app.append(score, a, app.contact(account + "/" + role), rc, episode, 0);
            }
        }
        return app.build();
    }

    static void score(Path file, int runs, int warmup) throws IOException {
        ResponseTable table = load(file);
        TableScorer scorer = scorer();
        GroupedEstimates result = null;
        // warm up for at least `warmup` runs and 5 seconds, so that the JIT has compiled the scoring loops
        long warmEnd = System.nanoTime() + 5_000_000_000L;
        for (int i = 0; i < warmup || System.nanoTime() < warmEnd; i++) {
            result = scorer.score(table);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            result = scorer.score(table);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        for (GroupedEstimates.Entry e : result.groups()) {
            System.out.println("NPS " + e.key().values().get(0) + " " + String.format(Locale.ROOT, "%.17g",
                    e.estimate().npsValue()));
        }
        System.out.println("ROWS " + table.size());
        System.out.println("MS " + String.format(Locale.ROOT, "%.3f", ms[runs / 2]));
    }
}
