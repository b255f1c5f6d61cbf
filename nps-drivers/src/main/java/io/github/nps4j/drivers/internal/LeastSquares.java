package io.github.nps4j.drivers.internal;

import org.jspecify.annotations.Nullable;

/**
 * Weighted linear least squares by Householder QR with Björck's iterative refinement of the augmented system.
 *
 * <p>With an intercept, the QR factorises the basis [√w, √w·(x_j − x̄_j)] (weighted means x̄), which is well
 * conditioned; the refinement then solves the <em>exact</em> least-squares problem on the data as given: the
 * residual defects f = √w·(y − Xθ) − r and g = −Eᵀr are accumulated in compensated (about twice double) precision
 * from the original values, so rounding in the centring does not limit accuracy. Without an intercept the basis is
 * √w·x_j. Rank deficiency (a column whose part orthogonal to the previous ones is below {@link #RANK_TOLERANCE} of its
 * norm) is an {@link IllegalArgumentException} naming the column.
 */
public final class LeastSquares {
    /** Relative size of a QR diagonal element at or below which a column counts as linearly dependent. */
    public static final double RANK_TOLERANCE = 1e-13;
    private static final int MAX_REFINEMENT_STEPS = 6;

    private final int n;
    private final int m; // slopes
    private final int big; // basis size m (+1 with intercept)
    private final boolean intercept;
    private final double[][] qr;
    private final double[] rdiag;
    private final double[] centredNorm;
    private final double[] shift;
    private double[] theta = new double[0];
    private double[] residual = new double[0];
    private double rss;
    private double tss;
    private double weightSum;
    private double[][] rinv = new double[0][];
    private double minRelativeDiagonal = Double.POSITIVE_INFINITY;
    private int refinementSteps;
    private int maxSteps = MAX_REFINEMENT_STEPS;
    /** Without an intercept, the columns and weights for {@link #centredNorms()}; {@code null} with one. */
    private double @Nullable [][] design;
    private double @Nullable [] priorWeights;

    private LeastSquares(int n, int m, boolean intercept) {
        this.n = n;
        this.m = m;
        this.intercept = intercept;
        this.big = m + (intercept ? 1 : 0);
        this.qr = new double[big][];
        this.rdiag = new double[big];
        this.centredNorm = new double[m];
        this.shift = new double[m];
    }

    /**
     * Fits y on the columns.
     *
     * @param names column names, for messages
     * @param columns columns[j][i] = x_ij, complete and finite
     * @param y the outcome, finite
     * @param weights positive weights or {@code null}
     * @param intercept whether to include an intercept
     * @return the fit
     * @throws IllegalArgumentException when the design is rank deficient (naming the column) or has too few rows
     */
    public static LeastSquares fit(String[] names, double[][] columns, double[] y, double @Nullable [] weights,
            boolean intercept) {
        return fit(names, columns, y, weights, intercept, MAX_REFINEMENT_STEPS);
    }

    /**
     * Fits y on the columns with at most the given number of refinement steps: fewer steps give the solution of the
     * rounded (centred) problem, accurate to about the condition number times the unit round-off, instead of the
     * exact one. For the inner steps of an iteration whose last steps are fitted fully (IRLS).
     *
     * @param names column names, for messages
     * @param columns columns[j][i] = x_ij, complete and finite
     * @param y the outcome, finite
     * @param weights positive weights or {@code null}
     * @param intercept whether to include an intercept
     * @param maxRefinementSteps 1 to {@value #MAX_REFINEMENT_STEPS}
     * @return the fit
     * @throws IllegalArgumentException as {@link #fit(String[], double[][], double[], double[], boolean)}, or for a
     *         step count out of range
     */
    public static LeastSquares fit(String[] names, double[][] columns, double[] y, double @Nullable [] weights,
            boolean intercept, int maxRefinementSteps) {
        if (maxRefinementSteps < 1 || maxRefinementSteps > MAX_REFINEMENT_STEPS) {
            throw new IllegalArgumentException("refinement steps must be 1 to " + MAX_REFINEMENT_STEPS + ": "
                    + maxRefinementSteps);
        }
        int m = columns.length;
        int n = y.length;
        int params = m + (intercept ? 1 : 0);
        if (n <= params) {
            throw new IllegalArgumentException(n + " rows cannot estimate " + params
                    + " parameters and a residual variance; need at least " + (params + 1) + " rows");
        }
        LeastSquares ls = new LeastSquares(n, m, intercept);
        ls.maxSteps = maxRefinementSteps;
        ls.run(names, columns, y, weights);
        return ls;
    }

