package io.github.nps4j.drivers;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link DriverAnalysis#analyze(DriverData)}. Value-based and immutable; numbers are never rounded.
 *
 * @param outcomeName the outcome analysed
 * @param n rows used (listwise: complete rows; pairwise: the smallest pairwise-complete count)
 * @param dropped rows in the input minus {@code n}
 * @param missingOutcome rows whose outcome is missing (NaN); listwise they are among the dropped rows, pairwise they
 *        are left out of every correlation with the outcome. The rest of {@code dropped} is
 *        {@link #droppedMissingRatings()}.
 * @param missing how missing ratings were handled
 * @param weighted whether rows were weighted
 * @param r2 R² of the full linear model
 * @param adjustedR2 adjusted R²
 * @param ols the OLS table (intercept named {@value Coefficient#INTERCEPT})
 * @param importance one row per attribute, in input order
 * @param decomposition all raw importance metrics
 * @param normalisation how shares were normalised
 * @param signedByCoefficient whether LMG/Johnson values and shares carry the sign of the full-model coefficient
 * @param whatIf the what-if simulation, when one was configured
 * @param bootstrap bootstrap intervals, when requested
 * @since 0.1.0
 */
public record DriverResult(String outcomeName, long n, long dropped, long missingOutcome, MissingData missing, boolean weighted, double r2,
        double adjustedR2, OlsFit ols, List<ImportanceRow> importance, ImportanceDecomposition decomposition,
        Normalisation normalisation, boolean signedByCoefficient, Optional<WhatIfResult> whatIf,
        Optional<BootstrapIntervals> bootstrap) {
    /**
     * Copies lists and checks nulls and counts.
     *
     * @throws NullPointerException on null components
     * @throws IllegalArgumentException if {@code missingOutcome} is negative or larger than {@code dropped}
     */
    public DriverResult {
        Objects.requireNonNull(outcomeName, "outcomeName");
        if (missingOutcome < 0 || missingOutcome > dropped) {
            throw new IllegalArgumentException("missingOutcome " + missingOutcome + " must be in [0, dropped = "
                    + dropped + "]");
        }
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(ols, "ols");
        importance = List.copyOf(importance);
        Objects.requireNonNull(decomposition, "decomposition");
        Objects.requireNonNull(normalisation, "normalisation");
        Objects.requireNonNull(whatIf, "whatIf");
        Objects.requireNonNull(bootstrap, "bootstrap");
    }

    /**
     * A result of data without missing outcomes ({@code missingOutcome} = 0); the components as the canonical
     * constructor.
     *
     * @param outcomeName the outcome analysed
     * @param n rows used
     * @param dropped rows in the input minus {@code n}
     * @param missing how missing ratings were handled
     * @param weighted whether rows were weighted
     * @param r2 R² of the full linear model
     * @param adjustedR2 adjusted R²
     * @param ols the OLS table
     * @param importance one row per attribute
     * @param decomposition all raw importance metrics
     * @param normalisation how shares were normalised
     * @param signedByCoefficient whether LMG/Johnson values carry the coefficient's sign
     * @param whatIf the what-if simulation
     * @param bootstrap bootstrap intervals
     */
    public DriverResult(String outcomeName, long n, long dropped, MissingData missing, boolean weighted, double r2,
            double adjustedR2, OlsFit ols, List<ImportanceRow> importance, ImportanceDecomposition decomposition,
            Normalisation normalisation, boolean signedByCoefficient, Optional<WhatIfResult> whatIf,
            Optional<BootstrapIntervals> bootstrap) {
        this(outcomeName, n, dropped, 0, missing, weighted, r2, adjustedR2, ols, importance, decomposition,
                normalisation, signedByCoefficient, whatIf, bootstrap);
    }

    /**
     * Rows dropped for anything but a missing outcome: listwise, rows missing at least one rating (and not the
     * outcome); pairwise, how far the smallest pairwise-complete count falls short of the rows with an outcome.
     *
     * @return {@code dropped − missingOutcome}
     */
    public long droppedMissingRatings() {
        return dropped - missingOutcome;
    }

    /**
     * Returns the OLS coefficient table, intercept first.
     *
     * @return the OLS coefficient table, intercept first
     */
    public List<Coefficient> coefficients() {
        return ols.coefficients();
    }

    /**
     * Looks up an attribute's importance row.
     *
     * @param name the attribute
     * @return its row
     * @throws NoSuchElementException if absent
     */
    public ImportanceRow row(String name) {
        for (ImportanceRow r : importance) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new NoSuchElementException("no attribute '" + name + "'");
    }
}
