/**
 * The whole portfolio readout as one typed model: what {@code nps demo} prints and {@code nps report} draws, for any
 * host application (a CRM plugin, a dashboard, a scheduled mail) to render its own way.
 *
 * <h2>Concepts</h2>
 * <ul>
 * <li>{@link io.github.nps4j.readout.ReadoutOptions} holds every setting: the as-of day (required — nothing reads
 * the clock), the headline window, the episode type, the uncertainty options of every NPS figure
 * ({@link io.github.nps4j.core.stats.UncertaintyOptions}), the account map's, follow-up queue's and survey planner's
 * settings, the what-if scenario, how many accounts, cases and invitations are listed, and the codebook of the comment
 * themes ({@link io.github.nps4j.readout.DefaultCodebook}, a built-in B2B codebook, unless you give yours).</li>
 * <li>{@link io.github.nps4j.readout.PortfolioReadout#of} computes a {@link io.github.nps4j.readout.Readout} with the
 * public APIs of nps-core, nps-accountmap and nps-drivers; its sections are
 * {@link io.github.nps4j.readout.RelationshipNps} (overall, by role, by tier, account-count, revenue-weighted),
 * {@link io.github.nps4j.readout.QuarterlyTrend}, {@link io.github.nps4j.readout.AccountsAtRisk},
 * {@link io.github.nps4j.readout.KeyDrivers}, {@link io.github.nps4j.readout.FollowUps},
 * {@link io.github.nps4j.readout.Invitations}, and the optional {@link io.github.nps4j.readout.CommentThemes} (why
 * customers say what they say), {@link io.github.nps4j.readout.Competitors} (paired benchmark against competitors
 * rated by the same respondents) and {@link io.github.nps4j.readout.LoyaltyValue} (what loyalty is worth: loyalty
 * economics per account category).</li>
 * <li>Every section states the rule it was made by, in words generated from the settings actually used (so a
 * printed "quiet period 90 days" cannot drift from the planner's setting); {@link io.github.nps4j.readout.Readout#rules()}
 * lists them all.</li>
 * <li>A figure that cannot be computed is absent with its reason (revenue-weighted NPS without annual values, drivers
 * without ratings, themes without comments or codebook, competitors without competitor scores, economics without
 * account outcomes), never 0 or NaN.</li>
 * <li>Comments are personal data: the themes' example comments are for the company's own staff; the section's
 * {@code toString} leaves them out and nothing here logs.</li>
 * </ul>
 *
 * <h2>Entry point</h2>
 * {@link io.github.nps4j.readout.PortfolioReadout#of(io.github.nps4j.core.Portfolio, ReadoutOptions)}.
 *
 * <h2>Example usage</h2>
 * <pre>{@code
 * Portfolio portfolio = Portfolio.of(accounts, contacts, responses, invitations).withRoles();
 * Readout r = PortfolioReadout.of(portfolio, ReadoutOptions.asOf(LocalDate.of(2026, 9, 30)));
 * SummarizedNps.Group nps = r.relationship().overall();
 * System.out.printf("NPS %.1f %s%n", nps.nps().orElseThrow(), nps.interval().orElseThrow());
 * for (SummarizedNps.Group role : r.relationship().byRole()) {
 *     System.out.println(role.key().role().orElseThrow() + " " + role.nps());
 * }
 * System.out.println("revenue at risk " + r.accountsAtRisk().revenueAtRisk().total());
 * r.rules().forEach(System.out::println);
 * }</pre>
 *
 * <p>Nulls are not accepted unless annotated {@code @Nullable}; absent values are {@code Optional}s. Results are
 * immutable and thread-safe; numbers are never rounded; counts are {@code long}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.nps4j.readout;

import org.jspecify.annotations.NullMarked;
