package io.github.nps4j.drivers;

import org.jspecify.annotations.Nullable;

/**
 * One pass over the rows of a logistic model at coefficients β: the deviance at β and the Newton (IRLS) step from β,
 * solved on the normal equations instead of by a QR factorisation of the weighted design.
 *
 * <p>The IRLS step of {@code glm} is the weighted least-squares fit of the working response z = η + (y − μ)/v with
 * weights W = w·v (w the prior weight, v = μ(1 − μ)); algebraically that is the Newton step
 * β + (XᵀWX)⁻¹ Xᵀ(w·(y − μ)). This class forms XᵀWX and the gradient in one pass and solves the system by
 * Cholesky — O(n·p²) multiply-adds and one {@code exp} per row, against the hundreds of passes over the rows of a QR
 * fit with compensated refinement.
 *
 * <p>For conditioning the system is solved in a reparametrisation with the same step: every attribute column is
 * multiplied by a power of two that brings its largest magnitude into [1, 2) (exact), the prior weights likewise
 * (the step does not depend on a common factor of the weights), and the columns are centred at their W-weighted means.
 * The intercept then decouples from the slopes, and the slopes' p × p matrix is a weighted covariance matrix whose
 * condition is that of the attributes themselves, not of [1, x] — the matrix is accumulated about the prior-weighted
 * means and moved to the W-weighted means afterwards, so no second pass is needed.
 *
 * <p>The step is refused ({@link #step()} returns {@code null}) when the Cholesky factorisation finds a pivot at or
 * below {@value #PIVOT_TOLERANCE} of its diagonal element (an attribute that is, under the current weights, nearly a
 * linear combination of the others: the normal equations square that condition) or anything is not finite; the caller
 * then takes the QR step instead, which also reports a rank-deficient design by name.
 *
 * <p>The deviance is summed in the order and with the expressions of {@code LogisticRegression.deviance} except that
 * log(1 + e^−|η|) is taken by {@link #log1p} (the intrinsic {@link Math#log} with Goldberg's correction) instead of
 * {@link Math#log1p}, a native call on JDK 17 that cost more than the rest of the pass: it agrees to a few units in the
 * last place per row. This deviance only decides when the iteration has converged (a relative change below 1e-10);
 * the deviance the fit reports is {@code LogisticRegression.deviance}'s.
 */
final class LogisticNewton {
    /** Relative Cholesky pivot (1 − R² of a centred column on the ones before it) at or below which no step is taken. */
    static final double PIVOT_TOLERANCE = 1e-8;

    private final double deviance;
    private final double @Nullable [] step;

    private LogisticNewton(double deviance, double @Nullable [] step) {
        this.deviance = deviance;
        this.step = step;
    }

    /** The scaling and shifts of one design, fixed for all passes of a fit. */
    static final class Design {
        final double[][] columns;
        final double[] y;
        final double @Nullable [] weights;
        final double[] scale; // 2^-exponent per column
        final double weightScale; // 2^-exponent of the prior weights
        final double[] shift; // prior-weighted mean of each scaled column

        Design(double[][] columns, double[] y, double @Nullable [] weights) {
            this.columns = columns;
            this.y = y;
            this.weights = weights;
            int p = columns.length;
            int n = y.length;
            scale = new double[p];
            shift = new double[p];
            weightScale = weights == null ? 1.0 : Math.scalb(1.0, -exponent(weights));
            double sw = 0;
            for (int i = 0; i < n; i++) {
                sw += weights == null ? 1.0 : weights[i] * weightScale;
            }
            for (int j = 0; j < p; j++) {
                scale[j] = Math.scalb(1.0, -exponent(columns[j]));
                double s = 0;
                double[] x = columns[j];
                for (int i = 0; i < n; i++) {
                    s += (weights == null ? 1.0 : weights[i] * weightScale) * (x[i] * scale[j]);
                }
                shift[j] = s / sw;
            }
        }

        private static int exponent(double[] values) {
            double max = 0;
            for (double v : values) {
                max = Math.max(max, Math.abs(v));
            }
            return max == 0 || !Double.isFinite(max) ? 0 : Math.getExponent(max);
        }
    }

