package io.github.nps4j.examples.report;

import io.github.nps4j.accountmap.AccountMap;
import io.github.nps4j.accountmap.MappedAccount;
import io.github.nps4j.accountmap.RiskEntry;
import io.github.nps4j.accountmap.followup.FollowUpOptions;
import io.github.nps4j.accountmap.followup.FollowUpQueue;
import io.github.nps4j.accountmap.planner.SurveyPlan;
import io.github.nps4j.accountmap.planner.SurveyPlanner;
import io.github.nps4j.core.AccountCountNps;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.PeriodUnit;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.stats.ClusteredEstimate;
import io.github.nps4j.core.stats.IntervalMethod;
import io.github.nps4j.core.stats.NpsSummary;
import io.github.nps4j.core.stats.Trend;
import io.github.nps4j.drivers.DriverAnalysis;
import io.github.nps4j.drivers.DriverResult;
import io.github.nps4j.drivers.ImportanceRow;
import io.github.nps4j.drivers.Quadrant;
import io.github.nps4j.drivers.WhatIf;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything {@code nps demo} prints and {@code nps report} draws, computed once from a portfolio as of a date with
 * the library's public API: relationship NPS with intervals, by role and tier, account-count and revenue-weighted NPS,
 * the quarterly trend, the account map's risks, key drivers with one what-if, the follow-up queue and the survey plan.
 *
 * @param asOf the day the readout is for
 * @param source where the data came from, for the headline
 * @param windowStart first day of the 365-day window of the headline figures
 * @param relationshipOnly true when only relationship answers are scored (false when the data have none)
 * @param overall the headline: contacts' latest answers in the window, clustered by account
 * @param byRole the same by role
 * @param byTier the same by tier
 * @param accountCount account-count NPS
 * @param revenueWeighted revenue-weighted NPS (account-value weighting), empty when annual values are missing
 * @param revenueNote why the revenue-weighted NPS is missing, if it is
 * @param trend NPS by quarter with changes
 * @param trendIntervals the quarter's intervals, in trend order
 * @param map the account map
 * @param drivers the key-driver analysis, if the answers carry ratings
 * @param driversNote why the drivers are missing, if they are
 * @param followUps the follow-up queue
 * @param plan the survey plan for the next day
 */
