package io.github.nps4j.drivers;

import io.github.nps4j.drivers.internal.Moments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.math4.legacy.linear.Array2DRowRealMatrix;
import org.apache.commons.math4.legacy.linear.LUDecomposition;
import org.apache.commons.math4.legacy.linear.RealMatrix;

/**
 * The sufficient statistics of a linear driver model, so that OLS, exact LMG and Johnson's relative weights can be
 * computed without the rows: the number of complete rows {@code n}, the weight sum {@code W} (= n unweighted), the
 * weighted means and the centred weighted cross-products {@code C_ab = Σ w (x_a − m_a)(x_b − m_b)}, outcome first.
 * An engine that cannot hold the rows (Spark, a database) aggregates these p+1 means and (p+1)² cross-products and
 * hands them over; {@link #of(DriverData)} computes them from a table on one machine.
 *
 * <p>{@link #ols()} equals the weighted least squares fit of {@link DriverAnalysis#analyze(DriverData)} (listwise
 * deletion): same coefficients, standard errors (s² = weighted RSS / (n − p − 1), raw weights as R's {@code lm}),
 * t, p, standardised coefficients and VIF; {@link #importance()} equals its decomposition (LMG, Johnson, Pratt,
 * first, last, betasq, CAR). They agree to rounding (the row path uses QR, this one the normal equations in
 * correlation form). Spearman correlations, what-if simulation and bootstrap intervals need the rows and are not
 * offered here.
 *
 * <p>Immutable and value-based (arrays are copied in and out). Example usage:
 * <pre>{@code
 * DriverMoments m = DriverMoments.of("score", List.of("delivery", "support"), n, weightSum, means, crossProducts);
 * OlsFit ols = m.ols();
 * double lmgDelivery = m.importance().attribute("delivery").lmg();
 * }</pre>
 *
 * @param outcomeName the outcome's name
 * @param attributeNames the attribute names, in column order (at least two)
 * @param n the number of complete rows (at least p + 2)
 * @param weightSum the sum of the rows' weights, positive and finite ({@code n} when unweighted)
 * @param means weighted means, outcome first (p + 1 values)
 * @param crossProducts centred weighted cross-products, outcome first ((p + 1) × (p + 1), symmetric, positive
 *        diagonal)
 * @since 0.1.0
 */
