package io.github.nps4j.readout;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole portfolio readout as of a day, made by {@link PortfolioReadout#of}: what {@code nps demo} prints and
 * {@code nps report} draws, as typed, immutable sections. Every section carries the rule it was made by, in words
 * generated from the settings actually used; {@link #rules()} lists them all.
 *
 * <p>A value-based, immutable record.
 *
 * @param asOf the day the readout is for
 * @param relationship relationship NPS overall, by role and tier, account-count and revenue-weighted
 * @param trend NPS by quarter with intervals and changes
 * @param accountsAtRisk the riskiest accounts and the revenue at risk
 * @param drivers the key drivers with one what-if, or why they are missing
 * @param followUps the head of the follow-up queue
 * @param invitations the head of the next day's survey plan
 * @since 0.1.0
 */
public record Readout(LocalDate asOf, RelationshipNps relationship, QuarterlyTrend trend,
        AccountsAtRisk accountsAtRisk, KeyDrivers drivers, FollowUps followUps, Invitations invitations) {

    /**
     * Validates.
     *
     * @throws NullPointerException if a component is null
     */
    public Readout {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(accountsAtRisk, "accountsAtRisk");
        Objects.requireNonNull(drivers, "drivers");
        Objects.requireNonNull(followUps, "followUps");
        Objects.requireNonNull(invitations, "invitations");
    }

    /**
     * Returns the rules the readout was made by, one sentence per rule, in section order.
     *
     * @return the rules, in words
     */
    public List<String> rules() {
        List<String> out = new ArrayList<>();
        out.add("relationship NPS: " + relationship.rule());
        out.add("account category: " + relationship.accountCount().rule().description());
        out.add("revenue-weighted NPS: " + RelationshipNps.REVENUE_WEIGHTED_RULE);
        out.add("trend: " + trend.rule());
        out.add("accounts at risk: " + accountsAtRisk.rule());
        out.add("revenue at risk: " + accountsAtRisk.revenueAtRisk().rule());
        out.add("drivers: " + drivers.rule());
        out.add("follow-ups: " + followUps.rule());
        out.add("invitations: " + invitations.plannerRules());
        return List.copyOf(out);
    }
}