public record Readout(LocalDate asOf, String source, LocalDate windowStart, boolean relationshipOnly,
        NpsSummary overall, List<Line> byRole, List<Line> byTier, AccountCountNps accountCount,
        OptionalDouble revenueWeighted, Optional<String> revenueNote, Trend trend, List<NpsSummary> trendIntervals,
        AccountMap map, Optional<DriverResult> drivers, Optional<String> driversNote, FollowUpQueue followUps,
        SurveyPlan plan) {

    /** The interval method of every figure. */
    public static final IntervalMethod METHOD = IntervalMethod.ADJUSTED_WALD;
    /** The confidence level of every figure. */
    public static final double LEVEL = 0.95;
    /**
     * How far back the readout's follow-up queue looks: a quarter, so a readout taken weeks after a survey wave still
     * lists the wave's detractors (overdue ones are marked); the library's default is 30 days.
     */
    public static final int FOLLOW_UP_LOOKBACK_DAYS = 90;

    /**
     * One labelled group.
     *
     * @param label the group's value
     * @param summary its figures
     */
    public record Line(String label, NpsSummary summary) {
    }

    /**
     * Computes the readout.
     *
     * @param p the portfolio (roles filled in)
     * @param asOf the day
     * @param source a description of the data's origin
     * @return the readout
     */
    public static Readout of(Portfolio p, LocalDate asOf, String source) {
        LocalDate from = asOf.minusDays(364);
        boolean hasRelationship = p.responses().stream().anyMatch(r -> r.episode().equals(EpisodeType.RELATIONSHIP));
        GroupedNps overall = scorer(p, hasRelationship).window(from, asOf).build().score(p.responses());
        NpsSummary head = summary(overall.overall().orElseThrow().data());
        List<Line> byRole = lines(scorer(p, hasRelationship).window(from, asOf).groupBy(GroupField.ROLE).build()
                .score(p.responses()));
        List<Line> byTier = lines(scorer(p, hasRelationship).window(from, asOf).groupBy(GroupField.TIER).build()
                .score(p.responses()));

        AccountMap map = AccountMap.of(p, asOf);
        AccountCountNps accountCount = map.overview().accountCountNps();

        OptionalDouble revenue = OptionalDouble.empty();
        Optional<String> revenueNote = Optional.empty();
        try {
            revenue = scorer(p, hasRelationship).window(from, asOf).weighting(Weighting.accountValue()).build()
                    .score(p.responses()).overall().orElseThrow().estimate().nps();
        } catch (IllegalArgumentException e) {
            revenueNote = Optional.of("not available: " + e.getMessage());
        }

        GroupedNps quarters = scorer(p, hasRelationship).filter(r -> !r.answeredOn().isAfter(asOf))
                .groupBy(GroupField.period(PeriodUnit.QUARTER)).build().score(p.responses());
        List<Map.Entry<String, ClusteredEstimate>> periods = new ArrayList<>();
        List<NpsSummary> trendIntervals = new ArrayList<>();
        for (GroupedNps.Group g : quarters.groups()) {
            ClusteredEstimate c = ClusteredEstimate.of(g.data());
            periods.add(new AbstractMap.SimpleEntry<>(g.key().values().get(0), c));
            trendIntervals.add(NpsSummary.of(c, METHOD, LEVEL));
        }
        Trend trend = Trend.ofClustered(periods, 1 - LEVEL);

        List<Response> rated = overall.overall().orElseThrow().data().responses().stream()
                .filter(r -> !r.ratings().isEmpty()).toList();
        Optional<DriverResult> drivers = Optional.empty();
        Optional<String> driversNote = Optional.empty();
        if (rated.isEmpty()) {
            driversNote = Optional.of("the answers carry no attribute ratings (attr:* columns)");
        } else {
            try {
                DriverResult first = DriverAnalysis.builder().build().analyze(rated);
                String target = whatIfTarget(first);
                drivers = Optional.of(DriverAnalysis.builder().whatIf(WhatIf.raise(target, 1).forRatingsBelow(7))
                        .build().analyze(rated));
            } catch (IllegalArgumentException e) {
                driversNote = Optional.of("not available: " + e.getMessage());
            }
        }
        FollowUpQueue queue = FollowUpQueue.of(p, asOf,
                FollowUpOptions.builder().lookbackDays(FOLLOW_UP_LOOKBACK_DAYS).build());
        SurveyPlan plan = SurveyPlanner.builder().build().plan(p, asOf.plusDays(1));
        return new Readout(asOf, source, from, hasRelationship, head, byRole, byTier, accountCount, revenue,
                revenueNote, trend, trendIntervals, map, drivers, driversNote, queue, plan);
    }

    /** The what-if raises the most important fix-first attribute, else the most important one. */
    private static String whatIfTarget(DriverResult r) {
        Comparator<ImportanceRow> byLmg = Comparator.comparingDouble(ImportanceRow::lmg);
        return r.importance().stream().filter(row -> row.quadrant() == Quadrant.FIX_FIRST).max(byLmg)
                .or(() -> r.importance().stream().max(byLmg)).orElseThrow().name();
    }

    /**
     * Every figure of the readout: contacts' latest answers, relationship answers only (or all episodes, said so,
     * when the data hold none).
     */
    private static NpsScorer.Builder scorer(Portfolio p, boolean relationship) {
        NpsScorer.Builder b = NpsScorer.builder().accounts(p.accounts()).dedupe(Dedupe.LATEST_PER_CONTACT);
        return relationship ? b.episodes(EpisodeType.RELATIONSHIP) : b.mixEpisodes();
    }

    private static List<Line> lines(GroupedNps g) {
        return g.groups().stream().map(x -> new Line(x.key().values().get(0), summary(x.data()))).toList();
    }

    private static NpsSummary summary(io.github.nps4j.core.WeightedGroup g) {
        return NpsSummary.of(ClusteredEstimate.of(g), METHOD, LEVEL);
    }

    /**
     * Returns the riskiest accounts that carry a flag or are detractors.
     *
     * @param limit at most this many
     * @return their map entries, riskiest first
     */
    public List<MappedAccount> atRisk(int limit) {
        List<MappedAccount> out = new ArrayList<>();
        for (RiskEntry e : map.overview().ranking()) {
            MappedAccount a = map.account(e.accountId()).orElseThrow();
            boolean risky = !a.flags().isEmpty()
                    || a.category().map(c -> c == io.github.nps4j.core.Category.DETRACTOR).orElse(false);
            if (risky && out.size() < limit) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Returns the NPS of an estimate for display, or empty.
     *
     * @param e the estimate
     * @return its NPS
     */
    static OptionalDouble nps(NpsEstimate e) {
        return e.nps();
    }
}
