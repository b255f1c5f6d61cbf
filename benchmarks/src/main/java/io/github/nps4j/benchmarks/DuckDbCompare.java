package io.github.nps4j.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The side-by-side run of {@code compare-duckdb.sh}: {@code nps score} (a child JVM, started and timed end to end, as
 * a user runs it) and DuckDB (in this JVM through its JDBC driver, one thread, timed from the query to its result)
 * read the same {@code responses.csv} and compute the same figure — NPS by role with role+account-equal weights
 * (within a role every account weighs 1, its answers equally) — checked to 1e-9; prints the medians and the ratio.
 *
 * <p>Usage: {@code DuckDbCompare generate DIR ROWS} writes the contract CSVs ({@link DataGenerator}, 10 000
 * accounts, seed 42); {@code DuckDbCompare compare DIR RUNS NPS_JAR [JVM_HEAP]} runs both sides RUNS times after one
 * warm-up run each.
 */
public final class DuckDbCompare {
    /** NPS by role, role+account-equal: the mean over accounts of each account's mean sign, ×100. */
    static final String SQL = """
            WITH per_account AS (
              SELECT role, account_id,
                     avg(CASE WHEN score >= 9 THEN 1.0 WHEN score <= 6 THEN -1.0 ELSE 0.0 END) AS m
              FROM read_csv('%s', header = true, delim = ',', quote = '"',
                            columns = {'response_id': 'VARCHAR', 'account_id': 'VARCHAR', 'contact_id': 'VARCHAR',
                                       'role': 'VARCHAR', 'episode': 'VARCHAR', 'answered_at': 'DATE',
                                       'score': 'INTEGER', 'comment': 'VARCHAR'})
              GROUP BY role, account_id)
            SELECT role, 100 * avg(m) AS nps FROM per_account GROUP BY role ORDER BY role""";

    private DuckDbCompare() {
    }

    /**
     * Runs a step.
     *
     * @param args {@code generate DIR ROWS} or {@code compare DIR RUNS NPS_JAR [HEAP]}
     * @throws Exception on a failed run or differing results
     */
    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("generate")) {
            new DataGenerator(10_000, 42).writeContract(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        if (args.length < 4 || !args[0].equals("compare")) {
            System.err.println("usage: DuckDbCompare generate DIR ROWS | compare DIR RUNS NPS_JAR [HEAP]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        String jar = args[3];
        String heap = args.length > 4 ? args[4] : "1g";
        Path responses = dir.resolve("responses.csv");
        long rows = countRows(responses);

        Map<String, Double> nps = null;
        double[] npsMs = new double[runs];
        for (int r = -1; r < runs; r++) {
            long t0 = System.nanoTime();
            nps = runNps(jar, heap, responses);
            if (r >= 0) {
                npsMs[r] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Map<String, Double> duck = null;
        double[] duckMs = new double[runs];
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement s = c.createStatement()) {
                s.execute("SET threads = 1");
            }
            for (int r = -1; r < runs; r++) {
                long t0 = System.nanoTime();
                duck = runDuckDb(c, responses);
                if (r >= 0) {
                    duckMs[r] = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        check(nps, duck);
        double n = median(npsMs);
        double d = median(duckMs);
        System.out.printf("checked: NPS by role (role+account-equal) equal to 1e-9 for %s%n", nps.keySet());
        System.out.printf("nps4j  `nps score` end to end (JVM start, -Xmx%s): median %.0f ms of %d runs %s%n", heap, n,
                runs, Arrays.toString(round(npsMs)));
        System.out.printf("DuckDB read_csv + group by, 1 thread, in-process: median %.0f ms of %d runs %s%n", d, runs,
                Arrays.toString(round(duckMs)));
        System.out.printf("nps4j / DuckDB time: %.2fx (nps4j %.0f ms, DuckDB %.0f ms, %d rows)%n", n / d, n, d, rows);
    }

    static Map<String, Double> runNps(String jar, String heap, Path responses) throws IOException,
            InterruptedException {
        List<String> args = List.of("score", "--responses", responses.toString(), "--by", "role", "--weight",
                "role+account-equal", "--format", "csv");
        List<String> cmd = new java.util.ArrayList<>();
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (jar.endsWith(".jar")) {
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                    "-jar", jar));
        } else {
            // the examples/bin/nps launcher (class-data-sharing archive per command); the heap through its variable
            cmd.add(jar);
            pb.environment().put("NPS_JAVA_OPTS", "-Xmx" + heap);
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        }
        cmd.addAll(args);
        Process p = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("nps score failed: " + cmd);
        }
        Map<String, Double> m = new TreeMap<>();
        List<String> lines = out.lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int role = header.indexOf("role");
        int nps = header.indexOf("nps");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (!f[role].equals("(overall)")) {
                m.put(f[role], Double.parseDouble(f[nps]));
            }
        }
        return m;
    }

    static Map<String, Double> runDuckDb(Connection c, Path responses) throws SQLException {
        Map<String, Double> m = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(String.format(SQL, responses.toString().replace("'", "''")))) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getDouble(2));
            }
        }
        return m;
    }

    static void check(Map<String, Double> nps, Map<String, Double> duck) {
        if (!nps.keySet().equals(duck.keySet())) {
            throw new IllegalStateException("roles differ: nps4j " + nps.keySet() + ", DuckDB " + duck.keySet());
        }
        for (String k : nps.keySet()) {
            if (Math.abs(nps.get(k) - duck.get(k)) > 1e-9) {
                throw new IllegalStateException("NPS of " + k + " differs: nps4j " + nps.get(k) + ", DuckDB "
                        + duck.get(k));
            }
        }
    }

    private static long countRows(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.count() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long[] round(double[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.round(a[i]);
        }
        return out;
    }
}