public record DriverMoments(String outcomeName, List<String> attributeNames, long n, double weightSum, double[] means,
        double[][] crossProducts) {

    /**
     * Validates and copies the statistics.
     *
     * @throws IllegalArgumentException when fewer than two attributes, fewer than p + 2 rows, a weight sum that is not
     *         positive and finite, arrays of the wrong size, non-finite values, an asymmetric matrix, or a zero
     *         variance (naming the constant variable)
     */
    public DriverMoments {
        Objects.requireNonNull(outcomeName, "outcomeName");
        attributeNames = List.copyOf(Objects.requireNonNull(attributeNames, "attributeNames"));
        int p = attributeNames.size();
        if (p < 2) {
            throw new IllegalArgumentException("driver analysis needs at least two attributes; got " + p);
        }
        if (n < p + 2) {
            throw new IllegalArgumentException("too few rows: " + n + " complete rows; " + p
                    + " attributes need at least " + (p + 2));
        }
        if (!(weightSum > 0) || !Double.isFinite(weightSum)) {
            throw new IllegalArgumentException("weight sum " + weightSum + " must be positive and finite");
        }
        means = Objects.requireNonNull(means, "means").clone();
        if (means.length != p + 1) {
            throw new IllegalArgumentException(means.length + " means; expected " + (p + 1) + " (outcome first)");
        }
        Objects.requireNonNull(crossProducts, "crossProducts");
        if (crossProducts.length != p + 1) {
            throw new IllegalArgumentException("cross-products have " + crossProducts.length + " rows; expected "
                    + (p + 1));
        }
        double[][] c = new double[p + 1][];
        for (int a = 0; a <= p; a++) {
            if (crossProducts[a].length != p + 1) {
                throw new IllegalArgumentException("cross-product row " + a + " has " + crossProducts[a].length
                        + " columns; expected " + (p + 1));
            }
            c[a] = crossProducts[a].clone();
        }
        for (int a = 0; a <= p; a++) {
            String name = a == 0 ? "outcome '" + outcomeName + "'" : "attribute '" + attributeNames.get(a - 1) + "'";
            if (!Double.isFinite(means[a])) {
                throw new IllegalArgumentException("mean of " + name + " is " + means[a]);
            }
            if (!(c[a][a] > 0) || !Double.isFinite(c[a][a])) {
                throw new IllegalArgumentException(name + " is constant (cross-product " + c[a][a]
                        + "); it cannot explain or be explained");
            }
            for (int b = 0; b <= p; b++) {
                double v = c[a][b];
                if (!Double.isFinite(v) || Math.abs(v - c[b][a]) > 1e-12 * Math.max(1, Math.abs(v))) {
                    throw new IllegalArgumentException("cross-products are not finite and symmetric at [" + a
                            + "][" + b + "]");
                }
            }
        }
        crossProducts = c;
    }

    /**
     * Creates the statistics; same as the canonical constructor.
     *
     * @param outcomeName the outcome's name
     * @param attributeNames the attribute names
     * @param n the number of complete rows
     * @param weightSum the weight sum
     * @param means weighted means, outcome first
     * @param crossProducts centred weighted cross-products, outcome first
     * @return the statistics
     * @throws IllegalArgumentException as the constructor
     */
    public static DriverMoments of(String outcomeName, List<String> attributeNames, long n, double weightSum,
            double[] means, double[][] crossProducts) {
        return new DriverMoments(outcomeName, attributeNames, n, weightSum, means, crossProducts);
    }

    /**
     * Computes the statistics of a table's complete rows (listwise deletion), as {@link DriverAnalysis} does.
     *
     * @param data the table
     * @return the statistics
     * @throws IllegalArgumentException as the constructor
     */
    public static DriverMoments of(DriverData data) {
        Objects.requireNonNull(data, "data");
        int p = data.attributeCount();
        int rows = data.rowCount();
        int[] keep = new int[rows];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            boolean ok = true;
            for (int j = 0; j < p && ok; j++) {
                ok = !Double.isNaN(data.value(i, j));
            }
            if (ok) {
                keep[k++] = i;
            }
        }
        DriverData c = data.rows(Arrays.copyOf(keep, k));
        double[][] all = new double[p + 1][];
        all[0] = c.outcomeUnsafe();
        System.arraycopy(c.columnsUnsafe(), 0, all, 1, p);
        double[] w = c.weightsUnsafe();
        double[] means = new double[p + 1];
        for (int a = 0; a <= p; a++) {
            means[a] = Moments.mean(all[a], w);
        }
        double weightSum = 0;
        if (w == null) {
            weightSum = k;
        } else {
            for (double x : w) {
                weightSum += x;
            }
        }
        double[][] cp = k == 0 ? new double[p + 1][p + 1] : Moments.crossProducts(all, w);
        return new DriverMoments(data.outcomeName(), data.attributeNames(), k, weightSum, means, cp);
    }

    /** @return a copy of the means, outcome first */
    @Override
    public double[] means() {
        return means.clone();
    }

    /** @return a copy of the cross-products, outcome first */
    @Override
    public double[][] crossProducts() {
        double[][] c = new double[crossProducts.length][];
        for (int a = 0; a < c.length; a++) {
            c[a] = crossProducts[a].clone();
        }
        return c;
    }

    /**
     * Returns the weighted Pearson correlations, outcome first.
     *
     * @return the (p + 1) × (p + 1) correlation matrix
     */
    public double[][] correlations() {
        return Moments.toCorrelation(crossProducts);
    }

    /**
     * Decomposes R² into relative importances (exact LMG, Johnson, Pratt, first, last, betasq, CAR), as
     * {@link DriverAnalysis#analyze(DriverData)} does with listwise deletion.
     *
     * @return the decomposition
     * @throws IllegalArgumentException for (almost) collinear attributes, naming one
     */
    public ImportanceDecomposition importance() {
        return RelativeImportance.fromCorrelationMatrix(attributeNames, crossProducts);
    }

    /**
     * Fits the (weighted) least squares model with an intercept from the statistics: β = C_xx⁻¹ c_xy, solved in
     * correlation form; s² = (1 − R²)·C_yy / (n − p − 1); Var(b) = s²·C_xx⁻¹; Var(intercept) = s²·(1/W + m_xᵀ
     * C_xx⁻¹ m_x).
     *
     * @return the fit, as {@link DriverResult#ols()} gives it
     * @throws IllegalArgumentException for (almost) collinear attributes, naming one
     */
    public OlsFit ols() {
        int p = attributeNames.size();
        double[][] r = correlations();
        int bad = Moments.firstDependentColumn(r, RelativeImportance.COLLINEARITY_TOLERANCE);
        if (bad >= 0) {
            throw new IllegalArgumentException(bad == 0 ? "the outcome is constant"
                    : "attribute '" + attributeNames.get(bad - 1) + "' is (almost) a linear combination of the "
                            + "attributes before it; drop it or combine them");
        }
        double[][] rxx = new double[p][p];
        double[] rxy = new double[p];
        for (int i = 0; i < p; i++) {
            rxy[i] = r[i + 1][0];
            for (int j = 0; j < p; j++) {
                rxx[i][j] = r[i + 1][j + 1];
            }
        }
        RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(rxx, false)).getSolver().getInverse();
        double[] beta = inv.operate(rxy);
        double r2 = 0;
        for (int j = 0; j < p; j++) {
            r2 += beta[j] * rxy[j];
        }
        double cyy = crossProducts[0][0];
        double sy = Math.sqrt(cyy);
        double[] sx = new double[p];
        for (int j = 0; j < p; j++) {
            sx[j] = Math.sqrt(crossProducts[j + 1][j + 1]);
        }
        long df = n - p - 1;
        double s2 = Math.max(0, 1 - r2) * cyy / df;
        TDistribution t = TDistribution.of(df);
        double[] b = new double[p];
        double intercept = means[0];
        for (int j = 0; j < p; j++) {
            b[j] = beta[j] * sy / sx[j];
            intercept -= b[j] * means[j + 1];
        }
        double q = 1.0 / weightSum;
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                q += means[j + 1] * means[k + 1] * inv.getEntry(j, k) / (sx[j] * sx[k]);
            }
        }
        List<Coefficient> rows = new ArrayList<>(p + 1);
        rows.add(coefficient(Coefficient.INTERCEPT, intercept, Math.sqrt(s2 * q), t, OptionalDouble.empty(),
                OptionalDouble.empty()));
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(s2 * inv.getEntry(j, j)) / sx[j];
            rows.add(coefficient(attributeNames.get(j), b[j], se, t, OptionalDouble.of(beta[j]),
                    OptionalDouble.of(inv.getEntry(j, j))));
        }
        double adjusted = 1 - (1 - r2) * (n - 1) / (double) df;
        return new OlsFit(rows, r2, adjusted, Math.sqrt(s2), n, df, true);
    }

    private static Coefficient coefficient(String name, double b, double se, TDistribution t, OptionalDouble std,
            OptionalDouble vif) {
        double tv = b / se;
        double p;
        if (se == 0) {
            tv = b == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, b);
            p = b == 0 ? 1 : 0;
        } else {
            p = 2 * t.cumulativeProbability(-Math.abs(tv));
        }
        return new Coefficient(name, b, se, tv, p, std, vif);
    }

    /**
     * Compares the names, counts and arrays' contents.
     *
     * @param o another object
     * @return true for equal statistics
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof DriverMoments m && m.outcomeName.equals(outcomeName)
                && m.attributeNames.equals(attributeNames) && m.n == n
                && Double.compare(m.weightSum, weightSum) == 0 && Arrays.equals(m.means, means)
                && Arrays.deepEquals(m.crossProducts, crossProducts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcomeName, attributeNames, n, weightSum, Arrays.hashCode(means),
                Arrays.deepHashCode(crossProducts));
    }

    @Override
    public String toString() {
        return "DriverMoments[outcome=" + outcomeName + ", attributes=" + attributeNames + ", n=" + n
                + ", weightSum=" + weightSum + "]";
    }
}
