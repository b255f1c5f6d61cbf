package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.stats.AccountTotals;
import io.github.nps4j.core.stats.ClusteredEstimate;
import io.github.nps4j.core.table.RandomPortfolios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The streaming scorer is a drop-in for the strict reader + object scorer: on random files, valid or broken in the
 * ways exports break, it either gives the same figures (with the same per-account totals) or fails with the same
 * first {@link RowError}. Files are on disk, so the duplicate-id check takes its hashed path.
 */
class StreamingValidationPropertyTest {
    private static final String HEADER =
            "response_id,account_id,contact_id,role,episode,answered_at,score,comment,attr:speed,competitor:rival\n";

    @Property(tries = 300)
    void sameFiguresOrSameFirstError(@ForAll long seed) {
        Random rnd = new Random(seed);
        RandomPortfolios.Data d = RandomPortfolios.data(rnd, 60);
        RandomPortfolios.Options o = RandomPortfolios.options(rnd);
        List<String> rows = rows(rnd, d);
        int breaks = rnd.nextInt(4);
        for (int b = 0; b < breaks && !rows.isEmpty(); b++) {
            int i = rnd.nextInt(rows.size());
            rows.set(i, broken(rnd, rows.get(i), rows));
        }
        String responses = HEADER + String.join("\n", rows) + (rows.isEmpty() ? "" : "\n");
        Path dir = tempDir();
        try {
            Path rf = write(dir, "responses.csv", responses);
            Path af = write(dir, "accounts.csv", StreamingScorerTest.accountsCsv(d));
            Path cf = write(dir, "contacts.csv", StreamingScorerTest.contactsCsv(d));
            // read in 1-4 pieces as small as a few bytes, so that pieces often start inside a quoted comment
            int threads = 1 + rnd.nextInt(4);
            long piece = 1 + rnd.nextInt(300);
            compare(o, rf, af, cf, threads, piece);
            if (!needsAccounts(o)) { // else refused before reading (the command line asks for --accounts)
                compare(o, rf, null, null, threads, piece);
            }
        } finally {
            delete(dir);
        }
    }

    /**
     * A trend from the streaming scorer's per-account totals ({@code Trend.of(GroupedEstimates, …)}, what
     * {@code nps trend} uses) is the trend of the object scorer's groups: the same periods, counts and significance
     * flags, the figures to rounding — with and without account clustering, whatever the weighting.
     */
    @Property(tries = 150)
    void trendFromTotalsIsTheTrendOfTheObjects(@ForAll long seed) {
        Random rnd = new Random(seed);
        RandomPortfolios.Data d = RandomPortfolios.data(rnd, 60);
        RandomPortfolios.Options drawn = RandomPortfolios.options(rnd);
        io.github.nps4j.core.PeriodUnit unit = io.github.nps4j.core.PeriodUnit.values()[
                rnd.nextInt(io.github.nps4j.core.PeriodUnit.values().length)];
        RandomPortfolios.Options o = new RandomPortfolios.Options(drawn.weighting(),
                List.of(io.github.nps4j.core.GroupField.period(unit)), drawn.dedupe(), true, drawn.window());
        io.github.nps4j.core.stats.UncertaintyOptions options = rnd.nextBoolean()
                ? io.github.nps4j.core.stats.UncertaintyOptions.defaults()
                : io.github.nps4j.core.stats.UncertaintyOptions.defaults().clusteredByAccount();
        BothScored both = scoreBoth(rnd, d, o);
        GroupedNps objects = both.objects();
        StreamingScorer.Result s = both.streamed();
        io.github.nps4j.core.stats.Trend expected = io.github.nps4j.core.stats.Trend.of(objects, options);
        io.github.nps4j.core.stats.Trend actual = io.github.nps4j.core.stats.Trend.of(s.estimates(),
                s.overallByAccount(), s.groupsByAccount(), options);
        assertEquals(expected.alpha(), actual.alpha());
        assertEquals(expected.points().size(), actual.points().size());
        for (int i = 0; i < expected.points().size(); i++) {
            io.github.nps4j.core.stats.TrendPoint e = expected.points().get(i);
            io.github.nps4j.core.stats.TrendPoint a = actual.points().get(i);
            String where = e.period();
            assertEquals(e.period(), a.period());
            RandomPortfolios.assertSame(where, e.estimate(), a.estimate());
            assertEquals(e.significant(), a.significant(), where + " significant");
            assertEquals(e.note(), a.note(), where + " note");
            assertClose(where + " change", e.change(), a.change());
            assertClose(where + " change SE", e.changeStandardError(), a.changeStandardError());
            assertClose(where + " p", e.changePValue(), a.changePValue());
            assertClose(where + " clustered SE", e.clusteredStandardError(), a.clusteredStandardError());
            assertEquals(e.summary().isPresent(), a.summary().isPresent(), where + " summary");
            assertEquals(e.interval().isPresent(), a.interval().isPresent(), where + " interval");
            if (e.interval().isPresent()) {
                RandomPortfolios.close(where + " lower", e.interval().get().lower(), a.interval().get().lower());
                RandomPortfolios.close(where + " upper", e.interval().get().upper(), a.interval().get().upper());
            }
        }
    }

