/**
 * The B2B Net Promoter domain model and its arithmetic.
 *
 * <p>A B2B customer is an organisation: an {@link io.github.nps4j.core.Account} (with a channel
 * {@link io.github.nps4j.core.Tier}, an optional parent, annual value, owner and segment tags) holds
 * {@link io.github.nps4j.core.Contact}s in {@link io.github.nps4j.core.Role}s, who give
 * {@link io.github.nps4j.core.Response}s after {@link io.github.nps4j.core.EpisodeType episodes}. A score is classified by
 * {@link io.github.nps4j.core.Category#of(int)}; a {@link io.github.nps4j.core.Tally} accumulates weighted category
 * totals and yields an immutable {@link io.github.nps4j.core.NpsEstimate}.
 *
 * <p>What a role means — which roles decide and influence, their seniority, weights and aliases — is one
 * {@link io.github.nps4j.core.RolePolicy}; every window of days is a half-open {@link io.github.nps4j.core.DateWindow}
 * {@code (start, end]}. Nothing in nps4j reads the clock: as-of dates are parameters
 * ({@link io.github.nps4j.core.Portfolio#latestAnswerDate()} gives the data's own).
 *
 * <p>What to score is one immutable {@link io.github.nps4j.core.ScoringSpec} (weighting, grouping, de-duplication,
 * window, episodes); {@link io.github.nps4j.core.NpsScorer} applies it to response objects, and the columnar
 * ({@code table.TableScorer}) and streaming ({@code csv.StreamingScorer}) engines apply the same spec with the same
 * results:
 * <pre>{@code
 * ScoringSpec spec = ScoringSpec.builder()
 *         .weighting(Weighting.roleAccountEqual(RoleWeights.defaults()))
 *         .groupBy(GroupField.ROLE)
 *         .build();
 * GroupedNps result = NpsScorer.of(spec, accounts).score(responses);
 * }</pre>
 *
 * <p>Nulls are not accepted anywhere unless a parameter is annotated {@code @Nullable}; absent values are
 * {@code Optional}s. All value types are immutable and thread-safe; accumulators ({@code Tally}) are not.
 */
@NullMarked
package io.github.nps4j.core;

import org.jspecify.annotations.NullMarked;
