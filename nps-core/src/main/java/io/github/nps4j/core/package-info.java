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
 * <p>The entry point for grouped, weighted scoring is {@link io.github.nps4j.core.NpsScorer}:
 * <pre>{@code
 * GroupedNps result = NpsScorer.builder()
 *         .accounts(accounts)
 *         .weighting(Weighting.roleAccountEqual(RoleWeights.defaults()))
 *         .groupBy(GroupField.ROLE)
 *         .build()
 *         .score(responses);
 * }</pre>
 *
 * <p>Nulls are not accepted anywhere unless a parameter is annotated {@code @Nullable}; absent values are
 * {@code Optional}s. All value types are immutable and thread-safe; accumulators ({@code Tally}) are not.
 */
@NullMarked
package io.github.nps4j.core;

import org.jspecify.annotations.NullMarked;
