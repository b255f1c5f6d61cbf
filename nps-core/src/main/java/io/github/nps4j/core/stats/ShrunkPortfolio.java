package io.github.nps4j.core.stats;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Empirical-Bayes shrunk NPS for every account of a portfolio ({@link EmpiricalBayes#shrink}).
 *
 * <p>A value-based, immutable record; the map is a sorted, unmodifiable copy.
 *
 * @param fit the fitted prior
 * @param accounts each account's posterior (labelled {@code "shrunk"}), keyed by account id
 * @since 0.1.0
 */
public record ShrunkPortfolio(DirichletMultinomialFit fit, SortedMap<String, NpsPosterior> accounts) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     */
    public ShrunkPortfolio {
        Objects.requireNonNull(fit, "fit");
        accounts = Collections.unmodifiableSortedMap(new TreeMap<>(accounts));
    }
}
