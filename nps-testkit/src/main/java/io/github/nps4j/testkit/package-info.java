/**
 * Fixtures for testing code that uses nps4j, published like {@code junit-platform-testkit} and {@code micrometer-test}:
 * add {@code io.github.nps4j:nps-testkit} with {@code <scope>test</scope>}.
 *
 * <ul>
 * <li>{@link io.github.nps4j.testkit.SyntheticPortfolio} — the entry point: a seeded, realistic B2B portfolio
 * (accounts in channel tiers, contacts in roles, relationship waves and episodes, invitations, ratings from a latent
 * model, hostile comments) with its {@link io.github.nps4j.testkit.Truth}: the true attribute effects and the accounts
 * planted with each {@link io.github.nps4j.testkit.PlantedSituation}. Same seed, same data, same bytes
 * ({@link io.github.nps4j.testkit.PortfolioCsvWriter}).</li>
 * <li>{@link io.github.nps4j.testkit.NpsArbitraries} and the {@link io.github.nps4j.testkit.NpsDomain} jqwik domain —
 * generators of valid scores, categories, roles, responses, accounts and consistent portfolios that stay valid while
 * shrinking.</li>
 * <li>{@link io.github.nps4j.testkit.Responses} and {@link io.github.nps4j.testkit.Answer} — hand-written fixtures in
 * one line.</li>
 * <li>{@link io.github.nps4j.testkit.SyntheticPortfolioExtension} and {@link io.github.nps4j.testkit.Synthetic} —
 * parameter injection for JUnit 5; {@link io.github.nps4j.testkit.NpsAssertions} — assertions with actionable
 * messages.</li>
 * </ul>
 *
 * <p>Example usage:
 * <pre>{@code
 * import static io.github.nps4j.testkit.Answer.*;
 *
 * class MyDashboardTest {
 *     @Test
 *     void oneDetractingDeciderAndTwoPromotingUsers() {
 *         NpsEstimate e = NpsScorer.scoreAll(Responses.of("A1", decisionMaker(3), user(9), user(10)));
 *         NpsAssertions.assertNps(e, 33.3, 0.1);
 *     }
 *
 *     @Test
 *     void rendersAPortfolio(@Synthetic(seed = 42) SyntheticPortfolio p) {
 *         String html = myDashboard.render(p.portfolio());
 *         assertFalse(html.contains("<script>"));                  // hostile comments are in the data
 *         p.truth().planted(PlantedSituation.SILENT).forEach(id -> assertTrue(html.contains(id)));
 *     }
 *
 *     @Property
 *     void neverThrows(@ForAll("portfolios") Portfolio p) { myDashboard.render(p); }
 *
 *     @Provide
 *     Arbitrary<Portfolio> portfolios() { return NpsArbitraries.portfolios(); }
 * }
 * }</pre>
 *
 * <p>Nulls are not accepted anywhere; absent values are {@code Optional}s. All value types are immutable.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.nps4j.testkit;

import org.jspecify.annotations.NullMarked;