    /**
     * Evaluates the deviance and the Newton step at β.
     *
     * @param d the design
     * @param beta intercept first, then one coefficient per column (original units)
     * @return the pass
     */
    static LogisticNewton at(Design d, double[] beta) {
        double[][] x = d.columns;
        double[] y = d.y;
        double @Nullable [] w = d.weights;
        int p = x.length;
        int n = y.length;
        double[] xs = new double[p];
        double[] sWx = new double[p];
        double[] srx = new double[p];
        double[] cross = new double[p * (p + 1) / 2]; // Σ W·xs_j·xs_k, j ≤ k, row by row
        double sW = 0;
        double sr = 0;
        double dev = 0;
        for (int i = 0; i < n; i++) {
            double eta = 0;
            eta += beta[0]; // as LogisticRegression.eta: the intercept's column is 1.0
            for (int j = 0; j < p; j++) {
                eta += x[j][i] * beta[j + 1];
            }
            double a = Math.abs(eta);
            double t = Math.exp(-a);
            // deviance term log(1 + exp(∓η)) as LogisticRegression.log1pExp: exp(−|η|) is the exp it takes
            boolean one = y[i] == 1;
            double l = (one ? eta < 0 : eta > 0) ? a + log1p(t) : log1p(t);
            double prior = w == null ? 1 : w[i];
            dev += 2 * prior * l;
            double s = 1 / (1 + t);
            double mu = eta >= 0 ? s : t * s;
            double q = eta >= 0 ? t * s : s; // 1 − μ without cancellation
            double v = Math.max(mu * q, 1e-300);
            double pw = w == null ? 1.0 : w[i] * d.weightScale;
            double ww = pw * v;
            double r = pw * (one ? q : -mu);
            sW += ww;
            sr += r;
            int c = 0;
            for (int j = 0; j < p; j++) {
                xs[j] = x[j][i] * d.scale[j] - d.shift[j];
            }
            for (int j = 0; j < p; j++) {
                double xj = xs[j];
                double wx = ww * xj;
                sWx[j] += wx;
                srx[j] += r * xj;
                for (int k = j; k < p; k++) {
                    cross[c++] += wx * xs[k];
                }
            }
        }
        return new LogisticNewton(dev, solve(beta, d, sW, sr, sWx, srx, cross));
    }

    /**
     * log(1 + t) for 0 ≤ t ≤ 1 within a few ulps: with u = 1 + t rounded, log(u)·t/(u − 1) corrects the rounding of
     * u (Goldberg 1991, "What every computer scientist should know about floating-point arithmetic", theorem 4).
     */
    static double log1p(double t) {
        double u = 1 + t;
        return u == 1 ? t : Math.log(u) * (t / (u - 1));
    }

    /** The new β, or {@code null} when the system is not safely positive definite or not finite. */
    private static double @Nullable [] solve(double[] beta, Design d, double sW, double sr, double[] sWx,
            double[] srx, double[] cross) {
        int p = sWx.length;
        if (!(sW > 0) || !Double.isFinite(sW) || !Double.isFinite(sr)) {
            return null;
        }
        double[] m = new double[p];
        for (int j = 0; j < p; j++) {
            m[j] = sWx[j] / sW;
        }
        // centred Hessian H = Σ W (xs − m)(xs − m)ᵀ = S − sW·m·mᵀ, centred gradient g = Σ r (xs − m)
        double[][] h = new double[p][p];
        double[] g = new double[p];
        int c = 0;
        for (int j = 0; j < p; j++) {
            g[j] = srx[j] - m[j] * sr;
            for (int k = j; k < p; k++) {
                double v = cross[c++] - sWx[j] * m[k];
                h[j][k] = v;
                h[k][j] = v;
            }
        }
        double[] delta = cholesky(h, g);
        if (delta == null) {
            return null;
        }
        // back from (γ, β') — centred intercept, scaled slopes — to the original parameters
        double dGamma = sr / sW;
        double[] next = new double[p + 1];
        double d0 = dGamma;
        for (int j = 0; j < p; j++) {
            d0 -= (d.shift[j] + m[j]) * delta[j];
            next[j + 1] = beta[j + 1] + delta[j] * d.scale[j];
        }
        next[0] = beta[0] + d0;
        for (double b : next) {
            if (!Double.isFinite(b)) {
                return null;
            }
        }
        return next;
    }

    /** Solves H δ = g by Cholesky; {@code null} if a relative pivot is at or below the tolerance. */
    private static double @Nullable [] cholesky(double[][] h, double[] g) {
        int p = g.length;
        double[][] l = new double[p][p];
        for (int j = 0; j < p; j++) {
            double dj = h[j][j];
            for (int k = 0; k < j; k++) {
                dj -= l[j][k] * l[j][k];
            }
            if (!(dj > PIVOT_TOLERANCE * h[j][j]) || !Double.isFinite(dj)) {
                return null;
            }
            double ljj = Math.sqrt(dj);
            l[j][j] = ljj;
            for (int i = j + 1; i < p; i++) {
                double s = h[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / ljj;
            }
        }
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double s = g[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] delta = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * delta[k];
            }
            delta[i] = s / l[i][i];
        }
        return delta;
    }

    /**
     * Returns the deviance at the pass's β (as {@code LogisticRegression.deviance}).
     *
     * @return the deviance
     */
    double deviance() {
        return deviance;
    }

    /**
     * Returns β after one Newton step, or {@code null} when the step was refused (take the QR step instead).
     *
     * @return a fresh array, or {@code null}
     */
    double @Nullable [] step() {
        return step == null ? null : step.clone();
    }
}
