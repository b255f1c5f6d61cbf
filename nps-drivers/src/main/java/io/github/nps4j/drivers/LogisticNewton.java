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
        final @Nullable Patterns patterns; // the distinct rows, when few

        Design(double[][] columns, double[] y, double @Nullable [] weights) {
            this(columns, y, weights, false);
        }

        /** The same columns and weights, so the same scales, shifts and patterns, with another outcome. */
        private Design(Design d, double[] y) {
            this.columns = d.columns;
            this.y = y;
            this.weights = d.weights;
            this.scale = d.scale;
            this.weightScale = d.weightScale;
            this.shift = d.shift;
            this.patterns = d.patterns;
        }

        /**
         * The design of another outcome on the same columns and weights (nothing here depends on the outcome).
         *
         * @param outcome the 0/1 outcome per row
         * @return the design
         */
        Design withOutcome(double[] outcome) {
            return new Design(this, outcome);
        }

        /** As the public constructor; {@code anyPatterns} uses the distinct rows however many there are (tests). */
        Design(double[][] columns, double[] y, double @Nullable [] weights, boolean anyPatterns) {
            this.patterns = Patterns.of(columns, y.length, anyPatterns);
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
     * The distinct rows of a design whose values are all whole numbers 0 to 15 (ratings): each row's pattern number
     * and each pattern's values. A pass then takes exp, log and the divisions once per pattern instead of once per row
     * (at a million responses on six 0–10 ratings, about 125 k patterns for 735 k rows); every row still gets the
     * values it would have computed, bit for bit, since they depend only on the row's values (the same bits) and β.
     */
    static final class Patterns {
        /** More than this share of distinct rows (patterns / rows) is not worth the indirection. */
        private static final double MAX_SHARE = 0.5;
        /** Up to 15 columns of 4 bits each make the key of a row. */
        private static final int MAX_COLUMNS = 15;

        final int[] rowPattern;
        final double[][] values; // values[j][k]: column j of pattern k
        final int count;

        private Patterns(int[] rowPattern, double[][] values, int count) {
            this.rowPattern = rowPattern;
            this.values = values;
            this.count = count;
        }

        /** The patterns, or {@code null} when a value is not a whole number 0–15 or there are too many. */
        static @Nullable Patterns of(double[][] columns, int n, boolean any) {
            int p = columns.length;
            if (p == 0 || p > MAX_COLUMNS || n == 0) {
                return null;
            }
            for (double[] x : columns) {
                if (!wholeNumbers(x, n)) {
                    return null;
                }
            }
            int max = any ? n : (int) (n * MAX_SHARE);
            Table t = new Table();
            int[] rowPattern = new int[n];
            for (int i = 0; i < n; i++) {
                long key = 0;
                for (int j = 0; j < p; j++) {
                    key |= (long) (int) columns[j][i] << (4 * j);
                }
                int k = t.id(key);
                if (k >= max) {
                    return null;
                }
                rowPattern[i] = k;
            }
            int count = t.count;
            double[][] values = new double[p][count];
            for (int k = 0; k < count; k++) {
                long key = t.keys[k];
                for (int j = 0; j < p; j++) {
                    values[j][k] = (int) ((key >>> (4 * j)) & 15);
                }
            }
            return new Patterns(rowPattern, values, count);
        }

        /** Whether every value is a whole number 0–15 with the very bits of that number (not −0.0). */
        private static boolean wholeNumbers(double[] x, int n) {
            for (int i = 0; i < n; i++) {
                double v = x[i];
                int k = (int) v;
                if (k < 0 || k > 15 || Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(k)) {
                    return false;
                }
            }
            return true;
        }

        /** Pattern numbers of packed keys in first-seen order: open addressing, at most half full. */
        private static final class Table {
            private long[] slots = new long[1 << 12]; // key + 1, 0 = empty
            private int[] ids = new int[1 << 12];
            private long[] keys = new long[1 << 11]; // by pattern number
            private int count;

            int id(long key) {
                int mask = slots.length - 1;
                int h = hash(key) & mask;
                while (true) {
                    long e = slots[h];
                    if (e == key + 1) {
                        return ids[h];
                    }
                    if (e == 0) {
                        break;
                    }
                    h = (h + 1) & mask;
                }
                if (count == keys.length) {
                    keys = java.util.Arrays.copyOf(keys, 2 * count);
                }
                keys[count] = key;
                slots[h] = key + 1;
                ids[h] = count;
                int id = count++;
                if (2 * count > slots.length) {
                    grow();
                }
                return id;
            }

            private static int hash(long key) {
                return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32);
            }

            private void grow() {
                long[] s = new long[2 * slots.length];
                int[] d = new int[2 * slots.length];
                int mask = s.length - 1;
                for (int k = 0; k < count; k++) {
                    int h = hash(keys[k]) & mask;
                    while (s[h] != 0) {
                        h = (h + 1) & mask;
                    }
                    s[h] = keys[k] + 1;
                    d[h] = k;
                }
                slots = s;
                ids = d;
            }
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
        Sums s = sums(d, beta, true);
        return new LogisticNewton(s.deviance, solve(beta, d, s.sW, s.sr, s.sWx, s.srx, s.cross));
    }

    /**
     * The deviance at β alone (the same bits as {@link #at}'s), for a pass whose step would not be taken: the per-row
     * terms without the sums of the Newton system.
     *
     * @param d the design
     * @param beta intercept first, then one coefficient per column (original units)
     * @return a pass whose {@link #step()} is {@code null}
     */
    static LogisticNewton devianceAt(Design d, double[] beta) {
        return new LogisticNewton(sums(d, beta, false).deviance, null);
    }

    /**
     * The sums of one pass at β: the deviance, Σ W, Σ r (r = w·(y − μ) in the scaled weights), and per scaled centred
     * column xs_j: Σ W·xs_j, Σ r·xs_j and Σ W·xs_j·xs_k (j ≤ k, row by row). Mutable; each pass makes its own.
     */
    static final class Sums {
        double deviance;
        double sW;
        double sr;
        final double[] sWx;
        final double[] srx;
        final double[] cross;

        Sums(int p) {
            sWx = new double[p];
            srx = new double[p];
            cross = new double[p * (p + 1) / 2];
        }
    }

    /** Rows per block of a pass. */
    static final int BLOCK = 256;

    /**
     * The sums of one pass, block by block of {@value #BLOCK} rows: the per-row terms of a block first, then each sum
     * over the block's rows, four sums at a time (independent chains of additions instead of one read-modify-write
     * of every sum per row). Every sum still adds its terms one by one in row order, with the terms of the row-by-row
     * pass (the same expressions; W·xs_j as W·xs_j·1.0, which is exact), so the sums are those of that pass bit for
     * bit. Each step is a method called once per block, compiled as such rather than by on-stack replacement.
     *
     * @param d the design
     * @param beta intercept first, then one coefficient per column (original units)
     * @param system whether to make the sums of the Newton system too, or only the deviance, Σ W and Σ r
     * @return the sums
     */
    static Sums sums(Design d, double[] beta, boolean system) {
        int n = d.y.length;
        Pass pass = new Pass(d, beta);
        Patterns pt = d.patterns;
        if (pt != null) {
            pass.patterns(pt);
        }
        for (int from = 0; from < n; from += BLOCK) {
            int len = Math.min(BLOCK, n - from);
            if (pt != null) {
                pass.patternRows(pt.rowPattern, from, len);
            } else {
                pass.rows(from, len);
            }
            if (system) {
                pass.centre(from, len);
                pass.reduce(len);
            }
        }
        return pass.sums();
    }

    /** The state of one blocked pass. */
    private static final class Pass {
        private final Design d;
        private final double[] beta;
        private final int p;
        private final double[][] xs; // scaled centred column j of the block's rows
        private final double[][] wx; // W·xs_j
        private final double[] ww = new double[BLOCK]; // W per row
        private final double[] r = new double[BLOCK]; // r per row
        private final double[][] u; // the sums' left factors, Σ u·v each
        private final double[][] v; // the sums' right factors (ones for Σ W·xs_j)
        private final double[] acc;
        private double deviance;
        private double sW;
        private double sr;
        private double[] l1 = new double[0]; // per pattern: deviance term for y = 1
        private double[] l0 = new double[0]; // for y = 0
        private double[] mus = new double[0];
        private double[] qs = new double[0];
        private double[] vs = new double[0];

        Pass(Design d, double[] beta) {
            this.d = d;
            this.beta = beta;
            p = d.columns.length;
            xs = new double[p][BLOCK];
            wx = new double[p][BLOCK];
            double[] ones = new double[BLOCK];
            java.util.Arrays.fill(ones, 1.0);
            int m = 2 * p + p * (p + 1) / 2;
            u = new double[m][];
            v = new double[m][];
            acc = new double[m];
            int t = 0;
            for (int j = 0; j < p; j++) {
                u[t] = wx[j]; // Σ W·xs_j
                v[t++] = ones;
                u[t] = r; // Σ r·xs_j
                v[t++] = xs[j];
                for (int k = j; k < p; k++) {
                    u[t] = wx[j]; // Σ W·xs_j·xs_k
                    v[t++] = xs[k];
                }
            }
        }

        /**
         * Per pattern, the terms its rows would compute: the deviance term for y = 1 and for y = 0, μ, 1 − μ and v,
         * by the expressions of {@link #rows}.
         */
        void patterns(Patterns pt) {
            int count = pt.count;
            double[][] x = pt.values;
            l1 = new double[count];
            l0 = new double[count];
            mus = new double[count];
            qs = new double[count];
            vs = new double[count];
            for (int k = 0; k < count; k++) {
                double eta = 0;
                eta += beta[0]; // as LogisticRegression.eta: the intercept's column is 1.0
                for (int j = 0; j < p; j++) {
                    eta += x[j][k] * beta[j + 1];
                }
                double a = Math.abs(eta);
                double t = Math.exp(-a);
                l1[k] = eta < 0 ? a + log1p(t) : log1p(t);
                l0[k] = eta > 0 ? a + log1p(t) : log1p(t);
                double s = 1 / (1 + t);
                double mu = eta >= 0 ? s : t * s;
                double q = eta >= 0 ? t * s : s; // 1 − μ without cancellation
                mus[k] = mu;
                qs[k] = q;
                vs[k] = Math.max(mu * q, 1e-300);
            }
        }

        /** As {@link #rows} with each row's terms taken from its pattern. */
        void patternRows(int[] rowPattern, int from, int len) {
            double[] y = d.y;
            double @Nullable [] w = d.weights;
            double[] ones = l1;
            double[] zeros = l0;
            double[] mu = mus;
            double[] q = qs;
            double[] v = vs;
            double dev = deviance;
            double sumW = sW;
            double sumR = sr;
            for (int b = 0; b < len; b++) {
                int i = from + b;
                int k = rowPattern[i];
                boolean one = y[i] == 1;
                double l = one ? ones[k] : zeros[k];
                double prior = w == null ? 1 : w[i];
                dev += 2 * prior * l;
                double pw = w == null ? 1.0 : w[i] * d.weightScale;
                double wwi = pw * v[k];
                double ri = pw * (one ? q[k] : -mu[k]);
                sumW += wwi;
                sumR += ri;
                ww[b] = wwi;
                r[b] = ri;
            }
            deviance = dev;
            sW = sumW;
            sr = sumR;
        }

        /** Per row of the block: the deviance, Σ W and Σ r in row order, W and r kept for the other sums. */
        void rows(int from, int len) {
            double[][] x = d.columns;
            double[] y = d.y;
            double @Nullable [] w = d.weights;
            double dev = deviance;
            double sumW = sW;
            double sumR = sr;
            for (int b = 0; b < len; b++) {
                int i = from + b;
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
                double vv = Math.max(mu * q, 1e-300);
                double pw = w == null ? 1.0 : w[i] * d.weightScale;
                double wwi = pw * vv;
                double ri = pw * (one ? q : -mu);
                sumW += wwi;
                sumR += ri;
                ww[b] = wwi;
                r[b] = ri;
            }
            deviance = dev;
            sW = sumW;
            sr = sumR;
        }

        /** The block's scaled centred columns xs_j and W·xs_j. */
        void centre(int from, int len) {
            for (int j = 0; j < p; j++) {
                double[] x = d.columns[j];
                double scale = d.scale[j];
                double shift = d.shift[j];
                double[] xsj = xs[j];
                double[] wxj = wx[j];
                for (int b = 0; b < len; b++) {
                    double xj = x[from + b] * scale - shift;
                    xsj[b] = xj;
                    wxj[b] = ww[b] * xj;
                }
            }
        }

        /** Adds the block's terms to every sum, four sums per sweep over the block. */
        void reduce(int len) {
            int m = acc.length;
            int t = 0;
            for (; t + 4 <= m; t += 4) {
                reduce4(t, len);
            }
            for (; t < m; t++) {
                reduce1(t, len);
            }
        }

        private void reduce4(int t, int len) {
            double[] u0 = u[t];
            double[] v0 = v[t];
            double[] u1 = u[t + 1];
            double[] v1 = v[t + 1];
            double[] u2 = u[t + 2];
            double[] v2 = v[t + 2];
            double[] u3 = u[t + 3];
            double[] v3 = v[t + 3];
            double s0 = acc[t];
            double s1 = acc[t + 1];
            double s2 = acc[t + 2];
            double s3 = acc[t + 3];
            for (int b = 0; b < len; b++) {
                s0 += u0[b] * v0[b];
                s1 += u1[b] * v1[b];
                s2 += u2[b] * v2[b];
                s3 += u3[b] * v3[b];
            }
            acc[t] = s0;
            acc[t + 1] = s1;
            acc[t + 2] = s2;
            acc[t + 3] = s3;
        }

        private void reduce1(int t, int len) {
            double[] u0 = u[t];
            double[] v0 = v[t];
            double s0 = acc[t];
            for (int b = 0; b < len; b++) {
                s0 += u0[b] * v0[b];
            }
            acc[t] = s0;
        }

        Sums sums() {
            Sums s = new Sums(p);
            s.deviance = deviance;
            s.sW = sW;
            s.sr = sr;
            int t = 0;
            int c = 0;
            for (int j = 0; j < p; j++) {
                s.sWx[j] = acc[t++];
                s.srx[j] = acc[t++];
                for (int k = j; k < p; k++) {
                    s.cross[c++] = acc[t++];
                }
            }
            return s;
        }
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
