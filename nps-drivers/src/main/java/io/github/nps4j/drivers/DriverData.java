package io.github.nps4j.drivers;

import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.internal.CompactResponses;
import io.github.nps4j.core.internal.ResponseCodes;
import io.github.nps4j.drivers.internal.Moments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * An immutable table for driver analysis: one numeric outcome (usually the 0–10 score), named numeric attributes
 * (ratings of experiences) that may be missing, and optional positive row weights.
 *
 * <p>Missing values are {@link Double#NaN} (or, from {@link Response}s, an absent rating). A row with a missing
 * outcome is left out of everything that involves the outcome (listwise deletion drops it, as R's {@code lm} does;
 * pairwise deletion leaves it out of the outcome's correlations) and counted in
 * {@link DriverResult#missingOutcome()}. Infinite values anywhere and non-positive or non-finite weights are
 * rejected with an {@link IllegalArgumentException} naming the row (0-based index) and the column.
 *
 * <p>Example usage:
 * <pre>{@code
 * DriverData data = DriverData.builder("score")
 *         .outcome(new double[] {9, 6, 10, 7})
 *         .attribute("delivery", new double[] {8, 5, 9, Double.NaN})
 *         .attribute("support", new double[] {7, 4, 9, 6})
 *         .build();
 * DriverData fromSurvey = DriverData.fromResponses(responses);   // outcome = score, attributes = ratings
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DriverData {
    private final String outcomeName;
    private final List<String> attributeNames;
    private final double[] outcome;
    private final double[][] columns;
    private final double @Nullable [] weights;
    /**
     * The complete rows once asked for ({@link #completeRows()}): the linear and both logistic analyses of one table
     * share them instead of copying them each. Immutable; a race computes them twice, equal.
     */
    private volatile @Nullable DriverData complete;
    /** What depends only on the attribute columns and weights, shared by the tables made with the same arrays. */
    private final Shared shared;

    /**
     * What is made once asked for from the attribute columns and weights alone: their means and centred
     * cross-products ({@link #attributeMoments()}) and the Newton design of the logistic fits
     * ({@link #logisticDesign()}); the linear and both logistic analyses of one table's complete rows differ only in
     * the outcome. Immutable once made; a race makes them twice, equal.
     */
    private static final class Shared {
        private volatile Moments.@Nullable Centred attributes;
        private volatile LogisticNewton.@Nullable Design logistic;
    }

    private DriverData(String outcomeName, List<String> attributeNames, double[] outcome, double[][] columns,
            double @Nullable [] weights) {
        this(outcomeName, attributeNames, outcome, columns, weights, new Shared());
    }

    private DriverData(String outcomeName, List<String> attributeNames, double[] outcome, double[][] columns,
            double @Nullable [] weights, Shared shared) {
        this.outcomeName = outcomeName;
        this.attributeNames = attributeNames;
        this.outcome = outcome;
        this.columns = columns;
        this.weights = weights;
        this.shared = shared;
    }

    /**
     * Creates a table from columns; the map's iteration order is the attribute order.
     *
     * @param outcomeName name of the outcome
     * @param outcome the outcome per row, NaN = missing
     * @param attributes attribute name → values per row (NaN = missing), all as long as the outcome
     * @return the table (the arrays are copied)
     * @throws IllegalArgumentException on blank or duplicate names, unequal lengths or invalid values
     */
    public static DriverData of(String outcomeName, double[] outcome, Map<String, double[]> attributes) {
        Builder b = builder(outcomeName).outcome(outcome);
        attributes.forEach(b::attribute);
        return b.build();
    }

    /**
     * Starts a builder.
     *
     * @param outcomeName name of the outcome column, e.g. {@code "score"}
     * @return a builder
     */
    public static Builder builder(String outcomeName) {
        return new Builder(outcomeName);
    }

    /**
     * Builds a table from responses: outcome = the 0–10 score, attributes = the union of all rating names in
     * alphabetical order; a rating a respondent skipped is missing. The responses of a portfolio read from CSV are
     * taken from the reader's columns, without making a {@link Response} per row and without copying the ratings.
     *
     * @param responses the responses (one row each, in iteration order); none gives a table of no rows and no
     *     attributes, which the analyses refuse ("needs at least one attribute")
     * @return the table
     */
    public static DriverData fromResponses(Collection<Response> responses) {
        Objects.requireNonNull(responses, "responses");
        if (responses instanceof CompactResponses compact) {
            return fromColumns(compact, null);
        }
        // one pass: each response's ratings are read once (a compact response list makes a new object per visit),
        // each attribute's column is made when its name is first seen, missing (NaN) in the rows before
        int n = responses.size();
        double[] y = new double[n];
        Map<String, double[]> columns = new HashMap<>();
        // the k-th rating of the previous response, by identity: responses of one source share their name strings
        // and order, so the map is consulted only when the names change
        String[] seenName = new String[8];
        double[][] seenColumn = new double[8][];
        int i = 0;
        for (Response r : responses) {
            y[i] = r.score();
            int k = 0;
            for (Map.Entry<String, Double> e : r.ratings().entrySet()) {
                String name = e.getKey();
                if (k == seenName.length) {
                    seenName = Arrays.copyOf(seenName, 2 * k);
                    seenColumn = Arrays.copyOf(seenColumn, 2 * k);
                }
                double[] c = seenName[k] == name ? seenColumn[k] : null;
                if (c == null) {
                    c = columns.get(name);
                    if (c == null) {
                        c = new double[n];
                        Arrays.fill(c, Double.NaN);
                        columns.put(name, c);
                    }
                    seenName[k] = name;
                    seenColumn[k] = c;
                }
                Double v = e.getValue();
                c[i] = v == null ? Double.NaN : v;
                k++;
            }
            i++;
        }
        Map<String, double[]> sorted = new LinkedHashMap<>();
        for (String name : new TreeSet<>(columns.keySet())) {
            sorted.put(Builder.attributeName(name, "score", sorted), columns.get(name));
        }
        return checked("score", y, sorted, null);
    }

    /**
     * Builds a table from the responses of some episode types only, as {@link #fromResponses(Collection)} of those
     * responses: outcome = the 0–10 score, attributes = the union of the kept responses' rating names in alphabetical
     * order. Relationship and transactional feedback answer different questions; this keeps one kind without a
     * filtered copy of the responses.
     *
     * @param responses the responses (one row per kept response, in iteration order)
     * @param episodes the episode types to keep (a response of any other type is left out)
     * @return the table
     */
    public static DriverData fromResponses(Collection<Response> responses, Set<EpisodeType> episodes) {
        Objects.requireNonNull(responses, "responses");
        Set<EpisodeType> keep = Set.copyOf(episodes);
        if (responses instanceof CompactResponses compact) {
            return fromColumns(compact, keep);
        }
        List<Response> kept = new ArrayList<>();
        for (Response r : responses) {
            if (keep.contains(r.episode())) {
                kept.add(r);
            }
        }
        return fromResponses(kept);
    }

    /**
     * {@link #fromResponses(Collection)} on the reader's columns, no {@link Response} made: the outcome is the score
     * column, the attributes are the rating columns (shared, not copied, when every row is kept; NaN = skipped) that
     * hold a rating in some kept row — the rating names the responses' maps would show.
     */
    private static DriverData fromColumns(CompactResponses compact, @Nullable Set<EpisodeType> episodes) {
        ResponseCodes codes = ResponseCodes.of(compact);
        int size = compact.size();
        int[] rows = null; // null: every row
        if (episodes != null) {
            boolean[] keepCode = new boolean[codes.episodeCodes()];
            for (int c = 0; c < keepCode.length; c++) {
                keepCode[c] = episodes.contains(codes.episodeValue(c));
            }
            int[] kept = new int[size];
            int k = 0;
            for (int i = 0; i < size; i++) {
                if (keepCode[codes.episodeCode(i)]) {
                    kept[k++] = i;
                }
            }
            rows = k == size ? null : Arrays.copyOf(kept, k);
        }
        int n = rows == null ? size : rows.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = codes.score(rows == null ? i : rows[i]);
        }
        List<String> names = compact.attributeNames();
        Map<String, double[]> present = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            double[] all = compact.ratingColumn(j);
            double[] c;
            if (rows == null) {
                c = all;
            } else {
                c = new double[n];
                for (int i = 0; i < n; i++) {
                    c[i] = all[rows[i]];
                }
            }
            if (!allMissing(c)) {
                present.put(Builder.attributeName(names.get(j), "score", present), c);
            }
        }
        return checked("score", y, present, null);
    }

    private static boolean allMissing(double[] c) {
        for (double v : c) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Builds a table from responses with the given attributes (other ratings are ignored).
     *
     * @param responses the responses
     * @param attributes the attribute names to use, in order
     * @return the table
     */
    public static DriverData fromResponses(Collection<Response> responses, List<String> attributes) {
        return fromResponses(responses, attributes, null);
    }

    /**
     * Builds a weighted table from responses.
     *
     * @param responses the responses
     * @param attributes the attribute names to use, in order
     * @param weight the weight of each response (positive, finite), or {@code null} for none
     * @return the table
     * @throws IllegalArgumentException on an invalid weight, naming the response
     */
    public static DriverData fromResponses(Collection<Response> responses, List<String> attributes,
            @Nullable ToDoubleFunction<Response> weight) {
        Objects.requireNonNull(responses, "responses");
        int n = responses.size();
        double[] y = new double[n];
        double[][] cols = new double[attributes.size()][n];
        double[] w = weight == null ? null : new double[n];
        int i = 0;
        for (Response r : responses) {
            y[i] = r.score();
            for (int j = 0; j < attributes.size(); j++) {
                Double v = r.ratings().get(attributes.get(j));
                cols[j][i] = v == null ? Double.NaN : v;
            }
            if (w != null) {
                w[i] = weight.applyAsDouble(r);
                if (!(w[i] > 0) || !Double.isFinite(w[i])) {
                    throw new IllegalArgumentException(
                            "weight " + w[i] + " of response " + r.id() + " must be positive and finite");
                }
            }
            i++;
        }
        Map<String, double[]> named = new LinkedHashMap<>();
        for (int j = 0; j < attributes.size(); j++) {
            named.put(Builder.attributeName(attributes.get(j), "score", named), cols[j]);
        }
        return checked("score", y, named, w);
    }

    /**
     * Returns the outcome's name.
     *
     * @return the outcome's name
     */
    public String outcomeName() {
        return outcomeName;
    }

    /**
     * Returns the attribute names in column order (unmodifiable).
     *
     * @return the attribute names in column order (unmodifiable)
     */
    public List<String> attributeNames() {
        return attributeNames;
    }

    /**
     * Returns the number of attributes.
     *
     * @return the number of attributes
     */
    public int attributeCount() {
        return attributeNames.size();
    }

    /**
     * Returns the number of rows.
     *
     * @return the number of rows
     */
    public int rowCount() {
        return outcome.length;
    }

    /**
     * Returns whether rows carry weights.
     *
     * @return whether rows carry weights
     */
    public boolean isWeighted() {
        return weights != null;
    }

    /**
     * Returns one outcome value.
     *
     * @param row 0-based row index
     * @return the outcome, NaN when missing
     */
    public double outcome(int row) {
        return outcome[row];
    }

    /**
     * Returns one attribute value.
     *
     * @param row 0-based row index
     * @param attribute 0-based attribute index
     * @return the value, NaN when missing
     */
    public double value(int row, int attribute) {
        return columns[attribute][row];
    }

    /**
     * Returns a row's weight.
     *
     * @param row 0-based row index
     * @return the weight, 1 when unweighted
     */
    public double weight(int row) {
        return weights == null ? 1.0 : weights[row];
    }

    /**
     * Returns a copy of the outcome column.
     *
     * @return a copy of the outcome column
     */
    public double[] outcomeColumn() {
        return outcome.clone();
    }

    /**
     * Returns a copy of one attribute column.
     *
     * @param attribute the index
     * @return the values, NaN when missing
     */
    public double[] attributeColumn(int attribute) {
        return columns[attribute].clone();
    }

    /**
     * Returns a copy of the weights, empty when unweighted.
     *
     * @return a copy of the weights, empty when unweighted
     */
    public Optional<double[]> weights() {
        return weights == null ? Optional.empty() : Optional.of(weights.clone());
    }

    /**
     * Returns a copy with other weights.
     *
     * @param newWeights positive finite weights, one per row, or {@code null} to drop weights
     * @return the copy
     */
    public DriverData withWeights(double @Nullable [] newWeights) {
        double[] w = newWeights == null ? null : checkWeights(newWeights.clone(), outcome.length);
        return new DriverData(outcomeName, attributeNames, outcome, columns, w);
    }

    /**
     * Returns the rows at the given indices (repeats allowed, e.g. for a bootstrap resample).
     *
     * @param rows 0-based row indices
     * @return a new table
     */
    public DriverData rows(int[] rows) {
        double[] y = new double[rows.length];
        double[][] c = new double[columns.length][rows.length];
        double[] w = weights == null ? null : new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            y[k] = outcome[i];
            for (int j = 0; j < columns.length; j++) {
                c[j][k] = columns[j][i];
            }
            if (w != null) {
                w[k] = weights[i];
            }
        }
        return new DriverData(outcomeName, attributeNames, y, c, w);
    }

    /**
     * Internal: the power of two by which a column's magnitude differs from 1 ({@link Math#getExponent} of its largest
     * absolute value; 0 for an all-zero or all-missing column).
     */
    static int exponent(double[] values) {
        double max = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max == 0 ? 0 : Math.getExponent(max);
    }

    /**
     * Internal: the table with every attribute column multiplied by {@code 2^-columnExponent[j]}, the outcome by
     * {@code 2^-outcomeExponent} and the weights by {@code 2^-weightExponent}. Multiplying by a power of two is exact,
     * and every statistic of the analysis is equivariant under it, so results computed on the scaled table and scaled
     * back equal those of the original — while values of 1e160 or 1e-160, whose squares leave the range of doubles,
     * stay near 1.
     */
    DriverData scaled(int[] columnExponent, int outcomeExponent, int weightExponent) {
        double[] y = new double[outcome.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.scalb(outcome[i], -outcomeExponent);
        }
        double[][] c = new double[columns.length][];
        for (int j = 0; j < c.length; j++) {
            c[j] = new double[columns[j].length];
            for (int i = 0; i < c[j].length; i++) {
                c[j][i] = Math.scalb(columns[j][i], -columnExponent[j]);
            }
        }
        double[] w = null;
        if (weights != null) {
            w = new double[weights.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.scalb(weights[i], -weightExponent);
            }
        }
        return new DriverData(outcomeName, attributeNames, y, c, w);
    }

    /** Internal: the same attributes and weights with another (finite) outcome. */
    DriverData withOutcome(String name, double[] y) {
        return withOutcomeUnsafe(name, y.clone());
    }

    /** Internal: as {@link #withOutcome} with the caller's array itself, which nobody may write afterwards. */
    DriverData withOutcomeUnsafe(String name, double[] y) {
        return new DriverData(name, attributeNames, y, columns, weights, shared);
    }

    /**
     * Internal: the rows with an outcome and every attribute present (R's {@code na.omit} over the model's
     * variables); the table itself when every row is complete. Made once per table and kept.
     */
    DriverData completeRows() {
        DriverData c = complete;
        if (c == null) {
            int n = outcome.length;
            int p = columns.length;
            int[] keep = new int[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                boolean ok = !Double.isNaN(outcome[i]);
                for (int j = 0; j < p && ok; j++) {
                    ok = !Double.isNaN(columns[j][i]);
                }
                if (ok) {
                    keep[k++] = i;
                }
            }
            c = k == n ? this : rows(Arrays.copyOf(keep, k));
            complete = c;
        }
        return c;
    }

    /**
     * Internal: {@link Moments#centred} of the attribute columns (complete columns only), made once and shared with
     * the tables that differ only in the outcome ({@link #withOutcomeUnsafe}).
     */
    Moments.Centred attributeMoments() {
        Moments.Centred m = shared.attributes;
        if (m == null) {
            m = Moments.centred(columns, weights);
            shared.attributes = m;
        }
        return m;
    }

    /**
     * Internal: the Newton design of the logistic fit on these columns and weights (complete, and an outcome 0/1 per
     * row), made once and shared with the tables that differ only in the outcome; its outcome is this table's.
     */
    LogisticNewton.Design logisticDesign() {
        LogisticNewton.Design d = shared.logistic;
        if (d == null) {
            d = new LogisticNewton.Design(columns, outcome, weights);
            shared.logistic = d;
            return d;
        }
        return d.withOutcome(outcome);
    }

    /** Internal: the column array without copying. */
    double[][] columnsUnsafe() {
        return columns;
    }

    double[] outcomeUnsafe() {
        return outcome;
    }

    double @Nullable [] weightsUnsafe() {
        return weights;
    }

    private static double[] checkWeights(double[] w, int n) {
        if (w.length != n) {
            throw new IllegalArgumentException(w.length + " weights for " + n + " rows");
        }
        for (int i = 0; i < n; i++) {
            if (!(w[i] > 0) || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException("row " + i + ", column 'weight': " + w[i]
                        + " is not a positive finite weight");
            }
        }
        return w;
    }

    @Override
    public String toString() {
        return "DriverData[outcome=" + outcomeName + ", attributes=" + attributeNames + ", rows=" + outcome.length
                + ", weighted=" + (weights != null) + "]";
    }

    /** A builder of {@link DriverData}; not thread-safe. */
    public static final class Builder {
        private final String outcomeName;
        private double @Nullable [] outcome;
        private final Map<String, double[]> attributes = new LinkedHashMap<>();
        private double @Nullable [] weights;

        private Builder(String outcomeName) {
            this.outcomeName = requireName(outcomeName, "outcome name");
        }

        /**
         * Sets the outcome.
         *
         * @param values one value per row, NaN = missing (copied)
         * @return this builder
         */
        public Builder outcome(double[] values) {
            this.outcome = values.clone();
            return this;
        }

        /**
         * Adds an attribute column.
         *
         * @param name unique, non-blank name, not the outcome's
         * @param values one value per row, NaN = missing (copied)
         * @return this builder
         * @throws IllegalArgumentException on a blank or duplicate name, or the outcome's name (a model cannot
         *         explain its outcome by itself)
         */
        public Builder attribute(String name, double[] values) {
            attributes.put(attributeName(name, outcomeName, attributes), values.clone());
            return this;
        }

        /** The name checked: not blank, not the outcome's, not among {@code seen}. */
        static String attributeName(String name, String outcomeName, Map<String, double[]> seen) {
            String n = requireName(name, "attribute name");
            if (n.equals(outcomeName)) {
                throw new IllegalArgumentException("attribute '" + n + "' is the outcome; the outcome cannot be one"
                        + " of its own predictors");
            }
            if (seen.containsKey(n)) {
                throw new IllegalArgumentException("duplicate attribute '" + n + "'");
            }
            return n;
        }

        /**
         * Sets row weights.
         *
         * @param values positive finite weights, one per row (copied)
         * @return this builder
         */
        public Builder weights(double[] values) {
            this.weights = values.clone();
            return this;
        }

        /**
         * Builds the table.
         *
         * @return the table
         * @throws IllegalStateException if no outcome was set
         * @throws IllegalArgumentException on unequal lengths, an infinite outcome or attribute value or an invalid
         *         weight (naming row and column)
         */
        public DriverData build() {
            if (outcome == null) {
                throw new IllegalStateException("outcome not set");
            }
            Map<String, double[]> cols = new LinkedHashMap<>(attributes);
            return checked(outcomeName, outcome.clone(), cols, weights == null ? null : weights.clone());
        }

        private static String requireName(String name, String what) {
            Objects.requireNonNull(name, what);
            if (name.isBlank()) {
                throw new IllegalArgumentException(what + " is blank");
            }
            return name;
        }
    }

    /**
     * The table of arrays the caller hands over (not copied, never written: they may be shared with an immutable
     * source such as the reader's columns), after the checks of {@link Builder#build()}. Attribute names are checked
     * by the caller ({@link Builder#attributeName}).
     */
    private static DriverData checked(String outcomeName, double[] outcome, Map<String, double[]> attributes,
            double @Nullable [] weights) {
        int n = outcome.length;
        for (int i = 0; i < n; i++) {
            if (Double.isInfinite(outcome[i])) {
                throw new IllegalArgumentException("row " + i + ", column '" + outcomeName + "': outcome "
                        + outcome[i] + " is not finite (use NaN for a missing value)");
            }
        }
        List<String> names = new ArrayList<>(attributes.keySet());
        double[][] cols = new double[names.size()][];
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            double[] c = attributes.get(name);
            if (c.length != n) {
                throw new IllegalArgumentException("attribute '" + name + "' has " + c.length
                        + " values but the outcome has " + n + " rows");
            }
            for (int i = 0; i < n; i++) {
                if (Double.isInfinite(c[i])) {
                    throw new IllegalArgumentException("row " + i + ", column '" + name + "': value " + c[i]
                            + " is not finite (use NaN for a missing value)");
                }
            }
            cols[j] = c;
        }
        double[] w = weights == null ? null : checkWeights(weights, n);
        return new DriverData(outcomeName, Collections.unmodifiableList(names), outcome, cols, w);
    }
}
