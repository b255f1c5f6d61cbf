package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/bin/nps}, the launcher that keeps a start-up cache per command, against {@code java -jar nps.jar}:
 * same output and exit codes on the first run (which writes the cache) and on later runs (which use it), no cache
 * with {@code NPS4J_CACHE=off}, and the quick-compiler choice on one CPU. It needs the shaded jar, so it runs in the
 * integration-test phase (Failsafe), after {@code package}.
 */
class LauncherIT {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path JAR = MODULE.resolve("target/nps.jar");
    private static final Path LAUNCHER = MODULE.resolve("bin/nps");

    @TempDir
    static Path data;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void portfolio() throws Exception {
        assumeTrue(new File("/bin/sh").canExecute(), "the launcher is a POSIX shell script");
        assertTrue(Files.isRegularFile(JAR), JAR + " (built by package)");
        Result r = run(List.of(java(), "-jar", JAR.toString(), "generate", "--out", data.toString(), "--accounts", "40"),
                Map.of());
        assertEquals(0, r.exit(), r.err());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("NPS_JAVA_OPTS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(data, "out", ".txt");
        Path err = Files.createTempFile(data, "err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        int exit = pb.start().waitFor();
        return new Result(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err,
                StandardCharsets.UTF_8));
    }

    private static Result jar(String... args) throws Exception {
        List<String> c = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        c.addAll(List.of(args));
        return run(c, Map.of());
    }

    private static Result launcher(Path cache, String... args) throws Exception {
        List<String> c = new ArrayList<>(List.of("/bin/sh", LAUNCHER.toString()));
        c.addAll(List.of(args));
        return run(c, Map.of("NPS4J_CACHE", cache.toString()));
    }

    private static String[] score() {
        return new String[] {"score", "--responses", data.resolve("responses.csv").toString(), "--accounts",
            data.resolve("accounts.csv").toString(), "--contacts", data.resolve("contacts.csv").toString(), "--by",
            "episode,role", "--weight", "role+account-equal", "--format", "json"};
    }

    /** The files in a directory whose names end with one of the suffixes (any file when none is given). */
    private static long files(Path dir, String... suffixes) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> suffixes.length == 0
                    || Stream.of(suffixes).anyMatch(x -> p.getFileName().toString().endsWith(x))).count();
        }
    }

    @Test
    void sameOutputAsJavaJarOnTheFirstRunAndWithTheCache(@TempDir Path cache) throws Exception {
        Result expected = jar(score());
        assertEquals(0, expected.exit(), expected.err());
        Result first = launcher(cache, score());
        assertEquals(expected, first);
        // Java 17-24 writes its archive as the first run exits; Java 25+ its cache in the background after it, from
        // the recorded configuration: wait for the cache and for the writer to have cleaned up (at most a minute)
        for (int i = 0; i < 600 && (files(cache, ".jsa", ".aot") == 0 || files(cache, ".conf", ".tmp") > 0); i++) {
            Thread.sleep(100);
        }
        assertEquals(1, files(cache, ".jsa", ".aot"), "one start-up cache in " + cache);
        Result second = launcher(cache, score());
        assertEquals(expected, second);
    }

    @Test
    void sameErrorAndExitCodeForBadInput(@TempDir Path cache) throws Exception {
        Path bad = data.resolve("bad.csv");
        Files.writeString(bad, "response_id,account_id,contact_id,role,answered_at,score\n"
                + "R1,A1,C1,user,2024-01-02,11\n", StandardCharsets.UTF_8);
        String[] args = {"score", "--responses", bad.toString()};
        Result expected = jar(args);
        assertEquals(Nps.BAD_INPUT, expected.exit());
        assertTrue(expected.err().contains("line 2"), expected.err());
        assertEquals(expected, launcher(cache, args));
        Result usage = jar("score", "--no-such-option");
        assertEquals(2, usage.exit());
        assertEquals(usage, launcher(cache, "score", "--no-such-option"));
    }

    @Test
    void noCacheWhenTurnedOff() throws Exception {
        Path home = data.resolve("home");
        Files.createDirectories(home);
        List<String> c = new ArrayList<>(List.of("/bin/sh", LAUNCHER.toString()));
        c.addAll(List.of(score()));
        Result r = run(c, Map.of("NPS4J_CACHE", "off", "HOME", home.toString(), "XDG_CACHE_HOME",
                home.resolve("xdg").toString()));
        assertEquals(jar(score()), r);
        Thread.sleep(1000); // a background cache writer, had one started, would have made its directory by now
        assertEquals(0, files(home));
    }

    @Test
    void quickCompilerOnOneCpuExceptForDrivers(@TempDir Path cache) throws Exception {
        assumeTrue(new File("/usr/bin/taskset").canExecute() || new File("/bin/taskset").canExecute(),
                "taskset pins the launcher to one CPU");
        Map<String, String> env = Map.of("NPS4J_CACHE", "off", "NPS_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        List<String> c = new ArrayList<>(List.of("taskset", "-c", "0", "/bin/sh", LAUNCHER.toString()));
        c.addAll(List.of(score()));
        Result scored = run(c, env);
        assertEquals(0, scored.exit(), scored.err());
        String flags = scored.out().lines().findFirst().orElse("");
        assertTrue(flags.contains("-XX:TieredStopAtLevel=1"), flags);

        List<String> d = new ArrayList<>(List.of("taskset", "-c", "0", "/bin/sh", LAUNCHER.toString(), "drivers",
                "--responses", data.resolve("responses.csv").toString(), "--accounts",
                data.resolve("accounts.csv").toString(), "--contacts", data.resolve("contacts.csv").toString()));
        Result drivers = run(d, env);
        String driverFlags = drivers.out().lines().findFirst().orElse("");
        assertTrue(driverFlags.contains("-XX:"), driverFlags);
        assertFalse(driverFlags.contains("TieredStopAtLevel"), driverFlags);
    }
}
