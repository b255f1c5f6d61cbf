package io.github.nps4j.core.stats;

import io.github.nps4j.core.NpsEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Empirical-Bayes shrinkage of account NPS: a Dirichlet prior α is fitted across the portfolio's accounts by
 * Dirichlet-multinomial maximum likelihood (as R {@code dirmult}; Minka 2000, "Estimating a Dirichlet distribution"),
 * then each account's posterior mean ({@link NpsPosterior}) is its <em>shrunk NPS</em>, with an exact credible
 * interval. Small accounts move toward the portfolio's typical NPS, large ones stay near their own.
 *
 * <p>The fit maximises ℓ(α) = Σ<sub>i</sub> [log Γ(A)/Γ(n<sub>i</sub> + A) + Σ<sub>k</sub> log Γ(n<sub>ik</sub> +
 * α<sub>k</sub>)/Γ(α<sub>k</sub>)] + const, A = Σα, by Newton's method on the exact gradient and Hessian (the Hessian
 * is diagonal plus a constant, so each step is O(1)), with step halving and Minka's fixed-point iteration as a
 * fallback whenever a Newton step would not increase ℓ or leave α &gt; 0. For whole-number counts the digamma
 * differences are exact finite sums, ψ(n + α) − ψ(α) = Σ<sub>j&lt;n</sub> 1/(α + j). It stops when every
 * α<sub>k</sub> changes by less than 1e-10 relative.
 *
 * <p><b>Boundaries.</b> The maximum-likelihood α is finite only if answers vary between accounts more than multinomial
 * sampling predicts but are not unanimous within every account. Rejected with an {@link IllegalArgumentException}
 * naming the reason:
 * <ul>
 * <li>fewer than two accounts with answers;</li>
 * <li>a category never observed in any account (its α<sub>k</sub> → 0);</li>
 * <li>no overdispersion: Tarone's statistic Σ<sub>i</sub>[Σ<sub>k</sub> n<sub>ik</sub>(n<sub>ik</sub> − 1)/p̂<sub>k</sub>
 * − n<sub>i</sub>(n<sub>i</sub> − 1)] ≤ 0 with p̂ the pooled shares — for example all accounts with identical
 * shares; then Σα → ∞ (complete pooling: use the pooled NPS or a fixed prior);</li>
 * <li>every account with a single answer: the likelihood does not depend on Σα;</li>
 * <li>every account with two or more answers unanimous (all in one category): then Σα → 0 (no pooling).</li>
 * </ul>
 * Weights are ignored: the likelihood is for counts of answers, so the fit and the shrunk posteriors use each
 * account's raw counts.
 *
 * <p>Example usage:
 * <pre>{@code
 * ShrunkPortfolio s = EmpiricalBayes.shrink(accountEstimates, 0.95);
 * NpsPosterior acme = s.accounts().get("acme");
 * System.out.printf("%s NPS %.1f [%.1f, %.1f]%n", acme.label(), acme.mean(), acme.lower(), acme.upper());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class EmpiricalBayes {
    private static final int MAX_ITERATIONS = 10_000;
    private static final double TOLERANCE = 1e-10;
    private static final String[] NAMES = {"detractor", "passive", "promoter"};

    private EmpiricalBayes() {
    }

    /**
     * Fits α to each account's counts.
     *
     * @param countsDetPasPro per account {detractors, passives, promoters}, each {@code >= 0}
     * @return the fit
     * @throws IllegalArgumentException for a malformed row or at a boundary listed in the class comment
     * @throws IllegalStateException if the iteration does not converge
     */
    public static DirichletMultinomialFit fit(List<long[]> countsDetPasPro) {
        return new Fitter(countsDetPasPro).run();
    }

    /**
     * Fits α to the raw counts of each account's estimate.
     *
     * @param accounts each account's estimate, keyed by account id
     * @return the fit
     * @throws IllegalArgumentException at a boundary listed in the class comment
     * @throws IllegalStateException if the iteration does not converge
     */
    public static DirichletMultinomialFit fit(Map<String, NpsEstimate> accounts) {
        Objects.requireNonNull(accounts, "accounts");
        return fit(counts(accounts));
    }

    /**
     * Fits α across the accounts of a scored group: each account's raw counts of detractor, passive and promoter
     * answers among the group's responses (weights are ignored, as the class comment explains).
     *
     * @param group a scored group, e.g. {@code scored.overall().orElseThrow().data()}
     * @return the fit
     * @throws IllegalArgumentException at a boundary listed in the class comment
     * @throws IllegalStateException if the iteration does not converge
     */
    public static DirichletMultinomialFit fit(io.github.nps4j.core.WeightedGroup group) {
        Objects.requireNonNull(group, "group");
        Map<String, long[]> byAccount = new TreeMap<>();
        for (io.github.nps4j.core.Response r : group.responses()) {
            byAccount.computeIfAbsent(r.accountId(), k -> new long[3])[r.category().ordinal()]++;
        }
        return fit(List.copyOf(byAccount.values()));
    }

    /**
     * Fits α across the accounts of a scored result's overall group ({@link #fit(io.github.nps4j.core.WeightedGroup)}).
     *
     * <p>Example usage:
     * <pre>{@code
     * GroupedNps scored = NpsScorer.builder().episodes(EpisodeType.RELATIONSHIP).build().score(responses);
     * DirichletPrior alpha = EmpiricalBayes.fit(scored).alpha();
     * }</pre>
     *
     * @param scored a scored result
     * @return the fit
     * @throws io.github.nps4j.core.MixedEpisodesException when the result has no overall group (its responses mix
     *     episode types that were scored per episode)
     * @throws IllegalArgumentException at a boundary listed in the class comment
     * @throws IllegalStateException if the iteration does not converge
     */
    public static DirichletMultinomialFit fit(io.github.nps4j.core.GroupedNps scored) {
        Objects.requireNonNull(scored, "scored");
        io.github.nps4j.core.GroupedNps.Group all = scored.overall().orElseThrow(() -> {
            java.util.SortedSet<String> episodes = new java.util.TreeSet<>();
            for (io.github.nps4j.core.GroupedNps.Group g : scored.groups()) {
                g.key().value(io.github.nps4j.core.GroupField.EPISODE).ifPresent(episodes::add);
            }
            return new io.github.nps4j.core.MixedEpisodesException(episodes);
        });
        return fit(all.data());
    }

    /**
     * Fits α across the accounts and returns each account's shrunk NPS (posterior mean, sd and equal-tailed credible
     * interval at the level), labelled {@code "shrunk"}.
     *
     * @param accounts each account's estimate, keyed by account id (accounts without answers get the prior itself)
     * @param level credible level in (0, 1)
     * @return the fit and the shrunk posteriors
     * @throws IllegalArgumentException if the level is not in (0, 1) or at a boundary listed in the class comment
     * @throws IllegalStateException if the iteration does not converge
     */
    public static ShrunkPortfolio shrink(Map<String, NpsEstimate> accounts, double level) {
        Numerics.requireLevel(level);
        TreeMap<String, NpsEstimate> sorted = new TreeMap<>(accounts);
        DirichletMultinomialFit fit = fit(sorted);
        TreeMap<String, NpsPosterior> out = new TreeMap<>();
        for (Map.Entry<String, NpsEstimate> e : sorted.entrySet()) {
            NpsEstimate est = e.getValue();
            out.put(e.getKey(), NpsPosterior.compute(est.detractors(), est.passives(), est.promoters(), fit.alpha(),
                    level, true));
        }
        return new ShrunkPortfolio(fit, out);
    }

    private static List<long[]> counts(Map<String, NpsEstimate> accounts) {
        List<long[]> rows = new ArrayList<>();
        for (NpsEstimate e : new TreeMap<>(accounts).values()) {
            rows.add(new long[] {e.detractors(), e.passives(), e.promoters()});
        }
        return rows;
    }

    /** Sufficient statistics and the iteration (package-private for tests). */
    static final class Fitter {
        /** atLeast[k][j] = number of accounts with more than j answers in category k. */
        final long[][] atLeast = new long[3][];
        /** atLeastN[j] = number of accounts with more than j answers. */
        final long[] atLeastN;
        final int accounts;
        final long answers;
        final double logCoefficients;
        final double[] pooled = new double[3];

        Fitter(List<long[]> rows) {
            Objects.requireNonNull(rows, "countsDetPasPro");
            int maxN = 0;
            int[] maxK = new int[3];
            int used = 0;
            long total = 0;
            double coef = 0;
            long[] catTotals = new long[3];
            List<long[]> kept = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                long[] c = Objects.requireNonNull(rows.get(r), "counts row");
                if (c.length != 3 || c[0] < 0 || c[1] < 0 || c[2] < 0) {
                    throw new IllegalArgumentException("account row " + r + " " + java.util.Arrays.toString(c)
                            + " must be three counts >= 0 {detractors, passives, promoters}");
                }
                long n = c[0] + c[1] + c[2];
                if (n == 0) {
                    continue;
                }
                if (n > Integer.MAX_VALUE - 1) {
                    throw new IllegalArgumentException("account row " + r + " has too many answers: " + n);
                }
                kept.add(c);
                used++;
                total += n;
                maxN = (int) Math.max(maxN, n);
                coef += logFactorial(n);
                for (int k = 0; k < 3; k++) {
                    maxK[k] = (int) Math.max(maxK[k], c[k]);
                    catTotals[k] += c[k];
                    coef -= logFactorial(c[k]);
                }
            }
            if (used < 2) {
                throw new IllegalArgumentException("empirical Bayes needs at least 2 accounts with answers; got "
                        + used);
            }
            for (int k = 0; k < 3; k++) {
                if (catTotals[k] == 0) {
                    throw new IllegalArgumentException("no account has a " + NAMES[k] + ": the maximum-likelihood "
                            + "prior for " + NAMES[k] + "s is 0 (a boundary), so there is no empirical-Bayes prior; "
                            + "use a fixed DirichletPrior");
                }
                pooled[k] = (double) catTotals[k] / total;
                atLeast[k] = new long[maxK[k]];
            }
            atLeastN = new long[maxN];
            boolean allUnanimous = true;
            boolean anyRepeated = false;
            double tarone = 0;
            double taroneScale = 0;
            for (long[] c : kept) {
                long n = c[0] + c[1] + c[2];
                int present = 0;
                for (int k = 0; k < 3; k++) {
                    for (int j = 0; j < c[k]; j++) {
                        atLeast[k][j]++;
                    }
                    present += c[k] > 0 ? 1 : 0;
                    tarone += (double) c[k] * (c[k] - 1) / pooled[k];
                }
                tarone -= (double) n * (n - 1);
                taroneScale += (double) n * (n - 1);
                for (int j = 0; j < n; j++) {
                    atLeastN[j]++;
                }
                if (n >= 2) {
                    anyRepeated = true;
                    allUnanimous &= present == 1;
                }
            }
            if (!anyRepeated) {
                throw new IllegalArgumentException("every account has a single answer: the Dirichlet-multinomial "
                        + "likelihood does not depend on the prior strength, so it cannot be estimated; use the pooled "
                        + "NPS or a fixed DirichletPrior");
            }
            if (allUnanimous) {
                throw new IllegalArgumentException("every account with two or more answers has them all in a single "
                        + "category: the "
                        + "Dirichlet-multinomial likelihood is maximised as the prior strength goes to 0 (no pooling), "
                        + "so there is no finite empirical-Bayes prior; use a fixed DirichletPrior");
            }
            if (tarone <= 1e-12 * taroneScale) {
                throw new IllegalArgumentException("the accounts' answers vary no more between accounts than "
                        + "multinomial sampling predicts (e.g. identical shares in every account, or one answer per "
                        + "account): the Dirichlet-multinomial likelihood is maximised at infinite prior strength "
                        + "(complete pooling), so there is no finite empirical-Bayes prior; use the pooled NPS or a "
                        + "fixed DirichletPrior");
            }
            this.accounts = used;
            this.answers = total;
            this.logCoefficients = coef;
        }

        private static double logFactorial(long n) {
            double s = 0;
            for (long j = 2; j <= n; j++) {
                s += Math.log(j);
            }
            return s;
        }

        double logLikelihood(double[] alpha) {
            double a = alpha[0] + alpha[1] + alpha[2];
            double ll = logCoefficients;
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < atLeast[k].length; j++) {
                    ll += atLeast[k][j] * Math.log(alpha[k] + j);
                }
            }
            for (int j = 0; j < atLeastN.length; j++) {
                ll -= atLeastN[j] * Math.log(a + j);
            }
            return ll;
        }

        /** Gradient ∂ℓ/∂α<sub>k</sub>. */
        double[] gradient(double[] alpha) {
            double sN = sumN(alpha, 1);
            double[] g = new double[3];
            for (int k = 0; k < 3; k++) {
                g[k] = sumK(k, alpha[k], 1) - sN;
            }
            return g;
        }

        private double sumK(int k, double a, int power) {
            double s = 0;
            for (int j = 0; j < atLeast[k].length; j++) {
                double x = a + j;
                s += atLeast[k][j] / (power == 1 ? x : x * x);
            }
            return s;
        }

        private double sumN(double[] alpha, int power) {
            double a = alpha[0] + alpha[1] + alpha[2];
            double s = 0;
            for (int j = 0; j < atLeastN.length; j++) {
                double x = a + j;
                s += atLeastN[j] / (power == 1 ? x : x * x);
            }
            return s;
        }

        DirichletMultinomialFit run() {
            double[] alpha = {pooled[0], pooled[1], pooled[2]};
            double ll = logLikelihood(alpha);
            for (int it = 1; it <= MAX_ITERATIONS; it++) {
                double[] next = newtonStep(alpha, ll);
                if (next == null) {
                    next = fixedPointStep(alpha);
                }
                double nextLl = logLikelihood(next);
                double change = 0;
                for (int k = 0; k < 3; k++) {
                    change = Math.max(change, Math.abs(next[k] - alpha[k]) / alpha[k]);
                }
                alpha = next;
                ll = Math.max(ll, nextLl);
                double strength = alpha[0] + alpha[1] + alpha[2];
                if (!(strength < 1e12) || !(Math.min(alpha[0], Math.min(alpha[1], alpha[2])) > 1e-12)) {
                    throw new IllegalStateException("the Dirichlet-multinomial fit runs to a boundary (alpha = "
                            + java.util.Arrays.toString(alpha) + "): no finite empirical-Bayes prior; use a fixed "
                            + "DirichletPrior");
                }
                if (change < TOLERANCE) {
                    return new DirichletMultinomialFit(new DirichletPrior(alpha[0], alpha[1], alpha[2]),
                            logLikelihood(alpha), it, accounts, answers);
                }
            }
            throw new IllegalStateException("the Dirichlet-multinomial fit did not converge in " + MAX_ITERATIONS
                    + " iterations (alpha = " + java.util.Arrays.toString(alpha) + ")");
        }

        /** A Newton step with step halving; null when no step increases ℓ while keeping α &gt; 0. */
        private double @org.jspecify.annotations.Nullable [] newtonStep(double[] alpha, double ll) {
            double[] g = gradient(alpha);
            double z = sumN(alpha, 2);
            double[] q = new double[3];
            double sumGq = 0;
            double sumInvQ = 0;
            for (int k = 0; k < 3; k++) {
                q[k] = -sumK(k, alpha[k], 2);
                if (!(q[k] < 0)) {
                    return null;
                }
                sumGq += g[k] / q[k];
                sumInvQ += 1 / q[k];
            }
            double bb = sumGq / (1 / z + sumInvQ);
            double[] step = new double[3];
            for (int k = 0; k < 3; k++) {
                step[k] = (g[k] - bb) / q[k];
            }
            double scale = 1;
            for (int h = 0; h < 11; h++, scale *= 0.5) {
                double[] next = new double[3];
                boolean ok = true;
                for (int k = 0; k < 3; k++) {
                    next[k] = alpha[k] - scale * step[k];
                    ok &= next[k] > 0;
                }
                if (ok && logLikelihood(next) >= ll) {
                    return next;
                }
            }
            return null;
        }

        /** Minka's fixed-point update α<sub>k</sub> ← α<sub>k</sub>·Σ[ψ(n<sub>ik</sub>+α<sub>k</sub>)−ψ(α<sub>k</sub>)]/Σ[ψ(n<sub>i</sub>+A)−ψ(A)]. */
        private double[] fixedPointStep(double[] alpha) {
            double sN = sumN(alpha, 1);
            double[] next = new double[3];
            for (int k = 0; k < 3; k++) {
                next[k] = alpha[k] * sumK(k, alpha[k], 1) / sN;
            }
            return next;
        }
    }
}
