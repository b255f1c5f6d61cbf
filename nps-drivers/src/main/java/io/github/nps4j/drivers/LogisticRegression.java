package io.github.nps4j.drivers;

import java.util.Objects;
import io.github.nps4j.drivers.internal.LeastSquares;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logistic regression with intercept by iteratively reweighted least squares, as R's {@code glm(family = binomial)}.
 * Weights act as prior weights, as in {@code glm}. The IRLS steps until the deviance has converged, and the first two
 * of the three closing steps, are Newton steps solved on the normal equations (one pass over the rows each); the last
 * step is a weighted least-squares solve by Householder QR with iterative refinement, which settles the coefficients
 * exactly and gives their covariance. A Newton step that is numerically unsafe (a nearly singular XᵀWX) or raises the
 * deviance is replaced by the QR step it stands for.
 *
 * <p>Separation is detected and reported as a {@link SeparationException}: first per attribute (one attribute's
 * ranges for 1s and 0s do not overlap), then during the fit (no
 * convergence in {@value #MAX_ITERATIONS} iterations, or coefficients that keep moving under further Newton steps
 * after the deviance has converged — the signature of diverging estimates).
 *
 * <p>Example usage:
 * <pre>{@code
 * LogisticFit fit = LogisticRegression.fit(List.of("delivery", "support"), new double[][] {delivery, support},
 *         promoter, null, BinaryOutcome.PROMOTER);
 * double or = fit.coefficient("delivery").oddsRatio();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class LogisticRegression {
    private static final Logger LOG = LoggerFactory.getLogger(LogisticRegression.class);

    /** Logs the separation at WARN (attribute names and rating ranges only) and returns the exception to throw. */
    private static SeparationException separated(String message) {
        LOG.warn("Logistic model not fitted: {}", message);
        return new SeparationException(message);
    }

    /** The iteration limit. */
    public static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-10;

    private LogisticRegression() {
    }

    /**
     * Fits the model.
     *
     * @param names attribute names
     * @param columns columns[j][i], complete and finite
     * @param y 0/1 outcome per row
     * @param weights positive prior weights or {@code null}
     * @param outcome the label of the outcome (for messages and the result)
     * @return the fit
     * @throws SeparationException when the outcome is separated
     * @throws IllegalArgumentException when the outcome is all 0 or all 1, a value is not 0/1, or the design is
     *         rank deficient
     */
    public static LogisticFit fit(List<String> names, double[][] columns, double[] y, double @Nullable [] weights,
            BinaryOutcome outcome) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(outcome, "outcome");
        return fit(names, columns, y, weights, outcome, outcome.label());
    }

    /** As the public {@code fit}; {@code outcomeName} names the outcome column in messages for an indicator. */
    static LogisticFit fit(List<String> names, double[][] columns, double[] y, double @Nullable [] weights,
            BinaryOutcome outcome, String outcomeName) {
        return fit(names, columns, y, weights, outcome, outcomeName, null);
    }

    /**
     * As the public {@code fit}; {@code design}, when given, is the Newton design of these columns and weights with
     * another outcome (shared by the models of one table's rows instead of made again).
     */
    static LogisticFit fit(List<String> names, double[][] columns, double[] y, double @Nullable [] weights,
            BinaryOutcome outcome, String outcomeName, LogisticNewton.@Nullable Design design) {
        return traced(names, columns, y, weights, outcome, outcomeName, Solver.NEWTON, design).fit();
    }

    /**
     * How the IRLS steps are solved. {@link #NEWTON} (what {@code fit} uses): the steps before the last by
     * {@link LogisticNewton} on the normal equations, each falling back to the QR step when the Newton step is refused
     * or does not lower the deviance; the last step by QR with full refinement. {@link #QR}: every step by QR, as
     * before the Newton steps existed — the reference the tests compare with.
     */
    enum Solver {
        NEWTON, QR
    }

    /** A fit with the count of steps taken each way (for tests). */
    record Traced(LogisticFit fit, int newtonSteps, int qrSteps) {
    }

    /** As {@code fit} with the given solver, reporting how the steps were taken. */
    static Traced traced(List<String> names, double[][] columns, double[] y, double @Nullable [] weights,
            BinaryOutcome outcome, String outcomeName, Solver solver) {
        return traced(names, columns, y, weights, outcome, outcomeName, solver, null);
    }

    private static Traced traced(List<String> names, double[][] columns, double[] y, double @Nullable [] weights,
            BinaryOutcome outcome, String outcomeName, Solver solver, LogisticNewton.@Nullable Design shared) {
        boolean indicator = outcome == BinaryOutcome.INDICATOR;
        String events = indicator ? "rows with " + outcomeName + " = 1" : outcome.label() + "s";
        int n = y.length;
        int p = columns.length;
        // each pass over the rows is a method of its own, compiled as such (not this method by on-stack replacement)
        double[] totals = totals(y, weights);
        double ones = totals[0];
        double total = totals[1];
        if (ones == 0 || ones == total) {
            throw new IllegalArgumentException(indicator
                    ? "'" + outcomeName + "' is " + (ones == 0 ? 0 : 1) + " in every one of the " + n
                            + " rows; a logistic model needs both outcomes"
                    : "every one of the " + n + " rows is " + (ones == 0 ? "not a " : "a ") + outcome.label()
                            + "; a logistic model needs both outcomes");
        }
        for (int j = 0; j < p; j++) {
            double[] range = ranges(columns[j], y);
            double min1 = range[0];
            double max1 = range[1];
            double min0 = range[2];
            double max0 = range[3];
            if (max0 < min1 || max1 < min0) {
                throw separated("attribute '" + names.get(j) + "' separates " + events
                        + " completely: " + events + " have " + names.get(j) + " in [" + min1 + ", "
                        + max1 + "], the others in [" + min0 + ", " + max0
                        + "]; the maximum-likelihood coefficients are infinite");
            }
        }
        int m = p + 1;
        double[][] design = new double[m][];
        double[] ones1 = new double[n];
        java.util.Arrays.fill(ones1, 1.0);
        design[0] = ones1;
        String[] allNames = new String[m];
        allNames[0] = Coefficient.INTERCEPT;
        for (int j = 0; j < p; j++) {
            design[j + 1] = columns[j];
            allNames[j + 1] = names.get(j);
        }
        double pbar = ones / total;
        double[] beta = new double[m];
        beta[0] = Math.log(pbar / (1 - pbar));
        LogisticNewton.Design nd = shared != null && shared.columns == columns && shared.weights == weights
                ? shared.withOutcome(y) : new LogisticNewton.Design(columns, y, weights);
        Iterations it = iterate(allNames, design, nd, y, weights, beta,
                solver);
        beta = it.beta;
        int iter = it.iterations;
        boolean converged = it.converged;
        double drift = it.drift;
        @Nullable LeastSquares last = it.last;
        if (!converged || drift > 1e-6) {
            throw separated("the " + (indicator ? "'" + outcomeName + "'" : outcome.label())
                    + " outcome is (quasi-)completely separated by a "
                    + "combination of " + names + (converged ? "" : " (no convergence in " + MAX_ITERATIONS
                            + " iterations)")
                    + ": fitted probabilities reach 0 or 1 and the maximum-likelihood coefficients are infinite");
        }
        double dev = deviance(design, y, weights, beta);
        // covariance (XᵀWX)⁻¹ from the last IRLS step's weights, as glm
        double[] var = java.util.Objects.requireNonNull(last, "fit").unscaledVarianceDiagonal();
        NormalDistribution normal = NormalDistribution.of(0, 1);
        List<LogisticCoefficient> rows = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            double sej = Math.sqrt(var[j]);
            double zj = beta[j] / sej;
            rows.add(new LogisticCoefficient(allNames[j], beta[j], sej, zj,
                    2 * normal.cumulativeProbability(-Math.abs(zj)), Math.exp(beta[j])));
        }
        double ll = -dev / 2;
        double ll0 = nullLogLikelihood(y, weights, pbar);
        return new Traced(new LogisticFit(outcome, rows, n, ones, ll, ll0, 1 - ll / ll0, iter), it.newtonSteps,
                it.qrSteps);
    }

    /** {Σ w·y, Σ w}; a y other than 0 or 1 is refused, naming the row. */
    private static double[] totals(double[] y, double @Nullable [] weights) {
        double ones = 0;
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("row " + i + ": binary outcome " + y[i] + " is not 0 or 1");
            }
            double w = weights == null ? 1 : weights[i];
            ones += w * y[i];
            total += w;
        }
        return new double[] {ones, total};
    }

    /** {min, max} of x where y = 1, then where y ≠ 1 (infinite when there is no such row). */
    private static double[] ranges(double[] x, double[] y) {
        double min1 = Double.POSITIVE_INFINITY;
        double max1 = Double.NEGATIVE_INFINITY;
        double min0 = Double.POSITIVE_INFINITY;
        double max0 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < y.length; i++) {
            double v = x[i];
            if (y[i] == 1) {
                min1 = Math.min(min1, v);
                max1 = Math.max(max1, v);
            } else {
                min0 = Math.min(min0, v);
                max0 = Math.max(max0, v);
            }
        }
        return new double[] {min1, max1, min0, max0};
    }

    /** The log-likelihood of the intercept-only model, p̄ for every row. */
    private static double nullLogLikelihood(double[] y, double @Nullable [] weights, double pbar) {
        double ll0 = 0;
        for (int i = 0; i < y.length; i++) {
            double w = weights == null ? 1 : weights[i];
            ll0 += w * (y[i] == 1 ? Math.log(pbar) : Math.log(1 - pbar));
        }
        return ll0;
    }

    /** Where the iteration ended: β, whether it converged, the drift of the closing steps and the last QR step. */
    private record Iterations(double[] beta, int iterations, boolean converged, double drift,
            @Nullable LeastSquares last, int newtonSteps, int qrSteps) {
    }

    /**
     * Relative rise of the deviance above which a Newton step counts as failed and the QR step is taken instead:
     * far above the rounding of the deviance's sum (about 1e-13 relative at a million rows), far below any rise
     * that matters. (In exact arithmetic the Newton step is the IRLS step, so the QR step from the same β then
     * rises as much; the retry only guards against a numerically poor Newton step.)
     */
    private static final double DEVIANCE_RISE = 1e-8;

    private static boolean lowers(double newDeviance, double deviance) {
        return newDeviance <= deviance + DEVIANCE_RISE * (Math.abs(deviance) + 0.1);
    }

    /**
     * The IRLS iteration from {@code start}: inner steps until the deviance settles (relative change below
     * {@value #TOLERANCE}), then three closing steps that measure drift. A converged fit stays put under further
     * Newton steps; under (quasi-)separation IRLS keeps moving the coefficients by O(1) per step in the separating
     * direction while the deviance barely changes.
     *
     * <p>With {@link Solver#NEWTON} every inner step and the first two closing steps are Newton steps on the normal
     * equations ({@link LogisticNewton}) — the same map β ↦ β + (XᵀWX)⁻¹Xᵀw(y − μ) as the QR step, so the
     * iteration count, the convergence decision and the drift are those of the QR iteration up to rounding (the
     * drift of a converged fit is about 1e-12 either way, a separated one O(1), the threshold 1e-6); a refused or
     * deviance-raising Newton step is replaced by the QR step it stands for. The last closing step is always the
     * full QR step: it solves the weighted least-squares problem exactly from a β that is already converged to
     * rounding, so the coefficients are settled as before, and it gives the covariance (XᵀWX)⁻¹.
     */
    private static Iterations iterate(String[] names, double[][] design, LogisticNewton.Design nd, double[] y,
            double @Nullable [] weights, double[] start, Solver solver) {
        boolean newton = solver == Solver.NEWTON;
        double[] beta = start;
        @Nullable LogisticNewton pass = newton ? LogisticNewton.at(nd, beta) : null;
        double dev = pass != null ? pass.deviance() : deviance(design, y, weights, beta);
        int iter = 0;
        int newtonSteps = 0;
        int qrSteps = 0;
        boolean converged = false;
        while (iter < MAX_ITERATIONS) {
            iter++;
            double @Nullable [] next = pass == null ? null : pass.step();
            @Nullable LogisticNewton nextPass = null;
            if (next != null) {
                nextPass = LogisticNewton.at(nd, next);
                if (!lowers(nextPass.deviance(), dev)) {
                    next = null;
                    nextPass = null;
                }
            }
            double newDev;
            if (next != null && nextPass != null) {
                newtonSteps++;
                newDev = nextPass.deviance();
            } else {
                // inner steps solve each weighted least-squares problem to about the rounding of the centred basis
                // (one refinement step): IRLS converges to the same point, and the closing steps settle it exactly
                next = irlsStep(names, design, y, weights, beta, 1).coefficients();
                qrSteps++;
                if (newton) {
                    nextPass = LogisticNewton.at(nd, next);
                    newDev = nextPass.deviance();
                } else {
                    newDev = deviance(design, y, weights, next);
                }
            }
            beta = next;
            pass = nextPass;
            if (Math.abs(newDev - dev) / (Math.abs(newDev) + 0.1) < TOLERANCE) {
                converged = true;
                break;
            }
            dev = newDev;
        }
        double drift = 0;
        @Nullable LeastSquares last = null;
        if (converged) {
            for (int extra = 0; extra < 3; extra++) {
                double @Nullable [] next = null;
                if (extra < 2 && pass != null) {
                    next = pass.step();
                    if (next != null) {
                        // after the second closing step only its deviance is looked at (the third is the QR step)
                        LogisticNewton nextPass = extra == 0 ? LogisticNewton.at(nd, next)
                                : LogisticNewton.devianceAt(nd, next);
                        if (lowers(nextPass.deviance(), pass.deviance())) {
                            pass = nextPass;
                            newtonSteps++;
                        } else {
                            next = null;
                        }
                    }
                }
                if (next == null) {
                    LeastSquares step = irlsStep(names, design, y, weights, beta, FULL_REFINEMENT);
                    next = step.coefficients();
                    last = step;
                    qrSteps++;
                    if (newton && extra == 0) {
                        pass = LogisticNewton.at(nd, next);
                    }
                }
                for (int j = 0; j < beta.length; j++) {
                    drift = Math.max(drift, Math.abs(next[j] - beta[j]) / Math.max(1, Math.abs(beta[j])));
                }
                beta = next;
            }
        }
        return new Iterations(beta, iter, converged, drift, last, newtonSteps, qrSteps);
    }

    /** Refinement steps of the final IRLS steps: as many as {@link LeastSquares#fit} takes by default. */
    private static final int FULL_REFINEMENT = 6;

    private static LeastSquares irlsStep(String[] names, double[][] design, double[] y, double @Nullable [] weights,
            double[] beta, int refinementSteps) {
        int n = y.length;
        double[] z = new double[n];
        double[] wt = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = eta(design, beta, i);
            double mu = 1 / (1 + Math.exp(-eta));
            double v = Math.max(mu * (1 - mu), 1e-300);
            z[i] = eta + (y[i] - mu) / v;
            wt[i] = (weights == null ? 1 : weights[i]) * v;
        }
        return LeastSquares.fit(names, design, z, wt, false, refinementSteps);
    }

    private static double eta(double[][] design, double[] beta, int i) {
        double s = 0;
        for (int j = 0; j < beta.length; j++) {
            s += design[j][i] * beta[j];
        }
        return s;
    }

    private static double deviance(double[][] design, double[] y, double @Nullable [] weights, double[] beta) {
        double d = 0;
        for (int i = 0; i < y.length; i++) {
            double eta = eta(design, beta, i);
            // log(1 + exp(±eta)) computed stably
            double l = y[i] == 1 ? log1pExp(-eta) : log1pExp(eta);
            d += 2 * (weights == null ? 1 : weights[i]) * l;
        }
        return d;
    }

    private static double log1pExp(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