    /** The object scorer's result on the reader's portfolio and the streaming scorer's, for the same files. */
    private record BothScored(GroupedNps objects, StreamingScorer.Result streamed) {
    }

    /** Writes valid random files (responses, accounts, contacts) and scores them both ways under the options. */
    private static BothScored scoreBoth(Random rnd, RandomPortfolios.Data d, RandomPortfolios.Options o) {
        Path dir = tempDir();
        try {
            Path rf = write(dir, "responses.csv", HEADER + String.join("\n", rows(rnd, d)) + "\n");
            Path af = write(dir, "accounts.csv", StreamingScorerTest.accountsCsv(d));
            Path cf = write(dir, "contacts.csv", StreamingScorerTest.contactsCsv(d));
            Portfolio p = PortfolioReader.builder().build().read(rf, af, cf, null).portfolio();
            return new BothScored(RandomPortfolios.objectScorer(o, p.accounts()).score(p.responses()),
                    StreamingScorer.of(RandomPortfolios.spec(o)).scoreWithReport(rf, af, cf));
        } finally {
            delete(dir);
        }
    }

    /**
     * Comparing two groups from the streaming scorer's per-account totals ({@code nps compare}'s fast path) gives
     * the comparison of the object scorer's groups, or the same refusal.
     */
    @Property(tries = 150)
    void comparisonFromTotalsIsTheComparisonOfTheObjects(@ForAll long seed) {
        Random rnd = new Random(seed);
        RandomPortfolios.Data d = RandomPortfolios.data(rnd, 60);
        RandomPortfolios.Options drawn = RandomPortfolios.options(rnd);
        io.github.nps4j.core.GroupField by = List.of(io.github.nps4j.core.GroupField.ROLE,
                io.github.nps4j.core.GroupField.TIER, io.github.nps4j.core.GroupField.EPISODE).get(rnd.nextInt(3));
        RandomPortfolios.Options o = new RandomPortfolios.Options(drawn.weighting(), List.of(by), drawn.dedupe(),
                true, drawn.window());
        io.github.nps4j.core.stats.UncertaintyOptions method = io.github.nps4j.core.stats.UncertaintyOptions
                .defaults().withMethod(List.of(io.github.nps4j.core.stats.IntervalMethod.WALD,
                        io.github.nps4j.core.stats.IntervalMethod.ADJUSTED_WALD,
                        io.github.nps4j.core.stats.IntervalMethod.SCORE).get(rnd.nextInt(3)));
        io.github.nps4j.core.stats.UncertaintyOptions options = rnd.nextBoolean() ? method.clusteredByAccount()
                : method;
        BothScored both = scoreBoth(rnd, d, o);
        GroupedNps objects = both.objects();
        StreamingScorer.Result s = both.streamed();
        int n = objects.groups().size();
        if (n < 2) {
            return;
        }
        int i = rnd.nextInt(n);
        int j = rnd.nextInt(n);
        java.util.Optional<io.github.nps4j.core.stats.Comparison> expected;
        try {
            expected = io.github.nps4j.core.stats.Comparison.of(objects.groups().get(i), objects.groups().get(j),
                    options);
        } catch (IllegalArgumentException e) {
            IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                    () -> io.github.nps4j.core.stats.Comparison.of(s.estimates().groups().get(i).key(),
                            s.groupsByAccount().get(i), s.estimates().groups().get(j).key(),
                            s.groupsByAccount().get(j), options));
            assertEquals(e.getMessage(), a.getMessage());
            return;
        }
        java.util.Optional<io.github.nps4j.core.stats.Comparison> actual = io.github.nps4j.core.stats.Comparison
                .of(s.estimates().groups().get(i).key(), s.groupsByAccount().get(i),
                        s.estimates().groups().get(j).key(), s.groupsByAccount().get(j), options);
        assertEquals(expected.isPresent(), actual.isPresent());
        if (expected.isPresent()) {
            io.github.nps4j.core.stats.Comparison e = expected.get();
            io.github.nps4j.core.stats.Comparison a = actual.get();
            assertEquals(e.clustered(), a.clustered());
            assertEquals(e.method(), a.method());
            assertEquals(e.notes(), a.notes());
            RandomPortfolios.close("difference", e.difference(), a.difference());
            RandomPortfolios.close("SE", e.standardError(), a.standardError());
            RandomPortfolios.close("lower", e.lower(), a.lower());
            RandomPortfolios.close("upper", e.upper(), a.upper());
            assertClose("p", e.pValue(), a.pValue());
        }
    }

    private static void assertClose(String what, java.util.OptionalDouble e, java.util.OptionalDouble a) {
        assertEquals(e.isPresent(), a.isPresent(), what);
        if (e.isPresent()) {
            RandomPortfolios.close(what, e.getAsDouble(), a.getAsDouble());
        }
    }

    /**
     * Lenient streaming keeps what the lenient reader keeps: the same bad rows and report, and the figures of the
     * object scorer on the reader's portfolio (or the same refusal).
     */
    @Property(tries = 200)
    void lenientStreamingKeepsWhatTheLenientReaderKeeps(@ForAll long seed) {
        Random rnd = new Random(seed);
        RandomPortfolios.Data d = RandomPortfolios.data(rnd, 60);
        RandomPortfolios.Options o = RandomPortfolios.options(rnd);
        List<String> rows = rows(rnd, d);
        int breaks = rnd.nextInt(8);
        for (int b = 0; b < breaks && !rows.isEmpty(); b++) {
            int i = rnd.nextInt(rows.size());
            rows.set(i, broken(rnd, rows.get(i), rows));
        }
        String accounts = StreamingScorerTest.accountsCsv(d);
        if (rnd.nextInt(4) == 0) { // a bad account row: the reader drops the account and its responses
            List<String> lines = new ArrayList<>(List.of(accounts.split("\n")));
            if (lines.size() > 2) {
                int i = 1 + rnd.nextInt(lines.size() - 1);
                lines.set(i, lines.get(i) + ",extra");
                accounts = String.join("\n", lines) + "\n";
            }
        }
        Path dir = tempDir();
        try {
            Path rf = write(dir, "responses.csv", HEADER + String.join("\n", rows) + (rows.isEmpty() ? "" : "\n"));
            Path af = write(dir, "accounts.csv", accounts);
            Path cf = write(dir, "contacts.csv", StreamingScorerTest.contactsCsv(d));
            StreamingScorer streaming = StreamingScorer.of(RandomPortfolios.spec(o)).withThreads(1 + rnd.nextInt(3))
                    .withMinPieceBytes(1 + rnd.nextInt(300));
            ReadResult read;
            try {
                read = PortfolioReader.builder().mode(PortfolioReader.Mode.LENIENT).build().read(rf, af, cf, null);
            } catch (CsvFormatException e) {
                CsvFormatException s = assertThrows(CsvFormatException.class,
                        () -> streaming.scoreLeniently(rf, af, cf));
                assertEquals(e.error(), s.error());
                return;
            }
            GroupedNps objects;
            try {
                objects = RandomPortfolios.objectScorer(o, read.portfolio().accounts())
                        .score(read.portfolio().responses());
            } catch (IllegalArgumentException e) {
                assertThrows(IllegalArgumentException.class, () -> streaming.scoreLeniently(rf, af, cf));
                return;
            }
            StreamingScorer.LenientResult s = streaming.scoreLeniently(rf, af, cf);
            net.jqwik.api.statistics.Statistics.label("lenient").collect(read.errors().isEmpty() ? "clean"
                    : "rows left out");
            assertEquals(read.errors(), s.errors());
            assertEquals(read.report(), s.result().report());
            RandomPortfolios.assertSame(GroupedEstimates.of(objects), s.result().estimates());
            objects.overall().ifPresent(g -> assertSameAccounts("overall", ClusteredEstimate.of(g.data()),
                    s.result().overallByAccount().get()));
            for (int i = 0; i < objects.groups().size(); i++) {
                assertSameAccounts(objects.groups().get(i).key().toString(),
                        ClusteredEstimate.of(objects.groups().get(i).data()), s.result().groupsByAccount().get(i));
            }
        } finally {
            delete(dir);
        }
    }

    /** The responses as rows of {@link #HEADER}: comments sometimes spanning lines, ratings sometimes blank. */
    private static List<String> rows(Random rnd, RandomPortfolios.Data d) {
        List<String> rows = new ArrayList<>();
        for (Response r : d.responses()) {
            rows.add(r.id() + "," + r.accountId() + "," + r.contactId() + ","
                    + r.role().map(Object::toString).orElse("") + "," + r.episode() + "," + r.answeredAt() + ","
                    + r.score() + (rnd.nextInt(4) == 0 ? ",\"a,\n\"\"comment\"\"\"," : ",\"a, comment\",")
                    + (rnd.nextBoolean() ? "" : rnd.nextInt(11)) + ","
                    + (rnd.nextBoolean() ? "" : rnd.nextInt(11)));
        }
        return rows;
    }

    private static boolean needsAccounts(RandomPortfolios.Options o) {
        try {
            RandomPortfolios.spec(o).requireAccounts(false);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static void compare(RandomPortfolios.Options o, Path rf, Path af, Path cf, int threads, long piece) {
        StreamingScorer streaming = StreamingScorer.of(RandomPortfolios.spec(o)).withThreads(threads)
                .withMinPieceBytes(piece);
        net.jqwik.api.statistics.Statistics.label("threads").collect(threads);
        Portfolio p;
        try {
            p = PortfolioReader.builder().build().read(rf, af, cf, null).portfolio();
        } catch (CsvFormatException e) {
            CsvFormatException s = assertThrows(CsvFormatException.class, () -> streaming.scoreWithReport(rf, af, cf));
            assertEquals(e.error(), s.error());
            net.jqwik.api.statistics.Statistics.label(af == null ? "no accounts" : "accounts")
                    .collect("error " + e.error().field());
            return;
        }
        GroupedNps objects;
        try {
            objects = RandomPortfolios.objectScorer(o, p.accounts()).score(p.responses());
        } catch (IllegalArgumentException e) {
            assertThrows(IllegalArgumentException.class, () -> streaming.scoreWithReport(rf, af, cf));
            return;
        }
        StreamingScorer.Result s = streaming.scoreWithReport(rf, af, cf);
        net.jqwik.api.statistics.Statistics.label(af == null ? "no accounts" : "accounts").collect("scored");
        RandomPortfolios.assertSame(GroupedEstimates.of(objects), s.estimates());
        assertEquals(objects.overall().isPresent(), s.overallByAccount().isPresent());
        objects.overall().ifPresent(g -> assertSameAccounts("overall", ClusteredEstimate.of(g.data()),
                s.overallByAccount().get()));
        for (int i = 0; i < objects.groups().size(); i++) {
            assertSameAccounts(objects.groups().get(i).key().toString(),
                    ClusteredEstimate.of(objects.groups().get(i).data()), s.groupsByAccount().get(i));
        }
    }

    private static void assertSameAccounts(String where, ClusteredEstimate e, ClusteredEstimate a) {
        RandomPortfolios.assertSame(where, e.estimate(), a.estimate());
        assertEquals(e.accounts().keySet(), a.accounts().keySet(), where + " accounts");
        for (Map.Entry<String, AccountTotals> t : e.accounts().entrySet()) {
            AccountTotals x = a.accounts().get(t.getKey());
            assertEquals(t.getValue().responses(), x.responses(), where + " " + t.getKey());
            RandomPortfolios.close(where + " Σw", t.getValue().weightSum(), x.weightSum());
            RandomPortfolios.close(where + " Σwz", t.getValue().weightedSignSum(), x.weightedSignSum());
        }
        if (e.clusteredStandardError().isPresent()) {
            RandomPortfolios.close(where + " clustered SE", e.clusteredStandardError().getAsDouble(),
                    a.clusteredStandardError().getAsDouble());
        } else {
            assertEquals(e.clusteredStandardError(), a.clusteredStandardError(), where);
        }
    }

    /** One row broken in a way exports break (or, sometimes, still valid: a blank score or a padded id). */
    private static String broken(Random rnd, String row, List<String> rows) {
        String[] f = row.split(",", -1);
        // f: 0 id, 1 account, 2 contact, 3 role, 4 episode, 5 answered_at, 6 score, 7-8 "a, comment" (quoted), 9 attr,
        // 10 competitor
        String other = rows.get(rnd.nextInt(rows.size())).split(",", -1)[0];
        switch (rnd.nextInt(15)) {
            case 0 -> f[0] = other; // duplicate id (or itself)
            case 1 -> f[0] = " ";
            case 2 -> f[6] = List.of("11", "x", "-1", "7.5", "").get(rnd.nextInt(5));
            case 3 -> f[1] = "A99";
            case 4 -> f[2] = "C99";
            case 5 -> f[1] = "A" + rnd.nextInt(6); // maybe another account than the contact's
            case 6 -> f[5] = List.of("2026-02-30", "05.01.2026", "", "2026-01-05T25:00").get(rnd.nextInt(4));
            case 7 -> f[3] = List.of("boss", "  USER ", "decision maker").get(rnd.nextInt(3));
            case 8 -> f[4] = List.of("party", "service-event", "RENEWAL").get(rnd.nextInt(3));
            case 9 -> f[9] = List.of("fast", "1e999", " 3.5 ", "-2").get(rnd.nextInt(4));
            case 10 -> {
                return row + ",extra";
            }
            case 11 -> f[0] = " " + other + " "; // padded duplicate
            case 12 -> f[2] = "";
            case 13 -> f[10] = List.of("11", "x", " 7 ", "-1", "7.0").get(rnd.nextInt(5));
            default -> f[6] = " ";
        }
        return String.join(",", f);
    }

    @Test
    void duplicateIdsAreFoundOnTheHashedPathWithTheFirstLine() {
        Path dir = tempDir();
        try {
            StringBuilder sb = new StringBuilder("response_id,account_id,contact_id,answered_at,score\n");
            for (int i = 0; i < 5000; i++) {
                sb.append("R").append(i).append(",A1,C1,2026-01-05,").append(i % 11).append('\n');
            }
            sb.append("R4321,A1,C1,2026-01-05,9\n");
            Path rf = write(dir, "responses.csv", sb.toString());
            CsvFormatException e = assertThrows(CsvFormatException.class,
                    () -> StreamingScorer.of(io.github.nps4j.core.ScoringSpec.defaults()).score(rf, null, null));
            CsvFormatException r = assertThrows(CsvFormatException.class,
                    () -> PortfolioReader.builder().build().read(rf, null, null, null));
            assertEquals(r.error(), e.error());
            assertEquals("duplicate response id; first on line 4323", e.error().reason());
        } finally {
            delete(dir);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("nps-stream");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