    /*
     * Each pass over the rows is a method of its own: on one core, C2 compiled this method by on-stack replacement
     * once per hot loop (six times, 2.3 s of compilation at a million rows) when the loops were inline.
     */
    private void run(String[] names, double[][] x, double[] y, double @Nullable [] w) {
        double[] sqw = new double[n];
        Accurate.Accumulator acc = new Accurate.Accumulator();
        rootWeights(w, sqw, acc);
        weightSum = acc.value();
        // only the centred total sum of squares (with an intercept) needs the mean of y
        double yMean = intercept ? weightedMean(y, w, weightSum) : 0;
        // rounded basis for the factorisation, which overwrites it (each column made here, none shared)
        double[][] a = new double[big][];
        int off = 0;
        if (intercept) {
            a[0] = sqw.clone();
            off = 1;
        }
        for (int j = 0; j < m; j++) {
            if (intercept) {
                double mean = weightedMean(x[j], w, weightSum);
                double[] c = centred(x[j], mean, sqw);
                centredNorm[j] = norm(c, 0);
                if (centredNorm[j] == 0) {
                    throw new IllegalArgumentException("column '" + names[j] + "' is constant; its slope cannot be "
                            + "estimated beside the intercept");
                }
                shift[j] = mean;
                a[j + 1] = c;
            } else {
                a[j] = scaled(x[j], sqw);
            }
        }
        if (!intercept) {
            // without an intercept the centred columns serve only the VIFs: made when asked for (IRLS never asks)
            design = x;
            priorWeights = w;
        }
        factorise(names, a);
        // refinement of [I E; Eᵀ 0][r; θ] = [√w y; 0] from zero; E evaluated exactly from the data
        theta = new double[big];
        residual = new double[n];
        double[] f = new double[n];
        double[] g = new double[big];
        for (int step = 0; step < maxSteps; step++) {
            defects(x, y, sqw, f, g, acc);
            double[] h = solveRTransposed(g);
            applyQt(f);
            double[] f1 = new double[big];
            for (int k = 0; k < big; k++) {
                f1[k] = f[k] - h[k];
            }
            double[] dtheta = solveR(f1);
            System.arraycopy(h, 0, f, 0, big);
            applyQ(f);
            double dn = 0;
            double tn = 0;
            boolean moved = false;
            for (int k = 0; k < big; k++) {
                double t = theta[k] + dtheta[k];
                moved |= t != theta[k];
                theta[k] = t;
                dn = Math.max(dn, Math.abs(dtheta[k]));
                tn = Math.max(tn, Math.abs(theta[k]));
            }
            addTo(residual, f);
            refinementSteps = step + 1;
            // converged when the correction is negligible, or when it no longer changes any coefficient: then θ is at
            // the noise floor of the defects (about an ulp) and further steps only re-add that noise
            if (step > 0 && (dn <= 1e-17 * tn || !moved)) {
                break;
            }
        }
        // residuals of the final θ, evaluated exactly
        finalResiduals(x, y, sqw, acc);
        rss = Accurate.dot(residual, residual);
        tss = totalSquares(y, w, yMean, acc);
        rinv = new double[big][big];
        for (int k = 0; k < big; k++) {
            double[] e = new double[big];
            e[k] = 1;
            double[] col = solveR(e);
            for (int i = 0; i < big; i++) {
                rinv[i][k] = col[i];
            }
        }
    }

    /** √w per row into {@code sqw}, Σ w into {@code acc}. */
    private static void rootWeights(double @Nullable [] w, double[] sqw, Accurate.Accumulator acc) {
        for (int i = 0; i < sqw.length; i++) {
            double wi = w == null ? 1.0 : w[i];
            sqw[i] = Math.sqrt(wi);
            acc.add(wi);
        }
    }

    /** (x − mean)·√w, a new column. */
    private static double[] centred(double[] x, double mean, double[] sqw) {
        double[] c = new double[sqw.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = (x[i] - mean) * sqw[i];
        }
        return c;
    }

    /** x·√w, a new column. */
    private static double[] scaled(double[] x, double[] sqw) {
        double[] c = new double[sqw.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = x[i] * sqw[i];
        }
        return c;
    }

    private static void addTo(double[] r, double[] f) {
        for (int i = 0; i < r.length; i++) {
            r[i] += f[i];
        }
    }

