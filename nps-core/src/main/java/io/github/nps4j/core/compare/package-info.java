/**
 * Competitive benchmarking from the same respondents: our NPS against a competitor's, rated by the same people.
 *
 * <h2>Concepts</h2>
 * <ul>
 * <li>A survey may ask each respondent to rate competitors on the same 0–10 scale
 * ({@link io.github.nps4j.core.Response#competitorScores()}, {@code competitor:<name>} columns of
 * {@code responses.csv}).</li>
 * <li>Both figures come from the same people, so they are not independent samples: the right test is on the
 * per-respondent differences d = z<sub>us</sub> − z<sub>them</sub> (each z is +1, 0 or −1), a paired test. An
 * unpaired two-sample test √(SE₁² + SE₂²) on the same people is wrong — too wide when the two ratings go together,
 * as they usually do.</li>
 * <li>{@link io.github.nps4j.core.compare.CompetitorBenchmark} is the entry point; it weighs and groups the paired
 * respondents with the same {@link io.github.nps4j.core.NpsScorer} as {@code score} and returns one
 * {@link io.github.nps4j.core.compare.PairedComparison} per competitor (and group).</li>
 * </ul>
 *
 * <p>Example usage:
 * <pre>{@code
 * List<PairedComparison> rows = CompetitorBenchmark.of(NpsScorer.of(ScoringSpec.defaults()),
 *         UncertaintyOptions.defaults()).compare(responses);
 * }</pre>
 *
 * @since 0.1.0
 */
@org.jspecify.annotations.NullMarked
package io.github.nps4j.core.compare;
