/**
 * Seeded synthetic B2B survey data with a known truth, for demos, tests and benchmarks. Depends on the core only (no
 * JUnit, no jqwik), so applications and command lines can ship it; {@code nps-testkit} builds its JUnit extension and
 * jqwik arbitraries on it.
 *
 * <ul>
 * <li>{@link io.github.nps4j.synthetic.SyntheticPortfolio} — the entry point: a realistic portfolio (accounts in
 * channel tiers, contacts in roles, relationship waves and episodes, invitations, ratings from a latent model,
 * hostile comments) generated from a seed and a few {@linkplain io.github.nps4j.synthetic.SyntheticPortfolio.Builder
 * settings}. Same seed and settings, same data.</li>
 * <li>{@link io.github.nps4j.synthetic.Truth} — what the generator knows and an analysis should find: the true
 * attribute effects, the accounts planted with each {@link io.github.nps4j.synthetic.PlantedSituation}, the responses
 * carrying {@link io.github.nps4j.synthetic.HostileText}.</li>
 * <li>{@link io.github.nps4j.synthetic.PortfolioCsvWriter} — writes any core {@code Portfolio} as the four CSV files
 * the command line and the core reader take, byte for byte the same for the same portfolio.</li>
 * </ul>
 *
 * <p>Example usage:
 * <pre>{@code
 * SyntheticPortfolio p = SyntheticPortfolio.builder().seed(7).accounts(200).build();
 * NpsEstimate all = NpsScorer.scoreAll(p.responses());
 * List<String> silent = p.truth().planted(PlantedSituation.SILENT);   // accounts an account map must flag
 * p.writeFiles(Path.of("target/synthetic"));     // the four CSV files and truth.json
 * }</pre>
 *
 * <p>Nulls are not accepted anywhere; absent values are {@code Optional}s. All value types are immutable.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.nps4j.synthetic;

import org.jspecify.annotations.NullMarked;
