package io.github.nps4j.drivers.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Weighted means, cross-products, correlations (complete or pairwise) and ranks. */
public final class Moments {
    private Moments() {
    }

    /**
     * Weighted mean, corrected two-pass.
     *
     * @param x values
     * @param w weights or {@code null}
     * @return Σwx/Σw
     */
    public static double mean(double[] x, double @Nullable [] w) {
        Accurate.Accumulator acc = new Accurate.Accumulator();
        Accurate.Accumulator ws = new Accurate.Accumulator();
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1.0 : w[i];
            acc.addProduct(wi, x[i]);
            ws.add(wi);
        }
        double sw = ws.value();
        double m1 = acc.value() / sw;
        acc.reset();
        for (int i = 0; i < x.length; i++) {
            acc.addProduct(w == null ? 1.0 : w[i], x[i] - m1);
        }
        return m1 + acc.value() / sw;
    }

    /**
     * Centred weighted cross-products Σ w (x_a − m_a)(x_b − m_b) of complete columns.
     *
     * @param cols columns (variable-major)
     * @param w weights or {@code null}
     * @return the symmetric matrix
     */
    public static double[][] crossProducts(double[][] cols, double @Nullable [] w) {
        int v = cols.length;
        int n = cols[0].length;
        double[][] c = new double[v][n];
        for (int a = 0; a < v; a++) {
            double m = mean(cols[a], w);
            for (int i = 0; i < n; i++) {
                c[a][i] = cols[a][i] - m;
            }
        }
        double[][] cp = new double[v][v];
        for (int a = 0; a < v; a++) {
            for (int b = a; b < v; b++) {
                double s = 0;
                double[] ca = c[a];
                double[] cb = c[b];
                if (w == null) {
                    for (int i = 0; i < n; i++) {
                        s += ca[i] * cb[i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        s += w[i] * ca[i] * cb[i];
                    }
                }
                cp[a][b] = s;
                cp[b][a] = s;
            }
        }
        return cp;
    }

    /**
     * The weighted means and centred cross-products of complete columns, as {@link #crossProducts} computes them.
     *
     * @param means the weighted mean of each column ({@link #mean})
     * @param crossProducts Σ w (x_a − m_a)(x_b − m_b), symmetric
     */
    public record Centred(double[] means, double[][] crossProducts) {
        /**
         * Returns the means and cross-products of columns.
         *
         * @param means the means (not copied)
         * @param crossProducts the cross-products (not copied)
         */
        public Centred {
        }
    }

    /**
     * Means and centred weighted cross-products of complete columns: {@code crossProducts()} is
     * {@link #crossProducts}{@code (cols, w)} bit for bit, {@code means()} each column's {@link #mean}.
     *
     * @param cols columns (variable-major)
     * @param w weights or {@code null}
     * @return the means and cross-products
     */
    public static Centred centred(double[][] cols, double @Nullable [] w) {
        int v = cols.length;
        double[] means = new double[v];
        for (int a = 0; a < v; a++) {
            means[a] = mean(cols[a], w);
        }
        double[][] cp = new double[v][v];
        for (int a = 0; a < v; a++) {
            double[] sums = productSums(cols[a], means[a], cols, means, a, w);
            for (int b = a; b < v; b++) {
                cp[a][b] = sums[b];
                cp[b][a] = sums[b];
            }
        }
        return new Centred(means, cp);
    }

    /**
     * Centred weighted cross-products of {@code first} followed by columns whose own means and cross-products are
     * known: bit for bit {@link #crossProducts}{@code ([first, cols...], w)}, with one pass over the rows for the
     * first column's mean and one for its products instead of the whole matrix. Each sum adds the terms of
     * {@link #crossProducts} in row order, centring each value again as it goes rather than keeping centred copies.
     *
     * @param first the first variable (the outcome)
     * @param cols the other columns
     * @param known {@link #centred}{@code (cols, w)}
     * @param w weights or {@code null}
     * @return the (1 + p) × (1 + p) matrix, {@code first} first
     */
    public static double[][] crossProducts(double[] first, double[][] cols, Centred known,
            double @Nullable [] w) {
        int p = cols.length;
        double m0 = mean(first, w);
        double[][] all = new double[p + 1][];
        double[] means = new double[p + 1];
        all[0] = first;
        means[0] = m0;
        System.arraycopy(cols, 0, all, 1, p);
        System.arraycopy(known.means(), 0, means, 1, p);
        double[] sums = productSums(first, m0, all, means, 0, w);
        double[][] cp = new double[p + 1][p + 1];
        for (int b = 0; b <= p; b++) {
            cp[0][b] = sums[b];
            cp[b][0] = sums[b];
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                cp[a + 1][b + 1] = known.crossProducts()[a][b];
            }
        }
        return cp;
    }

    /**
     * Σ w (x − m)(x_b − m_b) for every column b ≥ {@code from} (index b of the result), each summed in row order as
     * {@link #crossProducts} sums it: (x_i − m)·(x_bi − m_b), or w_i·(x_i − m)·(x_bi − m_b) left to right. Four sums per
     * pass over the rows.
     */
    private static double[] productSums(double[] x, double m, double[][] cols, double[] means, int from,
            double @Nullable [] w) {
        double[] sums = new double[cols.length];
        int b = from;
        for (; b + 4 <= cols.length; b += 4) {
            productSums4(x, m, cols, means, b, w, sums);
        }
        for (; b < cols.length; b++) {
            sums[b] = productSum(x, m, cols[b], means[b], w);
        }
        return sums;
    }

    private static void productSums4(double[] x, double m, double[][] cols, double[] means, int b,
            double @Nullable [] w, double[] sums) {
        double[] x0 = cols[b];
        double[] x1 = cols[b + 1];
        double[] x2 = cols[b + 2];
        double[] x3 = cols[b + 3];
        double m0 = means[b];
        double m1 = means[b + 1];
        double m2 = means[b + 2];
        double m3 = means[b + 3];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = x.length;
        if (w == null) {
            for (int i = 0; i < n; i++) {
                double c = x[i] - m;
                s0 += c * (x0[i] - m0);
                s1 += c * (x1[i] - m1);
                s2 += c * (x2[i] - m2);
                s3 += c * (x3[i] - m3);
            }
        } else {
            for (int i = 0; i < n; i++) {
                double wc = w[i] * (x[i] - m);
                s0 += wc * (x0[i] - m0);
                s1 += wc * (x1[i] - m1);
                s2 += wc * (x2[i] - m2);
                s3 += wc * (x3[i] - m3);
            }
        }
        sums[b] = s0;
        sums[b + 1] = s1;
        sums[b + 2] = s2;
        sums[b + 3] = s3;
    }

    private static double productSum(double[] x, double m, double[] xb, double mb, double @Nullable [] w) {
        double s = 0;
        int n = x.length;
        if (w == null) {
            for (int i = 0; i < n; i++) {
                s += (x[i] - m) * (xb[i] - mb);
            }
        } else {
            for (int i = 0; i < n; i++) {
                s += w[i] * (x[i] - m) * (xb[i] - mb);
            }
        }
        return s;
    }

    /**
     * Converts cross-products (or covariances) to correlations; the diagonal is exactly 1.
     *
     * @param cp cross-products with positive diagonal
     * @return correlations
     */
    public static double[][] toCorrelation(double[][] cp) {
        int v = cp.length;
        double[][] r = new double[v][v];
        double[] sd = new double[v];
        for (int a = 0; a < v; a++) {
            sd[a] = Math.sqrt(cp[a][a]);
        }
        for (int a = 0; a < v; a++) {
            r[a][a] = 1.0;
            for (int b = a + 1; b < v; b++) {
                double x = cp[a][b] / (sd[a] * sd[b]);
                x = Math.max(-1.0, Math.min(1.0, x));
                r[a][b] = x;
                r[b][a] = x;
            }
        }
        return r;
    }

    /** Pairwise-complete correlations with the count behind each. */
    public record Pairwise(double[][] correlation, long[][] counts, double[] means, double[] variances) {
    }

    /**
     * Pairwise-complete weighted correlations (each pair's means and variances from the rows where both are
     * present, as R's {@code cor(use = "pairwise.complete.obs")}), plus each variable's own mean and variance over
     * its available rows.
     *
     * @param cols columns with NaN for missing
     * @param w weights or {@code null}
     * @return the correlations, counts, means and variances ({@code variances} are Σw(x−m)²/Σw)
     */
    public static Pairwise pairwise(double[][] cols, double @Nullable [] w) {
        int v = cols.length;
        int n = cols[0].length;
        double[][] r = new double[v][v];
        long[][] counts = new long[v][v];
        double[] means = new double[v];
        double[] vars = new double[v];
        for (int a = 0; a < v; a++) {
            for (int b = a; b < v; b++) {
                double sw = 0;
                double sa = 0;
                double sb = 0;
                long cnt = 0;
                for (int i = 0; i < n; i++) {
                    double xa = cols[a][i];
                    double xb = cols[b][i];
                    if (Double.isNaN(xa) || Double.isNaN(xb)) {
                        continue;
                    }
                    double wi = w == null ? 1.0 : w[i];
                    sw += wi;
                    sa += wi * xa;
                    sb += wi * xb;
                    cnt++;
                }
                counts[a][b] = cnt;
                counts[b][a] = cnt;
                if (cnt == 0) {
                    continue;
                }
                double ma = sa / sw;
                double mb = sb / sw;
                double saa = 0;
                double sbb = 0;
                double sab = 0;
                for (int i = 0; i < n; i++) {
                    double xa = cols[a][i];
                    double xb = cols[b][i];
                    if (Double.isNaN(xa) || Double.isNaN(xb)) {
                        continue;
                    }
                    double wi = w == null ? 1.0 : w[i];
                    saa += wi * (xa - ma) * (xa - ma);
                    sbb += wi * (xb - mb) * (xb - mb);
                    sab += wi * (xa - ma) * (xb - mb);
                }
                if (a == b) {
                    means[a] = ma;
                    vars[a] = saa / sw;
                    r[a][a] = 1.0;
                } else {
                    double x = sab / Math.sqrt(saa * sbb);
                    x = Math.max(-1.0, Math.min(1.0, x));
                    r[a][b] = x;
                    r[b][a] = x;
                }
            }
        }
        return new Pairwise(r, counts, means, vars);
    }

    /** Widest value range (max − min) of whole numbers that {@link #averageRanks} ranks by counting. */
    static final int COUNTING_RANGE = 1 << 20;

    /**
     * Average ranks (ties get the mean of their ranks), 1-based. Values tie when they are {@code ==} (so −0.0 and 0.0
     * tie); a NaN ranks after every number, NaNs in the order they come.
     *
     * <p>Whole numbers in a range narrower than {@value #COUNTING_RANGE} and than n + 1024 — ratings and scores —
     * are ranked by counting, in O(n); other values by sorting a primitive copy and looking each value up among the
     * distinct ones. Both give each run of equal values, at 0-based sorted positions i..j, the rank (i + j)/2 + 1
     * computed exactly as one double.
     *
     * @param x values
     * @return ranks
     */
    public static double[] averageRanks(double[] x) {
        int n = x.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        for (double v : x) {
            if (v != Math.rint(v)) { // also NaN
                whole = false;
                break;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (whole && n > 0 && max - min < Math.min(COUNTING_RANGE, n + 1024L)) {
            return ranksByCounting(x, min, (int) (max - min) + 1);
        }
        return ranksBySorting(x);
    }

    /** Average rank of the run of {@code count} equal values starting at 0-based sorted position {@code start}. */
    private static double runRank(long start, long count) {
        return (start + (start + count - 1)) / 2.0 + 1.0;
    }

    private static double[] ranksByCounting(double[] x, double min, int width) {
        int[] count = new int[width];
        for (double v : x) {
            count[(int) (v - min)]++; // exact: whole numbers less than 2^20 apart
        }
        double[] rankOf = new double[width];
        long start = 0;
        for (int k = 0; k < width; k++) {
            if (count[k] > 0) {
                rankOf[k] = runRank(start, count[k]);
                start += count[k];
            }
        }
        double[] ranks = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            ranks[i] = rankOf[(int) (x[i] - min)];
        }
        return ranks;
    }

    private static double[] ranksBySorting(double[] x) {
        int n = x.length;
        double[] sorted = x.clone();
        Arrays.sort(sorted); // NaNs last
        int numbers = n;
        while (numbers > 0 && Double.isNaN(sorted[numbers - 1])) {
            numbers--;
        }
        // distinct values (runs of ==, increasing under <) and each run's rank
        double[] value = new double[numbers];
        double[] rank = new double[numbers];
        int d = 0;
        int i = 0;
        while (i < numbers) {
            int j = i;
            while (j + 1 < numbers && sorted[j + 1] == sorted[i]) {
                j++;
            }
            value[d] = sorted[i];
            rank[d] = runRank(i, j - i + 1L);
            d++;
            i = j + 1;
        }
        double[] ranks = new double[n];
        long nextNaN = numbers;
        for (int k = 0; k < n; k++) {
            double v = x[k];
            if (Double.isNaN(v)) {
                ranks[k] = runRank(nextNaN++, 1);
                continue;
            }
            int lo = 0;
            int hi = d - 1;
            while (lo < hi) { // the last distinct value <= v, which is == v
                int mid = (lo + hi + 1) >>> 1;
                if (value[mid] <= v) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            ranks[k] = rank[lo];
        }
        return ranks;
    }

    /**
     * Cholesky-style check of a correlation matrix: returns, for the first predictor whose squared multiple
     * correlation with the predictors before it reaches 1 − tol, its index; −1 when all pivots exceed tol.
     *
     * @param r a symmetric matrix with unit diagonal
     * @param tol pivot tolerance (1 − R²)
     * @return the failing index or −1
     */
    public static int firstDependentColumn(double[][] r, double tol) {
        int p = r.length;
        double[][] l = new double[p][p];
        for (int j = 0; j < p; j++) {
            double d = r[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > tol * r[j][j])) {
                return j;
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < p; i++) {
                double s = r[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        return -1;
    }
}
