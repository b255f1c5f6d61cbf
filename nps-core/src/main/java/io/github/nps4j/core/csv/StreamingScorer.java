package io.github.nps4j.core.csv;

import static io.github.nps4j.core.csv.ColumnNames.ACCOUNT_ID;
import static io.github.nps4j.core.csv.ColumnNames.ANSWERED_AT;
import static io.github.nps4j.core.csv.ColumnNames.CONTACT_ID;
import static io.github.nps4j.core.csv.ColumnNames.EPISODE;
import static io.github.nps4j.core.csv.ColumnNames.RESPONSE_ID;
import static io.github.nps4j.core.csv.ColumnNames.ROLE;
import static io.github.nps4j.core.csv.ColumnNames.SCORE;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.PeriodUnit;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.internal.Cells;
import io.github.nps4j.core.internal.GroupTotals;
import io.github.nps4j.core.internal.LongIntMap;
import io.github.nps4j.core.internal.StringIndex;
import io.github.nps4j.core.internal.WeightRules;
import io.github.nps4j.core.stats.ClusteredEstimate;
import io.github.nps4j.core.table.TableScorer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Scores a {@code responses.csv} row by row, in a small fraction of the memory its response objects would take:
 * memory grows with the number of (group, account, role) cells, plus one 64-bit id hash per row for the duplicate
 * check. It is the streaming engine of a
 * {@link ScoringSpec} (weighting, grouping, de-duplication, window, episodes), like {@link TableScorer}, and the result is the same {@link GroupedEstimates} that
 * the table scorer and {@link GroupedEstimates#of(io.github.nps4j.core.GroupedNps)} give: counts exactly equal to
 * {@link io.github.nps4j.core.NpsScorer}'s on the same file, weight sums and NPS to 1e-12 relative.
 *
 * <p>{@code accounts.csv} and {@code contacts.csv}, which are small, are read first with a strict
 * {@link PortfolioReader} and held in memory. Then each response row is checked with the rules of the reader's
 * {@link PortfolioReader.Mode#STRICT strict} mode — the first bad row throws a {@link CsvFormatException} naming the
 * file, line, field, value and reason (blank ids, unknown account or contact, a contact of another account, bad
 * role or episode names, a date that is not ISO-8601, a score that is not an integer 0–10, an attribute rating that
 * is not a number, a competitor score that is not one, a row of the wrong width, a repeated {@code response_id}) — so a file either scores to the reader's
 * figures or fails with the reader's first error. Repeated ids are found with a set of 64-bit hashes of the ids
 * (8–16 bytes per row); a hash seen before is settled exactly by reading the file again up to that row. Comment
 * columns are not read. A blank role is taken from the contact, as the reader does.
 *
 * <p>Speed (README "Performance": 5 M rows with every check in about 2.5 s on one core, JVM start included): the
 * files are tokenized by small RFC 4180 tokenizers of this package instead of Commons CSV — they yield the same
 * records, fields and line numbers, and refuse the same malformed input, which property tests check against Commons
 * CSV — on the file's bytes when it is given by path in a charset that keeps ASCII as single bytes (UTF-8, US-ASCII,
 * ISO-8859-x, windows-125x), on characters otherwise; ids, role and episode names, scores and plain dates are looked
 * up on the row's bytes or characters, so no string is built per row unless de-duplication needs the ids. A large
 * file can be read in pieces on several threads ({@link #withThreads}), to the same result.
 *
 * <p>Memory: per (group, account, role) cell three counts; per (group, account) three totals for the clustered
 * figures; per group its key; the accounts and contacts files; per row a 64-bit hash of its id.
 * {@link Dedupe#LATEST_PER_CONTACT} additionally keeps, per (group, contact), the latest answer's time and response
 * id (about 100 bytes per contact and group), since a later row may replace an earlier one.
 *
 * <p>Immutable and thread-safe; each {@code score} call reads its files once. Example usage:
 * <pre>{@code
 * ScoringSpec spec = ScoringSpec.builder()
 *         .weighting(Weighting.roleAccountEqual(RoleWeights.defaults()))
 *         .groupBy(GroupField.ROLE)
 *         .build();
 * GroupedEstimates result = StreamingScorer.of(spec)
 *         .score(Path.of("responses.csv"), Path.of("accounts.csv"), Path.of("contacts.csv"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class StreamingScorer {
    private static final long ACCOUNT_RADIX = 1L << 31;
    private static final long[] NO_LINES = new long[0];
    private static final long ROLE_RADIX = 1L << 12;

    /** At most this many threads by default, however many processors there are. */
    static final int MAX_DEFAULT_THREADS = 8;
    /** A file is split in pieces of at least this many bytes. */
    static final long MIN_PIECE_BYTES = 4L << 20;

    private final ScoringSpec options;
    private final ReadOptions readOptions;
    private final int threads;
    private final long minPieceBytes;
    /**
     * The most bytes of the first piece of a file read in pieces, which the calling thread reads before the other
     * threads start: long enough for the JIT to compile the row loop on another core, short enough to leave most of
     * a large file to all threads.
     */
    private static final long FIRST_PIECE_BYTES = 64L << 20;

    private StreamingScorer(ScoringSpec options, ReadOptions readOptions, int threads, long minPieceBytes) {
        this.options = options;
        this.readOptions = readOptions;
        this.threads = threads;
        this.minPieceBytes = minPieceBytes;
    }

    /** The default thread count: the available processors, at most {@value #MAX_DEFAULT_THREADS}. */
    static int defaultThreads() {
        return Math.max(1, Math.min(MAX_DEFAULT_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * What {@link #scoreWithReport} found: the estimates and the import report (blank scores left out, unknown roles
     * and tiers), as {@link PortfolioReader} would report them for the same files.
     *
     * <p>Beside each group's estimate it gives the group's per-account totals ({@link ClusteredEstimate}: answer
     * count, Σw and Σw·z per account, with the same weights), so the account-clustered standard error, the
     * clustered intervals and the account bootstrap are available without the responses.
     *
     * @param estimates the overall and grouped estimates
     * @param report what the import left out or read with a doubt
     * @param overallByAccount the overall group with its per-account totals, present when the estimates have an
     *        overall group
     * @param groupsByAccount each group with its per-account totals, in the order of {@code estimates.groups()}
     * @since 0.1.0
     */
    public record Result(GroupedEstimates estimates, ImportReport report,
            Optional<ClusteredEstimate> overallByAccount, List<ClusteredEstimate> groupsByAccount) {
        /**
         * Checks for nulls and that the clustered groups match the estimates.
         *
         * @throws IllegalArgumentException if there are not as many clustered groups as groups, or the overall
         *         presence differs
         */
        public Result {
            Objects.requireNonNull(estimates, "estimates");
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(overallByAccount, "overallByAccount");
            groupsByAccount = List.copyOf(groupsByAccount);
            if (groupsByAccount.size() != estimates.groups().size()
                    || overallByAccount.isPresent() != estimates.overall().isPresent()) {
                throw new IllegalArgumentException("clustered groups (" + groupsByAccount.size() + ", overall "
                        + overallByAccount.isPresent() + ") do not match the estimates (" + estimates.groups().size()
                        + ", overall " + estimates.overall().isPresent() + ")");
            }
        }
    }

    /**
     * Returns a streaming scorer of a spec, with no column mapping.
     *
     * @param spec the weighting, grouping, de-duplication and filters
     * @return the scorer
     * @throws IllegalArgumentException if the spec needs response objects (custom weighting, segment grouping, an
     *         object filter)
     */
    public static StreamingScorer of(ScoringSpec spec) {
        Objects.requireNonNull(spec, "spec");
        spec.requireColumnar("the streaming scorer", false);
        return new StreamingScorer(spec, ReadOptions.defaults(), defaultThreads(), MIN_PIECE_BYTES);
    }

    /**
     * Returns the spec this scorer applies.
     *
     * @return the spec
     */
    public ScoringSpec spec() {
        return options;
    }

    /**
     * Returns a copy that applies a column mapping to every file.
     *
     * @param columnMapping nps4j's column names → the export's
     * @return the copy
     */
    public StreamingScorer withColumnMapping(ColumnMapping columnMapping) {
        return new StreamingScorer(options, readOptions.toBuilder()
                .columnMapping(Objects.requireNonNull(columnMapping, "columnMapping")).build(), threads,
                minPieceBytes);
    }

    /**
     * Returns a copy that reads the files as the given options say (preset, mapping, delimiter, charset, date
     * formats, role and tier aliases, strict roles), to the same figures as {@link PortfolioReader#of(ReadOptions)}.
     * Fields that need more than the fast paths (scale labels, other date formats, aliases) take the reader's
     * parsing, once per distinct spelling where it can.
     *
     * <p>With {@link PortfolioReader.Mode#LENIENT lenient} options only {@link #scoreLeniently} scores (the
     * {@code score} methods stop at the first bad row, which lenient options do not ask for, so they refuse them).
     *
     * @param readOptions how to read the export
     * @return the copy
     */
    public StreamingScorer withReadOptions(ReadOptions readOptions) {
        Objects.requireNonNull(readOptions, "readOptions");
        return new StreamingScorer(options, readOptions, threads, minPieceBytes);
    }

    /**
     * Returns a copy that reads {@code responses.csv} with up to the given number of threads. A file given by path,
     * in a charset read on bytes (UTF-8, US-ASCII, ISO-8859-x, windows-125x), of at least 8 MB and scored without
     * de-duplication ({@link Dedupe#NONE}) is split at line breaks into pieces of at least 4 MB (up to four per
     * thread), which the threads read and check as they become free, and the pieces' counts are merged in file
     * order; anything else is read by the calling thread alone ({@link Dedupe#LATEST_PER_CONTACT} keeps the latest
     * answer per contact, which pieces cannot settle on their own). The result is the same whatever the count — counts exactly, sums to rounding (1e-12 relative) — and
     * so is the error of a bad file: the first in file order, with its line (a piece that starts inside a quoted
     * field, or that failed, is read again from where the piece before it ended).
     *
     * <p>The default is the number of available processors, at most {@value #MAX_DEFAULT_THREADS}.
     *
     * @param threads the most threads to read with, {@code >= 1}; 1 reads on the calling thread only
     * @return the copy
     * @throws IllegalArgumentException if {@code threads < 1}
     * @since 0.1.0
     */
    public StreamingScorer withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        return new StreamingScorer(options, readOptions, threads, minPieceBytes);
    }

    /** A copy that splits files into pieces as small as the given bytes (tests: many pieces on small files). */
    StreamingScorer withMinPieceBytes(long bytes) {
        return new StreamingScorer(options, readOptions, threads, Math.max(1, bytes));
    }

    /**
     * Returns the most threads this scorer reads a file with.
     *
     * @return the thread count, {@code >= 1}
     * @since 0.1.0
     */
    public int threads() {
        return threads;
    }

    /**
     * Returns how this scorer reads its files.
     *
     * @return the read options
     */
    public ReadOptions readOptions() {
        return readOptions;
    }

    /**
     * Scores the files at the given paths, read as UTF-8.
     *
     * @param responses {@code responses.csv}
     * @param accounts {@code accounts.csv}, or {@code null} (then account ids are not checked, and tier grouping and
     *        value weighting are not possible)
     * @param contacts {@code contacts.csv}, or {@code null} (then contact ids are not checked and blank roles stay
     *        unknown)
     * @return the overall and grouped estimates
     * @throws CsvFormatException at the first bad row or unusable file
     * @throws IllegalArgumentException as {@link TableScorer#score}, when tier grouping or value weighting is
     *         asked without accounts ({@link ScoringSpec#requireAccounts}), or when the read options are lenient
     *         ({@link #scoreLeniently} skips bad rows)
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public GroupedEstimates score(Path responses, @Nullable Path accounts, @Nullable Path contacts) {
        Objects.requireNonNull(responses, "responses");
        return score(CsvSource.of(responses), accounts == null ? null : CsvSource.of(accounts),
                contacts == null ? null : CsvSource.of(contacts));
    }

    /**
     * Scores the given sources.
     *
     * @param responses {@code responses.csv}
     * @param accounts {@code accounts.csv}, or {@code null}
     * @param contacts {@code contacts.csv}, or {@code null}
     * @return the overall and grouped estimates
     * @throws CsvFormatException at the first bad row or unusable file
     * @throws IllegalArgumentException as {@link #score(Path, Path, Path)}
     * @throws java.io.UncheckedIOException if a source cannot be read
     */
    public GroupedEstimates score(CsvSource responses, @Nullable CsvSource accounts, @Nullable CsvSource contacts) {
        return scoreWithReport(responses, accounts, contacts).estimates();
    }

    /**
     * Scores the files at the given paths and reports what the import left out (blank scores) or read with a doubt
     * (unknown roles and tiers).
     *
     * @param responses {@code responses.csv}
     * @param accounts {@code accounts.csv}, or {@code null}
     * @param contacts {@code contacts.csv}, or {@code null}
     * @return the estimates and the report
     * @throws CsvFormatException at the first bad row or unusable file
     * @throws IllegalArgumentException as {@link #score(Path, Path, Path)}
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public Result scoreWithReport(Path responses, @Nullable Path accounts, @Nullable Path contacts) {
        Objects.requireNonNull(responses, "responses");
        return scoreWithReport(CsvSource.of(responses), accounts == null ? null : CsvSource.of(accounts),
                contacts == null ? null : CsvSource.of(contacts));
    }

    /**
     * Scores the given sources and reports what the import left out or read with a doubt.
     *
     * @param responses {@code responses.csv}
     * @param accounts {@code accounts.csv}, or {@code null}
     * @param contacts {@code contacts.csv}, or {@code null}
     * @return the estimates and the report
     * @throws CsvFormatException at the first bad row or unusable file
     * @throws IllegalArgumentException as {@link #score(Path, Path, Path)}
     * @throws java.io.UncheckedIOException if a source cannot be read
     */
    public Result scoreWithReport(CsvSource responses, @Nullable CsvSource accounts, @Nullable CsvSource contacts) {
        Objects.requireNonNull(responses, "responses");
        if (readOptions.mode() != PortfolioReader.Mode.STRICT) {
            throw new IllegalArgumentException("the read options are lenient, but this method stops at the first "
                    + "bad row: use scoreLeniently to skip bad rows");
        }
        options.requireAccounts(accounts != null);
        ReadSession session = new ReadSession(readOptions).fastTokenizer();
        return stream(session, readSmallFiles(session, accounts, contacts), responses, accounts, contacts, NO_LINES);
    }

    /**
     * Streams {@code responses} against the small files' accounts and contacts, leaving out the rows that start on
     * the given lines (sorted).
     */
    private Result stream(ReadSession session, Portfolio small, CsvSource responses, @Nullable CsvSource accounts,
            @Nullable CsvSource contacts, long[] skip) {
        Run run = new Run(small, accounts, contacts != null, session.fields());
        run.skip = skip;
        run.read(responses, contacts);
        return run.finish();
    }

    /**
     * What {@link #scoreLeniently} found: the figures of the rows kept, the rows left out, and the import report —
     * as {@link PortfolioReader} in {@link PortfolioReader.Mode#LENIENT lenient} mode and the object scorer would
     * give them for the same files.
     *
     * @param result the estimates with their per-account totals and the lenient reader's import report
     * @param errors the bad rows left out (of any of the files), in the reader's order
     * @since 0.1.0
     */
    public record LenientResult(Result result, List<RowError> errors) {
        /**
         * Checks for nulls and copies the errors.
         *
         * @throws NullPointerException if an argument is null
         */
        public LenientResult {
            Objects.requireNonNull(result, "result");
            errors = List.copyOf(errors);
        }
    }

    /**
     * Scores the files skipping bad rows, as the reader's lenient mode does, in the memory of the streaming scorer
     * (not of every response): a first pass reads the files leniently — the bad rows and the import report are
     * exactly the reader's, and the rows it reads are let go as it finishes — and a second pass streams
     * {@code responses.csv} as {@link #scoreWithReport} does, leaving out the lines of the bad rows, against the
     * accounts and contacts the first pass kept. The figures are
     * those of {@link io.github.nps4j.core.NpsScorer} on the lenient reader's portfolio. When some rows are left out
     * the file is read on one thread.
     *
     * @param responses {@code responses.csv}
     * @param accounts {@code accounts.csv}, or {@code null}
     * @param contacts {@code contacts.csv}, or {@code null}
     * @return the figures, the rows left out and the report
     * @throws CsvFormatException for a file that cannot be used at all (a missing column, malformed CSV)
     * @throws IllegalArgumentException as {@link #score(Path, Path, Path)}
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public LenientResult scoreLeniently(Path responses, @Nullable Path accounts, @Nullable Path contacts) {
        Objects.requireNonNull(responses, "responses");
        options.requireAccounts(accounts != null);
        ReadOptions lenient = readOptions.toBuilder().mode(PortfolioReader.Mode.LENIENT).build();
        CsvSource r = CsvSource.of(responses);
        CsvSource a = accounts == null ? null : CsvSource.of(accounts);
        CsvSource c = contacts == null ? null : CsvSource.of(contacts);
        ReadResult first = new ReadSession(lenient).fastTokenizer().read(r, a, c, null);
        List<RowError> errors = first.errors();
        ImportReport report = first.report();
        // the accounts and contacts the lenient reader kept; its responses can go before the second pass
        Portfolio small = Portfolio.of(first.portfolio().accounts(), first.portfolio().contacts(), List.of(),
                List.of());
        first = null;
        long[] skip = errors.stream().filter(e -> e.file().equals(r.name())).mapToLong(RowError::line).sorted()
                .distinct().toArray();
        Result scored = new StreamingScorer(options, lenient, threads, minPieceBytes)
                .stream(new ReadSession(lenient).fastTokenizer(), small, r, a, c, skip);
        return new LenientResult(new Result(scored.estimates(), report, scored.overallByAccount(),
                scored.groupsByAccount()), errors);
    }

    private static Portfolio readSmallFiles(ReadSession session, @Nullable CsvSource accounts,
            @Nullable CsvSource contacts) {
        if (accounts == null && contacts == null) {
            return Portfolio.of(List.of(), List.of(), List.of(), List.of());
        }
        return session.readSmallFiles(accounts, contacts).portfolio(); // the responses are streamed
    }

    /** Vocabulary codes by the text as written (so each spelling is validated once), looked up without strings. */
    private static final class TextCodes {
        final StringIndex index = new StringIndex(16);
        int[] codes = new int[16];

        void put(String text, int code) {
            int t = index.add(text);
            if (t >= codes.length) {
                codes = Arrays.copyOf(codes, codes.length * 2);
            }
            codes[t] = code;
        }
    }

    /** The latest answer of one contact in one group. */
    private static final class Latest {
        LocalDateTime at;
        String id;
        long cell;
        int category;

        Latest(LocalDateTime at, String id, long cell, int category) {
            this.at = at;
            this.id = id;
            this.cell = cell;
            this.category = category;
        }
    }

    /** One grouping being counted: interned groups, cells and de-duplication state. */
    private final class Grouping implements GroupTotals.GroupSpace {
        private final List<GroupField> fields;
        private final int[] fieldCodes;
        private final LongIntMap[] levels;
        private final int[][] parent;
        private final int[][] code;
        private final int[] sizes;
        private final long accountRadix;
        private final long roleRadix;
        private final long maxGroup;
        final Cells.Sparse cells = new Cells.Sparse(1024);
        /**
         * Without de-duplication, when the cell is (group, account): per group, three counts per account code — a
         * plain array increment per row instead of a hash probe; {@link #flush() flushed} into {@link #cells}.
         */
        private final boolean denseCells;
        private int[][] dense = new int[16][];
        private long denseInts;
        private final @Nullable Map<Long, Latest> latest;
        private final Run run;

        Grouping(Run run, List<GroupField> fields) {
            this.run = run;
            this.fields = fields;
            int k = fields.size();
            fieldCodes = new int[k];
            for (int f = 0; f < k; f++) {
                fieldCodes[f] = fieldIndex(fields.get(f));
            }
            levels = new LongIntMap[k];
            parent = new int[k][];
            code = new int[k][];
            sizes = new int[k];
            for (int f = 0; f < k; f++) {
                levels[f] = new LongIntMap(64);
                parent[f] = new int[16];
                code[f] = new int[16];
            }
            // the account is always part of the key, for the per-account totals of the clustered figures
            accountRadix = !fields.contains(GroupField.ACCOUNT) ? ACCOUNT_RADIX : 1;
            roleRadix = options.weighting().usesRoleWeights() && !fields.contains(GroupField.ROLE) ? ROLE_RADIX : 1;
            maxGroup = Long.MAX_VALUE / (accountRadix * roleRadix);
            latest = options.dedupe() == Dedupe.LATEST_PER_CONTACT ? new HashMap<>() : null;
            denseCells = latest == null && accountRadix > 1 && roleRadix == 1;
        }

        /** At most this many dense counts per grouping (16 MB); cells beyond take the hash table. */
        private static final long DENSE_LIMIT = 1L << 22;

        /** The dense counts of group g, grown to hold an account code; null when over {@link #DENSE_LIMIT}. */
        private int @Nullable [] denseRow(int g, int account) {
            if (g >= dense.length) {
                dense = Arrays.copyOf(dense, Math.max(g + 1, dense.length * 2));
            }
            int[] row = dense[g];
            int need = 3 * (account + 1);
            if (row != null && need <= row.length) {
                return row;
            }
            int size = Math.max(need, row == null ? 48 : row.length * 2);
            if (denseInts + size - (row == null ? 0 : row.length) > DENSE_LIMIT) {
                return null;
            }
            denseInts += size - (row == null ? 0 : row.length);
            row = row == null ? new int[size] : Arrays.copyOf(row, size);
            dense[g] = row;
            return row;
        }

        /** Moves the dense counts into {@link #cells}. */
        void flush() {
            for (int g = 0; g < dense.length; g++) {
                int[] row = dense[g];
                if (row == null) {
                    continue;
                }
                for (int i = 0; i < row.length; i++) {
                    if (row[i] != 0) {
                        cells.add(cell(g, i / 3, 0), i % 3, row[i]);
                        row[i] = 0;
                    }
                }
            }
        }

        /** The group under {@code g} whose value of grouping field {@code f} is {@code c}, added if new. */
        private int child(int f, int g, int c) {
            long key = ((long) g << 32) | (c & 0xFFFFFFFFL);
            int next = levels[f].getOrPut(key, sizes[f]);
            if (next == sizes[f]) {
                if (next == parent[f].length) {
                    parent[f] = Arrays.copyOf(parent[f], next * 2);
                    code[f] = Arrays.copyOf(code[f], next * 2);
                }
                parent[f][next] = g;
                code[f][next] = c;
                sizes[f]++;
            }
            return next;
        }

        private long cell(int g, int account, int role) {
            if (g >= maxGroup) {
                throw new IllegalArgumentException("too many groups to score in one stream: " + fields);
            }
            return (g * accountRadix + (accountRadix > 1 ? account : 0)) * roleRadix + (roleRadix > 1 ? role : 0);
        }

        /**
         * Adds another piece's cells (no de-duplication), its codes mapped to this run's: {@code maps[i]} for the
         * field of {@link #fieldIndex} i below 4 (account, role, episode, tier); periods are the same in both.
         */
        void merge(Grouping o, int[][] maps) {
            if (denseCells && o.cells.isEmpty()) {
                // dense into dense, group by group in the other's group order (the order its cells would be visited
                // in, so groups new to this run get the codes they would get then), so that this run's cells stay
                // dense for visitDense: no hash table or sort per piece
                for (int og = 0; og < o.dense.length; og++) {
                    int[] row = o.dense[og];
                    if (row == null) {
                        continue;
                    }
                    int g = -1;
                    for (int i = 0; i + 2 < row.length; i += 3) {
                        if (row[i] != 0 || row[i + 1] != 0 || row[i + 2] != 0) {
                            g = g < 0 ? mergedGroup(o, og, maps) : g;
                            for (int c = 0; c < 3; c++) {
                                if (row[i + c] != 0) {
                                    addDense(g, maps[0][i / 3], c, row[i + c]);
                                }
                            }
                        }
                    }
                }
                return;
            }
            o.flush();
            o.cells.visit((key, detractors, passives, promoters) -> {
                long rest = key;
                int role = roleRadix > 1 ? (int) (rest % roleRadix) : 0;
                rest /= roleRadix;
                int account = accountRadix > 1 ? (int) (rest % accountRadix) : 0;
                int g = mergedGroup(o, (int) (rest / accountRadix), maps);
                long cell = cell(g, accountRadix > 1 ? maps[0][account] : 0, roleRadix > 1 ? maps[1][role] : 0);
                long[] counts = {detractors, passives, promoters};
                for (int c = 0; c < 3; c++) {
                    if (counts[c] != 0) {
                        cells.add(cell, c, counts[c]);
                    }
                }
            });
        }

        /** This run's group for another piece's group {@code og}, added if new ({@code maps} as in {@link #merge}). */
        private int mergedGroup(Grouping o, int og, int[][] maps) {
            int g = 0;
            for (int f = 0; f < fieldCodes.length; f++) {
                int c = o.decode(og, f);
                int field = fieldCodes[f];
                g = child(f, g, field < 4 && c >= 0 ? maps[field][c] : c);
            }
            return g;
        }

        /** Adds {@code n} answers of a category to a (group, account) dense count, or to the cells when it cannot. */
        private void addDense(int g, int account, int category, long n) {
            int[] row = g < dense.length ? dense[g] : null;
            if (row == null || 3 * account + 2 >= row.length) {
                row = denseRow(g, account);
            }
            int i = 3 * account + category;
            if (row != null && row[i] + n < Integer.MAX_VALUE) {
                row[i] += (int) n;
            } else {
                cells.add(cell(g, account, 0), category, n);
            }
        }

        void add(int[] codes, int account, int role, int contact, @Nullable LocalDateTime at, String id,
                int category) {
            int g = 0;
            for (int f = 0; f < fieldCodes.length; f++) {
                g = child(f, g, codes[fieldCodes[f]]);
            }
            if (denseCells) {
                int[] row = g < dense.length ? dense[g] : null;
                if (row == null || 3 * account + 2 >= row.length) {
                    row = denseRow(g, account);
                }
                if (row != null) {
                    int i = 3 * account + category;
                    if (++row[i] == Integer.MAX_VALUE) {
                        cells.add(cell(g, account, 0), category, row[i]);
                        row[i] = 0;
                    }
                    return;
                }
            }
            long cell = cell(g, account, role);
            if (latest == null) {
                cells.add(cell, category, 1);
                return;
            }
            long who = ((long) g << 31) | contact;
            Objects.requireNonNull(at, "answer time");
            Latest prev = latest.get(who);
            if (prev == null) {
                latest.put(who, new Latest(at, id, cell, category));
                cells.add(cell, category, 1);
            } else {
                int cmp = at.compareTo(prev.at);
                if (cmp > 0 || cmp == 0 && id.compareTo(prev.id) > 0) {
                    cells.add(prev.cell, prev.category, -1);
                    cells.add(cell, category, 1);
                    prev.at = at;
                    prev.id = id;
                    prev.cell = cell;
                    prev.category = category;
                }
            }
        }

        private int decode(long group, int field) {
            int g = (int) group;
            for (int f = fields.size() - 1; f > field; f--) {
                g = parent[f][g];
            }
            return code[field][g];
        }

        @Override
        public int account(long group) {
            int f = fields.indexOf(GroupField.ACCOUNT);
            return f < 0 ? -1 : decode(group, f);
        }

        @Override
        public int role(long group) {
            int f = fields.indexOf(GroupField.ROLE);
            return f < 0 ? -1 : decode(group, f);
        }

        @Override
        public List<String> values(long group) {
            List<String> out = new ArrayList<>(fields.size());
            for (int f = 0; f < fields.size(); f++) {
                out.add(run.label(fields.get(f), decode(group, f)));
            }
            return out;
        }

        GroupTotals totals(boolean deriveOverall) {
            GroupTotals totals = new GroupTotals(options.weighting(), accountRadix, roleRadix, this, run,
                    run::roleWeight, deriveOverall, true);
            if (denseCells && cells.isEmpty()) {
                visitDense(totals);
            } else {
                flush();
                cells.visit(totals);
            }
            return totals;
        }

        /**
         * Visits the dense counts when they hold every cell, in the order {@link Cells.Sparse#visit} gives after a
         * {@link #flush()} — ascending key, that is group then account code — without putting 40 000 cells in the
         * hash table and sorting their keys (at 5 M rows on one core that took about 0.05 s, mostly before the JIT
         * had compiled it).
         */
        private void visitDense(Cells.Visitor visitor) {
            for (int g = 0; g < dense.length; g++) {
                int[] row = dense[g];
                if (row == null) {
                    continue;
                }
                for (int i = 0; i + 2 < row.length; i += 3) {
                    int d = row[i];
                    int p = row[i + 1];
                    int pr = row[i + 2];
                    if (d != 0 || p != 0 || pr != 0) {
                        visitor.cell(cell(g, i / 3, 0), d, p, pr);
                    }
                }
            }
        }
    }

    /**
     * Reads a plain, valid ISO date {@code yyyy-mm-dd} as {@code year << 9 | month << 5 | day}, or returns −1 for
     * anything else (which the caller hands to {@link FieldParser} for parsing or for its error message).
     */
    static int plainDate(String t) {
        return plainDate(t.toCharArray(), 0, t.length());
    }

    /** {@link #plainDate(String)} on {@code a[off, off + len)}: the ASCII characters read as {@link #plainDate(byte[], int, int)}. */
    static int plainDate(char[] a, int off, int len) {
        if (len != 10) {
            return -1;
        }
        byte[] b = new byte[10];
        for (int i = 0; i < 10; i++) {
            char c = a[off + i];
            if (c > 0x7f) {
                return -1;
            }
            b[i] = (byte) c;
        }
        return plainDate(b, 0, 10);
    }

    /** {@link #plainDate(String)} on the ASCII bytes {@code a[off, off + len)}. */
    static int plainDate(byte[] a, int off, int len) {
        if (len != 10 || a[off + 4] != '-' || a[off + 7] != '-') {
            return -1;
        }
        int y = 0;
        for (int i = 0; i < 4; i++) {
            int d = a[off + i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            y = y * 10 + d;
        }
        int m1 = a[off + 5] - '0';
        int m2 = a[off + 6] - '0';
        int d1 = a[off + 8] - '0';
        int d2 = a[off + 9] - '0';
        if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) {
            return -1;
        }
        int m = m1 * 10 + m2;
        int d = d1 * 10 + d2;
        if (m < 1 || m > 12 || d < 1 || d > (m == 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m])) {
            return -1;
        }
        return y << 9 | m << 5 | d;
    }

    private static final int[] DAYS_IN_MONTH = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /** {@link java.time.Year#isLeap(long)} for years 0–9999. */
    private static boolean isLeap(int y) {
        return (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
    }

    /** Days since 1970-01-01 of a valid date, as {@link LocalDate#toEpochDay()} computes them (years 0–9999). */
    static long epochDay(int year, int month, int day) {
        if (year >= FieldParser.FIRST_YEAR && year <= FieldParser.LAST_YEAR) {
            return MONTH_STARTS[(year - FieldParser.FIRST_YEAR) * 12 + month - 1] + day - 1;
        }
        return computedEpochDay(year, month, day);
    }

    /** The epoch day of the first of each month of the years the readers accept. */
    private static final int[] MONTH_STARTS = monthStarts();

    private static int[] monthStarts() {
        int[] out = new int[(FieldParser.LAST_YEAR - FieldParser.FIRST_YEAR + 1) * 12];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) computedEpochDay(FieldParser.FIRST_YEAR + i / 12, i % 12 + 1, 1);
        }
        return out;
    }

    private static long computedEpochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - 719_528L;
    }

    private static int fieldIndex(GroupField f) {
        if (f.equals(GroupField.ACCOUNT)) {
            return 0;
        } else if (f.equals(GroupField.ROLE)) {
            return 1;
        } else if (f.equals(GroupField.EPISODE)) {
            return 2;
        } else if (f.equals(GroupField.TIER)) {
            return 3;
        } else if (f.periodUnit().isPresent()) {
            return 4 + f.periodUnit().get().ordinal();
        }
        throw new IllegalArgumentException("streaming cannot group by " + f);
    }

    /**
     * Detects a repeated {@code response_id} as the reader does ("duplicate response id; first on line N"), in
     * 8 bytes per row: the 64-bit hashes of the ids, appended as rows come and checked once at the end of the file (or
     * before another error is reported, so the first error in file order wins, as in the reader). Hashes that occur
     * twice are settled exactly by reading the file again up to the last row taken, which finds the first repeated id
     * in file order (so the re-read happens about once per file with a repeated id, or for a collision of two 64-bit
     * hashes). Sources that cannot be read twice (a caller's reader) keep the ids themselves and fail at once.
     */
    private final class ResponseIds {
        private final CsvSource source;
        /** The lines the run leaves out, which the re-read leaves out too. */
        private final long[] skip;
        private final @Nullable Map<String, Long> exact;
        /**
         * The hashes in segments, filled in order: a full segment is never copied, neither when more ids come (a
         * new segment, half as long as all so far) nor when another piece's ids are appended (its segments are
         * taken as they are) — at 20 M rows the copies were 160 MB each, in a 1 GB heap.
         */
        private final List<RepeatedHashes.Segment> segments = new ArrayList<>();
        private long[] current = new long[1 << 12];
        private int inCurrent;
        private int size;
        /** The line of the last row whose id was taken. */
        private long lastLine = -1;

        ResponseIds(CsvSource source, long[] skip) {
            this.source = source;
            this.skip = skip;
            this.exact = source.path() == null ? new HashMap<>() : null;
        }

        /** Takes the row's id (sources read once: throws the reader's error when an earlier row has it). */
        void check(CsvFile f, int col) {
            if (exact != null) {
                String id = f.get(col).strip();
                Long seen = exact.putIfAbsent(id, f.line());
                if (seen != null) {
                    throw duplicate(f, id, seen);
                }
                return;
            }
            if (inCurrent == current.length) {
                seal();
                current = new long[Math.max(1 << 12, Math.min(1 << 24, size >> 1))];
            }
            current[inCurrent++] = f.strippedHash(col);
            size++;
            lastLine = f.line();
        }

        /**
         * Appends the ids another piece took (read after this one's), whose line numbers are {@code lineShift}
         * lower than the file's.
         */
        void append(ResponseIds other, long lineShift) {
            if (other.size == 0) {
                return;
            }
            seal();
            other.seal();
            segments.addAll(other.segments);
            other.segments.clear();
            size += other.size;
            lastLine = other.lastLine + lineShift;
        }

        /** Moves the current segment, if it holds any hash, to the sealed ones (a new one is made when needed). */
        private void seal() {
            if (inCurrent > 0) {
                segments.add(new RepeatedHashes.Segment(current, inCurrent));
                current = new long[0];
                inCurrent = 0;
            }
        }

        /**
         * Returns the reader's error for the first row, in file order, whose id an earlier row had — among the rows
         * taken so far — or null when the ids are distinct.
         *
         * @param last whether no more ids follow (the hashes can then go)
         */
        @Nullable CsvFormatException firstDuplicate(boolean last) {
            if (exact != null || size < 2) {
                return null;
            }
            seal();
            java.util.Set<Long> repeated = RepeatedHashes.of(segments, size, size < PARALLEL_IDS ? 1 : threads);
            if (last) {
                segments.clear();
                size = 0;
            }
            if (repeated.isEmpty()) {
                return null;
            }
            try (CsvFile again = CsvFile.fast(source, readOptions, ReadOptions.FileKind.RESPONSES)) {
                int[] cols = again.required(RESPONSE_ID, SCORE);
                Map<String, Long> seen = new HashMap<>();
                while (again.next() && again.line() <= lastLine) {
                    if (again.isBlank(cols[1]) || !repeated.contains(again.strippedHash(cols[0]))
                            || skip.length > 0 && Arrays.binarySearch(skip, again.line()) >= 0) {
                        continue;
                    }
                    String id = again.get(cols[0]).strip();
                    Long first = seen.putIfAbsent(id, again.line());
                    if (first != null) {
                        return duplicate(again, id, first);
                    }
                }
            }
            return null;
        }

        private CsvFormatException duplicate(CsvFile f, String id, long first) {
            return new CsvFormatException(new RowError(f.name(), f.line(), RESPONSE_ID, id,
                    "duplicate response id; first on line " + first));
        }
    }

    /** Fewer response ids than this are checked for repeats on one thread. */
    static final int PARALLEL_IDS = 1 << 20;

    /** A stop flag that is never raised (one-piece reads). */
    private static final java.util.concurrent.atomic.AtomicBoolean NEVER =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** Waits for a thread (if any) to end, keeping an interrupt for later. */
    static void join(@Nullable Thread t) {
        if (t == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One piece of a file read by its own thread, with its own counts, ids and first failure. */
    private final class Piece {
        final long from;
        final long stop;
        final long linesBefore;
        @Nullable Run run;
        @Nullable ResponseIds ids;
        @Nullable Throwable failure;
        long end;
        long endLines;

        Piece(long from, long stop, long linesBefore) {
            this.from = from;
            this.stop = stop;
            this.linesBefore = linesBefore;
        }

        /** Reads the piece into a sibling of {@code parent}; a failure is kept, not thrown. */
        void read(Run template, CsvSource source, CsvFile whole, ResponseColumns l, @Nullable CsvSource contacts,
                java.util.concurrent.atomic.AtomicBoolean stopFlag) {
            Run r = template.template();
            ResponseIds i = new ResponseIds(source, NO_LINES); // pieces are read only when nothing is skipped
            run = r;
            ids = i;
            try (CsvFile f = whole.range(from, stop, linesBefore)) {
                r.readRows(f, i, l, contacts, stopFlag);
                end = f.offset();
                endLines = f.linesRead();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }
    }

    /** The state of one {@code score} call. */
    private final class Run implements GroupTotals.AccountInfo {
        private final Map<String, Account> accountsById;
        /** Contacts of contacts.csv (contact codes are the index's codes). */
        private final StringIndex contactIndex;
        /** Per contact code c: [2c] its account code, [2c + 1] its role code — side by side, one cache line. */
        private int[] contactInfo;
        private final boolean checkAccounts;
        private final boolean checkContacts;
        private final StringIndex accountCodes;
        private final List<Account> accountList = new ArrayList<>();
        private final List<String> accountIds = new ArrayList<>();
        private final Map<String, Integer> contactCodes = new HashMap<>();
        private final TextCodes roleText = new TextCodes();
        private final List<String> roleNames = new ArrayList<>();
        /** {@link #roleWeight} by role code, NaN until worked out. */
        private double[] roleWeights = new double[0];
        private final Map<String, Integer> roleCodes = new HashMap<>();
        private final TextCodes episodeText = new TextCodes();
        private final List<String> episodeNames = new ArrayList<>();
        private final Map<String, Integer> episodeCodes = new HashMap<>();
        private final List<String> tierNames = new ArrayList<>();
        private final Map<String, Integer> tierCodes = new HashMap<>();
        private int[] accountTier = new int[16];
        private final Grouping grouped;
        private final @Nullable Grouping overall;
        private final boolean deriveOverall;
        private boolean[] allowedEpisode = new boolean[8];
        private boolean[] presentEpisode = new boolean[8];
        private final @Nullable CsvSource accountsSource;
        private long rows;
        /** Lines of responses.csv whose rows are left out ({@link #scoreLeniently}), sorted; usually none. */
        long[] skip = NO_LINES;
        private final boolean dedupe = options.dedupe() != Dedupe.NONE;
        private final WeightRules roleRules = WeightRules.of(options.weighting());
        private final Fields fieldReader;
        /** Accepted rows per role code, for the report's unknown roles. */
        private long[] roleRows = new long[8];

        private final Portfolio small;

        Run(Portfolio small, @Nullable CsvSource accountsSource, boolean checkContacts, Fields fieldReader) {
            this.small = small;
            this.fieldReader = fieldReader;
            this.accountsSource = accountsSource;
            this.checkAccounts = accountsSource != null;
            this.checkContacts = checkContacts;
            this.accountsById = small.accountsById();
            // sized for the small files' ids, so that 100 k contacts are not re-hashed at every doubling
            this.contactIndex = new StringIndex(Math.max(1024, small.contacts().size()));
            this.accountCodes = new StringIndex(Math.max(1024, small.accounts().size()));
            this.contactInfo = new int[2 * Math.max(8, small.contacts().size())];
            for (Account a : small.accounts()) {
                accountCode(a.id());
            }
            for (Contact c : small.contacts()) {
                int code = contactIndex.add(c.id());
                if (2 * code == contactInfo.length) {
                    contactInfo = Arrays.copyOf(contactInfo, contactInfo.length * 2);
                }
                contactInfo[2 * code] = accountCode(c.accountId());
                contactInfo[2 * code + 1] = intern(roleNames, roleCodes, c.role().name());
            }
            List<GroupField> fields = options.groupBy();
            for (GroupField f : fields) {
                fieldIndex(f);
            }
            grouped = new Grouping(this, fields);
            deriveOverall = !fields.isEmpty() && options.dedupe() == Dedupe.NONE;
            overall = fields.isEmpty() || deriveOverall ? null : new Grouping(this, List.of());
        }

        private int accountCode(String id) {
            int c = accountCodes.indexOf(id);
            if (c >= 0) {
                return c;
            }
            int code = accountCodes.add(id);
            accountIds.add(id);
            Account a = accountsById.get(id);
            accountList.add(a);
            if (code == accountTier.length) {
                accountTier = Arrays.copyOf(accountTier, code * 2);
            }
            accountTier[code] = a == null ? -1 : intern(tierNames, tierCodes, a.tier().name());
            return code;
        }

        private static int intern(List<String> names, Map<String, Integer> codes, String name) {
            Integer c = codes.get(name);
            if (c != null) {
                return c;
            }
            names.add(name);
            codes.put(name, names.size() - 1);
            return names.size() - 1;
        }

        void read(CsvSource source, @Nullable CsvSource contacts) {
            try (CsvFile f = CsvFile.fast(source, readOptions, ReadOptions.FileKind.RESPONSES)) {
                // resolved as the reader does (the comment too: a repeated header is an error)
                ResponseColumns l = ResponseColumns.of(f);
                ResponseIds ids = new ResponseIds(source, skip);
                try {
                    if (!readInPieces(source, f, ids, l, contacts)) {
                        readRows(f, ids, l, contacts, NEVER);
                    }
                } catch (CsvFormatException e) {
                    // a repeated id on an earlier row is the first error, as the reader reports it
                    CsvFormatException duplicate = ids.firstDuplicate(false);
                    throw duplicate != null ? duplicate : e;
                }
                CsvFormatException duplicate = ids.firstDuplicate(true);
                if (duplicate != null) {
                    throw duplicate;
                }
            }
        }

        /**
         * Reads the rest of a file in pieces when {@link #withThreads} allows it: up to four pieces per thread, taken
         * in turn by the threads as they become free (so a thread that gets less CPU time holds up no one), the
         * calling thread reading the first piece alone (while the JIT compiles the row loop) and then, with the other
         * threads, taking the rest. Pieces start just after a line feed, a
         * guess at a record start that the piece before confirms by ending there; a piece whose guess was wrong (a
         * line feed inside quotes), or that failed, is read again on this thread from the true start with the true
         * line numbers, so the first error in file order is reported exactly. Counts are merged in file order.
         *
         * @return false when the file is to be read in one piece (nothing was read)
         */
        private boolean readInPieces(CsvSource source, CsvFile f, ResponseIds ids, ResponseColumns l,
                @Nullable CsvSource contacts) {
            if (threads < 2 || dedupe || !f.onBytes() || skip.length > 0) { // pieces count lines from their start
                return false;
            }
            long from = f.offset();
            long size = f.byteSize();
            int n = (int) Math.min(4L * threads, (size - from) / minPieceBytes);
            if (n < 2) {
                return false;
            }
            long[] cut = new long[n + 1];
            cut[0] = from;
            cut[n] = size;
            // the first piece, read alone while the JIT compiles, no larger than FIRST_PIECE_BYTES; the rest evenly
            cut[1] = f.lineStartAfter(from + Math.min((size - from) / n, Math.max(minPieceBytes, FIRST_PIECE_BYTES)));
            for (int k = 2; k < n; k++) {
                cut[k] = Math.max(cut[k - 1], f.lineStartAfter(cut[1] + (size - cut[1]) / (n - 1) * (k - 1)));
            }
            f.stopAt(cut[1]);
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(1);
            Piece[] pieces = new Piece[n];
            for (int k = 1; k < n; k++) {
                pieces[k] = new Piece(cut[k], cut[k + 1], 0);
            }
            Run template = template(); // before this run reads a row: the pieces' runs are copies of it
            Runnable taker = () -> {
                int k;
                while (!stop.get() && (k = next.getAndIncrement()) < n) {
                    pieces[k].read(template, source, f, l, contacts, stop);
                }
            };
            Thread[] workers = new Thread[Math.min(threads - 1, n - 1)];
            try {
                // the first piece alone: the JIT compiles the row loop meanwhile on another core, and the other
                // threads then start on compiled code instead of all interpreting it while the compiler waits
                readRows(f, ids, l, contacts, NEVER);
                for (int w = 0; w < workers.length; w++) {
                    workers[w] = new Thread(taker, "nps-stream-" + (w + 1));
                    workers[w].setDaemon(true);
                    workers[w].start();
                }
                taker.run();
                for (Thread w : workers) {
                    join(w);
                }
                long at = f.offset();
                long lines = f.linesRead();
                for (int k = 1; k < n; k++) {
                    Piece p = pieces[k];
                    if (at >= p.stop) {
                        continue; // the piece before read past this one's end (a quoted field spanning it)
                    }
                    if (p.from != at || p.failure != null) {
                        p = new Piece(at, p.stop, lines);
                        p.read(template, source, f, l, contacts, NEVER);
                    }
                    pieces[k] = null; // merged below: its memory can go
                    ids.append(Objects.requireNonNull(p.ids), lines - p.linesBefore);
                    Throwable failure = p.failure;
                    if (failure instanceof RuntimeException e) {
                        throw e;
                    } else if (failure != null) {
                        throw (Error) failure;
                    }
                    merge(Objects.requireNonNull(p.run));
                    at = p.end;
                    lines += p.endLines - p.linesBefore;
                }
            } catch (RuntimeException | Error e) {
                stop.set(true);
                for (Thread w : workers) {
                    if (w != null) {
                        join(w);
                    }
                }
                throw e;
            }
            return true;
        }

        /**
         * A copy of a run that has read no row yet, for one piece of the file: the same codes for the small files'
         * accounts, contacts and roles (the contacts, which no row changes, shared), its own counts.
         */
        private Run(Run t) {
            this.small = t.small;
            this.fieldReader = new Fields(readOptions);
            this.accountsSource = t.accountsSource;
            this.checkAccounts = t.checkAccounts;
            this.checkContacts = t.checkContacts;
            this.accountsById = t.accountsById;
            this.contactIndex = t.contactIndex;
            this.contactInfo = t.contactInfo;
            this.accountCodes = t.accountCodes.copy();
            this.accountList.addAll(t.accountList);
            this.accountIds.addAll(t.accountIds);
            this.roleNames.addAll(t.roleNames);
            this.roleCodes.putAll(t.roleCodes);
            this.tierNames.addAll(t.tierNames);
            this.tierCodes.putAll(t.tierCodes);
            this.accountTier = t.accountTier.clone();
            List<GroupField> fields = options.groupBy();
            grouped = new Grouping(this, fields);
            deriveOverall = t.deriveOverall;
            overall = t.overall == null ? null : new Grouping(this, List.of());
        }

        /** A copy of this run before it reads any row (see {@link #Run(Run)}), for the pieces of a file. */
        Run template() {
            return new Run(this);
        }

        /**
         * Adds another piece's counts (read after this one's, in file order) to these: codes are matched by name,
         * new ones taken in the other's order, so the result is the one-thread result.
         */
        void merge(Run o) {
            int[] accounts = new int[o.accountIds.size()];
            for (int c = 0; c < accounts.length; c++) {
                accounts[c] = accountCode(o.accountIds.get(c));
            }
            int[] roles = new int[o.roleNames.size()];
            for (int c = 0; c < roles.length; c++) {
                roles[c] = intern(roleNames, roleCodes, o.roleNames.get(c));
            }
            int[] episodes = new int[o.episodeNames.size()];
            for (int c = 0; c < episodes.length; c++) {
                episodes[c] = episodeCode(o.episodeNames.get(c));
            }
            int[] tiers = new int[o.tierNames.size()];
            for (int c = 0; c < tiers.length; c++) {
                tiers[c] = intern(tierNames, tierCodes, o.tierNames.get(c));
            }
            rows += o.rows;
            for (int r = 0; r < roles.length && r < o.roleRows.length; r++) {
                if (roles[r] >= roleRows.length) {
                    roleRows = Arrays.copyOf(roleRows, Math.max(roles[r] + 1, roleRows.length * 2));
                }
                roleRows[roles[r]] += o.roleRows[r];
            }
            for (int e = 0; e < episodes.length; e++) {
                presentEpisode[episodes[e]] |= o.presentEpisode[e];
            }
            fieldReader.blankScores += o.fieldReader.blankScores;
            int[][] maps = {accounts, roles, episodes, tiers};
            grouped.merge(o.grouped, maps);
            if (overall != null) {
                overall.merge(Objects.requireNonNull(o.overall), maps);
            }
        }

        private void readRows(CsvFile f, ResponseIds ids, ResponseColumns l, @Nullable CsvSource contacts,
                java.util.concurrent.atomic.AtomicBoolean stop) {
            readRowsFrom(f, ids, l, contacts, stop);
        }

        /**
         * The loop of {@link #readRows}: one call of {@link #row} per record, so that the row's work is compiled as
         * a method of its own rather than only as an on-stack replacement of this loop (each piece of a parallel read
         * is a new invocation of the loop).
         */
        private void readRowsFrom(CsvFile f, ResponseIds ids, ResponseColumns l, @Nullable CsvSource contacts,
                java.util.concurrent.atomic.AtomicBoolean stop) {
            int id = l.id();
            int account = l.account();
            int contact = l.contact();
            int role = l.role();
            int episode = l.episode();
            int answered = l.answered();
            int score = l.score();
            CsvFile.Extra[] attrs = l.attrs().toArray(new CsvFile.Extra[0]);
            CsvFile.Extra[] competitors = l.competitors().toArray(new CsvFile.Extra[0]);
            int[] codes = new int[7];
            int sinceCheck = 0;
            while (f.next()) {
                if (++sinceCheck == 4096) {
                    sinceCheck = 0;
                    if (stop.get()) {
                        return; // another piece failed: this one's counts are not used
                    }
                }
                if (skip.length > 0 && Arrays.binarySearch(skip, f.line()) >= 0) {
                    continue; // left out by the lenient reader
                }
                row(f, ids, id, account, contact, role, episode, answered, score, attrs, competitors, contacts, codes);
            }
        }

        /**
         * Checks and counts the current record. The common case — ids, vocabulary, a plain date and a 0–10 score
         * found on the row's bytes — stays in this method; every other case (padded or unknown text, date-times,
         * errors) is a call to a method of its own, which keeps this one small enough for the JIT to compile quickly
         * and inline what it calls.
         */
        private void row(CsvFile f, ResponseIds ids, int id, int account, int contact, int role, int episode,
                int answered, int score, CsvFile.Extra[] attrs, CsvFile.Extra[] competitors,
                @Nullable CsvSource contacts, int[] codes) {
            if (f.size() != f.width()) {
                throw bad(f, "", "", Objects.requireNonNull(f.widthProblem()));
            }
            int s = f.smallInt(score);
            if (s < 0 && f.isBlank(score)) {
                fieldReader.blankScores++; // a skipped question: left out and counted, as the reader does
                return;
            }
            // Ids, vocabulary, scores and dates are looked up on the row's characters; strings are built
            // only where the answer needs them (de-duplication) or on the slow paths that report errors.
            if (f.isBlank(id)) {
                requireId(f, id, RESPONSE_ID);
            }
            ids.check(f, id);
            String responseId = dedupe ? f.get(id).strip() : "";
            int c = -1;
            int accountCode;
            if (checkContacts) {
                c = f.lookup(contactIndex, contact);
                // the row's account must be the contact's: compare its text with that account's id
                if (c < 0 || !f.fieldIs(accountCodes, contactInfo[2 * c], account)) {
                    c = slowContact(f, account, contact, contacts);
                }
                accountCode = contactInfo[2 * c];
            } else {
                accountCode = f.lookup(accountCodes, account);
                if (accountCode < 0) {
                    accountCode = checkAccount(f, requireId(f, account, ACCOUNT_ID));
                }
                if (f.isBlank(contact)) {
                    requireId(f, contact, CONTACT_ID);
                }
            }
            String contactId = dedupe && !checkContacts ? f.get(contact).strip() : "";
            int roleHit = f.lookup(roleText.index, role);
            int roleCode = roleHit >= 0 ? roleText.codes[roleHit] : slowRole(f, role, c);
            int episodeHit = f.lookup(episodeText.index, episode);
            int episodeCode = episodeHit >= 0 ? episodeText.codes[episodeHit] : slowEpisode(f, episode);
            // Fast path: a plain valid yyyy-mm-dd in the years we accept needs no date objects unless
            // de-duplication compares answer times; anything else (padding, date-times, errors) is slowDate's.
            int ymd = f.plainDate(answered);
            int year = ymd >>> 9;
            int month;
            long epochDay;
            LocalDateTime at = null;
            if (ymd >= 0 && year >= FieldParser.FIRST_YEAR && year <= FieldParser.LAST_YEAR) {
                month = (ymd >>> 5) & 15;
                epochDay = epochDay(year, month, ymd & 31);
                if (dedupe) {
                    at = LocalDateTime.of(year, month, ymd & 31, 0, 0);
                }
            } else {
                at = slowDate(f, answered);
                year = at.getYear();
                month = at.getMonthValue();
                epochDay = at.toLocalDate().toEpochDay();
            }
            if (s < 0 || s > 10) {
                s = slowScore(f, score);
            }
            for (CsvFile.Extra a : attrs) {
                if (f.smallInt(a.index()) < 0 && !f.isBlank(a.index())) {
                    checkRating(f, a);
                }
            }
            for (CsvFile.Extra c2 : competitors) {
                int v = f.smallInt(c2.index());
                if (v > 10 || v < 0 && !f.isBlank(c2.index())) {
                    checkCompetitorScore(f, c2);
                }
            }
            rows++;
            if (roleCode >= roleRows.length) {
                roleRows = Arrays.copyOf(roleRows, Math.max(roleCode + 1, roleRows.length * 2));
            }
            roleRows[roleCode]++;
            add(responseId, accountCode, c, contactId, roleCode, episodeCode, epochDay, year, month, at, s,
                    codes);
        }

        /** The role code of a row whose role text is not a known one as it stands (padded, new, or blank). */
        private int slowRole(CsvFile f, int role, int contactCode) {
            String roleValue = f.get(role).strip();
            if (!roleValue.isEmpty()) {
                return vocabulary(f, roleText, roleNames, roleCodes, roleValue, ROLE);
            }
            if (contactCode >= 0) {
                return contactInfo[2 * contactCode + 1];
            }
            return intern(roleNames, roleCodes, GroupField.NONE);
        }

        /** The episode code of a row whose episode text is not a known one as it stands (blank: relationship). */
        private int slowEpisode(CsvFile f, int episode) {
            String episodeValue = f.get(episode).strip();
            return episodeValue.isEmpty()
                    ? episodeCode(EpisodeType.RELATIONSHIP.name())
                    : vocabulary(f, episodeText, episodeNames, episodeCodes, episodeValue, EPISODE);
        }

        /**
         * The answer time of a row whose {@code answered_at} is not a plain date in the accepted years as it stands:
         * a padded date, a date-time, or an error naming the value.
         */
        private LocalDateTime slowDate(CsvFile f, int answered) {
            String atText = f.get(answered).strip();
            if (atText.isEmpty()) {
                throw bad(f, ANSWERED_AT, atText, "is blank; expected an ISO-8601 date or date-time");
            }
            int ymd = plainDate(atText);
            if (ymd >= 0) {
                int year = ymd >>> 9;
                try {
                    FieldParser.requireYear(year);
                } catch (IllegalArgumentException e) {
                    throw bad(f, ANSWERED_AT, atText, e.getMessage());
                }
                return LocalDateTime.of(year, (ymd >>> 5) & 15, ymd & 31, 0, 0);
            }
            try {
                return fieldReader.dateTime(atText);
            } catch (IllegalArgumentException e) {
                throw bad(f, ANSWERED_AT, atText, e.getMessage());
            }
        }

        /** The score of a row whose score is not one or two plain digits from 0 to 10 (or the reader's error). */
        private int slowScore(CsvFile f, int score) {
            String scoreText = f.get(score).strip();
            try {
                return fieldReader.score(scoreText);
            } catch (IllegalArgumentException e) {
                throw bad(f, SCORE, scoreText, e.getMessage());
            }
        }

        /** Checks an {@code attr:} rating that is not one or two plain digits: a number, or the reader's error. */
        private void checkRating(CsvFile f, CsvFile.Extra a) {
            String v = f.get(a.index()).strip();
            try {
                fieldReader.number(v);
            } catch (IllegalArgumentException e) {
                throw bad(f, a.column(), v, e.getMessage());
            }
        }

        /** Checks a {@code competitor:} score that is not one or two plain digits from 0 to 10. */
        private void checkCompetitorScore(CsvFile f, CsvFile.Extra c) {
            String v = f.get(c.index()).strip();
            try {
                fieldReader.score(v);
            } catch (IllegalArgumentException e) {
                throw bad(f, c.column(), v, e.getMessage());
            }
        }

        /**
         * The contact of a row whose account or contact was not found on the fast path: the checks and messages
         * of the reader, in its order (account first).
         */
        private int slowContact(CsvFile f, int account, int contact, @Nullable CsvSource contacts) {
            String accountId = requireId(f, account, ACCOUNT_ID);
            String contactId = requireId(f, contact, CONTACT_ID);
            int c = contactIndex.indexOf(contactId);
            int rowAccount = accountCodes.indexOf(accountId);
            if (c < 0 || contactInfo[2 * c] != rowAccount) {
                checkAccount(f, accountId);
            }
            if (c < 0) {
                throw bad(f, CONTACT_ID, contactId, "unknown contact; not in " + contacts);
            }
            if (contactInfo[2 * c] != rowAccount) {
                throw bad(f, ACCOUNT_ID, accountId, "contact " + contactId + " belongs to account "
                        + accountIds.get(contactInfo[2 * c]) + " in " + contacts);
            }
            return c;
        }

        private int checkAccount(CsvFile f, String accountId) {
            if (!checkAccounts) {
                return accountCode(accountId);
            }
            int code = accountCodes.indexOf(accountId);
            if (code < 0) {
                throw bad(f, ACCOUNT_ID, accountId, "unknown account; not in " + accountsSource);
            }
            return code;
        }

        private void add(String responseId, int a, int c, String contactId, int roleCode, int episodeCode,
                long epochDay, int y, int m, @Nullable LocalDateTime at, int s, int[] codes) {
            if (!options.keepsEpochDay(epochDay)) {
                return;
            }
            if (!allowedEpisode[episodeCode]) {
                return;
            }
            presentEpisode[episodeCode] = true;
            int contactCode = options.dedupe() == Dedupe.NONE ? 0
                    : c >= 0 ? c
                    : contactCodes.computeIfAbsent(contactId, k -> contactCodes.size());
            codes[0] = a;
            codes[1] = roleCode;
            codes[2] = episodeCode;
            codes[3] = accountTier[a];
            codes[4] = y * 12 + m - 1;
            codes[5] = y * 4 + (m - 1) / 3;
            codes[6] = y;
            int category = s >= 9 ? 2 : s >= 7 ? 1 : 0;
            grouped.add(codes, a, roleCode, contactCode, at, responseId, category);
            if (overall != null) {
                overall.add(codes, a, roleCode, contactCode, at, responseId, category);
            }
        }

        private int episodeCode(String name) {
            int before = episodeNames.size();
            int code = intern(episodeNames, episodeCodes, name);
            if (code == before) {
                if (code == allowedEpisode.length) {
                    allowedEpisode = Arrays.copyOf(allowedEpisode, code * 2);
                    presentEpisode = Arrays.copyOf(presentEpisode, code * 2);
                }
                allowedEpisode[code] = options.keepsEpisode(EpisodeType.of(name));
            }
            return code;
        }

        private int vocabulary(CsvFile f, TextCodes byText, List<String> names,
                Map<String, Integer> codes, String text, String column) {
            int t = byText.index.indexOf(text);
            if (t >= 0) {
                return byText.codes[t];
            }
            String name;
            try {
                name = column.equals(ROLE) ? fieldReader.role(text).name() : EpisodeType.of(text).name();
            } catch (IllegalArgumentException e) {
                throw bad(f, column, text, e.getMessage());
            }
            int c = column.equals(ROLE) ? intern(names, codes, name) : episodeCode(name);
            byText.put(text, c);
            return c;
        }

        private String requireId(CsvFile f, int index, String column) {
            String v = f.get(index).strip();
            if (v.isEmpty()) {
                throw bad(f, column, v, "is blank; expected an id");
            }
            return v;
        }

        private CsvFormatException bad(CsvFile f, String field, String value, String reason) {
            return new CsvFormatException(new RowError(f.name(), f.line(), field, value, reason));
        }

        String label(GroupField field, int c) {
            if (field.equals(GroupField.ACCOUNT)) {
                return accountIds.get(c);
            } else if (field.equals(GroupField.ROLE)) {
                return roleNames.get(c);
            } else if (field.equals(GroupField.EPISODE)) {
                return episodeNames.get(c);
            } else if (field.equals(GroupField.TIER)) {
                return tierNames.get(c);
            }
            PeriodUnit unit = field.periodUnit().orElseThrow();
            LocalDate start = switch (unit) {
                case MONTH -> LocalDate.of(Math.floorDiv(c, 12), Math.floorMod(c, 12) + 1, 1);
                case QUARTER -> LocalDate.of(Math.floorDiv(c, 4), Math.floorMod(c, 4) * 3 + 1, 1);
                case YEAR -> LocalDate.of(c, 1, 1);
            };
            return unit.label(start);
        }

        /** The raw role weight of a role code, asked once per cell: worked out once per code. */
        double roleWeight(int code) {
            if (code >= roleWeights.length) {
                int from = roleWeights.length;
                roleWeights = Arrays.copyOf(roleWeights, Math.max(code + 1, roleNames.size()));
                Arrays.fill(roleWeights, from, roleWeights.length, Double.NaN);
            }
            double w = roleWeights[code];
            if (Double.isNaN(w)) {
                String name = roleNames.get(code);
                w = roleRules.raw(name.equals(GroupField.NONE) ? null : Role.of(name));
                roleWeights[code] = w;
            }
            return w;
        }

        Result finish() {
            for (int r = 0; r < roleNames.size() && r < roleRows.length; r++) {
                String name = roleNames.get(r);
                if (roleRows[r] > 0 && !name.equals(GroupField.NONE)) {
                    Role role = Role.of(name);
                    if (!readOptions.roles().knows(role)) {
                        fieldReader.unknownRoles.merge(name, roleRows[r], Long::sum);
                    }
                }
            }
            Set<String> presentEpisodes = new TreeSet<>();
            for (int e = 0; e < episodeNames.size(); e++) {
                if (presentEpisode[e]) {
                    presentEpisodes.add(episodeNames.get(e));
                }
            }
            boolean mixed = options.checkEpisodes(presentEpisodes);
            List<GroupField> fields = options.groupBy();
            List<String> names = fields.stream().map(GroupField::name).toList();
            List<GroupedEstimates.Entry> groups = List.of();
            List<ClusteredEstimate> clustered = List.of();
            Optional<ClusteredEstimate> all = Optional.empty();
            GroupTotals totals = grouped.totals(deriveOverall && !mixed);
            if (fields.isEmpty()) {
                all = Optional.of(single(totals));
            } else {
                groups = totals.entries(names);
                clustered = totals.clustered(names);
                if (!mixed) {
                    all = Optional.of(deriveOverall ? totals.overallClustered()
                            : single(Objects.requireNonNull(overall).totals(false)));
                }
            }
            GroupedEstimates estimates = new GroupedEstimates(options.weighting().label(), options.dedupe(), names,
                    all.map(ClusteredEstimate::estimate), groups);
            return new Result(estimates, fieldReader.report(List.of()), all, clustered);
        }

        /** The one group of an ungrouped count, or an empty one when no answer was counted. */
        private static ClusteredEstimate single(GroupTotals totals) {
            List<ClusteredEstimate> c = totals.clustered(List.of());
            return c.isEmpty() ? new ClusteredEstimate(NpsEstimate.empty(), new java.util.TreeMap<>()) : c.get(0);
        }

        @Override
        public int count() {
            return accountIds.size();
        }

        @Override
        public String id(int account) {
            return accountIds.get(account);
        }

        @Override
        public boolean known(int account) {
            return accountList.get(account) != null;
        }

        @Override
        public double value(int account) {
            Account a = accountList.get(account);
            return a == null || a.annualValue().isEmpty() ? Double.NaN : a.annualValue().getAsDouble();
        }
    }
}
