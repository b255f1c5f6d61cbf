package io.github.nps4j.drivers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The Newton steps of the logistic fit ({@link LogisticNewton}) give the fit of the all-QR iteration, and a design
 * whose normal equations are too ill-conditioned falls back to the QR steps.
 */
class LogisticNewtonTest {
    /** A random design: p integer ratings 0–10 and a Bernoulli outcome from a logistic model in them. */
    private record Sample(List<String> names, double[][] columns, double[] y, double @Nullable [] weights) {
    }

    private static Sample sample(long seed, int n, int p, boolean weighted, int scaleExponent) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[p][n];
        double[] y = new double[n];
        double[] w = weighted ? new double[n] : null;
        double[] b = new double[p];
        for (int j = 0; j < p; j++) {
            b[j] = (rng.nextDouble() - 0.5) * 0.8;
        }
        for (int i = 0; i < n; i++) {
            double eta = rng.nextDouble() * 2 - 1;
            for (int j = 0; j < p; j++) {
                x[j][i] = rng.nextInt(11);
                eta += b[j] * (x[j][i] - 5);
            }
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            if (w != null) {
                w[i] = Math.scalb(1 + rng.nextInt(4), -scaleExponent);
            }
        }
        for (int i = 0; i < n; i++) {
            x[0][i] = Math.scalb(x[0][i], scaleExponent); // the first rating in other units (exactly)
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("x" + j);
        }
        return new Sample(names, x, y, w);
    }

    private static LogisticRegression.Traced fit(Sample s, LogisticRegression.Solver solver) {
        return LogisticRegression.traced(s.names(), s.columns(), s.y(), s.weights(), BinaryOutcome.INDICATOR, "y",
                solver);
    }

    @Property(tries = 200)
    void newtonStepsGiveTheFitOfTheQrIteration(@ForAll long seed, @ForAll @IntRange(min = 40, max = 1500) int n,
            @ForAll @IntRange(min = 1, max = 6) int p, @ForAll boolean weighted,
            @ForAll @IntRange(min = -450, max = 450) int scaleExponent) {
        Sample s = sample(seed, n, p, weighted, scaleExponent);
        LogisticRegression.Traced qr;
        try {
            qr = fit(s, LogisticRegression.Solver.QR);
        } catch (IllegalArgumentException e) { // separated, or one outcome only: the same refusal
            IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                    () -> fit(s, LogisticRegression.Solver.NEWTON));
            assertEquals(e.getClass(), other.getClass());
            if (e.getMessage().contains("rank deficient")) {
                // a diverging (separated) iteration whose weights μ(1 − μ) underflow until the weighted design loses
                // rank: which column fails first, at which pivot, depends on the rounding of the diverging steps
                assertTrue(other.getMessage().contains("rank deficient"), other.getMessage());
            } else {
                assertEquals(e.getMessage(), other.getMessage());
            }
            return;
        }
        LogisticRegression.Traced newton = fit(s, LogisticRegression.Solver.NEWTON);
        assertEquals(0, qr.newtonSteps());
        assertTrue(newton.newtonSteps() > 0, "Newton steps taken");
        assertEquals(1, newton.qrSteps(), "only the closing step by QR");
        LogisticFit a = qr.fit();
        LogisticFit b = newton.fit();
        // prior weights of 2^k shrink the standard errors by 2^(k/2); the sampling scale of a coefficient is its
        // standard error at unit weights
        double meanWeight = 1;
        if (s.weights() != null) {
            meanWeight = 0;
            for (double w : s.weights()) {
                meanWeight += w / n;
            }
        }
        for (int j = 0; j <= p; j++) {
            LogisticCoefficient ca = a.coefficients().get(j);
            LogisticCoefficient cb = b.coefficients().get(j);
            double unitSe = ca.standardError() * Math.sqrt(meanWeight);
            assertEquals(ca.estimate(), cb.estimate(), 1e-9 * unitSe, ca.name());
            assertEquals(ca.standardError(), cb.standardError(), 1e-9 * ca.standardError(), ca.name() + " SE");
        }
        assertEquals(a.logLikelihood(), b.logLikelihood(), 1e-12 * Math.abs(a.logLikelihood()));
    }

    @Test
    void anIllConditionedDesignFallsBackToTheQrStepsAndGivesTheirFit() {
        // b is a plus noise of relative size ~1e-6: 1 − R² of b on a is ~1e-12, below the Cholesky pivot tolerance
        // (the normal equations square the condition) yet far above the QR rank tolerance
        SplittableRandom rng = new SplittableRandom(7);
        int n = 400;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextInt(11);
            b[i] = a[i] + (rng.nextDouble() - 0.5) * 1e-5;
            c[i] = rng.nextInt(11);
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-(0.5 * (a[i] - 5) + 0.3 * (c[i] - 5)))) ? 1 : 0;
        }
        Sample s = new Sample(List.of("a", "b", "c"), new double[][] {a, b, c}, y, null);
        LogisticRegression.Traced newton = fit(s, LogisticRegression.Solver.NEWTON);
        LogisticRegression.Traced qr = fit(s, LogisticRegression.Solver.QR);
        assertEquals(0, newton.newtonSteps(), "every Newton step refused");
        assertEquals(qr.qrSteps(), newton.qrSteps());
        // the same QR steps and the same deviances: the same fit to the last bit
        assertEquals(qr.fit(), newton.fit());
    }

    @Test
    void log1pIsAccurateOnTheUnitInterval() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int k = 0; k < 100_000; k++) {
            double t = k < 50 ? Math.scalb(1.0, -k * 21) : Math.exp(-rng.nextDouble() * 745);
            double exact = Math.log1p(t);
            assertEquals(exact, LogisticNewton.log1p(t), 4 * Math.ulp(exact), "t = " + t);
        }
        assertEquals(Math.log(2), LogisticNewton.log1p(1), Math.ulp(Math.log(2)));
        assertEquals(0.0, LogisticNewton.log1p(0), 0.0);
    }

    @Test
    void theNewtonPassGivesTheDevianceAndTheNewtonStep() {
        Sample s = sample(3, 300, 3, true, 0);
        double[] beta = {0.2, -0.1, 0.3, 0.05};
        LogisticNewton pass = LogisticNewton.at(new LogisticNewton.Design(s.columns(), s.y(), s.weights()), beta);
        double d = 0;
        for (int i = 0; i < s.y().length; i++) {
            double eta = beta[0];
            for (int j = 0; j < 3; j++) {
                eta += s.columns()[j][i] * beta[j + 1];
            }
            double x = s.y()[i] == 1 ? -eta : eta;
            double l = x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
            d += 2 * s.weights()[i] * l;
        }
        assertEquals(d, pass.deviance(), 1e-14 * d);
        double[] step = pass.step();
        assertTrue(step != null && step.length == 4);
        // the Newton step solves Xᵀ W X δ = Xᵀ w (y − μ): check the score equations of the quadratic model
        double[] grad = new double[4];
        double[][] h = new double[4][4];
        for (int i = 0; i < s.y().length; i++) {
            double[] xi = {1, s.columns()[0][i], s.columns()[1][i], s.columns()[2][i]};
            double eta = 0;
            for (int j = 0; j < 4; j++) {
                eta += xi[j] * beta[j];
            }
            double mu = 1 / (1 + Math.exp(-eta));
            double wi = s.weights()[i];
            for (int j = 0; j < 4; j++) {
                grad[j] += wi * (s.y()[i] - mu) * xi[j];
                for (int k = 0; k < 4; k++) {
                    h[j][k] += wi * mu * (1 - mu) * xi[j] * xi[k];
                }
            }
        }
        double[] residual = new double[4];
        for (int j = 0; j < 4; j++) {
            residual[j] = grad[j];
            for (int k = 0; k < 4; k++) {
                residual[j] -= h[j][k] * (step[k] - beta[k]);
            }
        }
        assertArrayEquals(new double[4], residual, 1e-9 * s.y().length);
    }
}
