/**
 * Fixtures for testing code that uses nps4j, published like {@code junit-platform-testkit} and {@code micrometer-test}:
 * add {@code io.github.nps4j:nps-testkit} with {@code <scope>test</scope>} beside your own JUnit Jupiter (5.10 to 6.x)
 * and jqwik (1.9 to 1.10), which the testkit uses but does not bring ({@code provided}).
 *
 * <ul>
 * <li>{@link io.github.nps4j.testkit.Synthetic} and {@link io.github.nps4j.testkit.SyntheticPortfolioExtension} — the
 * entry point: JUnit 5 parameter injection of a seeded, realistic B2B portfolio
 * ({@link io.github.nps4j.synthetic.SyntheticPortfolio}, from {@code nps-synthetic}, which the testkit brings along)
 * with its {@link io.github.nps4j.synthetic.Truth}: the true attribute effects and the accounts planted with each
 * {@link io.github.nps4j.synthetic.PlantedSituation}. Same seed, same data, same bytes.</li>
 * <li>{@link io.github.nps4j.testkit.NpsArbitraries} and the {@link io.github.nps4j.testkit.NpsDomain} jqwik domain —
 * generators of valid scores, categories, roles, responses, accounts and consistent portfolios that stay valid while
 * shrinking.</li>
 * <li>{@link io.github.nps4j.testkit.Responses} and {@link io.github.nps4j.testkit.Answer} — hand-written fixtures in
 * one line.</li>
 * <li>{@link io.github.nps4j.testkit.NpsAssertions} — assertions with actionable messages.</li>
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
