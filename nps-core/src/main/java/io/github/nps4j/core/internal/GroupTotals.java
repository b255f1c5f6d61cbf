package io.github.nps4j.core.internal;

import io.github.nps4j.core.Tally;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.stats.AccountTotals;
import io.github.nps4j.core.stats.ClusteredEstimate;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Turns cell counts into one {@link Tally} per group with the weighting algebra of {@link WeightRules} (the one the
 * object scorer uses too): per (group, account) run of cells it sums counts, raw weights and squared raw weights per
 * category and hands them to {@link WeightRules#addAccount}. Counts are exact.
 *
 * <p>When asked to keep accounts ({@code byAccount}), it also keeps per group and account the answer count, Σw and
 * Σw·z with the same weights, so each group's {@link ClusteredEstimate} (clustered standard error, account bootstrap)
 * is known without the responses; the cell keys must then hold the account (an account radix above 1, or the account
 * a grouping field).
 */
public final class GroupTotals implements Cells.Visitor {
    /** What a scorer knows about its groups. */
    public interface GroupSpace {
        /**
         * Returns the account code of a group, or -1 when the account is not a grouping field.
         *
         * @param group the group id
         * @return the account code or -1
         */
        int account(long group);

        /**
         * Returns the role code of a group, or -1 when the role is not a grouping field.
         *
         * @param group the group id
         * @return the role code or -1
         */
        int role(long group);

        /**
         * Returns the group's key values, in field order.
         *
         * @param group the group id
         * @return the values
         * @throws IllegalArgumentException when a value cannot be known (e.g. the tier of an unknown account)
         */
        List<String> values(long group);
    }

    /** What a scorer knows about its accounts. */
    public interface AccountInfo {
        /**
         * Returns the number of account codes.
         *
         * @return the count
         */
        int count();

        /**
         * Returns an account's id.
         *
         * @param account the code
         * @return the id
         */
        String id(int account);

        /**
         * Tells whether the account was among the accounts given.
         *
         * @param account the code
         * @return true if known
         */
        boolean known(int account);

        /**
         * Returns the account's annual value.
         *
         * @param account the code
         * @return the value, or NaN if not known
         */
        double value(int account);
    }

    private final WeightRules rules;
    private final boolean normalised;
    private final long accountRadix;
    private final long roleRadix;
    private final GroupSpace groups;
    private final AccountInfo accounts;
    private final IntToDoubleFunction roleWeight;
    private final LongIntMap groupIndex = new LongIntMap(64);
    private final java.util.ArrayList<Tally> tallies = new java.util.ArrayList<>();
    private long[] groupIds = new long[16];
    private final boolean deriveOverall;
    // overall per account (normalised) or in slot 0 (not normalised): counts, Σrw, Σrw²
    private final long[] overallCount;
    private final double[] overallSum;
    private final double[] overallSq;
    /** Per group (same index as the tallies) the per-account totals n, Σw, Σwz, when keeping accounts. */
    private final java.util.ArrayList<AccountRun> clusters = new java.util.ArrayList<>();
    /** Each account code's place in account-id order, made when first needed. */
    private int @Nullable [] rankOfAccount;
    private final boolean byAccount;

    private final boolean roleWeighted;
    private long lastGroup = -1;
    private int lastGroupRole = -1;
    private @Nullable Tally lastTally;
    private @Nullable AccountRun lastClusters;
    private long runKey = -1;
    private final long[] cnt = new long[3];
    private final double[] sum = new double[3];
    private final double[] sq = new double[3];

    /**
     * Creates the totals.
     *
     * @param weighting the weighting (not custom)
     * @param accountRadix the key's account radix (1 when accounts are not a key dimension)
     * @param roleRadix the key's role radix (1 when roles are not a key dimension)
     * @param groups the group space
     * @param accounts the accounts
     * @param roleWeight the raw role weight of a role code ({@link WeightRules#raw}; only asked for role-based options)
     * @param deriveOverall whether to derive the overall group from the cells (only valid without de-duplication)
     */
    public GroupTotals(Weighting weighting, long accountRadix, long roleRadix, GroupSpace groups,
            AccountInfo accounts, IntToDoubleFunction roleWeight, boolean deriveOverall) {
        this(weighting, accountRadix, roleRadix, groups, accounts, roleWeight, deriveOverall, false);
    }

    /**
     * Creates the totals, optionally keeping per-account totals per group ({@link #clustered}).
     *
     * @param weighting the weighting (not custom)
     * @param accountRadix the key's account radix (1 when accounts are not a key dimension)
     * @param roleRadix the key's role radix (1 when roles are not a key dimension)
     * @param groups the group space
     * @param accounts the accounts
     * @param roleWeight the raw role weight of a role code ({@link WeightRules#raw}; only asked for role-based options)
     * @param deriveOverall whether to derive the overall group from the cells (only valid without de-duplication)
     * @param byAccount whether to keep per-account totals: the keys must then hold the account (radix above 1 or the
     *        account a grouping field)
     */
    public GroupTotals(Weighting weighting, long accountRadix, long roleRadix, GroupSpace groups,
            AccountInfo accounts, IntToDoubleFunction roleWeight, boolean deriveOverall, boolean byAccount) {
        this.byAccount = byAccount;
        this.rules = WeightRules.of(weighting);
        this.normalised = rules.normalised();
        this.roleWeighted = rules.byRole();
        this.accountRadix = accountRadix;
        this.roleRadix = roleRadix;
        this.groups = groups;
        this.accounts = accounts;
        this.roleWeight = roleWeight;
        this.deriveOverall = deriveOverall;
        int slots = deriveOverall ? (normalised || byAccount ? Math.max(1, accounts.count()) : 1) * 3 : 0;
        overallCount = new long[slots];
        overallSum = new double[slots];
        overallSq = new double[slots];
    }

    @Override
    public void cell(long key, long detractors, long passives, long promoters) {
        long run = key / roleRadix;
        if (run != runKey) {
            flush();
            runKey = run;
        }
        long group = run / accountRadix;
        double rw;
        if (!roleWeighted) {
            rw = 1.0;
        } else {
            if (group != lastGroup) {
                lastGroupRole = groups.role(group);
            }
            rw = roleWeight.applyAsDouble(lastGroupRole >= 0 ? lastGroupRole : (int) (key % roleRadix));
        }
        double rw2 = rw * rw;
        cnt[0] += detractors;
        cnt[1] += passives;
        cnt[2] += promoters;
        sum[0] += detractors * rw;
        sum[1] += passives * rw;
        sum[2] += promoters * rw;
        sq[0] += detractors * rw2;
        sq[1] += passives * rw2;
        sq[2] += promoters * rw2;
    }

    private void flush() {
        if (runKey < 0) {
            return;
        }
        long group = runKey / accountRadix;
        int groupAccount = groups.account(group);
        int account = groupAccount >= 0 ? groupAccount : (int) (runKey % accountRadix);
        Tally t = lastTally;
        if (group != lastGroup || t == null) {
            int gi = groupIndex.getOrPut(group, tallies.size());
            if (gi == tallies.size()) {
                tallies.add(new Tally());
                if (byAccount) {
                    clusters.add(new AccountRun());
                }
                if (gi == groupIds.length) {
                    groupIds = java.util.Arrays.copyOf(groupIds, gi * 2);
                }
                groupIds[gi] = group;
            }
            t = tallies.get(gi);
            lastGroup = group;
            lastGroupRole = groups.role(group);
            lastTally = t;
            lastClusters = byAccount ? clusters.get(gi) : null;
        }
        addRun(t, account);
        if (lastClusters != null) {
            addCluster(lastClusters, account, cnt, sum, 0);
        }
        if (deriveOverall) {
            int b = normalised || byAccount ? account * 3 : 0;
            for (int c = 0; c < 3; c++) {
                overallCount[b + c] += cnt[c];
                overallSum[b + c] += sum[c];
                overallSq[b + c] += sq[c];
            }
        }
        for (int c = 0; c < 3; c++) {
            cnt[c] = 0;
            sum[c] = 0;
            sq[c] = 0;
        }
        runKey = -1;
    }

    /** Adds one (group, account)'s answer count, Σw and Σwz, with the weights {@link WeightRules#addAccount} gives. */
    private void addCluster(AccountRun into, int account, long[] n, double[] s, int b) {
        double t = normalised
                ? rules.accountTotal(accounts.id(account), accounts.known(account), accounts.value(account), null)
                : 1.0;
        double rawSum = s[b] + s[b + 1] + s[b + 2];
        double[] w = new double[3];
        for (int c = 0; c < 3; c++) {
            w[c] = !normalised ? s[b + c] : rawSum > 0 ? s[b + c] / rawSum * t : 0.0;
        }
        into.add(account, n[b] + n[b + 1] + n[b + 2], w[0] + w[1] + w[2], w[2] - w[0]);
    }

    private void addRun(Tally t, int account) {
        addNormalised(t, account, cnt, sum, sq, 0);
    }

    private void addNormalised(Tally t, int account, long[] n, double[] s, double[] q, int b) {
        double total = normalised
                ? rules.accountTotal(accounts.id(account), accounts.known(account), accounts.value(account), null)
                : 1.0;
        rules.addAccount(t, n, s, q, b, total);
    }

    /**
     * Returns the overall tally derived from the cells.
     *
     * @return the overall tally
     * @throws IllegalStateException if not deriving the overall group
     */
    public Tally overall() {
        flush();
        if (!deriveOverall) {
            throw new IllegalStateException("overall not derived");
        }
        Tally t = new Tally();
        int accountsCount = overallCount.length / 3;
        for (int a = 0; a < accountsCount; a++) {
            int b = a * 3;
            if (overallCount[b] + overallCount[b + 1] + overallCount[b + 2] > 0) {
                addNormalised(t, a, overallCount, overallSum, overallSq, b);
            }
        }
        return t;
    }

    /**
     * Returns the overall group derived from the cells with its per-account totals.
     *
     * @return the overall clustered estimate
     * @throws IllegalStateException if not deriving the overall group or not keeping accounts
     */
    public ClusteredEstimate overallClustered() {
        if (!byAccount) {
            throw new IllegalStateException("accounts not kept");
        }
        Tally t = overall();
        AccountRun acc = new AccountRun();
        int accountsCount = overallCount.length / 3;
        for (int a = 0; a < accountsCount; a++) {
            int b = a * 3;
            if (overallCount[b] + overallCount[b + 1] + overallCount[b + 2] > 0) {
                addCluster(acc, a, overallCount, overallSum, b);
            }
        }
        return clustered(t, acc);
    }

    /**
     * Returns the clustered estimates of the groups that held an answer, in the order of {@link #entries}.
     *
     * @param fields the field names, as given to {@link #entries}
     * @return one clustered estimate per entry
     * @throws IllegalStateException if not keeping accounts
     */
    public List<ClusteredEstimate> clustered(List<String> fields) {
        if (!byAccount) {
            throw new IllegalStateException("accounts not kept");
        }
        flush();
        Integer[] order = sortedOrder(fields);
        java.util.ArrayList<ClusteredEstimate> out = new java.util.ArrayList<>(order.length);
        for (int g : order) {
            out.add(clustered(tallies.get(g), clusters.get(g)));
        }
        return out;
    }

    /** The group's clustered estimate, its per-account totals put in account-id order without a tree of their own. */
    private ClusteredEstimate clustered(Tally t, AccountRun acc) {
        int[] order = idOrder(acc, rankOfAccount());
        int n = acc.size;
        String[] ids = new String[n];
        AccountTotals[] totals = new AccountTotals[n];
        for (int j = 0; j < n; j++) {
            int i = order[j];
            double w = acc.weightSums[i];
            ids[j] = accounts.id(acc.codes[i]);
            totals[j] = new AccountTotals(acc.responses[i], w, Math.max(-w, Math.min(w, acc.signSums[i])));
        }
        return new ClusteredEstimate(t.snapshot(), SortedArrayMap.of(ids, totals));
    }

    /**
     * The indexes of a group's per-account totals in account-id order. When the group holds at least an eighth of
     * all accounts, each is put straight at its rank (one pass over the ranks, no sort: at 5 M rows on one core the
     * sorts of the 10 000 accounts of each role took about 0.03 s, mostly before the JIT had compiled them);
     * otherwise the (rank, index) pairs are sorted.
     */
    private static int[] idOrder(AccountRun acc, int[] rank) {
        int n = acc.size;
        int[] order = new int[n];
        if ((long) n * 8 >= rank.length) {
            int[] at = new int[rank.length]; // index + 1 at each rank, 0 where the group has no answer
            for (int i = 0; i < n; i++) {
                at[rank[acc.codes[i]]] = i + 1;
            }
            int j = 0;
            for (int r = 0; r < at.length; r++) {
                if (at[r] != 0) {
                    order[j++] = at[r] - 1;
                }
            }
            return order;
        }
        long[] pairs = new long[n];
        for (int i = 0; i < n; i++) {
            pairs[i] = (long) rank[acc.codes[i]] << 32 | i;
        }
        java.util.Arrays.sort(pairs);
        for (int j = 0; j < n; j++) {
            order[j] = (int) pairs[j];
        }
        return order;
    }

    /** The account codes' places in account-id order (ids are distinct: one code per id). */
    private int[] rankOfAccount() {
        int[] rank = rankOfAccount;
        if (rank == null) {
            int count = accounts.count();
            String[] ids = new String[count];
            Integer[] codes = new Integer[count];
            for (int a = 0; a < count; a++) {
                ids[a] = accounts.id(a);
                codes[a] = a;
            }
            java.util.Arrays.sort(codes, (x, y) -> ids[x].compareTo(ids[y]));
            rank = new int[count];
            for (int r = 0; r < count; r++) {
                rank[codes[r]] = r;
            }
            rankOfAccount = rank;
        }
        return rank;
    }

    /**
     * One group's per-account totals in the order the cells deliver them (ascending account code, each account
     * once): code, answer count, Σw and Σwz side by side in arrays.
     */
    private static final class AccountRun {
        private int[] codes = new int[8];
        private long[] responses = new long[8];
        private double[] weightSums = new double[8];
        private double[] signSums = new double[8];
        private int size;

        void add(int code, long n, double w, double wz) {
            if (size > 0 && codes[size - 1] >= code) {
                throw new IllegalStateException("account " + code + " after " + codes[size - 1]);
            }
            if (size == codes.length) {
                int cap = size * 2;
                codes = java.util.Arrays.copyOf(codes, cap);
                responses = java.util.Arrays.copyOf(responses, cap);
                weightSums = java.util.Arrays.copyOf(weightSums, cap);
                signSums = java.util.Arrays.copyOf(signSums, cap);
            }
            codes[size] = code;
            responses[size] = n;
            weightSums[size] = w;
            signSums[size] = wz;
            size++;
        }
    }

    /** The group indexes sorted by key, as {@link #entries} orders them. */
    private Integer[] sortedOrder(List<String> fields) {
        Integer[] order = new Integer[tallies.size()];
        java.util.Map<Integer, io.github.nps4j.core.GroupKey> keys = new java.util.HashMap<>();
        for (int g = 0; g < order.length; g++) {
            order[g] = g;
            keys.put(g, new io.github.nps4j.core.GroupKey(fields, groups.values(groupIds[g])));
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparing(keys::get));
        return order;
    }

    /**
     * Builds the sorted entries of the groups that held an answer.
     *
     * @param fields the field names
     * @return the entries, sorted by key
     */
    public List<io.github.nps4j.core.GroupedEstimates.Entry> entries(List<String> fields) {
        flush();
        java.util.ArrayList<io.github.nps4j.core.GroupedEstimates.Entry> out = new java.util.ArrayList<>();
        for (int g = 0; g < tallies.size(); g++) {
            out.add(new io.github.nps4j.core.GroupedEstimates.Entry(
                    new io.github.nps4j.core.GroupKey(fields, groups.values(groupIds[g])), tallies.get(g).snapshot()));
        }
        out.sort(java.util.Comparator.comparing(io.github.nps4j.core.GroupedEstimates.Entry::key));
        return out;
    }
}
