package io.github.nps4j.drivers;

/**
 * How missing attribute ratings are handled.
 *
 * @since 0.1.0
 */
public enum MissingData {
    /**
     * Complete cases only (the default, as relaimpo): a row missing any attribute is dropped; the result reports
     * rows used and dropped.
     */
    LISTWISE,
    /**
     * Each correlation from the rows where both variables are present (R's {@code pairwise.complete.obs}). The
     * resulting matrix must be positive definite, otherwise the analysis refuses with an
     * {@link IllegalArgumentException}. Coefficients come from the moments; their standard errors use the smallest
     * pairwise count as n (an approximation, as SPSS's pairwise regression); the result's {@code n} is that count.
     */
    PAIRWISE
}
