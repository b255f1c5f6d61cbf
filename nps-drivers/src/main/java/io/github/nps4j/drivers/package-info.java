/**
 * Driver analysis: which experiences move the score.
 *
 * <p>Input is a {@link io.github.nps4j.drivers.DriverData} table — an outcome (usually the 0–10 score), attribute
 * ratings that may be missing, optional row weights — built from arrays or from core
 * {@link io.github.nps4j.core.Response}s. The entry point {@link io.github.nps4j.drivers.DriverAnalysis} returns a
 * {@link io.github.nps4j.drivers.DriverResult} with:
 * <ul>
 *   <li>Pearson (weighted when weighted) and Spearman correlations of each attribute with the outcome;</li>
 *   <li>the OLS table ({@link io.github.nps4j.drivers.OlsFit}): coefficients, standard errors, t, p, standardised
 *       coefficients, VIF, R², adjusted R²;</li>
 *   <li>relative importance ({@link io.github.nps4j.drivers.ImportanceMetric}): exact LMG (the Shapley value of R²),
 *       Johnson's relative weights (= relaimpo's genizi), Pratt, first, last, betasq, CAR — raw as shares of var(y)
 *       (relaimpo {@code rela = FALSE}) and normalised (relaimpo {@code rela = TRUE});</li>
 *   <li>importance–performance {@link io.github.nps4j.drivers.Quadrant}s (LMG share vs mean rating);</li>
 *   <li>optionally a {@link io.github.nps4j.drivers.WhatIf} simulation with a cross-validated error, and bootstrap
 *       percentile intervals (seeded, with progress callback and cancellation).</li>
 * </ul>
 * Promoter-vs-rest and detractor-vs-rest drivers come from
 * {@link io.github.nps4j.drivers.DriverAnalysis#analyzeBinary}, per-group analyses (role, tier, segment) from
 * {@link io.github.nps4j.drivers.DriverAnalysis#analyzeGroups}. Lower-level entry points:
 * {@link io.github.nps4j.drivers.LinearRegression}, {@link io.github.nps4j.drivers.RelativeImportance},
 * {@link io.github.nps4j.drivers.LogisticRegression}.
 *
 * <p>Example usage:
 * <pre>{@code
 * DriverResult r = DriverAnalysis.builder()
 *         .whatIf(WhatIf.raise("delivery", 1).forRatingsBelow(7))
 *         .build()
 *         .analyze(responses);
 * System.out.printf("n=%d dropped=%d R²=%.3f%n", r.n(), r.dropped(), r.r2());
 * r.importance().forEach(row -> System.out.printf("%-12s LMG %.1f %% %s%n",
 *         row.name(), 100 * row.lmgShare(), row.quadrant().label()));
 * r.whatIf().ifPresent(w -> System.out.printf("NPS %.1f -> %.1f (CV error %.1f)%n",
 *         w.baselineNps(), w.predictedNps(), w.crossValidatedError()));
 * }</pre>
 *
 * <p>Missing ratings are handled by listwise deletion by default (rows used and dropped are reported), or pairwise
 * ({@link io.github.nps4j.drivers.MissingData}). Constant or collinear attributes, no attributes at all and too
 * few rows are refused with an {@link java.lang.IllegalArgumentException} naming the attribute or the counts; the
 * library never returns garbage for them. Results are immutable records; numbers are never rounded.
 *
 * <p>Nulls are not accepted unless a parameter is annotated {@code @Nullable}.
 */
@NullMarked
package io.github.nps4j.drivers;

import org.jspecify.annotations.NullMarked;
