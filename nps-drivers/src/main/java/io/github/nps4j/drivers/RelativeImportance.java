package io.github.nps4j.drivers;

import io.github.nps4j.drivers.internal.Moments;
import io.github.nps4j.drivers.internal.ShapleySweep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math4.legacy.linear.Array2DRowRealMatrix;
import org.apache.commons.math4.legacy.linear.EigenDecomposition;
import org.apache.commons.math4.legacy.linear.RealMatrix;

/**
 * Relative importance of predictors in a linear model with intercept, computed from the correlation matrix of
 * (outcome, predictors) exactly as R's {@code relaimpo::calc.relimp} does from a covariance matrix.
 *
 * <p>With R_xx the predictors' correlation matrix, r the correlations with the outcome and β = R_xx⁻¹r:
 * R² = rᵀβ; first = r²; betasq = β²; pratt = β·r; last_j = β_j² / (R_xx⁻¹)_jj; LMG = the Shapley value of R² over
 * all 2^p subsets (see below); Johnson's relative weights: with R_xx = VΛVᵀ and L = VΛ^½Vᵀ, b = L⁻¹r,
 * johnson_j = Σ_k L_jk² b_k²; CAR = b² (b is the CAR score vector, R_xx^−½ r).
 *
 * <p>LMG is exact, never sampled: subsets are enumerated in Gray-code order and each R² is obtained from the
 * previous one by one SWEEP of the (p+1)×(p+1) matrix, O(p²·2^p) time and O(p²) memory; the swept matrix is rebuilt
 * from the original every few hundred steps to stop drift. p = 20 takes a fraction of a second; at most 30
 * predictors are accepted.
 *
 * <p>Example usage:
 * <pre>{@code
 * ImportanceDecomposition d = RelativeImportance.fromCorrelationMatrix(List.of("x1", "x2"),
 *         new double[][] {{1, .6, .4}, {.6, 1, .5}, {.4, .5, 1}});   // outcome first
 * double lmgX1 = d.attribute("x1").lmg();                            // 0.28667
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RelativeImportance {
    /**
     * Pivot tolerance 1 − R²(x_j | previous predictors) at or below which predictors count as collinear (a variance
     * inflation factor of 10¹⁰).
     */
    public static final double COLLINEARITY_TOLERANCE = 1e-10;

    private RelativeImportance() {
    }

    /**
     * Decomposes R² from a correlation (or covariance) matrix whose first row and column are the outcome.
     *
     * @param names predictor names (p of them)
     * @param matrix (p+1)×(p+1) symmetric matrix, outcome first; a covariance matrix is converted to correlations
     * @return the decomposition
     * @throws IllegalArgumentException when the matrix is not square (p+1), not symmetric, not finite, has a
     *         non-positive variance, fewer than one predictor, or collinear predictors (naming the predictor)
     */
    public static ImportanceDecomposition fromCorrelationMatrix(List<String> names, double[][] matrix) {
        Objects.requireNonNull(names, "names");
        int p = names.size();
        if (p < 1) {
            throw new IllegalArgumentException("need at least one predictor, got none");
        }
        if (matrix.length != p + 1) {
            throw new IllegalArgumentException("matrix has " + matrix.length + " rows; expected " + (p + 1)
                    + " (outcome + " + p + " predictors)");
        }
        for (int i = 0; i <= p; i++) {
            if (matrix[i].length != p + 1) {
                throw new IllegalArgumentException("matrix row " + i + " has " + matrix[i].length
                        + " columns; expected " + (p + 1));
            }
            for (int j = 0; j <= p; j++) {
                double v = matrix[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("matrix element [" + i + "][" + j + "] = " + v
                            + " is not finite");
                }
                if (Math.abs(v - matrix[j][i]) > 1e-12 * Math.max(1, Math.abs(v))) {
                    throw new IllegalArgumentException("matrix is not symmetric at [" + i + "][" + j + "]");
                }
            }
            if (!(matrix[i][i] > 0)) {
                throw new IllegalArgumentException("variance of " + (i == 0 ? "the outcome" : "'"
                        + names.get(i - 1) + "'") + " is " + matrix[i][i] + "; it must be positive (constant?)");
            }
        }
        return compute(names, Moments.toCorrelation(matrix));
    }

    static ImportanceDecomposition compute(List<String> names, double[][] r) {
        int p = names.size();
        double[][] rxx = new double[p][p];
        double[] rxy = new double[p];
        for (int i = 0; i < p; i++) {
            rxy[i] = r[i + 1][0];
            for (int j = 0; j < p; j++) {
                rxx[i][j] = r[i + 1][j + 1];
            }
        }
        requireNotCollinear(names, rxx);
        RealMatrix mxx = new Array2DRowRealMatrix(rxx, false);
        EigenDecomposition eig = new EigenDecomposition(mxx);
        double[] ev = eig.getRealEigenvalues();
        RealMatrix v = eig.getV();
        double[][] inv = new double[p][p];
        double[][] half = new double[p][p];
        double[][] invHalf = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                double h = 0;
                double ih = 0;
                for (int k = 0; k < p; k++) {
                    double vv = v.getEntry(i, k) * v.getEntry(j, k);
                    s += vv / ev[k];
                    h += vv * Math.sqrt(ev[k]);
                    ih += vv / Math.sqrt(ev[k]);
                }
                inv[i][j] = s;
                half[i][j] = h;
                invHalf[i][j] = ih;
            }
        }
        // β = R_xx⁻¹ r from the eigen inverse, polished by iterative refinement
        double[] beta = refineSolve(rxx, inv, rxy);
        double r2 = 0;
        for (int i = 0; i < p; i++) {
            r2 += beta[i] * rxy[i];
        }
        double[] car = new double[p];
        for (int i = 0; i < p; i++) {
            double s = 0;
            for (int k = 0; k < p; k++) {
                s += invHalf[i][k] * rxy[k];
            }
            car[i] = s;
        }
        double[] lmg = p == 1 ? new double[] {r2} : ShapleySweep.lmg(rxx, rxy, 1.0);
        List<AttributeImportance> rows = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            double john = 0;
            for (int k = 0; k < p; k++) {
                john += half[j][k] * half[j][k] * car[k] * car[k];
            }
            rows.add(new AttributeImportance(names.get(j), rxy[j] * rxy[j], beta[j] * beta[j] / inv[j][j],
                    beta[j] * beta[j], beta[j] * rxy[j], lmg[j], john, car[j] * car[j]));
        }
        return new ImportanceDecomposition(r2, rows);
    }

    private static double[] refineSolve(double[][] a, double[][] inv, double[] b) {
        int p = b.length;
        double[] x = new double[p];
        for (int it = 0; it < 3; it++) {
            double[] res = new double[p];
            for (int i = 0; i < p; i++) {
                double s = b[i];
                for (int k = 0; k < p; k++) {
                    s -= a[i][k] * x[k];
                }
                res[i] = s;
            }
            for (int i = 0; i < p; i++) {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += inv[i][k] * res[k];
                }
                x[i] += s;
            }
        }
        return x;
    }

    static void requireNotCollinear(List<String> names, double[][] rxx) {
        int bad = Moments.firstDependentColumn(rxx, COLLINEARITY_TOLERANCE);
        if (bad >= 0) {
            throw new IllegalArgumentException("attribute '" + names.get(bad) + "' is (almost) perfectly collinear "
                    + "with " + (bad == 0 ? "nothing before it (constant?)" : "the attributes before it "
                            + names.subList(0, bad))
                    + ": 1 − R² below " + COLLINEARITY_TOLERANCE + "; drop or combine attributes");
        }
    }
}
