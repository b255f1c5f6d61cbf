package io.github.nps4j.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.NpsEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Dirichlet-multinomial fit. The golden file has no {@code dirmult} values, so the fit is checked by (1) a zero
 * gradient and a local maximum of the log-likelihood at the fit, (2) agreement with an independent plain Minka
 * fixed-point iteration, (3) recovery of α from a large simulated portfolio.
 */
class EmpiricalBayesTest {

    static List<long[]> simulate(double[] alpha, int accounts, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<long[]> rows = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            // Dirichlet via Gamma(k, 1) = -sum of k log-uniforms (whole-number alpha)
            double[] g = new double[3];
            double s = 0;
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < (int) alpha[k]; j++) {
                    g[k] -= Math.log(1 - r.nextDouble());
                }
                s += g[k];
            }
            int n = 5 + r.nextInt(26);
            long[] c = new long[3];
            for (int j = 0; j < n; j++) {
                double u = r.nextDouble() * s;
                c[u < g[0] ? 0 : u < g[0] + g[1] ? 1 : 2]++;
            }
            rows.add(c);
        }
        return rows;
    }

    @Test
    void recoversAlphaFromALargeSimulatedPortfolio() {
        double[] truth = {2, 3, 5};
        DirichletMultinomialFit fit = EmpiricalBayes.fit(simulate(truth, 4000, 20260101L));
        DirichletPrior a = fit.alpha();
        assertEquals(truth[0], a.detractor(), 0.1 * truth[0]);
        assertEquals(truth[1], a.passive(), 0.1 * truth[1]);
        assertEquals(truth[2], a.promoter(), 0.1 * truth[2]);
        assertEquals(4000, fit.accounts());
        assertEquals(1 / (1 + a.strength()), fit.theta(), 1e-15);
    }

    @Test
    void gradientIsZeroAndTheFitIsALocalMaximum() {
        List<long[]> rows = simulate(new double[] {1, 2, 4}, 300, 7);
        EmpiricalBayes.Fitter f = new EmpiricalBayes.Fitter(rows);
        DirichletMultinomialFit fit = f.run();
        double[] alpha = {fit.alpha().detractor(), fit.alpha().passive(), fit.alpha().promoter()};
        double[] g = f.gradient(alpha);
        for (int k = 0; k < 3; k++) {
            // relative to the size of the terms being balanced (~ answers / alpha)
            assertEquals(0, g[k] * alpha[k] / f.answers, 1e-9, "gradient " + k);
        }
        double ll = f.logLikelihood(alpha);
        assertEquals(ll, fit.logLikelihood(), 1e-9 * Math.abs(ll));
        for (int k = 0; k < 3; k++) {
            for (double factor : new double[] {0.99, 1.01}) {
                double[] p = alpha.clone();
                p[k] *= factor;
                assertTrue(f.logLikelihood(p) < ll);
            }
        }
    }

    @Test
    void agreesWithAPlainMinkaFixedPointIteration() {
        List<long[]> rows = simulate(new double[] {3, 1, 2}, 200, 99);
        DirichletPrior fit = EmpiricalBayes.fit(rows).alpha();
        // independent implementation: digamma differences as explicit sums, from a different start
        double[] a = {1, 1, 1};
        for (int it = 0; it < 200_000; it++) {
            double big = a[0] + a[1] + a[2];
            double den = 0;
            double[] num = new double[3];
            for (long[] c : rows) {
                long n = c[0] + c[1] + c[2];
                for (long j = 0; j < n; j++) {
                    den += 1 / (big + j);
                }
                for (int k = 0; k < 3; k++) {
                    for (long j = 0; j < c[k]; j++) {
                        num[k] += 1 / (a[k] + j);
                    }
                }
            }
            double change = 0;
            for (int k = 0; k < 3; k++) {
                double next = a[k] * num[k] / den;
                change = Math.max(change, Math.abs(next - a[k]) / a[k]);
                a[k] = next;
            }
            if (change < 1e-13) {
                break;
            }
        }
        assertEquals(a[0], fit.detractor(), 1e-6 * a[0]);
        assertEquals(a[1], fit.passive(), 1e-6 * a[1]);
        assertEquals(a[2], fit.promoter(), 1e-6 * a[2]);
    }

    @Test
    void rejectsBoundaryCasesWithAClearMessage() {
        assertMessage(List.of(new long[] {1, 2, 3}), "at least 2 accounts");
        assertMessage(List.of(new long[] {1, 2, 3}, new long[] {0, 0, 0}), "at least 2 accounts");
        assertMessage(List.of(new long[] {1, 1, 1}, new long[] {2, 2, 2}), "complete pooling");
        assertMessage(List.of(new long[] {1, 0, 0}, new long[] {0, 1, 0}, new long[] {0, 0, 1}), "single answer");
        assertMessage(List.of(new long[] {3, 0, 0}, new long[] {0, 0, 4}, new long[] {0, 2, 0}), "single category");
        assertMessage(List.of(new long[] {1, 2, 0}, new long[] {5, 1, 0}), "no account has a promoter");
        assertMessage(List.of(new long[] {1, 2}, new long[] {5, 1, 0}), "three counts");
    }

    private static void assertMessage(List<long[]> rows, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmpiricalBayes.fit(rows));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void shrinksSmallAccountsTowardThePortfolio() {
        Map<String, NpsEstimate> accounts = new TreeMap<>();
        List<long[]> rows = simulate(new double[] {2, 2, 4}, 60, 5);
        for (int i = 0; i < rows.size(); i++) {
            long[] c = rows.get(i);
            accounts.put("acct-" + i, NpsEstimate.ofCounts(c[0], c[1], c[2]));
        }
        accounts.put("tiny", NpsEstimate.ofCounts(0, 0, 1));
        ShrunkPortfolio s = EmpiricalBayes.shrink(accounts, 0.9);
        double priorMean = s.fit().alpha().meanNps();
        NpsPosterior tiny = s.accounts().get("tiny");
        assertTrue(tiny.shrunk());
        assertEquals("shrunk", tiny.label());
        assertTrue(tiny.mean() < 100 && tiny.mean() > priorMean, tiny::toString);
        assertTrue(tiny.lower() < tiny.mean() && tiny.mean() < tiny.upper());
        assertEquals(0.9, tiny.level());
        assertEquals(accounts.keySet(), s.accounts().keySet());
    }
}
