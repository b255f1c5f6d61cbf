package io.github.nps4j.core.table;

import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.PeriodUnit;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.internal.Cells;
import io.github.nps4j.core.internal.GroupTotals;
import io.github.nps4j.core.internal.LongIntMap;
import io.github.nps4j.core.internal.WeightRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Grouped, weighted Net Promoter scoring of a {@link ResponseTable}: the columnar counterpart of
 * {@link io.github.nps4j.core.NpsScorer}, with the same steps (filter, split into groups, de-duplicate within each
 * group, weigh within each group's accounts, tally) and the same results: counts exactly, weight sums and NPS to
 * floating-point rounding (1e-12 relative).
 *
 * <p>Grouping by {@link GroupField#ACCOUNT account}, {@link GroupField#ROLE role}, {@link GroupField#EPISODE
 * episode}, {@link GroupField#TIER tier} and {@link GroupField#period(PeriodUnit) period}, in any combination; every
 * {@link Weighting} option ({@code none}, {@code role}, {@code account-equal}, {@code account-value} and the two
 * {@code role+account-*} combinations) except custom weightings (which need the response objects: use
 * {@code NpsScorer}); segment grouping is not supported either (the table keeps no segment tags).
 *
 * <p>How it works: one pass over the columns counts answers per cell — (group, account, role) × category, the
 * account and role dimensions present only when the weighting needs them — in a flat {@code int} array (or a hash
 * index when the key space is large). Weights are then derived per cell with the exact algebra of
 * {@link Weighting#weigh}: for the account-normalised options, per (group, account) with raw role weights
 * {@code rw}, {@code R_c = Σ rw}, {@code Q_c = Σ rw²} over the account's answers of category {@code c} and
 * {@code S = Σ_c R_c}, the group gets {@code Σw_c = Σ_a T_a·R_c/S} and {@code Σw²_c = Σ_a T_a²·Q_c/S²}
 * ({@code T_a} = 1 or the account's value), handed to {@link io.github.nps4j.core.Tally#add(io.github.nps4j.core.Category,
 * long, double, double)} and finished as an {@link NpsEstimate}.
 *
 * <p>{@link #scoreParallel} splits the rows, counts each part on its own thread and merges the integer counts
 * before weighing, so its result is bit-identical to {@link #score}'s.
 *
 * <p>Immutable and thread-safe. Example usage:
 * <pre>{@code
 * ScoringSpec spec = ScoringSpec.builder()
 *         .weighting(Weighting.roleAccountEqual(RoleWeights.defaults()))
 *         .groupBy(GroupField.ROLE)
 *         .build();
 * GroupedEstimates byRole = TableScorer.of(spec).score(table);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TableScorer {
    /** Largest number of cells counted in a flat array; larger key spaces use a hash index. */
    private static final long DENSE_LIMIT = 1L << 22;
    private static final int BLOCK = 1024;
    private static final int MIN_PART_ROWS = 65_536;
    private static final byte[] CATEGORY = {0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2};

    private final ScoringSpec spec;
    private final Weighting weighting;
    private final List<GroupField> fields;
    private final Dedupe dedupe;

    private TableScorer(ScoringSpec spec) {
        this.spec = spec;
        this.weighting = spec.weighting();
        this.fields = spec.groupBy();
        this.dedupe = spec.dedupe();
    }

    /**
     * Returns the columnar scorer of a spec.
     *
     * @param spec the spec
     * @return the scorer
     * @throws IllegalArgumentException if the spec needs response objects (custom weighting, segment grouping, an
     *         object filter)
     */
    public static TableScorer of(ScoringSpec spec) {
        Objects.requireNonNull(spec, "spec");
        spec.requireColumnar("the columnar scorer", false);
        return new TableScorer(spec);
    }

    /**
     * Returns the spec this scorer applies.
     *
     * @return the spec
     */
    public ScoringSpec spec() {
        return spec;
    }

    /**
     * Scores the table on the calling thread.
     *
     * @param table the table
     * @return the overall and grouped estimates
     * @throws io.github.nps4j.core.MixedEpisodesException when episode types would be mixed silently
     * @throws IllegalArgumentException when grouping by tier meets an
     *         account that was not given, or a value weighting meets an account that is unknown or lacks a value
     */
    public GroupedEstimates score(ResponseTable table) {
        return score(table, 1);
    }

    /**
     * Scores the table on {@code parallelism} threads: the rows are split into that many parts, each part is
     * counted on its own thread, and the integer counts are merged before weighing. The result is bit-identical to
     * {@link #score}'s. De-duplication, when asked, is decided on the calling thread first.
     *
     * @param table the table
     * @param parallelism the number of threads, {@code >= 1}
     * @return the overall and grouped estimates
     * @throws IllegalArgumentException as {@link #score}, or if {@code parallelism < 1}
     */
    public GroupedEstimates scoreParallel(ResponseTable table, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism " + parallelism + " must be >= 1");
        }
        return score(table, parallelism);
    }

    private GroupedEstimates score(ResponseTable t, int parallelism) {
        return score(t, parallelism, MIN_PART_ROWS);
    }

    /** Scores with at most {@code parallelism} parts of at least {@code minPartRows} rows (tests use small parts). */
    GroupedEstimates score(ResponseTable t, int parallelism, int minPartRows) {
        Objects.requireNonNull(t, "table");
        boolean[] filter = filterMask(t);
        boolean[] present = new boolean[t.episodeNames.length];
        if (filter == null) {
            System.arraycopy(t.episodePresent, 0, present, 0, present.length);
        } else {
            for (int i = 0; i < t.size; i++) {
                if (filter[i]) {
                    present[t.episode[i] & 0xFF] = true;
                }
            }
        }
        Set<String> presentNames = new TreeSet<>();
        for (int e = 0; e < present.length; e++) {
            if (present[e]) {
                presentNames.add(t.episodeNames[e]);
            }
        }
        boolean mixed = spec.checkEpisodes(presentNames);
        List<String> names = fields.stream().map(GroupField::name).toList();
        List<GroupedEstimates.Entry> groups = List.of();
        Optional<NpsEstimate> overall = Optional.empty();
        if (!fields.isEmpty()) {
            Pass pass = new Pass(t, fields, filter);
            GroupTotals totals = pass.run(parallelism, minPartRows, !mixed && dedupe == Dedupe.NONE);
            groups = totals.entries(names);
            if (!mixed && dedupe == Dedupe.NONE) {
                overall = Optional.of(totals.overall().snapshot());
            }
        }
        if (!mixed && overall.isEmpty()) {
            GroupTotals totals = new Pass(t, List.of(), filter).run(parallelism, minPartRows, false);
            List<GroupedEstimates.Entry> all = totals.entries(List.of());
            overall = Optional.of(all.isEmpty() ? NpsEstimate.empty() : all.get(0).estimate());
        }
        return new GroupedEstimates(weighting.label(), dedupe, names, overall, groups);
    }

    private boolean @Nullable [] filterMask(ResponseTable t) {
        if (spec.episodes().isEmpty() && spec.window().isEmpty()) {
            return null;
        }
        boolean[] allowed = new boolean[t.episodeNames.length];
        for (int e = 0; e < allowed.length; e++) {
            allowed[e] = spec.keepsEpisode(EpisodeType.of(t.episodeNames[e]));
        }
        boolean[] keep = new boolean[t.size];
        for (int i = 0; i < t.size; i++) {
            keep[i] = allowed[t.episode[i] & 0xFF] && spec.keepsEpochDay(t.day[i]);
        }
        return keep;
    }

    /** One grouping of the table: its key space, lookup tables and kept-row mask. */
    private final class Pass implements GroupTotals.GroupSpace, GroupTotals.AccountInfo {
        private final ResponseTable t;
        private final List<GroupField> passFields;
        private final int[] card;
        private final long[] groupStride;
        private final long accountRadix;
        private final long roleRadix;
        private final long cells;
        private final boolean dense;
        private final int[][] luts;
        private final String[][] lutLabels;
        private final boolean @Nullable [] keep;
        private final double[] roleWeight;
        private final int accountField;
        private final int roleField;

        Pass(ResponseTable t, List<GroupField> passFields, boolean @Nullable [] filter) {
            this.t = t;
            this.passFields = passFields;
            int k = passFields.size();
            card = new int[k];
            luts = new int[k][];
            lutLabels = new String[k][];
            for (int f = 0; f < k; f++) {
                GroupField field = passFields.get(f);
                if (field.equals(GroupField.ACCOUNT)) {
                    card[f] = Math.max(1, t.accountIds.length);
                } else if (field.equals(GroupField.ROLE)) {
                    card[f] = Math.max(1, t.roleNames.length);
                } else if (field.equals(GroupField.EPISODE)) {
                    card[f] = Math.max(1, t.episodeNames.length);
                } else if (field.equals(GroupField.TIER)) {
                    int[] lut = new int[256];
                    Arrays.fill(lut, t.tierNames.length);
                    for (int c = 0; c < t.tierNames.length; c++) {
                        lut[c] = c;
                    }
                    luts[f] = lut;
                    card[f] = t.tierNames.length + 1;
                } else if (field.periodUnit().isPresent()) {
                    periodLut(f, field.periodUnit().get());
                } else {
                    throw new IllegalArgumentException("a response table cannot be grouped by " + field);
                }
            }
            accountField = passFields.indexOf(GroupField.ACCOUNT);
            roleField = passFields.indexOf(GroupField.ROLE);
            groupStride = new long[k];
            long g = 1;
            for (int f = k - 1; f >= 0; f--) {
                groupStride[f] = g;
                g = Math.multiplyExact(g, card[f]);
            }
            accountRadix = weighting.normalisesWithinAccounts() && !passFields.contains(GroupField.ACCOUNT)
                    ? Math.max(1, t.accountIds.length) : 1;
            roleRadix = weighting.usesRoleWeights() && !passFields.contains(GroupField.ROLE)
                    ? Math.max(1, t.roleNames.length) : 1;
            long c;
            try {
                c = Math.multiplyExact(Math.multiplyExact(g, accountRadix), roleRadix);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("too many groups to score: " + passFields, e);
            }
            cells = c;
            dense = cells <= DENSE_LIMIT;
            keep = dedupe == Dedupe.NONE ? filter : dedupeMask(filter);
            WeightRules rules = WeightRules.of(weighting);
            roleWeight = new double[t.roleNames.length];
            for (int r = 0; r < roleWeight.length; r++) {
                String name = t.roleNames[r];
                roleWeight[r] = rules.raw(name.equals(GroupField.NONE) ? null : Role.of(name));
            }
        }

        private void periodLut(int f, PeriodUnit unit) {
            int lo = t.minDay;
            int hi = t.maxDay;
            int[] lut = new int[hi - lo + 1];
            List<String> labels = new ArrayList<>();
            String last = null;
            LocalDate date = LocalDate.ofEpochDay(lo);
            for (int d = lo; d <= hi; d++) {
                LocalDate start = unit.start(date);
                if (last == null || !start.toString().equals(last)) {
                    last = start.toString();
                    labels.add(unit.label(start));
                }
                lut[d - lo] = labels.size() - 1;
                date = date.plusDays(1);
            }
            luts[f] = lut;
            lutLabels[f] = labels.toArray(new String[0]);
            card[f] = labels.size();
        }

        private int fieldCode(int f, int row) {
            GroupField field = passFields.get(f);
            if (field.equals(GroupField.ACCOUNT)) {
                return t.account[row];
            } else if (field.equals(GroupField.ROLE)) {
                return t.role[row] & 0xFF;
            } else if (field.equals(GroupField.EPISODE)) {
                return t.episode[row] & 0xFF;
            } else if (field.equals(GroupField.TIER)) {
                return luts[f][t.tier[row] & 0xFF];
            }
            return luts[f][t.day[row] - t.minDay];
        }

        private long groupOf(int row) {
            long g = 0;
            for (int f = 0; f < card.length; f++) {
                g += fieldCode(f, row) * groupStride[f];
            }
            return g;
        }

        private boolean[] dedupeMask(boolean @Nullable [] filter) {
            long contacts = Math.max(1, t.contactIds.length);
            LongIntMap latest = new LongIntMap(Math.min(t.size, 1 << 20));
            for (int i = 0; i < t.size; i++) {
                if (filter != null && !filter[i]) {
                    continue;
                }
                long key = groupOf(i) * contacts + t.contact[i];
                int prev = latest.get(key);
                if (prev == LongIntMap.ABSENT || t.day[i] >= t.day[prev]) {
                    latest.put(key, i);
                }
            }
            boolean[] kept = new boolean[t.size];
            for (int row : latest.values()) {
                kept[row] = true;
            }
            return kept;
        }

        GroupTotals run(int parallelism, int minPartRows, boolean deriveOverall) {
            int parts = (int) Math.max(1, Math.min(parallelism, t.size / (long) minPartRows));
            Cells cellsOut;
            if (parts == 1) {
                cellsOut = count(0, t.size);
            } else {
                cellsOut = countParallel(parts);
            }
            GroupTotals totals = new GroupTotals(weighting, accountRadix, roleRadix, this, this,
                    r -> roleWeight[r], deriveOverall);
            cellsOut.visit(totals);
            return totals;
        }

        private Cells countParallel(int parts) {
            ExecutorService pool = Executors.newFixedThreadPool(parts, r -> {
                Thread th = new Thread(r, "nps4j-table-scorer");
                th.setDaemon(true);
                return th;
            });
            try {
                List<Future<Cells>> futures = new ArrayList<>();
                long n = t.size;
                for (int p = 0; p < parts; p++) {
                    int lo = (int) (n * p / parts);
                    int hi = (int) (n * (p + 1) / parts);
                    futures.add(pool.submit(() -> count(lo, hi)));
                }
                Cells merged = null;
                for (Future<Cells> f : futures) {
                    Cells c = f.get();
                    if (merged == null) {
                        merged = c;
                    } else if (merged instanceof Cells.Dense d) {
                        d.merge((Cells.Dense) c);
                    } else {
                        ((Cells.Sparse) merged).merge((Cells.Sparse) c);
                    }
                }
                return merged;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while scoring", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            } finally {
                pool.shutdownNow();
            }
        }

        /** Counts rows {@code [lo, hi)} into fresh cells. */
        Cells count(int lo, int hi) {
            return dense ? countDense(lo, hi) : countSparse(lo, hi);
        }

        private Cells countDense(int lo, int hi) {
            Cells.Dense out = new Cells.Dense((int) cells);
            int[] counts = out.counts();
            int trash = out.trashSlot();
            int[] kb = new int[BLOCK];
            int aStride = (int) (roleRadix * 3);
            int[] fStride = new int[card.length];
            for (int f = 0; f < card.length; f++) {
                fStride[f] = (int) (groupStride[f] * accountRadix * roleRadix * 3);
            }
            final int[] acc = t.account;
            final byte[] rol = t.role;
            final byte[] sc = t.score;
            final byte[] cat = CATEGORY;
            for (int s = lo; s < hi; s += BLOCK) {
                final int m = Math.min(BLOCK, hi - s);
                if (accountRadix > 1) {
                    for (int j = 0; j < m; j++) {
                        kb[j] = acc[s + j] * aStride;
                    }
                } else {
                    Arrays.fill(kb, 0, m, 0);
                }
                if (roleRadix > 1) {
                    for (int j = 0; j < m; j++) {
                        kb[j] += (rol[s + j] & 0xFF) * 3;
                    }
                }
                for (int f = 0; f < card.length; f++) {
                    addField(kb, s, m, f, fStride[f]);
                }
                for (int j = 0; j < m; j++) {
                    kb[j] += cat[sc[s + j]];
                }
                if (keep != null) {
                    for (int j = 0; j < m; j++) {
                        kb[j] = keep[s + j] ? kb[j] : trash;
                    }
                }
                for (int j = 0; j < m; j++) {
                    counts[kb[j]]++;
                }
            }
            return out;
        }

        private void addField(int[] kb, int s, int m, int f, int stride) {
            GroupField field = passFields.get(f);
            if (field.equals(GroupField.ACCOUNT)) {
                final int[] a = t.account;
                for (int j = 0; j < m; j++) {
                    kb[j] += a[s + j] * stride;
                }
            } else if (field.equals(GroupField.ROLE)) {
                final byte[] r = t.role;
                for (int j = 0; j < m; j++) {
                    kb[j] += (r[s + j] & 0xFF) * stride;
                }
            } else if (field.equals(GroupField.EPISODE)) {
                final byte[] e = t.episode;
                for (int j = 0; j < m; j++) {
                    kb[j] += (e[s + j] & 0xFF) * stride;
                }
            } else if (field.equals(GroupField.TIER)) {
                final byte[] tr = t.tier;
                final int[] lut = luts[f];
                for (int j = 0; j < m; j++) {
                    kb[j] += lut[tr[s + j] & 0xFF] * stride;
                }
            } else {
                final int[] d = t.day;
                final int[] lut = luts[f];
                final int base = t.minDay;
                for (int j = 0; j < m; j++) {
                    kb[j] += lut[d[s + j] - base] * stride;
                }
            }
        }

        private Cells countSparse(int lo, int hi) {
            Cells.Sparse out = new Cells.Sparse(1024);
            for (int i = lo; i < hi; i++) {
                if (keep != null && !keep[i]) {
                    continue;
                }
                long key = groupOf(i) * accountRadix;
                if (accountRadix > 1) {
                    key += t.account[i];
                }
                key *= roleRadix;
                if (roleRadix > 1) {
                    key += t.role[i] & 0xFF;
                }
                out.add(key, CATEGORY[t.score[i]], 1);
            }
            return out;
        }

        private int code(long group, int f) {
            return (int) ((group / groupStride[f]) % card[f]);
        }

        @Override
        public int account(long group) {
            return accountField < 0 ? -1 : code(group, accountField);
        }

        @Override
        public int role(long group) {
            return roleField < 0 ? -1 : code(group, roleField);
        }

        @Override
        public List<String> values(long group) {
            List<String> out = new ArrayList<>(card.length);
            for (int f = 0; f < card.length; f++) {
                GroupField field = passFields.get(f);
                int c = code(group, f);
                if (field.equals(GroupField.ACCOUNT)) {
                    out.add(t.accountIds[c]);
                } else if (field.equals(GroupField.ROLE)) {
                    out.add(t.roleNames[c]);
                } else if (field.equals(GroupField.EPISODE)) {
                    out.add(t.episodeNames[c]);
                } else if (field.equals(GroupField.TIER)) {
                    if (c == t.tierNames.length) {
                        throw new IllegalArgumentException("grouping by tier needs account " + unknownTierAccount()
                                + ", which is not among the accounts given");
                    }
                    out.add(t.tierNames[c]);
                } else {
                    out.add(lutLabels[f][c]);
                }
            }
            return out;
        }

        private String unknownTierAccount() {
            for (int i = 0; i < t.size; i++) {
                if (t.tier[i] == ResponseTable.UNKNOWN_TIER && (keep == null || keep[i])) {
                    return t.accountIds[t.account[i]];
                }
            }
            return "?";
        }

        @Override
        public int count() {
            return t.accountIds.length;
        }

        @Override
        public String id(int account) {
            return t.accountIds[account];
        }

        @Override
        public boolean known(int account) {
            return t.accountKnown[account];
        }

        @Override
        public double value(int account) {
            return t.accountValue[account];
        }
    }
}
