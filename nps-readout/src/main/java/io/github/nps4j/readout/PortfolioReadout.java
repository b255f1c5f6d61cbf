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
import io.github.nps4j.core.compare.CompetitorBenchmark;
import io.github.nps4j.core.compare.PairedComparison;
import io.github.nps4j.core.themes.Codebook;
import io.github.nps4j.core.themes.ThemeAnalysis;
import io.github.nps4j.core.themes.ThemeReport;
import io.github.nps4j.core.stats.SummarizedNps;
import io.github.nps4j.core.stats.Trend;
import io.github.nps4j.core.stats.UncertaintyOptions;
import io.github.nps4j.drivers.DriverAnalysis;
import io.github.nps4j.drivers.DriverResult;
import io.github.nps4j.drivers.ImportanceRow;
import io.github.nps4j.drivers.Quadrant;
import io.github.nps4j.drivers.WhatIf;
import io.github.nps4j.readout.economics.LoyaltyEconomics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <li>the follow-up queue and the survey plan of the day after the as-of day;</li>
 * <li>comment themes: the headline answers' comments coded by {@link ReadoutOptions#codebook()} (the
 * {@link DefaultCodebook built-in B2B codebook} unless you give yours), scored by {@link ThemeAnalysis} with a few
 * example comments per theme;</li>
 * <li>competitors: our NPS against each competitor's over the headline answers that rate it, a paired test by
 * {@link CompetitorBenchmark} under the readout's uncertainty options;</li>
 * <li>loyalty economics: {@link LoyaltyEconomics} over the readout's account map.</li>
 * </ol>
 * A section the data cannot support (no comments or codebook, no competitor scores, no account outcomes) is missing
 * and says why ({@code unavailableReason()}); the other sections are unaffected.
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
        CommentThemes themes = themes(portfolio, options, scope);
        Competitors competitors = competitors(portfolio, options, scope);
        LoyaltyValue economics = economics(portfolio, options, map);
        return new Readout(asOf, relationship, trend, risk, drivers, followUps, invitations, themes, competitors,
                economics);
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

    private static CommentThemes themes(Portfolio p, ReadoutOptions o, Scope scope) {
        String answers = scope.answer() + "s with a comment";
        if (o.codebook().isEmpty()) {
            return CommentThemes.unavailable("no codebook was given");
        }
        Codebook book = o.codebook().get();
        NpsScorer scorer = scope.scorer(p).window(o.windowStart(), o.asOf()).build();
        List<Response> analysed = scorer.score(p.responses()).overall().orElseThrow().data().responses();
        List<Response> commented = analysed.stream()
                .filter(r -> r.comment().isPresent() && !r.comment().get().isBlank()).toList();
        if (commented.isEmpty()) {
            return CommentThemes.unavailable("the " + scope.answer() + "s from " + o.windowStart() + " to "
                    + o.asOf() + " carry no comments");
        }
        double level = o.uncertainty().level();
        ThemeReport report;
        try {
            report = ThemeAnalysis.of(book).withSpec(scorer.spec(), p.accounts()).withLevel(level).withExamples(0)
                    .analyse(p.responses());
        } catch (IllegalArgumentException e) {
            return CommentThemes.unavailable("not available: " + e.getMessage());
        }
        Map<String, List<String>> examples = new LinkedHashMap<>();
        if (o.themeExamples() > 0) {
            // detractors' comments first, then passives', then promoters'; the latest first within each
            List<Response> order = new ArrayList<>(commented);
            order.sort(Comparator.comparing((Response r) -> r.category().sign())
                    .thenComparing(Response::answeredAt, Comparator.reverseOrder())
                    .thenComparing(Response::id));
            for (String theme : book.themes()) {
                List<String> picked = order.stream().filter(r -> book.mentions(r.comment().get(), theme))
                        .map(r -> example(r.comment().get())).distinct().limit(o.themeExamples()).toList();
                if (!picked.isEmpty()) {
                    examples.put(theme, picked);
                }
            }
        }
        String named = o.codebookName().equals(DefaultCodebook.NAME) ? "the " + DefaultCodebook.NAME
                : "codebook '" + o.codebookName() + "'";
        String rule = "the comments of each contact's latest " + scope.answer() + " from " + o.windowStart() + " to "
                + o.asOf() + ", coded by " + named + " (" + book.themes().size() + " themes; a comment "
                + "may mention several); every commenter counts once; difference = NPS of commenters mentioning a "
                + "theme − NPS of those not mentioning it, " + percent(level) + " Wald interval (two independent "
                + "groups); an association, not proof of cause";
        return new CommentThemes(Optional.of(report), Optional.empty(), named + " (" + book.themes().size()
                + " themes)", examples, answers, rule);
    }

    /** A comment for the report: white space collapsed, cut to {@value CommentThemes#EXAMPLE_LENGTH} characters. */
    static String example(String comment) {
        String one = comment.strip().replaceAll("\\s+", " ");
        if (one.codePointCount(0, one.length()) <= CommentThemes.EXAMPLE_LENGTH) {
            return one;
        }
        return one.substring(0, one.offsetByCodePoints(0, CommentThemes.EXAMPLE_LENGTH - 1)) + "…";
    }

    private static Competitors competitors(Portfolio p, ReadoutOptions o, Scope scope) {
        String answers = scope.answer() + "s rating the competitor";
        if (CompetitorBenchmark.competitors(p.responses()).isEmpty()) {
            return Competitors.unavailable("the answers carry no competitor scores (competitor:<name> columns)");
        }
        UncertaintyOptions u = o.uncertainty();
        NpsScorer scorer = scope.scorer(p).window(o.windowStart(), o.asOf()).build();
        List<PairedComparison> rows;
        try {
            rows = CompetitorBenchmark.of(scorer, u).compare(p.responses());
        } catch (IllegalArgumentException e) {
            return Competitors.unavailable("not available: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            return Competitors.unavailable("no " + scope.answer() + " from " + o.windowStart() + " to " + o.asOf()
                    + " rates a competitor");
        }
        String rule = "each contact's latest " + scope.answer() + " from " + o.windowStart() + " to " + o.asOf()
                + " among those rating the competitor, unweighted; difference = our NPS − theirs over the same "
                + "respondents, a paired test on d = z_us − z_them; " + percent(u.level()) + " normal interval"
                + (u.clustered() ? ", clustered by account (t with G − 1 degrees of freedom under 10 accounts)"
                        : ", answers treated as independent");
        return new Competitors(rows.stream().filter(c -> c.key().fields().isEmpty()).toList(), Optional.empty(),
                answers, rule);
    }

    private static LoyaltyValue economics(Portfolio p, ReadoutOptions o, AccountMap map) {
        if (p.accounts().stream().allMatch(a -> a.outcome().isEmpty())) {
            return LoyaltyValue.unavailable("no account carries an outcome (outcome:renewed, outcome:revenue_growth "
                    + "columns of accounts.csv)");
        }
        UncertaintyOptions u = o.uncertainty();
        LoyaltyEconomics e = LoyaltyEconomics.of(map, u);
        String rule = "accounts grouped by their account category (" + e.categoryRule() + "); renewal rate over the "
                + "accounts with a known outcome; lifetime value = mean annual value / (1 − renewal rate), "
                + "undiscounted; promoter / detractor lifetime-value ratio with a " + percent(u.level())
                + " percentile bootstrap interval (" + u.resamples() + " resamples of accounts within each category, "
                + "seed " + u.seed() + "); renewal model: logistic regression of renewed on account NPS";
        return new LoyaltyValue(Optional.of(e), Optional.empty(), rule);
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
