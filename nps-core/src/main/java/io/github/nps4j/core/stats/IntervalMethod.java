package io.github.nps4j.core.stats;

import java.util.Locale;
import java.util.Objects;

/**
 * How a confidence interval for an NPS is computed.
 *
 * <p>Example usage:
 * <pre>{@code
 * IntervalMethod m = IntervalMethod.parse("adjusted-wald");   // ADJUSTED_WALD
 * String label = m.label();                                  // "adjusted-wald"
 * }</pre>
 *
 * @since 0.1.0
 */
public enum IntervalMethod {
    /**
     * Wald: m ± z·SE with the linearization standard error. Collapses to a point (SE 0) when all answers fall in one
     * category; the interval then says so ({@link Interval#degenerate()}).
     */
    WALD("wald"),
    /**
     * Adjusted Wald (Rocks 2016): 0.75 detractor, 1.5 passive and 0.75 promoter pseudo-responses are added (n + 3),
     * the NPS and its standard error are recomputed from the adjusted counts and the Wald interval is built around
     * the adjusted NPS. Informative for small and degenerate groups.
     */
    ADJUSTED_WALD("adjusted-wald"),
    /**
     * Score: Tango's (1998) score interval for a difference of paired proportions with b = detractors and
     * c = promoters (as {@code PropCIs::scoreci.mp} and the "iterative" method of R {@code NPS}), solved to the exact
     * root. Informative for small and degenerate groups.
     */
    SCORE("score"),
    /**
     * Percentile bootstrap, seeded, resampling responses or, when clustered, whole accounts (see {@link Bootstrap}).
     * Needs response- or account-level data, not just an {@link io.github.nps4j.core.NpsEstimate}.
     */
    BOOTSTRAP("bootstrap");

    private final String label;

    IntervalMethod(String label) {
        this.label = label;
    }

    /**
     * Returns the lowercase-hyphen name used on the command line and in JSON.
     *
     * @return e.g. {@code "adjusted-wald"}
     */
    public String label() {
        return label;
    }

    /**
     * Parses a method name: the label ({@code wald}, {@code adjusted-wald}, {@code score}, {@code bootstrap}) or the
     * constant name, case-insensitive, with {@code _} and {@code -} interchangeable.
     *
     * @param name the name
     * @return the method
     * @throws IllegalArgumentException if the name is unknown, naming it and listing the accepted names
     */
    public static IntervalMethod parse(String name) {
        Objects.requireNonNull(name, "name");
        String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (IntervalMethod m : values()) {
            if (m.label.equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown interval method '" + name
                + "'; expected one of wald, adjusted-wald, score, bootstrap");
    }
}
