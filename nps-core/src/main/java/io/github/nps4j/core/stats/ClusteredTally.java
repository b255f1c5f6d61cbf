package io.github.nps4j.core.stats;

import io.github.nps4j.core.Category;
import io.github.nps4j.core.Tally;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A mergeable accumulator for one group that also remembers, per account, the answer count, Σw and Σw·z — what the
 * account-clustered standard error (as R {@code survey} with {@code ids = ~account}; see {@link ClusteredEstimate})
 * and the account bootstrap
 * need. It wraps a {@link Tally} for the group totals.
 *
 * <p>State: the tally's primitives plus a map from account id to three primitives. {@link #merge} is associative and
 * commutative (counts exactly, weight sums to floating-point rounding). Not thread-safe: use one per thread and merge,
 * or {@link #snapshot()} for an immutable {@link ClusteredEstimate}.
 *
 * <p>Example usage:
 * <pre>{@code
 * ClusteredTally t = new ClusteredTally();
 * for (Response r : responses) t.add(r.accountId(), Category.of(r.score()), weight(r));
 * ClusteredEstimate e = t.snapshot();
 * OptionalDouble seC = e.clusteredStandardError();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ClusteredTally {
    private final Tally tally = new Tally();
    private final Map<String, double[]> accounts = new HashMap<>();

    /** Creates an empty accumulator. */
    public ClusteredTally() {
    }

    /**
     * Adds one weighted answer of an account.
     *
     * @param accountId the account's id (non-blank)
     * @param category the answer's category
     * @param weight the weight, finite and {@code >= 0}
     * @return this accumulator
     * @throws IllegalArgumentException if the id is blank or the weight negative or not finite
     */
    public ClusteredTally add(String accountId, Category category, double weight) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(category, "category");
        if (accountId.isBlank()) {
            throw new IllegalArgumentException("accountId must not be blank");
        }
        tally.add(category, weight); // validates the weight
        double[] acc = accounts.computeIfAbsent(accountId, k -> new double[3]);
        acc[0] += 1;
        acc[1] += weight;
        acc[2] += weight * category.sign();
        return this;
    }

    /**
     * Adds one weighted answer of an account by its 0–10 score.
     *
     * @param accountId the account's id (non-blank)
     * @param score the score, 0–10
     * @param weight the weight, finite and {@code >= 0}
     * @return this accumulator
     * @throws IllegalArgumentException if the score is out of range, the id blank or the weight invalid
     */
    public ClusteredTally add(String accountId, int score, double weight) {
        return add(accountId, Category.of(score), weight);
    }

    /**
     * Adds another accumulator's totals to this one (the other is not changed).
     *
     * @param other the other accumulator
     * @return this accumulator
     */
    public ClusteredTally merge(ClusteredTally other) {
        tally.merge(other.tally);
        for (Map.Entry<String, double[]> e : other.accounts.entrySet()) {
            double[] acc = accounts.computeIfAbsent(e.getKey(), k -> new double[3]);
            double[] o = e.getValue();
            acc[0] += o[0];
            acc[1] += o[1];
            acc[2] += o[2];
        }
        return this;
    }

    /**
     * Returns the number of answers added so far.
     *
     * @return the count
     */
    public long count() {
        return tally.count();
    }

    /**
     * Returns an immutable snapshot; the accumulator can go on accumulating.
     *
     * @return the clustered estimate (its estimate undefined if nothing of positive weight was added)
     */
    public ClusteredEstimate snapshot() {
        java.util.SortedMap<String, AccountTotals> copy = new java.util.TreeMap<>();
        for (Map.Entry<String, double[]> e : accounts.entrySet()) {
            double[] a = e.getValue();
            copy.put(e.getKey(), new AccountTotals((long) a[0], a[1], clampSign(a[2], a[1])));
        }
        return new ClusteredEstimate(tally.snapshot(), copy);
    }

    private static double clampSign(double wz, double w) {
        return Math.max(-w, Math.min(w, wz));
    }
}
