package io.github.nps4j.drivers;

import io.github.nps4j.core.Response;
import io.github.nps4j.core.Score;
import io.github.nps4j.drivers.internal.LeastSquares;
import io.github.nps4j.drivers.internal.Moments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.commons.statistics.distribution.TDistribution;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of driver analysis: which experiences (attribute ratings) move the score.
 *
 * <p>A configured analysis is immutable and thread-safe; build it once and {@link #analyze(DriverData) analyze}
 * many tables. One call gives correlations (Pearson, Spearman), the OLS table (coefficients, standard errors, t, p,
 * standardised coefficients, VIF), R², relative importance (exact LMG, Johnson, Pratt, first, last, betasq, CAR) as
 * raw shares of var(y) and normalised, importance–performance quadrants, and optionally a what-if simulation and
 * bootstrap intervals. Weighted data use weighted correlations (relaimpo's {@code cov.wt}) and WLS.
 *
 * <p>One attribute is a valid model: then R² = r² and every importance metric (LMG, Johnson, Pratt, first, last,
 * betasq, CAR) equals R², a 100 % share.
 *
 * <p>Refusals (all {@link IllegalArgumentException}, naming the attribute or the counts): no attributes; fewer
 * than p + 2 usable rows; a constant outcome or attribute; (almost) perfectly collinear
 * attributes; a pairwise correlation matrix that is not positive definite.
 *
 * <p>Example usage:
 * <pre>{@code
 * DriverResult r = DriverAnalysis.builder()
 *         .whatIf(WhatIf.raise("delivery", 1).forRatingsBelow(7))
 *         .bootstrap(1000)
 *         .seed(42)
 *         .build()
 *         .analyze(DriverData.fromResponses(responses));
 * for (ImportanceRow row : r.importance()) {
 *     System.out.println(row.name() + " " + row.lmgShare() + " " + row.quadrant().label());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DriverAnalysis {
    private static final Logger LOG = LoggerFactory.getLogger(DriverAnalysis.class);

    /** The default seed for cross-validation folds and bootstrap resampling. */
    public static final long DEFAULT_SEED = 20240501L;

    private final MissingData missing;
    private final Normalisation normalisation;
    private final boolean signByCoefficient;
    private final @Nullable WhatIf whatIf;
    private final int folds;
    private final int bootstrapReplicates;
    private final double level;
    private final long seed;
    private final @Nullable BootstrapProgress progress;
    private final @Nullable BooleanSupplier cancelled;

    private DriverAnalysis(Builder b) {
        this.missing = b.missing;
        this.normalisation = b.normalisation;
        this.signByCoefficient = b.signByCoefficient;
        this.whatIf = b.whatIf;
        this.folds = b.folds;
        this.bootstrapReplicates = b.bootstrapReplicates;
        this.level = b.level;
        this.seed = b.seed;
        this.progress = b.progress;
        this.cancelled = b.cancelled;
    }

    /**
     * Starts a builder with the defaults: listwise deletion, {@link Normalisation#SUM}, unsigned importances, no
     * what-if, 5 cross-validation folds, no bootstrap, level 0.95, seed {@value #DEFAULT_SEED}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Analyses responses: outcome = score, attributes = all rating names (alphabetical).
     *
     * @param responses the responses
     * @return the result
     * @throws IllegalArgumentException as {@link #analyze(DriverData)}
     */
    public DriverResult analyze(Collection<Response> responses) {
        return analyze(DriverData.fromResponses(responses));
    }

    /**
     * Analyses each group of responses separately. The attributes are the union of rating names over
     * <em>all</em> responses, so groups are comparable; a group that cannot be analysed is reported in
     * {@link GroupedDriverResult#skipped()} with the reason.
     *
     * @param responses the responses
     * @param grouping the group key of a response, e.g. {@code r -> r.role().map(Role::name).orElse("unknown")}
     * @param weight the weight of a response, or {@code null} for none
     * @return results per group
     */
    public GroupedDriverResult analyzeGroups(Collection<Response> responses, Function<Response, String> grouping,
            @Nullable ToDoubleFunction<Response> weight) {
        Objects.requireNonNull(grouping, "grouping");
        TreeSet<String> attrs = new TreeSet<>();
        Map<String, List<Response>> byGroup = new TreeMap<>();
        for (Response r : responses) {
            attrs.addAll(r.ratings().keySet());
            String key = Objects.requireNonNull(grouping.apply(r), () -> "group key of response " + r.id());
            byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<String> names = new ArrayList<>(attrs);
        Map<String, DriverResult> ok = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Map.Entry<String, List<Response>> e : byGroup.entrySet()) {
            try {
                ok.put(e.getKey(), analyze(DriverData.fromResponses(e.getValue(), names, weight)));
            } catch (IllegalArgumentException ex) {
                skipped.put(e.getKey(), ex.getMessage());
                LOG.warn("Driver analysis skipped group '{}' ({} responses): {}", e.getKey(), e.getValue().size(),
                        ex.getMessage());
            }
        }
        return new GroupedDriverResult(new TreeMap<>(ok), new TreeMap<>(skipped));
    }

    /**
     * Analyses a table.
     *
     * @param data the table
     * @return the result
     * @throws IllegalArgumentException on unusable data (see the class description), an unknown what-if attribute,
     *         or a what-if on an outcome that is not a whole 0–10 score
     * @throws CancellationException when the cancellation flag turns true during the bootstrap
     */
    public DriverResult analyze(DriverData data) {
        Objects.requireNonNull(data, "data");
        Core core = core(data, missing);
        ImportanceDecomposition dec = core.decomposition;
        List<String> names = data.attributeNames();
        int p = names.size();
        OlsFit ols = core.ols;
        double[] sign = new double[p];
        for (int j = 0; j < p; j++) {
            sign[j] = signByCoefficient ? Math.signum(ols.coefficient(names.get(j)).estimate()) : 1.0;
        }
        double[] lmg = signed(dec.values(ImportanceMetric.LMG), sign);
        double[] john = signed(dec.values(ImportanceMetric.JOHNSON), sign);
        double[] lmgShare = normalisation.apply(lmg);
        double[] johnShare = normalisation.apply(john);
        double meanImportance = 0;
        double meanPerformance = 0;
        for (int j = 0; j < p; j++) {
            meanImportance += lmgShare[j] / p;
            meanPerformance += core.performance[j] / p;
        }
        List<ImportanceRow> rows = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            AttributeImportance a = dec.attributes().get(j);
            rows.add(new ImportanceRow(names.get(j), core.correlation[0][j + 1], core.spearman[j], a.first(),
                    a.last(), a.betasq(), a.pratt(), lmg[j], john[j], a.car(), lmgShare[j], johnShare[j],
                    core.performance[j],
                    Quadrant.of(lmgShare[j] >= meanImportance, core.performance[j] >= meanPerformance)));
        }
        Optional<WhatIfResult> wi = Optional.empty();
        if (whatIf != null) {
            wi = Optional.of(whatIf(core, whatIf, ols));
        }
        Optional<BootstrapIntervals> boot = Optional.empty();
        if (bootstrapReplicates > 0) {
            boot = Optional.of(bootstrap(core.analysed, sign));
        }
        if (data.rowCount() > core.n) {
            LOG.info("Driver analysis of '{}': {} of {} rows dropped for missing values ({} deletion)",
                    data.outcomeName(), data.rowCount() - core.n, data.rowCount(), missing.name().toLowerCase(
                            java.util.Locale.ROOT));
        }
        return new DriverResult(data.outcomeName(), core.n, data.rowCount() - core.n, missingOutcomes(data), missing,
                data.isWeighted(),
                ols.r2(), ols.adjustedR2(), ols, rows, dec, normalisation, signByCoefficient, wi, boot);
    }

    /**
     * Drivers of promoters (or detractors, or a 0/1 outcome) versus the rest: a logistic regression plus LMG of the
     * linear probability model (see {@link BinaryDriverResult} for what importance means here). Complete cases only
     * (a row missing the outcome or any attribute is dropped, as R's {@code glm}).
     *
     * @param data the table; its outcome must be whole 0–10 scores, or 0/1 for {@link BinaryOutcome#INDICATOR}
     * @param outcome which indicator to model
     * @return the result
     * @throws SeparationException when the indicator is separated by the attributes
     * @throws IllegalArgumentException on unusable data as {@link #analyze(DriverData)}, or outcome values that are
     *         not scores (not 0/1 for {@link BinaryOutcome#INDICATOR}), naming the row and column
     */
    public BinaryDriverResult analyzeBinary(DriverData data, BinaryOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        DriverData binary = binaryRows(data, outcome);
        int n = binary.rowCount();
        validate(binary, n, data.rowCount(), missingOutcomes(data));
        String name = binary.outcomeName();
        // the Newton design (scales, shifts, distinct rows) depends only on the columns: shared by both models
        LogisticFit fit = LogisticRegression.fit(data.attributeNames(), binary.columnsUnsafe(), binary.outcomeUnsafe(),
                binary.weightsUnsafe(), outcome, name, binary.logisticDesign());
        ImportanceDecomposition linearProbability = listwise(scaledIfExtreme(binary).data).decomposition;
        return new BinaryDriverResult(outcome, n, data.rowCount() - n, fit, linearProbability);
    }

    /**
     * The complete rows with the 0/1 indicator as outcome (sharing the complete rows' columns and weights; their
     * outcome column is not kept).
     */
    private static DriverData binaryRows(DriverData data, BinaryOutcome outcome) {
        DriverData complete = completeRows(data);
        int n = complete.rowCount();
        double[] ind = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                ind[i] = outcome.indicator(complete.outcome(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("complete row " + i + ", column '" + data.outcomeName() + "': "
                        + e.getMessage(), e);
            }
        }
        String name = outcome == BinaryOutcome.INDICATOR ? data.outcomeName() : outcome.label();
        return complete.withOutcomeUnsafe(name, ind);
    }

    private static double[] signed(double[] v, double[] sign) {
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = v[i] * sign[i];
        }
        return s;
    }

    /** Everything computed from one table under one missing-data rule. */
    private static final class Core {
        DriverData analysed; // complete rows (listwise) or all rows (pairwise)
        long n;
        double[][] correlation; // outcome first
        double[] spearman;
        double[] performance;
        ImportanceDecomposition decomposition;
        OlsFit ols;

        Core(DriverData analysed, long n, double[][] correlation, double[] spearman, double[] performance,
                ImportanceDecomposition decomposition, OlsFit ols) {
            this.analysed = analysed;
            this.n = n;
            this.correlation = correlation;
            this.spearman = spearman;
            this.performance = performance;
            this.decomposition = decomposition;
            this.ols = ols;
        }
    }

    private static long missingOutcomes(DriverData data) {
        long k = 0;
        for (double y : data.outcomeUnsafe()) {
            if (Double.isNaN(y)) {
                k++;
            }
        }
        return k;
    }

    /**
     * The rows with an outcome and every attribute present (R's {@code na.omit} over the model's variables); the
     * table itself (immutable) when every row is complete.
     */
    private static DriverData completeRows(DriverData data) {
        return data.completeRows();
    }

    private static void validate(DriverData d, long n, long total, long missingOutcome) {
        int p = d.attributeCount();
        if (p < 1) {
            throw new IllegalArgumentException("driver analysis needs at least one attribute; got none");
        }
        if (n < p + 2) {
            throw new IllegalArgumentException("too few rows: " + n + " usable of " + total + " ("
                    + (missingOutcome > 0 ? missingOutcome + " dropped for a missing outcome, " : "")
                    + (total - n - missingOutcome) + " for missing ratings); " + p + " attributes need at least "
                    + (p + 2));
        }
    }

    private static void requireVaries(double[] x, String what, long n) {
        double first = Double.NaN;
        for (double v : x) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = v;
            } else if (v != first) {
                return;
            }
        }
        throw new IllegalArgumentException(what + " is constant (" + first + ") in all " + n
                + " rows used; it cannot explain or be explained");
    }

    /** Columns whose magnitude is within 2^±64 of 1 are analysed as they are. */
    private static final int SCALE_FREE_EXPONENT = 64;

    /**
     * The analysis of a table, scale-invariant in floating point too: when a column's values are far from 1 (1e160 or
     * 1e-160, whose squares overflow or underflow), every column, the outcome and the weights are first multiplied by
     * a power of two that brings them near 1 — exactly, so the figures do not change — and the coefficients, their
     * standard errors and the residual SD are scaled back. Correlations, importances, t, p, R², standardised
     * coefficients and VIFs do not depend on the scale.
     */
    private static Core core(DriverData data, MissingData missing) {
        Scaled s = scaledIfExtreme(data);
        if (!s.extreme) {
            return coreAsIs(data, missing);
        }
        int p = data.attributeCount();
        int[] kx = s.kx;
        int ky = s.ky;
        Core c = coreAsIs(s.data, missing);
        List<Coefficient> rows = new ArrayList<>();
        for (Coefficient co : c.ols.coefficients()) {
            int j = data.attributeNames().indexOf(co.name());
            int shift = co.name().equals(Coefficient.INTERCEPT) || j < 0 ? ky : ky - kx[j];
            rows.add(new Coefficient(co.name(), Math.scalb(co.estimate(), shift),
                    Math.scalb(co.standardError(), shift), co.t(), co.p(), co.standardized(), co.vif()));
        }
        OlsFit ols = new OlsFit(rows, c.ols.r2(), c.ols.adjustedR2(), Math.scalb(c.ols.sigma(), ky), c.ols.n(),
                c.ols.dfResidual(), c.ols.intercept());
        double[] perf = new double[p];
        for (int j = 0; j < p; j++) {
            perf[j] = Math.scalb(c.performance[j], kx[j]);
        }
        DriverData analysed = missing == MissingData.LISTWISE ? completeRows(data) : data;
        return new Core(analysed, c.n, c.correlation, c.spearman, perf, c.decomposition, ols);
    }

    /** A table, scaled by powers of two when a column is extreme ({@link #core}), with the exponents used. */
    private record Scaled(DriverData data, boolean extreme, int[] kx, int ky) {
    }

    private static Scaled scaledIfExtreme(DriverData data) {
        int p = data.attributeCount();
        int[] kx = new int[p];
        boolean extreme = false;
        for (int j = 0; j < p; j++) {
            kx[j] = DriverData.exponent(data.columnsUnsafe()[j]);
            extreme |= Math.abs(kx[j]) > SCALE_FREE_EXPONENT;
        }
        int ky = DriverData.exponent(data.outcomeUnsafe());
        int kw = data.weightsUnsafe() == null ? 0 : DriverData.exponent(data.weightsUnsafe());
        extreme |= Math.abs(ky) > SCALE_FREE_EXPONENT || Math.abs(kw) > SCALE_FREE_EXPONENT;
        return new Scaled(extreme ? data.scaled(kx, ky, kw) : data, extreme, kx, ky);
    }

    /** The complete rows, their centred cross-products (outcome first), correlations and relative importance. */
    private record Listwise(DriverData complete, double[][] crossProducts, double[][] correlation,
            ImportanceDecomposition decomposition) {
    }

    /**
     * The listwise part every analysis shares: complete rows, the refusals (too few rows, a constant outcome or
     * attribute, collinear attributes) and relative importance from the weighted correlation matrix. On its own it
     * is what {@link #analyzeBinary} reports for the linear probability model (on the table scaled as {@link #core}
     * scales it; the decomposition does not depend on the scale) — without the OLS fit, ranks and means that
     * {@link #coreAsIs} adds, which could not refuse anything these checks let through.
     */
    private static Listwise listwise(DriverData data) {
        List<String> names = data.attributeNames();
        int p = names.size();
        if (p < 1) {
            validate(data, data.rowCount(), data.rowCount(), 0);
        }
        DriverData c = completeRows(data);
        int n = c.rowCount();
        validate(c, n, data.rowCount(), missingOutcomes(data));
        requireVaries(c.outcomeUnsafe(), "outcome '" + data.outcomeName() + "'", n);
        for (int j = 0; j < p; j++) {
            requireVaries(c.columnsUnsafe()[j], "attribute '" + names.get(j) + "'", n);
        }
        // the attributes' block is the same for every outcome of these rows (linear, promoter, detractor): made once
        double[][] cp = Moments.crossProducts(c.outcomeUnsafe(), c.columnsUnsafe(), c.attributeMoments(),
                c.weightsUnsafe());
        double[][] r = Moments.toCorrelation(cp);
        return new Listwise(c, cp, r, RelativeImportance.compute(names, r));
    }

    private static Core coreAsIs(DriverData data, MissingData missing) {
        List<String> names = data.attributeNames();
        int p = names.size();
        if (p < 1) {
            validate(data, data.rowCount(), data.rowCount(), 0);
        }
        if (missing == MissingData.LISTWISE) {
            Listwise lw = listwise(data);
            DriverData c = lw.complete;
            int n = c.rowCount();
            double[] w = c.weightsUnsafe();
            double[][] cp = lw.crossProducts;
            double[][] r = lw.correlation;
            ImportanceDecomposition dec = lw.decomposition;
            LeastSquares ls = LeastSquares.fit(names.toArray(new String[0]), c.columnsUnsafe(), c.outcomeUnsafe(), w,
                    true);
            double[] sdx = new double[p];
            for (int j = 0; j < p; j++) {
                sdx[j] = Math.sqrt(cp[j + 1][j + 1]);
            }
            OlsFit ols = LinearRegression.toFit(names, ls, sdx, Math.sqrt(cp[0][0]));
            double[] spearman = new double[p];
            double[] ry = Moments.averageRanks(c.outcomeUnsafe());
            double[] perf = new double[p];
            for (int j = 0; j < p; j++) {
                double[] rx = Moments.averageRanks(c.columnsUnsafe()[j]);
                spearman[j] = Moments.toCorrelation(Moments.crossProducts(new double[][] {ry, rx}, null))[0][1];
                perf[j] = c.attributeMoments().means()[j]; // Moments.mean of the column
            }
            return new Core(c, n, r, spearman, perf, dec, ols);
        }
        // pairwise
        int total = data.rowCount();
        double[][] all = new double[p + 1][];
        all[0] = data.outcomeUnsafe();
        System.arraycopy(data.columnsUnsafe(), 0, all, 1, p);
        Moments.Pairwise pw = Moments.pairwise(all, data.weightsUnsafe());
        long n = Long.MAX_VALUE;
        for (long[] row : pw.counts()) {
            for (long c : row) {
                n = Math.min(n, c);
            }
        }
        validate(data, n, total, missingOutcomes(data));
        requireVaries(data.outcomeUnsafe(), "outcome '" + data.outcomeName() + "'", total);
        for (int j = 0; j < p; j++) {
            requireVaries(data.columnsUnsafe()[j], "attribute '" + names.get(j) + "'", total);
        }
        double[][] r = pw.correlation();
        int bad = Moments.firstDependentColumn(r, RelativeImportance.COLLINEARITY_TOLERANCE);
        if (bad >= 0) {
            throw new IllegalArgumentException("the pairwise-complete correlation matrix is not positive definite"
                    + " (fails at " + (bad == 0 ? "the outcome" : "attribute '" + names.get(bad - 1) + "'")
                    + "); refusing pairwise deletion; use listwise deletion or drop attributes");
        }
        ImportanceDecomposition dec = RelativeImportance.compute(names, r);
        OlsFit ols = momentFit(names, r, pw.means(), pw.variances(), n);
        double[] spearman = new double[p];
        double[] perf = new double[p];
        for (int j = 0; j < p; j++) {
            List<double[]> pairs = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                double x = data.value(i, j);
                if (!Double.isNaN(x) && !Double.isNaN(data.outcome(i))) {
                    pairs.add(new double[] {data.outcome(i), x});
                }
            }
            double[] yy = new double[pairs.size()];
            double[] xx = new double[pairs.size()];
            for (int i = 0; i < yy.length; i++) {
                yy[i] = pairs.get(i)[0];
                xx[i] = pairs.get(i)[1];
            }
            spearman[j] = Moments.toCorrelation(Moments.crossProducts(
                    new double[][] {Moments.averageRanks(yy), Moments.averageRanks(xx)}, null))[0][1];
            perf[j] = pw.means()[j + 1];
        }
        return new Core(data, n, r, spearman, perf, dec, ols);
    }

    /** OLS from a (pairwise) correlation matrix, means and variances, with n for the standard errors. */
    private static OlsFit momentFit(List<String> names, double[][] r, double[] means, double[] vars, long n) {
        int p = names.size();
        double[][] rxx = new double[p][p];
        double[] rxy = new double[p];
        for (int i = 0; i < p; i++) {
            rxy[i] = r[i + 1][0];
            for (int j = 0; j < p; j++) {
                rxx[i][j] = r[i + 1][j + 1];
            }
        }
        org.apache.commons.math4.legacy.linear.RealMatrix inv = new org.apache.commons.math4.legacy.linear.LUDecomposition(
                new org.apache.commons.math4.legacy.linear.Array2DRowRealMatrix(rxx)).getSolver().getInverse();
        double[] beta = inv.operate(rxy);
        double r2 = 0;
        for (int j = 0; j < p; j++) {
            r2 += beta[j] * rxy[j];
        }
        double sy = Math.sqrt(vars[0]);
        long df = n - p - 1;
        // s² = (1 − R²)·var(y)·(n − 1)/(n − p − 1) with var(y) the n−1 version
        double varY = vars[0] * n / (n - 1.0);
        double s2 = (1 - r2) * varY * (n - 1) / df;
        TDistribution t = TDistribution.of(df);
        List<Coefficient> rows = new ArrayList<>();
        double[] b = new double[p];
        double[] se = new double[p];
        double intercept = means[0];
        for (int j = 0; j < p; j++) {
            double sx = Math.sqrt(vars[j + 1]);
            b[j] = beta[j] * sy / sx;
            double varX = vars[j + 1] * n / (n - 1.0);
            se[j] = Math.sqrt(s2 * inv.getEntry(j, j) / ((n - 1) * varX));
            intercept -= b[j] * means[j + 1];
        }
        double q = 0;
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                double sxj = Math.sqrt(vars[j + 1] * n / (n - 1.0));
                double sxk = Math.sqrt(vars[k + 1] * n / (n - 1.0));
                q += means[j + 1] * means[k + 1] * inv.getEntry(j, k) / ((n - 1) * sxj * sxk);
            }
        }
        double seInt = Math.sqrt(s2 * (1.0 / n + q));
        rows.add(coefficientRow(Coefficient.INTERCEPT, intercept, seInt, t, OptionalDouble.empty(),
                OptionalDouble.empty()));
        for (int j = 0; j < p; j++) {
            rows.add(coefficientRow(names.get(j), b[j], se[j], t, OptionalDouble.of(beta[j]),
                    OptionalDouble.of(inv.getEntry(j, j))));
        }
        double adj = 1 - (1 - r2) * (n - 1) / (double) df;
        return new OlsFit(rows, r2, adj, Math.sqrt(s2), n, df, true);
    }

    private static Coefficient coefficientRow(String name, double b, double se, TDistribution t,
            OptionalDouble std, OptionalDouble vif) {
        double tv = b / se;
        return new Coefficient(name, b, se, tv, 2 * t.cumulativeProbability(-Math.abs(tv)), std, vif);
    }

    private static double nps(int[] scores, double @Nullable [] w, int[] rows) {
        double num = 0;
        double den = 0;
        for (int i : rows) {
            double wi = w == null ? 1 : w[i];
            int s = scores[i];
            num += wi * (s >= 9 ? 1 : s <= 6 ? -1 : 0);
            den += wi;
        }
        return 100 * num / den;
    }

    private static int simulate(double score, double change) {
        double v = Math.floor(score + change + 0.5);
        return (int) Math.max(Score.MIN, Math.min(Score.MAX, v));
    }

    private WhatIfResult whatIf(Core core, WhatIf scenario, OlsFit ols) {
        DriverData c = completeRows(core.analysed);
        List<String> names = c.attributeNames();
        int a = names.indexOf(scenario.attribute());
        if (a < 0) {
            throw new IllegalArgumentException("what-if attribute '" + scenario.attribute() + "' is not one of "
                    + names);
        }
        int n = c.rowCount();
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            try {
                scores[i] = Score.of(c.outcome(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("what-if needs 0-10 scores as outcome; complete row " + i
                        + ", column '" + c.outcomeName() + "': " + e.getMessage(), e);
            }
        }
        double[] w = c.weightsUnsafe();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        double b = ols.coefficient(scenario.attribute()).estimate();
        double baseline = nps(scores, w, all);
        long changed = 0;
        for (int i = 0; i < n; i++) {
            if (c.value(i, a) < scenario.below()) {
                changed++;
            }
        }
        double predicted = scenarioNps(c, scores, w, a, scenario, b);
        if (folds < 2 || n / folds < 1) {
            throw new IllegalArgumentException(n + " rows cannot be split into " + folds + " folds");
        }
        // k-fold cross-validation of group-level NPS
        int[] perm = all.clone();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        double sq = 0;
        double[] foldPred = new double[folds];
        String[] nameArr = names.toArray(new String[0]);
        // as in core(): columns or weights far from 1 are fitted scaled by exact powers of two, and the coefficients
        // scaled back, so a rating in other units (1e160) gives the same cross-validation
        int[] kx = new int[names.size()];
        boolean extreme = false;
        for (int j = 0; j < kx.length; j++) {
            kx[j] = DriverData.exponent(c.columnsUnsafe()[j]);
            extreme |= Math.abs(kx[j]) > SCALE_FREE_EXPONENT;
        }
        int ky = DriverData.exponent(c.outcomeUnsafe());
        int kw = w == null ? 0 : DriverData.exponent(w);
        extreme |= Math.abs(ky) > SCALE_FREE_EXPONENT || Math.abs(kw) > SCALE_FREE_EXPONENT;
        if (!extreme) {
            Arrays.fill(kx, 0);
            ky = 0;
            kw = 0;
        }
        for (int f = 0; f < folds; f++) {
            int[] test = new int[(n - f + folds - 1) / folds];
            int[] train = new int[n - test.length];
            int ti = 0;
            int tr = 0;
            for (int k = 0; k < n; k++) {
                if (k % folds == f) {
                    test[ti++] = perm[k];
                } else {
                    train[tr++] = perm[k];
                }
            }
            DriverData trainData = c.rows(train);
            if (extreme) {
                trainData = trainData.scaled(kx, ky, kw);
            }
            LeastSquares ls;
            try {
                ls = LeastSquares.fit(nameArr, trainData.columnsUnsafe(), trainData.outcomeUnsafe(),
                        trainData.weightsUnsafe(), true);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cross-validation fold " + (f + 1) + " of " + folds
                        + " cannot be fitted: " + e.getMessage(), e);
            }
            double[] coef = ls.coefficients();
            for (int j = 0; j < coef.length; j++) {
                coef[j] = Math.scalb(coef[j], ky - kx[j]);
            }
            double b0 = Math.scalb(ls.intercept(), ky);
            int[] predScores = new int[n];
            for (int i : test) {
                double yhat = b0;
                for (int j = 0; j < coef.length; j++) {
                    yhat += coef[j] * c.value(i, j);
                }
                predScores[i] = simulate(yhat, 0);
            }
            double diff = nps(predScores, w, test) - nps(scores, w, test);
            sq += diff * diff;
            foldPred[f] = scenarioNps(c, scores, w, a, scenario, coef[a]);
        }
        double mean = 0;
        for (double v : foldPred) {
            mean += v / folds;
        }
        double ss = 0;
        for (double v : foldPred) {
            ss += (v - mean) * (v - mean);
        }
        return new WhatIfResult(scenario, b, changed, baseline, predicted, predicted - baseline,
                Math.sqrt(sq / folds), Math.sqrt(ss / (folds - 1)), folds);
    }

    private static double scenarioNps(DriverData c, int[] scores, double @Nullable [] w, int a, WhatIf scenario,
            double b) {
        int n = scores.length;
        int[] sim = new int[n];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
            sim[i] = c.value(i, a) < scenario.below() ? simulate(scores[i], b * scenario.delta()) : scores[i];
        }
        return nps(sim, w, all);
    }

    private BootstrapIntervals bootstrap(DriverData base, double[] sign) {
        int n = base.rowCount();
        int p = base.attributeCount();
        int bReps = bootstrapReplicates;
        double[][][] values = new double[5][p][bReps];
        int ok = 0;
        long skipped = 0;
        SplittableRandom rng = new SplittableRandom(seed);
        int[] idx = new int[n];
        for (int rep = 0; rep < bReps; rep++) {
            if (cancelled != null && cancelled.getAsBoolean()) {
                throw new CancellationException("bootstrap cancelled after " + rep + " of " + bReps + " replicates");
            }
            for (int i = 0; i < n; i++) {
                idx[i] = rng.nextInt(n);
            }
            try {
                Core c = core(base.rows(idx), missing);
                double[] lmg = signed(c.decomposition.values(ImportanceMetric.LMG), sign);
                double[] john = signed(c.decomposition.values(ImportanceMetric.JOHNSON), sign);
                double[] lmgS = normalisation.apply(lmg);
                double[] johnS = normalisation.apply(john);
                double[] pratt = c.decomposition.values(ImportanceMetric.PRATT);
                for (int j = 0; j < p; j++) {
                    values[0][j][ok] = lmg[j];
                    values[1][j][ok] = john[j];
                    values[2][j][ok] = lmgS[j];
                    values[3][j][ok] = johnS[j];
                    values[4][j][ok] = pratt[j];
                }
                ok++;
            } catch (IllegalArgumentException e) {
                skipped++;
            }
            if (progress != null) {
                progress.update(rep + 1, bReps);
            }
        }
        if (ok < 2) {
            throw new IllegalArgumentException("only " + ok + " of " + bReps
                    + " bootstrap resamples could be analysed; the data are too small or degenerate");
        }
        if (skipped > 0) {
            LOG.info("Bootstrap: {} of {} resamples were degenerate (e.g. an attribute became constant) and skipped; "
                    + "the intervals use the other {}", skipped, bReps, ok);
        }
        double lo = (1 - level) / 2;
        double hi = 1 - lo;
        List<BootstrapRow> rows = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            ImportanceInterval[] iv = new ImportanceInterval[5];
            for (int m = 0; m < 5; m++) {
                double[] v = Arrays.copyOf(values[m][j], ok);
                Arrays.sort(v);
                iv[m] = new ImportanceInterval(quantile(v, lo), quantile(v, hi));
            }
            rows.add(new BootstrapRow(base.attributeNames().get(j), iv[0], iv[1], iv[2], iv[3], iv[4]));
        }
        return new BootstrapIntervals(level, bReps, skipped, seed, rows);
    }

    private static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int l = (int) Math.floor(h);
        if (l >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[l] + (h - l) * (sorted[l + 1] - sorted[l]);
    }

    /** A builder of {@link DriverAnalysis}; validates each option eagerly. Not thread-safe. */
    public static final class Builder {
        private MissingData missing = MissingData.LISTWISE;
        private Normalisation normalisation = Normalisation.SUM;
        private boolean signByCoefficient;
        private @Nullable WhatIf whatIf;
        private int folds = 5;
        private int bootstrapReplicates;
        private double level = 0.95;
        private long seed = DEFAULT_SEED;
        private @Nullable BootstrapProgress progress;
        private @Nullable BooleanSupplier cancelled;

        private Builder() {
        }

        /**
         * Sets the missing-data rule.
         *
         * @param rule listwise (default) or pairwise
         * @return this builder
         */
        public Builder missing(MissingData rule) {
            this.missing = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * Sets how shares are normalised.
         *
         * @param n {@link Normalisation#SUM} (default, as relaimpo) or {@link Normalisation#SUM_OF_ABSOLUTES}
         * @return this builder
         */
        public Builder normalisation(Normalisation n) {
            this.normalisation = Objects.requireNonNull(n, "normalisation");
            return this;
        }

        /**
         * Gives LMG and Johnson values (and their shares) the sign of the attribute's full-model OLS coefficient,
         * so a driver that lowers the score shows as negative. Off by default (relaimpo's values are unsigned).
         *
         * @param sign whether to sign
         * @return this builder
         */
        public Builder signByCoefficient(boolean sign) {
            this.signByCoefficient = sign;
            return this;
        }

        /**
         * Adds a what-if simulation.
         *
         * @param scenario the scenario
         * @return this builder
         */
        public Builder whatIf(WhatIf scenario) {
            this.whatIf = Objects.requireNonNull(scenario, "scenario");
            return this;
        }

        /**
         * Sets the number of cross-validation folds for the what-if error.
         *
         * @param k at least 2 (default 5)
         * @return this builder
         * @throws IllegalArgumentException if k &lt; 2
         */
        public Builder folds(int k) {
            if (k < 2) {
                throw new IllegalArgumentException("folds must be at least 2, got " + k);
            }
            this.folds = k;
            return this;
        }

        /**
         * Requests bootstrap percentile intervals.
         *
         * @param replicates number of resamples, at least 2 (0 = none, the default)
         * @return this builder
         * @throws IllegalArgumentException if negative or 1
         */
        public Builder bootstrap(int replicates) {
            if (replicates < 0 || replicates == 1) {
                throw new IllegalArgumentException("bootstrap replicates must be 0 or at least 2, got " + replicates);
            }
            this.bootstrapReplicates = replicates;
            return this;
        }

        /**
         * Sets the bootstrap confidence level.
         *
         * @param confidence strictly between 0 and 1 (default 0.95)
         * @return this builder
         * @throws IllegalArgumentException outside (0, 1)
         */
        public Builder level(double confidence) {
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("level must be in (0, 1), got " + confidence);
            }
            this.level = confidence;
            return this;
        }

        /**
         * Sets the seed of resampling and fold assignment.
         *
         * @param s the seed
         * @return this builder
         */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * Sets a bootstrap progress callback.
         *
         * @param callback called after each replicate
         * @return this builder
         */
        public Builder progress(BootstrapProgress callback) {
            this.progress = Objects.requireNonNull(callback, "callback");
            return this;
        }

        /**
         * Sets a cancellation flag, polled before each bootstrap replicate; when it returns {@code true} the
         * analysis throws {@link CancellationException}.
         *
         * @param flag the flag
         * @return this builder
         */
        public Builder cancellation(BooleanSupplier flag) {
            this.cancelled = Objects.requireNonNull(flag, "flag");
            return this;
        }

        /**
         * Builds the analysis.
         *
         * @return the immutable analysis
         */
        public DriverAnalysis build() {
            return new DriverAnalysis(this);
        }
    }
}
