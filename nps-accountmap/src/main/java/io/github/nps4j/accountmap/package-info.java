/**
 * Account maps for B2B Net Promoter programs: Bain's picture of a large account — deciders, influencers and users,
 * each marked promoter, passive or detractor — made computable.
 *
 * <p>Concepts:
 * <ul>
 * <li>{@link io.github.nps4j.accountmap.AccountMap} — the entry point: every account of a
 * {@link io.github.nps4j.core.Portfolio} mapped as of a date, with revenue at risk, the channel view and the
 * portfolio overview.</li>
 * <li>{@link io.github.nps4j.accountmap.MappedAccount} — one account: contacts per role with their latest answer and
 * category ({@link io.github.nps4j.accountmap.ContactEntry}), coverage per role
 * ({@link io.github.nps4j.accountmap.RoleCoverage}), account NPS, mean score, waterfall answer and category, the
 * trend ({@link io.github.nps4j.accountmap.AccountTrend}) and the {@link io.github.nps4j.accountmap.Flag flags}.</li>
 * <li>{@link io.github.nps4j.core.DateWindow} — every window is {@code (asOf − days, asOf]}: the as-of day
 * is included.</li>
 * <li>{@link io.github.nps4j.accountmap.DeclineCheck} — the two-group test behind the {@code declining} flag.</li>
 * <li>{@link io.github.nps4j.accountmap.RevenueAtRisk}, {@link io.github.nps4j.accountmap.ChannelView},
 * {@link io.github.nps4j.accountmap.PortfolioOverview} — portfolio-level results.</li>
 * </ul>
 *
 * <p>Closing the loop lives in {@code io.github.nps4j.accountmap.followup}, the survey planner in
 * {@code io.github.nps4j.accountmap.planner} and the SVG pictures in {@code io.github.nps4j.accountmap.svg}.
 *
 * <p>Example usage:
 * <pre>{@code
 * AccountMap map = AccountMap.of(portfolio, LocalDate.of(2026, 6, 30),
 *         AccountMapOptions.builder().lowCoverageShare(0.25).build());
 * MappedAccount acme = map.account("A1").orElseThrow();
 * acme.roles().get(Role.DECISION_MAKER).detractors();   // deciders who detract
 * acme.has(Flag.DECIDER_DETRACTOR);
 * map.revenueAtRisk().total();
 * map.overview().ranking().get(0);                      // the riskiest account
 * }</pre>
 *
 * <p>Nulls are not accepted anywhere unless a parameter is annotated {@code @Nullable}; absent values are
 * {@code Optional}s. Results are immutable records and thread-safe; numbers are never rounded; counts are
 * {@code long}. Comments and contact data are personal data: nothing in this module logs.
 */
@NullMarked
package io.github.nps4j.accountmap;

import org.jspecify.annotations.NullMarked;
