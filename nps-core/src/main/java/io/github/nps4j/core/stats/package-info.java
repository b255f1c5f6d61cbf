/**
 * Uncertainty for Net Promoter figures: confidence intervals, account-clustered standard errors, two-group tests,
 * trends, the bootstrap and Bayesian (Dirichlet) estimates for small accounts.
 *
 * <h2>Concepts</h2>
 * <ul>
 * <li>An {@link io.github.nps4j.core.NpsEstimate} (from a {@link io.github.nps4j.core.Tally}) carries what the
 * closed-form methods need. NPS and every figure here are in NPS points (−100..100); intervals are clipped to that
 * range; nothing is rounded.</li>
 * <li>{@link io.github.nps4j.core.stats.ConfidenceIntervals} computes an {@link io.github.nps4j.core.stats.Interval}
 * by an {@link io.github.nps4j.core.stats.IntervalMethod}: {@code wald}, {@code adjusted-wald} (Rocks 2016) or
 * {@code score} (Tango 1998). {@link io.github.nps4j.core.stats.Bootstrap} gives {@code bootstrap} percentile
 * intervals from response-level arrays, seeded and reproducible.</li>
 * <li>Answers from one account are not independent. A {@link io.github.nps4j.core.stats.ClusteredTally} keeps
 * per-account totals; its {@link io.github.nps4j.core.stats.ClusteredEstimate} gives the account-clustered standard
 * error (Kish; R {@code survey} with {@code ids = ~account}) beside the independent one.</li>
 * <li>{@link io.github.nps4j.core.stats.Comparison} tests a − b (sign kept, p = 2Φ(−|z|)), independent or clustered;
 * {@link io.github.nps4j.core.stats.Trend} applies it to successive periods.</li>
 * <li>{@link io.github.nps4j.core.stats.NpsPosterior} is the Dirichlet posterior of one group under a
 * {@link io.github.nps4j.core.stats.DirichletPrior}, with an exact (numerically integrated) credible interval;
 * {@link io.github.nps4j.core.stats.EmpiricalBayes} fits the prior across a portfolio (Dirichlet-multinomial maximum
 * likelihood, Minka; as R {@code dirmult}) and returns each account's <em>shrunk</em> NPS.</li>
 * <li>{@link io.github.nps4j.core.stats.NpsSummary} bundles, for reports and the command line, NPS, standard error,
 * clustered standard error and one interval, with notes.</li>
 * </ul>
 *
 * <h2>Entry point: scored groups in, figures out</h2>
 * One {@link io.github.nps4j.core.stats.UncertaintyOptions} value (interval method, level, clustering by account,
 * bootstrap seed and resamples, optional posterior) is the whole policy; the calls below take the scorer's results
 * directly, so nobody wires estimates, clustered tallies and bootstraps by hand:
 * <ul>
 * <li>{@link io.github.nps4j.core.stats.NpsSummary#of(io.github.nps4j.core.WeightedGroup, io.github.nps4j.core.stats.UncertaintyOptions)}: one
 * group's summary;</li>
 * <li>{@link io.github.nps4j.core.stats.SummarizedNps#of(io.github.nps4j.core.GroupedNps, io.github.nps4j.core.stats.UncertaintyOptions)}: every
 * group, with {@code nps()}, {@code interval()}, standard errors, notes and posteriors (empirical Bayes fitted once);
 * </li>
 * <li>{@link io.github.nps4j.core.stats.Trend#of(io.github.nps4j.core.GroupedNps, io.github.nps4j.core.stats.UncertaintyOptions)},
 * {@link io.github.nps4j.core.stats.Comparison#of(io.github.nps4j.core.GroupedNps.Group,
 * io.github.nps4j.core.GroupedNps.Group, io.github.nps4j.core.stats.UncertaintyOptions)} and
 * {@link io.github.nps4j.core.stats.EmpiricalBayes#fit(io.github.nps4j.core.GroupedNps)}.</li>
 * </ul>
 *
 * <h2>Which interval when</h2>
 * <ul>
 * <li><b>{@code wald}</b> — large groups (say 30+ answers with several in each category); simple and what most tools
 * print. Collapses to a point when every answer is in one category: then it is flagged
 * {@link io.github.nps4j.core.stats.Interval#degenerate() degenerate}, not presented as certainty.</li>
 * <li><b>{@code score}</b> — the default: Tango's interval, whose exact minimum coverage at n = 5–10 is 91.7–93.2 %
 * (adjusted Wald: 83.7–89.8 %; the README's "Which interval?" has the table and the program that computes it); never
 * leaves [−100, 100] by construction, is asymmetric near the ends and always contains the observed NPS. Differences
 * of two groups combine the two score intervals by MOVER ({@link io.github.nps4j.core.stats.Comparison}).</li>
 * <li><b>{@code adjusted-wald}</b> — Rocks (2016): 0.75/1.5/0.75 pseudo-answers keep it informative even for n = 1.
 * Its interval is centred on the adjusted NPS; the interval given is extended to the observed NPS when it misses it,
 * so that it contains the NPS it is shown beside.</li>
 * <li><b>{@code bootstrap}</b> — when you want a distribution-free check, or when answers are clustered by account and
 * you resample whole accounts.</li>
 * <li><b>clustered</b> — whenever several answers come from one account (the B2B normal case) and there are at least
 * two accounts: use {@code ClusteredEstimate} (with fewer than 10 accounts the critical value is Student t with G − 1
 * degrees of freedom; a group with one account is refused). Groups of one scored result are domains of one design:
 * their clustered SE counts all its accounts ({@code survey::svyby}).</li>
 * <li><b>posterior / shrunk</b> — for per-account NPS of small accounts, where any interval above is very wide: the
 * posterior mean borrows strength from the prior or, with empirical Bayes, from the whole portfolio. Label it as
 * such.</li>
 * </ul>
 * Weighted data: Wald uses the weighted linearization variance; adjusted-Wald, score and the posterior use the Kish
 * effective counts n<sub>eff</sub>·(weighted shares).
 *
 * <h2>Empty and degenerate groups</h2>
 * An empty group has no NPS: methods return {@code Optional.empty()} / {@code OptionalDouble.empty()} (never NaN or 0),
 * {@link io.github.nps4j.core.stats.Bootstrap} throws {@code IllegalArgumentException}, and a posterior of an empty
 * group is its prior.
 *
 * <h2>Example usage</h2>
 * <pre>{@code
 * GroupedNps byRole = NpsScorer.builder().groupBy(GroupField.ROLE).build().score(responses);
 * UncertaintyOptions options = UncertaintyOptions.defaults().clusteredByAccount();
 * for (SummarizedNps.Group g : SummarizedNps.of(byRole, options).groups()) {
 *     System.out.println(g.key().role().orElseThrow() + ": " + g.nps() + " " + g.interval());
 * }
 *
 * // or, from the parts:
 * ClusteredTally t = new ClusteredTally();
 * for (Response r : responses) t.add(r.accountId(), Category.of(r.score()), 1.0);
 * ClusteredEstimate e = t.snapshot();
 *
 * Interval ci = ConfidenceIntervals.of(e.estimate(), IntervalMethod.parse("score"), 0.95).orElseThrow();
 * OptionalDouble seClustered = e.clusteredStandardError();
 * NpsSummary summary = NpsSummary.of(e, IntervalMethod.WALD, 0.95);      // for reports / JSON
 *
 * Comparison c = Comparison.clustered(thisQuarter, lastQuarter, 0.95).orElseThrow();
 * Interval boot = Bootstrap.of(42L, 2000).accounts(e);
 * NpsPosterior small = NpsPosterior.of(e.estimate(), DirichletPrior.uniform(), 0.95);
 * }</pre>
 *
 * <p>Nulls are not accepted unless annotated {@code @Nullable}. Results are immutable, thread-safe records;
 * {@code ClusteredTally} is a mutable, mergeable accumulator.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.nps4j.core.stats;

import org.jspecify.annotations.NullMarked;