    /** The weighted residuals √w·(y − ŷ) of the final θ, each evaluated exactly and rounded once per part. */
    private void finalResiduals(double[][] x, double[] y, double[] sqw, Accurate.Accumulator acc) {
        rowResiduals(x, y, sqw, residual, false);
    }

    /** The weighted total sum of squares, about the mean with an intercept, about 0 without. */
    private double totalSquares(double[] y, double @Nullable [] w, double yMean, Accurate.Accumulator acc) {
        acc.reset();
        if (intercept) {
            for (int i = 0; i < n; i++) {
                double d = y[i] - yMean;
                acc.addProduct((w == null ? 1.0 : w[i]) * d, d);
            }
        } else {
            for (int i = 0; i < n; i++) {
                acc.addProduct((w == null ? 1.0 : w[i]) * y[i], y[i]);
            }
        }
        return acc.value();
    }

    /**
     * Per row, t_i = y_i − θ·basis_i (unscaled by √w) accumulated exactly (as {@link Accurate.Accumulator} adds: y_i,
     * −θ_0 with an intercept, then −x_ji·θ_j and, with an intercept, shift_j·θ_j for each column), then into
     * {@code out}: the defect √w·(hi + lo) − r with one rounding on the leading part, or ({@code defects} false) the
     * residual √w·hi + √w·lo. The running sum is kept in locals, the same operations in the same order as the
     * accumulator's.
     */
    private void rowResiduals(double[][] x, double[] y, double[] sqw, double[] out, boolean defects) {
        double[] th = theta;
        int off = intercept ? 1 : 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            double c = 0;
            double p = y[i];
            double t = s + p;
            double z = t - s;
            c += (s - (t - z)) + (p - z);
            s = t;
            if (intercept) {
                p = -th[0];
                t = s + p;
                z = t - s;
                c += (s - (t - z)) + (p - z);
                s = t;
            }
            for (int j = 0; j < m; j++) {
                double b = th[j + off];
                double xv = -x[j][i];
                p = xv * b;
                double pe = Math.fma(xv, b, -p);
                t = s + p;
                z = t - s;
                c += (s - (t - z)) + (p - z);
                s = t;
                c += pe;
                if (intercept) {
                    double sh = shift[j];
                    p = sh * b;
                    pe = Math.fma(sh, b, -p);
                    t = s + p;
                    z = t - s;
                    c += (s - (t - z)) + (p - z);
                    s = t;
                    c += pe;
                }
            }
            if (defects) {
                // √w·(hi + lo) − r, with one rounding on the leading part
                out[i] = Math.fma(sqw[i], s, -residual[i]) + sqw[i] * c;
            } else {
                out[i] = sqw[i] * s + sqw[i] * c;
            }
        }
    }

    /**
     * The defects f and g of the current (r, θ). The exact split q = √w ∘ r = qh + ql is made again in each sum that
     * needs it (two operations per row) rather than kept in two arrays of n; the sums Σ x_j·q of four columns are
     * made in one pass, each in row order as one accumulator would make it.
     */
    private void defects(double[][] x, double[] y, double[] sqw, double[] f, double[] g, Accurate.Accumulator acc) {
        rowResiduals(x, y, sqw, f, true);
        acc.reset();
        sumQ(sqw, acc);
        double sumQ = acc.value();
        int off = 0;
        if (intercept) {
            g[0] = -sumQ;
            off = 1;
        }
        double[] parts = new double[2 * m];
        int j = 0;
        for (; j + 4 <= m; j += 4) {
            dotQ4(x, j, sqw, parts);
        }
        for (; j < m; j++) {
            acc.reset();
            dotQ(x[j], sqw, acc);
            parts[2 * j] = acc.hi();
            parts[2 * j + 1] = acc.lo();
        }
        for (j = 0; j < m; j++) {
            acc.set(parts[2 * j], parts[2 * j + 1]);
            if (intercept) {
                acc.addProduct(-shift[j], sumQ);
            }
            g[j + off] = -acc.value();
        }
    }

    /** {@link #dotQ} of columns j to j + 3 in one pass: their (hi, lo) into {@code parts[2j..2j + 7]}. */
    private void dotQ4(double[][] x, int j, double[] sqw, double[] parts) {
        double[] x0 = x[j];
        double[] x1 = x[j + 1];
        double[] x2 = x[j + 2];
        double[] x3 = x[j + 3];
        double[] r = residual;
        double s0 = 0;
        double c0 = 0;
        double s1 = 0;
        double c1 = 0;
        double s2 = 0;
        double c2 = 0;
        double s3 = 0;
        double c3 = 0;
        for (int i = 0; i < n; i++) {
            double qh = sqw[i] * r[i];
            double ql = Math.fma(sqw[i], r[i], -qh);
            double xv = x0[i];
            double p = xv * qh;
            double pe = Math.fma(xv, qh, -p);
            double t = s0 + p;
            double z = t - s0;
            c0 += (s0 - (t - z)) + (p - z);
            s0 = t;
            c0 += pe;
            p = xv * ql;
            pe = Math.fma(xv, ql, -p);
            t = s0 + p;
            z = t - s0;
            c0 += (s0 - (t - z)) + (p - z);
            s0 = t;
            c0 += pe;
            xv = x1[i];
            p = xv * qh;
            pe = Math.fma(xv, qh, -p);
            t = s1 + p;
            z = t - s1;
            c1 += (s1 - (t - z)) + (p - z);
            s1 = t;
            c1 += pe;
            p = xv * ql;
            pe = Math.fma(xv, ql, -p);
            t = s1 + p;
            z = t - s1;
            c1 += (s1 - (t - z)) + (p - z);
            s1 = t;
            c1 += pe;
            xv = x2[i];
            p = xv * qh;
            pe = Math.fma(xv, qh, -p);
            t = s2 + p;
            z = t - s2;
            c2 += (s2 - (t - z)) + (p - z);
            s2 = t;
            c2 += pe;
            p = xv * ql;
            pe = Math.fma(xv, ql, -p);
            t = s2 + p;
            z = t - s2;
            c2 += (s2 - (t - z)) + (p - z);
            s2 = t;
            c2 += pe;
            xv = x3[i];
            p = xv * qh;
            pe = Math.fma(xv, qh, -p);
            t = s3 + p;
            z = t - s3;
            c3 += (s3 - (t - z)) + (p - z);
            s3 = t;
            c3 += pe;
            p = xv * ql;
            pe = Math.fma(xv, ql, -p);
            t = s3 + p;
            z = t - s3;
            c3 += (s3 - (t - z)) + (p - z);
            s3 = t;
            c3 += pe;
        }
        parts[2 * j] = s0;
        parts[2 * j + 1] = c0;
        parts[2 * j + 2] = s1;
        parts[2 * j + 3] = c1;
        parts[2 * j + 4] = s2;
        parts[2 * j + 5] = c2;
        parts[2 * j + 6] = s3;
        parts[2 * j + 7] = c3;
    }

    /** Adds Σ q into acc, q = √w ∘ r split exactly into qh + ql. */
    private void sumQ(double[] sqw, Accurate.Accumulator acc) {
        for (int i = 0; i < n; i++) {
            double qh = sqw[i] * residual[i];
            acc.add(qh);
            acc.add(Math.fma(sqw[i], residual[i], -qh));
        }
    }

    /** Adds Σ x·q into acc, q split as in {@link #sumQ}. */
    private void dotQ(double[] xj, double[] sqw, Accurate.Accumulator acc) {
        for (int i = 0; i < n; i++) {
            double qh = sqw[i] * residual[i];
            acc.addProduct(xj[i], qh);
            acc.addProduct(xj[i], Math.fma(sqw[i], residual[i], -qh));
        }
    }

    /** Householder QR of the basis columns {@code a}, in place: {@code a}'s arrays become {@link #qr}. */
    private void factorise(String[] names, double[][] a) {
        double[] colNorm = new double[big];
        for (int k = 0; k < big; k++) {
            colNorm[k] = norm(a[k], 0);
            qr[k] = a[k];
        }
        for (int k = 0; k < big; k++) {
            double nrm = norm(qr[k], k);
            double rel = colNorm[k] == 0 ? 0 : nrm / colNorm[k];
            minRelativeDiagonal = Math.min(minRelativeDiagonal, rel);
            if (!(rel > RANK_TOLERANCE)) {
                String name = intercept ? (k == 0 ? "(intercept)" : names[k - 1]) : names[k];
                throw new IllegalArgumentException("column '" + name
                        + "' is (numerically) a linear combination of the columns before it"
                        + (intercept && k > 0 ? " and the intercept" : "") + " (relative QR pivot " + rel
                        + "); the design is rank deficient");
            }
            if (qr[k][k] < 0) {
                nrm = -nrm;
            }
            divide(qr[k], k, nrm);
            qr[k][k] += 1.0;
            // every dot product before any update: each uses column k and a column j not yet updated by this step
            double[] dots = dots(k);
            for (int j = k + 1; j < big; j++) {
                double s = -dots[j] / qr[k][k];
                addScaled(qr[j], k, s, qr[k]);
            }
            rdiag[k] = -nrm;
        }
    }

    /** {@link #dot}(qr[k], qr[j], k) for every j &gt; k (index j of the result), four per pass over the rows. */
    private double[] dots(int k) {
        double[] d = new double[big];
        int j = k + 1;
        for (; j + 4 <= big; j += 4) {
            dots4(qr[k], qr[j], qr[j + 1], qr[j + 2], qr[j + 3], k, d, j);
        }
        for (; j < big; j++) {
            d[j] = dot(qr[k], qr[j], k);
        }
        return d;
    }

    private static void dots4(double[] a, double[] b0, double[] b1, double[] b2, double[] b3, int from, double[] d,
            int j) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i = from; i < a.length; i++) {
            double ai = a[i];
            s0 += ai * b0[i];
            s1 += ai * b1[i];
            s2 += ai * b2[i];
            s3 += ai * b3[i];
        }
        d[j] = s0;
        d[j + 1] = s1;
        d[j + 2] = s2;
        d[j + 3] = s3;
    }

    private static void divide(double[] v, int from, double d) {
        for (int i = from; i < v.length; i++) {
            v[i] /= d;
        }
    }

    /** Σ_{i ≥ from} a_i·b_i, summed in row order. */
    private static double dot(double[] a, double[] b, int from) {
        double s = 0;
        for (int i = from; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** v_i += s·q_i for i ≥ from. */
    private static void addScaled(double[] v, int from, double s, double[] q) {
        for (int i = from; i < v.length; i++) {
            v[i] += s * q[i];
        }
    }

    private static double weightedMean(double[] x, double @Nullable [] w, double weightSum) {
        Accurate.Accumulator acc = new Accurate.Accumulator();
        for (int i = 0; i < x.length; i++) {
            acc.addProduct(w == null ? 1.0 : w[i], x[i]);
        }
        double m1 = acc.value() / weightSum;
        acc.reset();
        for (int i = 0; i < x.length; i++) {
            acc.addProduct(w == null ? 1.0 : w[i], x[i] - m1);
        }
        return m1 + acc.value() / weightSum;
    }

    private static double norm(double[] v, int from) {
        double max = 0;
        for (int i = from; i < v.length; i++) {
            max = Math.max(max, Math.abs(v[i]));
        }
        if (max == 0) {
            return 0;
        }
        double s = 0;
        for (int i = from; i < v.length; i++) {
            double t = v[i] / max;
            s += t * t;
        }
        return max * Math.sqrt(s);
    }

    private void applyQt(double[] v) {
        for (int k = 0; k < big; k++) {
            reflect(k, v);
        }
    }

    private void applyQ(double[] v) {
        for (int k = big - 1; k >= 0; k--) {
            reflect(k, v);
        }
    }

    private void reflect(int k, double[] v) {
        double[] q = qr[k];
        double s = dot(q, v, k);
        s = -s / q[k];
        addScaled(v, k, s, q);
    }

    private double[] solveR(double[] c) {
        double[] x = new double[big];
        for (int k = big - 1; k >= 0; k--) {
            double s = c[k];
            for (int j = k + 1; j < big; j++) {
                s -= qr[j][k] * x[j];
            }
            x[k] = s / rdiag[k];
        }
        return x;
    }

    private double[] solveRTransposed(double[] g) {
        double[] h = new double[big];
        for (int k = 0; k < big; k++) {
            double s = g[k];
            for (int i = 0; i < k; i++) {
                s -= qr[k][i] * h[i];
            }
            h[k] = s / rdiag[k];
        }
        return h;
    }

    /**
     * Returns the slope coefficients (without the intercept).
     *
     * @return the slope coefficients (without the intercept)
     */
    public double[] coefficients() {
        double[] b = new double[m];
        System.arraycopy(theta, intercept ? 1 : 0, b, 0, m);
        return b;
    }

    /**
     * Returns whether the model has an intercept.
     *
     * @return whether the model has an intercept
     */
    public boolean hasIntercept() {
        return intercept;
    }

    /**
     * Returns the intercept, 0 without one.
     *
     * @return the intercept, 0 without one
     */
    public double intercept() {
        if (!intercept) {
            return 0;
        }
        Accurate.Accumulator acc = new Accurate.Accumulator();
        acc.add(theta[0]);
        for (int j = 0; j < m; j++) {
            acc.addProduct(-shift[j], theta[j + 1]);
        }
        return acc.value();
    }

    /**
     * Returns number of rows.
     *
     * @return number of rows
     */
    public int rows() {
        return n;
    }

    /**
     * Returns the sum of weights (the row count when unweighted).
     *
     * @return the sum of weights (the row count when unweighted)
     */
    public double weightSum() {
        return weightSum;
    }

    /**
     * Returns residual degrees of freedom.
     *
     * @return residual degrees of freedom
     */
    public int dfResidual() {
        return n - big;
    }

    /**
     * Returns weighted residual sum of squares.
     *
     * @return weighted residual sum of squares
     */
    public double rss() {
        return rss;
    }

    /**
     * Returns weighted total sum of squares (centred with an intercept, uncentred without).
     *
     * @return weighted total sum of squares (centred with an intercept, uncentred without)
     */
    public double tss() {
        return tss;
    }

    /**
     * Returns residual variance estimate s².
     *
     * @return residual variance estimate s²
     */
    public double sigma2() {
        return rss / dfResidual();
    }

    /**
     * Returns standard errors of the slopes.
     *
     * @return standard errors of the slopes
     */
    public double[] standardErrors() {
        double s2 = sigma2();
        double[] se = new double[m];
        int off = intercept ? 1 : 0;
        for (int j = 0; j < m; j++) {
            se[j] = Math.sqrt(s2 * rowNorm2(j + off));
        }
        return se;
    }

    /**
     * Returns diag((EᵀWE)⁻¹) for the slopes (without s²): the variances for a known unit scale, as IRLS needs.
     *
     * @return one value per slope
     */
    public double[] unscaledVarianceDiagonal() {
        double[] v = new double[m];
        int off = intercept ? 1 : 0;
        for (int j = 0; j < m; j++) {
            v[j] = rowNorm2(j + off);
        }
        return v;
    }

    private double rowNorm2(int row) {
        double d = 0;
        for (int k = row; k < big; k++) {
            d += rinv[row][k] * rinv[row][k];
        }
        return d;
    }

    /**
     * Returns standard error of the intercept, 0 without one.
     *
     * @return standard error of the intercept, 0 without one
     */
    public double interceptStandardError() {
        if (!intercept) {
            return 0;
        }
        double q = 0;
        for (int k = 0; k < big; k++) {
            double u = rinv[0][k];
            for (int j = 0; j < m; j++) {
                u -= shift[j] * rinv[j + 1][k];
            }
            q += u * u;
        }
        return Math.sqrt(sigma2() * q);
    }

    /**
     * Variance inflation factors, from the centred design (defined with an intercept).
     *
     * @return VIF per column
     */
    public double[] varianceInflationFactors() {
        double[] vif = new double[m];
        int off = intercept ? 1 : 0;
        double[] cn = centredNorms();
        for (int j = 0; j < m; j++) {
            vif[j] = rowNorm2(j + off) * cn[j] * cn[j];
        }
        return vif;
    }

    /**
     * The norms of the weighted centred columns: made by the fit with an intercept; without one, made here as the
     * fit would have made them (√w, the weighted means and the centred columns again, the same operations).
     */
    private double[] centredNorms() {
        double[][] x = design;
        if (intercept || x == null) {
            return centredNorm;
        }
        double @Nullable [] w = priorWeights;
        double[] sqw = new double[n];
        rootWeights(w, sqw, new Accurate.Accumulator());
        double[] cn = new double[m];
        for (int j = 0; j < m; j++) {
            cn[j] = norm(centred(x[j], weightedMean(x[j], w, weightSum), sqw), 0);
        }
        return cn;
    }

    /**
     * Returns smallest |R_kk| / ‖a_k‖ seen, a collinearity indicator.
     *
     * @return smallest |R_kk| / ‖a_k‖ seen, a collinearity indicator
     */
    public double minRelativeDiagonal() {
        return minRelativeDiagonal;
    }

    /**
     * Returns refinement steps taken.
     *
     * @return refinement steps taken
     */
    public int refinementSteps() {
        return refinementSteps;
    }

    /**
     * Returns the weighted residuals √w·(y − ŷ).
     *
     * @return a copy
     */
    public double[] weightedResiduals() {
        return residual.clone();
    }
}
