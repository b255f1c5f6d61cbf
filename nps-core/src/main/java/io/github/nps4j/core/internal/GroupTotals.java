package io.github.nps4j.core.internal;

import io.github.nps4j.core.Tally;
import io.github.nps4j.core.Weighting;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Turns cell counts into one {@link Tally} per group with the weighting algebra of {@link WeightRules} (the one the
 * object scorer uses too): per (group, account) run of cells it sums counts, raw weights and squared raw weights per
 * category and hands them to {@link WeightRules#addAccount}. Counts are exact.
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

    private final boolean roleWeighted;
    private long lastGroup = -1;
    private int lastGroupRole = -1;
    private @Nullable Tally lastTally;
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
        this.rules = WeightRules.of(weighting);
        this.normalised = rules.normalised();
        this.roleWeighted = rules.byRole();
        this.accountRadix = accountRadix;
        this.roleRadix = roleRadix;
        this.groups = groups;
        this.accounts = accounts;
        this.roleWeight = roleWeight;
        this.deriveOverall = deriveOverall;
        int slots = deriveOverall ? (normalised ? Math.max(1, accounts.count()) : 1) * 3 : 0;
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
                if (gi == groupIds.length) {
                    groupIds = java.util.Arrays.copyOf(groupIds, gi * 2);
                }
                groupIds[gi] = group;
            }
            t = tallies.get(gi);
            lastGroup = group;
            lastGroupRole = groups.role(group);
            lastTally = t;
        }
        addRun(t, account);
        if (deriveOverall) {
            int b = normalised ? account * 3 : 0;
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
