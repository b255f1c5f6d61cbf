package io.github.nps4j.readout;

import io.github.nps4j.accountmap.AccountMap;
import io.github.nps4j.accountmap.MappedAccount;
import io.github.nps4j.accountmap.RiskEntry;
import io.github.nps4j.accountmap.followup.FollowUpOptions;
import io.github.nps4j.accountmap.followup.FollowUpQueue;
import io.github.nps4j.accountmap.planner.PlannedInvitation;
import io.github.nps4j.accountmap.planner.SurveyPlan;
import io.github.nps4j.accountmap.planner.SurveyPlanner;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.PeriodUnit;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.stats.SummarizedNps;
import io.github.nps4j.core.stats.Trend;
import io.github.nps4j.core.stats.UncertaintyOptions;
import io.github.nps4j.drivers.DriverAnalysis;
import io.github.nps4j.drivers.DriverResult;
import io.github.nps4j.drivers.ImportanceRow;
import io.github.nps4j.drivers.Quadrant;
import io.github.nps4j.drivers.WhatIf;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Computes the whole portfolio readout — the figures {@code nps demo} prints and {@code nps report} draws — with the
 * library's public API, so a host application (a CRM plugin, a dashboard) gets every figure of the demo in one call:
 * <ol>
 * <li>relationship NPS: each contact's latest answer in the window (relationship answers when the data hold any),
 * overall, by role and by tier, with intervals under {@link ReadoutOptions#uncertainty()}; account-count NPS from the
 * account map; revenue-weighted NPS (account-value weighting);</li>
 * <li>the trend: contacts' latest answers per calendar quarter up to the as-of day, with intervals and the change
 * from each quarter to the next ({@link Trend#of(GroupedNps, UncertaintyOptions)});</li>
 * <li>accounts at risk: the account map's ranking, keeping accounts with a flag or a detractor category, and the
 * revenue at risk;</li>
 * <li>key drivers of the headline answers that carry ratings, and a what-if that raises the most important
 * fix-first attribute (else the most important one);</li>
 * <li>the follow-up queue and the survey plan of the day after the as-of day.</li>
 * </ol>
 * Nothing reads the clock: the as-of day comes from the options.
 *
 * <p>Example usage:
 * <pre>{@code
 * Readout r = PortfolioReadout.of(portfolio, ReadoutOptions.asOf(LocalDate.of(2026, 9, 30)));
 * System.out.println("NPS " + r.relationship().overall().nps() + " " + r.relationship().overall().interval());
 * r.accountsAtRisk().top().forEach(a -> System.out.println(a.accountId() + " " + a.flags()));
 * r.rules().forEach(System.out::println);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class PortfolioReadout {
    private PortfolioReadout() {
    }

    /**
     * Computes the readout.
     *
     * @param portfolio the portfolio (roles filled in, e.g. by {@link Portfolio#withRoles()}; not modified)
     * @param options the settings, with the as-of day
     * @return the readout
     * @throws IllegalArgumentException if the settings do not fit the data (e.g. a posterior fitted across accounts
     *     that the data cannot support)
     */
    public static Readout of(Portfolio portfolio, ReadoutOptions options) {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(options, "options");
        LocalDate asOf = options.asOf();
        Scope scope = Scope.of(portfolio, options);
        AccountMap map = AccountMap.of(portfolio, asOf, options.accountMap());
        RelationshipNps relationship = relationship(portfolio, options, scope, map);
        QuarterlyTrend trend = trend(portfolio, options, scope);
        AccountsAtRisk risk = accountsAtRisk(map, options);
        KeyDrivers drivers = drivers(portfolio, options, scope);
        FollowUps followUps = followUps(portfolio, options);
        Invitations invitations = invitations(portfolio, options);
        return new Readout(asOf, relationship, trend, risk, drivers, followUps, invitations);
    }

    /** Which episodes the figures score: one type, or all mixed when the data hold no relationship answers. */
    private record Scope(Optional<EpisodeType> episode) {
        static Scope of(Portfolio p, ReadoutOptions o) {
            if (o.episode().isPresent()) {
                return new Scope(o.episode());
            }
            boolean relationship = p.responses().stream().anyMatch(r -> r.episode().equals(EpisodeType.RELATIONSHIP));
            return new Scope(relationship ? Optional.of(EpisodeType.RELATIONSHIP) : Optional.empty());
        }

        /** Every figure: contacts' latest answers of the scope's episode type (or of all types, mixed). */
        NpsScorer.Builder scorer(Portfolio p) {
            NpsScorer.Builder b = NpsScorer.builder().accounts(p.accounts()).dedupe(Dedupe.LATEST_PER_CONTACT);
            return episode.isPresent() ? b.episodes(episode.get()) : b.mixEpisodes();
        }

        /** E.g. {@code relationship answer}, or {@code answer} when all types are mixed. */
        String answer() {
            return episode.map(e -> e.name() + " answer").orElse("answer");
        }
    }

    private static RelationshipNps relationship(Portfolio p, ReadoutOptions o, Scope scope, AccountMap map) {
        LocalDate from = o.windowStart();
        LocalDate asOf = o.asOf();
        UncertaintyOptions u = o.uncertainty();
        GroupedNps overall = scope.scorer(p).window(from, asOf).build().score(p.responses());
        SummarizedNps head = SummarizedNps.of(overall, u);
        SummarizedNps byRole = SummarizedNps.of(scope.scorer(p).window(from, asOf).groupBy(GroupField.ROLE).build()
                .score(p.responses()), u);
        SummarizedNps byTier = SummarizedNps.of(scope.scorer(p).window(from, asOf).groupBy(GroupField.TIER).build()
                .score(p.responses()), u);
        OptionalDouble revenue = OptionalDouble.empty();
        Optional<String> revenueNote = Optional.empty();
        try {
            revenue = scope.scorer(p).window(from, asOf).weighting(Weighting.accountValue()).build()
                    .score(p.responses()).overall().orElseThrow().estimate().nps();
        } catch (IllegalArgumentException e) {
            revenueNote = Optional.of("not available: " + e.getMessage());
        }
        String rule = "each contact's latest " + scope.answer() + " from " + from + " to " + asOf
                + ", unweighted (every contact counts once); " + intervals(u);
        return new RelationshipNps(from, asOf, scope.episode(), head.overall().orElseThrow(), byRole.groups(),
                byTier.groups(), map.overview().accountCountNps(), revenue, revenueNote, rule);
    }

    private static QuarterlyTrend trend(Portfolio p, ReadoutOptions o, Scope scope) {
        LocalDate asOf = o.asOf();
        GroupedNps quarters = scope.scorer(p).filter(r -> !r.answeredOn().isAfter(asOf))
                .groupBy(GroupField.period(PeriodUnit.QUARTER)).build().score(p.responses());
        UncertaintyOptions u = o.uncertainty();
        Trend t = Trend.of(quarters, u);
        return new QuarterlyTrend(t, "change significant at p < " + t.alpha()
                + (u.clustered() ? ", clustered by account" : ""));
    }

    private static AccountsAtRisk accountsAtRisk(AccountMap map, ReadoutOptions o) {
        List<MappedAccount> top = new ArrayList<>();
        for (RiskEntry e : map.overview().ranking()) {
            MappedAccount a = map.account(e.accountId()).orElseThrow();
            boolean risky = !a.flags().isEmpty() || a.category().map(c -> c == Category.DETRACTOR).orElse(false);
            if (risky && top.size() < o.topAccountsAtRisk()) {
                top.add(a);
            }
        }
        long flagged = map.accounts().stream().filter(m -> !m.flags().isEmpty()).count();
        return new AccountsAtRisk(top, flagged, map.revenueAtRisk(), map,
                "ranked by risk score = flag and category severity × annual value (a ranking score, not money)");
    }

    private static KeyDrivers drivers(Portfolio p, ReadoutOptions o, Scope scope) {
        GroupedNps head = scope.scorer(p).window(o.windowStart(), o.asOf()).build().score(p.responses());
        List<Response> rated = head.overall().orElseThrow().data().responses().stream()
                .filter(r -> !r.ratings().isEmpty()).toList();
        String answers = scope.answer() + "s with ratings";
        String rule = "the what-if raises the most important fix-first attribute (else the most important one) by "
                + points(o.whatIfRaise()) + " for every answer rating it below " + plain(o.whatIfBelow())
                + "; its baseline is the NPS of the answers the model uses (those with every rating), which can "
                + "differ from the headline NPS";
        if (rated.isEmpty()) {
            return new KeyDrivers(Optional.empty(),
                    Optional.of("the answers carry no attribute ratings (attr:* columns)"), answers, rule);
        }
        try {
            DriverResult first = DriverAnalysis.builder().build().analyze(rated);
            String target = whatIfTarget(first);
            DriverResult withWhatIf = DriverAnalysis.builder()
                    .whatIf(WhatIf.raise(target, o.whatIfRaise()).forRatingsBelow(o.whatIfBelow())).build()
                    .analyze(rated);
            return new KeyDrivers(Optional.of(withWhatIf), Optional.empty(), answers, rule);
        } catch (IllegalArgumentException e) {
            return new KeyDrivers(Optional.empty(), Optional.of("not available: " + e.getMessage()), answers, rule);
        }
    }

    /** The what-if raises the most important fix-first attribute, else the most important one. */
    private static String whatIfTarget(DriverResult r) {
        Comparator<ImportanceRow> byLmg = Comparator.comparingDouble(ImportanceRow::lmg);
        return r.importance().stream().filter(row -> row.quadrant() == Quadrant.FIX_FIRST).max(byLmg)
                .or(() -> r.importance().stream().max(byLmg)).orElseThrow().name();
    }

    private static FollowUps followUps(Portfolio p, ReadoutOptions o) {
        FollowUpOptions f = o.followUps();
        FollowUpQueue queue = FollowUpQueue.of(p, o.asOf(), f);
        String answers = f.includePassiveDecisionMakers() ? "detractor answers and passive answers of "
                + f.rolePolicy().deciders().stream().map(Role::name).sorted().toList() : "detractor answers";
        String rule = "open cases from " + answers + " in the last " + f.lookbackDays()
                + " days; highest priority = role weight × annual value first";
        return new FollowUps(queue.cases().stream().limit(o.topFollowUps()).toList(), queue.cases().size(),
                f.lookbackDays(), rule);
    }

    private static Invitations invitations(Portfolio p, ReadoutOptions o) {
        SurveyPlanner planner = o.planner();
        SurveyPlan plan = planner.plan(p, o.asOf().plusDays(1));
        List<PlannedInvitation> inv = new ArrayList<>(plan.invitations());
        // Most senior roles first (stable: the planner already put each account's uncovered roles first).
        inv.sort(Comparator.comparing(PlannedInvitation::role, planner.rolePolicy().bySeniority()));
        String rule = "quiet period " + planner.quietDays() + " days, at most " + planner.maxPerAccount()
                + " per account";
        return new Invitations(plan.date(), inv.stream().limit(o.topInvitations()).toList(),
                plan.invitations().size(), rule, plan.rules());
    }

    /** E.g. {@code 95 % score intervals, clustered by account}. */
    static String intervals(UncertaintyOptions u) {
        String method = switch (u.method()) {
            case WALD -> "Wald";
            case ADJUSTED_WALD -> "adjusted-Wald";
            case SCORE -> "score";
            case BOOTSTRAP -> "bootstrap (" + u.resamples() + " resamples, seed " + u.seed() + ")";
        };
        return percent(u.level()) + " " + method + " intervals"
                + (u.clustered() ? ", clustered by account" : ", answers treated as independent");
    }

    /** A level such as 0.95 as {@code 95 %}. */
    static String percent(double level) {
        return new BigDecimal(Double.toString(level * 100)).stripTrailingZeros().toPlainString() + " %";
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String points(double v) {
        return plain(v) + (v == 1 ? " point" : " points");
    }
}
