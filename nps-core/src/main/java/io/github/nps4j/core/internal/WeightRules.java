package io.github.nps4j.core.internal;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.Tally;
import io.github.nps4j.core.Weighting;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The weighting algebra of every engine, in one place. For a non-custom {@link Weighting}, a response's raw weight
 * is {@code rw} = its role's weight (role-based options) or 1. Options that normalise within accounts give response
 * {@code i} of account {@code a} in a group the weight {@code w_i = T_a · rw_i / S_a}, where {@code S_a} is the sum
 * of raw weights of the account's responses in the group and {@code T_a} is 1 ({@code *-account-equal}) or the
 * account's annual value ({@code *-account-value}); an account whose raw weights sum to 0 contributes nothing.
 * Other options give {@code w_i = rw_i}.
 *
 * <p>Engines that count cells rather than responses use the same rule in aggregate: for one (group, account) with
 * per-category counts {@code n_c}, raw sums {@code R_c = Σ rw} and {@code Q_c = Σ rw²}, the group's tally receives
 * {@code Σw_c = T_a·R_c/S_a} and {@code Σw²_c = T_a²·Q_c/S_a²} with {@code S_a = Σ_c R_c} — exactly the sums of the
 * per-response weights above, so object, columnar, streaming and Spark engines agree.
 */
public final class WeightRules {
    private static final Category[] CATEGORIES = {Category.DETRACTOR, Category.PASSIVE, Category.PROMOTER};

    private final Weighting weighting;
    private final RoleWeights roleWeights;
    private final boolean byRole;
    private final boolean normalised;
    private final boolean byValue;

    private WeightRules(Weighting weighting) {
        if (weighting.isCustom()) {
            throw new IllegalArgumentException("custom weighting '" + weighting.label()
                    + "' has no weighting rules beyond its function");
        }
        this.weighting = weighting;
        this.roleWeights = weighting.roleWeights();
        this.byRole = weighting.usesRoleWeights();
        this.normalised = weighting.normalisesWithinAccounts();
        this.byValue = weighting.needsAccountValues();
    }

    /**
     * Returns the rules of a weighting.
     *
     * @param weighting any weighting but a custom one
     * @return its rules
     * @throws IllegalArgumentException for a custom weighting
     */
    public static WeightRules of(Weighting weighting) {
        return new WeightRules(weighting);
    }

    /**
     * Tells whether raw weights depend on the role.
     *
     * @return true for the role-based options
     */
    public boolean byRole() {
        return byRole;
    }

    /**
     * Tells whether weights are normalised within each (group, account).
     *
     * @return true for the account options
     */
    public boolean normalised() {
        return normalised;
    }

    /**
     * Returns the raw weight of a role.
     *
     * @param role the role, or null when unknown
     * @return its role weight (the default weight when unknown) for role-based options, else 1
     */
    public double raw(@Nullable Role role) {
        if (!byRole) {
            return 1.0;
        }
        return role == null ? roleWeights.defaultWeight() : roleWeights.weightOf(role);
    }

    /**
     * Returns an account's total weight {@code T_a} in each group.
     *
     * @param accountId the account's id
     * @param known whether the account is among the accounts given
     * @param value its annual value, NaN when not known
     * @param responseId a response of the account, for the message, or null
     * @return 1, or the value for value-based options
     * @throws IllegalArgumentException when a value-based option meets an unknown account or a missing value
     */
    public double accountTotal(String accountId, boolean known, double value, @Nullable String responseId) {
        if (!byValue) {
            return 1.0;
        }
        String which = responseId == null ? "" : " (response " + responseId + ")";
        if (!known) {
            throw new IllegalArgumentException(weighting.label() + " weighting needs account " + accountId + which
                    + ", which is not among the accounts given");
        }
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(weighting.label() + " weighting needs the annual value of account "
                    + accountId + which + ", which is not known");
        }
        return value;
    }

    /**
     * Computes the weights of one group's responses.
     *
     * @param group the group's responses
     * @param accounts accounts by id (used by value-based options)
     * @return one weight per response, in the order given
     * @throws IllegalArgumentException as {@link #accountTotal}
     */
    public double[] weigh(List<Response> group, Map<String, Account> accounts) {
        int n = group.size();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = raw(group.get(i).role().orElse(null));
        }
        if (!normalised) {
            return w;
        }
        Map<String, double[]> sums = new HashMap<>();
        for (int i = 0; i < n; i++) {
            sums.computeIfAbsent(group.get(i).accountId(), k -> new double[1])[0] += w[i];
        }
        Map<String, Double> totals = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Response r = group.get(i);
            Double total = totals.get(r.accountId());
            if (total == null) {
                Account a = accounts.get(r.accountId());
                total = accountTotal(r.accountId(), a != null,
                        a == null ? Double.NaN : a.annualValue().orElse(Double.NaN), r.id());
                totals.put(r.accountId(), total);
            }
            w[i] = share(w[i], sums.get(r.accountId())[0], total);
        }
        return w;
    }

    /**
     * Adds one (group, account)'s per-category sums to a group's tally, normalising within the account when the
     * option asks for it.
     *
     * @param tally the group's tally
     * @param counts counts per category (detractor, passive, promoter) from {@code offset}
     * @param rawSums raw weight sums per category from {@code offset}
     * @param rawSquares raw squared weight sums per category from {@code offset}
     * @param offset the index of the detractor entry
     * @param accountTotal {@code T_a} from {@link #accountTotal} (ignored when not normalised)
     */
    public void addAccount(Tally tally, long[] counts, double[] rawSums, double[] rawSquares, int offset,
            double accountTotal) {
        if (!normalised) {
            for (int c = 0; c < 3; c++) {
                if (counts[offset + c] > 0) {
                    tally.add(CATEGORIES[c], counts[offset + c], rawSums[offset + c], rawSquares[offset + c]);
                }
            }
            return;
        }
        double s = rawSums[offset] + rawSums[offset + 1] + rawSums[offset + 2];
        // T_a is handed over as t·2^k with t in [1, 2): T_a² of a revenue of 1e300 would overflow, t² does not.
        int k = accountTotal > 0 ? Math.getExponent(accountTotal) : 0;
        double t = Math.scalb(accountTotal, -k);
        for (int c = 0; c < 3; c++) {
            long n = counts[offset + c];
            if (n == 0) {
                continue;
            }
            if (s > 0) {
                tally.add(CATEGORIES[c], n, share(rawSums[offset + c], s, t),
                        t * t * (rawSquares[offset + c] / (s * s)), k);
            } else {
                tally.add(CATEGORIES[c], n, 0, 0);
            }
        }
    }

    /** {@code T·raw/S}, or 0 when the account's raw weights sum to 0. */
    private static double share(double raw, double accountRawSum, double accountTotal) {
        return accountRawSum > 0 ? raw / accountRawSum * accountTotal : 0.0;
    }
}
