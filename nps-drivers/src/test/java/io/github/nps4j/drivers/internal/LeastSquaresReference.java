package io.github.nps4j.drivers.internal;

import org.jspecify.annotations.Nullable;

/**
 * {@link LeastSquares} as it was before its passes were fused (main at 501cb56): the reference its property test
 * compares with bit for bit.
 *
 * <p>The original description: weighted linear least squares by Householder QR with Björck's iterative refinement of the augmented system.
 *
 * <p>With an intercept, the QR factorises the basis [√w, √w·(x_j − x̄_j)] (weighted means x̄), which is well
 * conditioned; the refinement then solves the <em>exact</em> least-squares problem on the data as given: the
 * residual defects f = √w·(y − Xθ) − r and g = −Eᵀr are accumulated in compensated (about twice double) precision
 * from the original values, so rounding in the centring does not limit accuracy. Without an intercept the basis is
 * √w·x_j. Rank deficiency (a column whose part orthogonal to the previous ones is below {@link #RANK_TOLERANCE} of its
 * norm) is an {@link IllegalArgumentException} naming the column.
 */
final class LeastSquaresReference {
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

    private LeastSquaresReference(int n, int m, boolean intercept) {
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
    static LeastSquaresReference fit(String[] names, double[][] columns, double[] y, double @Nullable [] weights,
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
    static LeastSquaresReference fit(String[] names, double[][] columns, double[] y, double @Nullable [] weights,
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
        LeastSquaresReference ls = new LeastSquaresReference(n, m, intercept);
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
        double yMean = weightedMean(y, w, weightSum);
        // rounded basis for the factorisation, which overwrites it (each column made here, none shared)
        double[][] a = new double[big][];
        int off = 0;
        if (intercept) {
            a[0] = sqw.clone();
            off = 1;
        }
        for (int j = 0; j < m; j++) {
            double mean = weightedMean(x[j], w, weightSum);
            double[] c = centred(x[j], mean, sqw);
            centredNorm[j] = norm(c, 0);
            if (centredNorm[j] == 0 && intercept) {
                throw new IllegalArgumentException("column '" + names[j] + "' is constant; its slope cannot be "
                        + "estimated beside the intercept");
            }
            if (intercept) {
                shift[j] = mean;
                a[j + 1] = c;
            } else {
                a[j] = scaled(x[j], sqw);
            }
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
        for (int i = 0; i < n; i++) {
            rowResidual(x, y, i, acc);
            residual[i] = sqw[i] * acc.hi() + sqw[i] * acc.lo();
        }
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

    /** Accumulates t_i = y_i − θ·basis_i (unscaled by √w) exactly into acc. */
    private void rowResidual(double[][] x, double[] y, int i, Accurate.Accumulator acc) {
        acc.reset();
        acc.add(y[i]);
        int off = 0;
        if (intercept) {
            acc.add(-theta[0]);
            off = 1;
        }
        for (int j = 0; j < m; j++) {
            double b = theta[j + off];
            acc.addProduct(-x[j][i], b);
            if (intercept) {
                acc.addProduct(shift[j], b);
            }
        }
    }

    /**
     * The defects f and g of the current (r, θ). The exact split q = √w ∘ r = qh + ql is made again in each sum that
     * needs it (two operations per row) rather than kept in two arrays of n.
     */
    private void defects(double[][] x, double[] y, double[] sqw, double[] f, double[] g, Accurate.Accumulator acc) {
        rowDefects(x, y, sqw, f, acc);
        acc.reset();
        sumQ(sqw, acc);
        double sumQ = acc.value();
        int off = 0;
        if (intercept) {
            g[0] = -sumQ;
            off = 1;
        }
        for (int j = 0; j < m; j++) {
            acc.reset();
            dotQ(x[j], sqw, acc);
            if (intercept) {
                acc.addProduct(-shift[j], sumQ);
            }
            g[j + off] = -acc.value();
        }
    }

    private void rowDefects(double[][] x, double[] y, double[] sqw, double[] f, Accurate.Accumulator acc) {
        for (int i = 0; i < n; i++) {
            rowResidual(x, y, i, acc);
            // √w·(hi + lo) − r, with one rounding on the leading part
            f[i] = Math.fma(sqw[i], acc.hi(), -residual[i]) + sqw[i] * acc.lo();
        }
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
            for (int j = k + 1; j < big; j++) {
                double s = dot(qr[k], qr[j], k);
                s = -s / qr[k][k];
                addScaled(qr[j], k, s, qr[k]);
            }
            rdiag[k] = -nrm;
        }
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
        for (int j = 0; j < m; j++) {
            vif[j] = rowNorm2(j + off) * centredNorm[j] * centredNorm[j];
        }
        return vif;
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
