/**
 * Loyalty economics: what promoter, passive and detractor accounts are worth on the caller's own books.
 *
 * <h2>Concepts</h2>
 * <ul>
 * <li>Each account's category is the one its {@link io.github.nps4j.accountmap.AccountMap} assigns (the same rule and
 * window as {@code nps accounts}); its outcome ({@link io.github.nps4j.core.AccountOutcome}: renewed or not, revenue
 * growth) and annual value come from the account.</li>
 * <li>Per category: the renewal rate over accounts with a known outcome, the mean annual value, the mean revenue
 * growth and a simple lifetime value, mean annual value / (1 − renewal rate) (the expected value of a customer who
 * renews with that probability every year, undiscounted).</li>
 * <li>The promoter-to-detractor lifetime-value ratio (Bain reports 3–12×), with a seeded percentile bootstrap interval
 * that resamples accounts within each category, and a logistic model of renewal on account NPS.</li>
 * <li>{@link io.github.nps4j.readout.economics.LoyaltyEconomics#of} is the entry point.</li>
 * </ul>
 *
 * <p>Example usage:
 * <pre>{@code
 * LoyaltyEconomics e = LoyaltyEconomics.of(AccountMap.of(portfolio, asOf), UncertaintyOptions.defaults());
 * e.promoterToDetractorValueRatio().ifPresent(r -> System.out.printf("promoters are worth %.1f× detractors%n", r));
 * }</pre>
 *
 * @since 0.1.0
 */
@org.jspecify.annotations.NullMarked
package io.github.nps4j.readout.economics;
