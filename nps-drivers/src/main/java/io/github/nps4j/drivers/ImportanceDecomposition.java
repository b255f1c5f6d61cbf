package io.github.nps4j.drivers;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Relative importance of every attribute in one linear model with intercept. Value-based and immutable.
 *
 * @param r2 R² of the full model
 * @param attributes one row per attribute, in input order
 * @since 0.1.0
 */
public record ImportanceDecomposition(double r2, List<AttributeImportance> attributes) {
    /**
     * Copies the rows.
     *
     * @throws NullPointerException on null rows
     */
    public ImportanceDecomposition {
        attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes"));
    }

    /**
     * Returns one metric's raw values (shares of var(y)) in attribute order.
     *
     * @param metric the metric
     * @return a new array
     */
    public double[] values(ImportanceMetric metric) {
        double[] v = new double[attributes.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = metric.of(attributes.get(i));
        }
        return v;
    }

    /**
     * Returns one metric normalised to shares (relaimpo {@code rela = TRUE} for {@link Normalisation#SUM}).
     *
     * @param metric the metric
     * @param normalisation how to normalise
     * @return a new array
     */
    public double[] shares(ImportanceMetric metric, Normalisation normalisation) {
        return normalisation.apply(values(metric));
    }

    /**
     * Looks up an attribute.
     *
     * @param name the attribute name
     * @return its row
     * @throws NoSuchElementException if absent
     */
    public AttributeImportance attribute(String name) {
        for (AttributeImportance a : attributes) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new NoSuchElementException("no attribute '" + name + "'");
    }
}
