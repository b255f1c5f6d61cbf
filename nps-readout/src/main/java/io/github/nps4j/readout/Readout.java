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
 * @param themes the comment themes (why customers say what they say), or why they are missing
 * @param competitors our NPS against competitors rated by the same respondents, or why it is missing
 * @param economics what loyalty is worth (renewal, value, lifetime value by account category), or why it is missing
 * @since 0.1.0
 */
public record Readout(LocalDate asOf, RelationshipNps relationship, QuarterlyTrend trend,
        AccountsAtRisk accountsAtRisk, KeyDrivers drivers, FollowUps followUps, Invitations invitations,
        CommentThemes themes, Competitors competitors, LoyaltyValue economics) {

    /** The reason given by the sections the seven-section constructor leaves out. */
    static final String NOT_COMPUTED = "not part of this readout (made without this section)";

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
        Objects.requireNonNull(themes, "themes");
        Objects.requireNonNull(competitors, "competitors");
        Objects.requireNonNull(economics, "economics");
    }

    /**
     * Creates a readout of the first seven sections, as before themes, competitors and economics existed; those three
     * say they are not part of it.
     *
     * @param asOf the day the readout is for
     * @param relationship relationship NPS
     * @param trend NPS by quarter
     * @param accountsAtRisk the riskiest accounts
     * @param drivers the key drivers
     * @param followUps the head of the follow-up queue
     * @param invitations the head of the next day's survey plan
     * @throws NullPointerException if a component is null
     */
    public Readout(LocalDate asOf, RelationshipNps relationship, QuarterlyTrend trend, AccountsAtRisk accountsAtRisk,
            KeyDrivers drivers, FollowUps followUps, Invitations invitations) {
        this(asOf, relationship, trend, accountsAtRisk, drivers, followUps, invitations,
                CommentThemes.unavailable(NOT_COMPUTED), Competitors.unavailable(NOT_COMPUTED),
                LoyaltyValue.unavailable(NOT_COMPUTED));
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
        out.add("themes: " + themes.unavailableReason().map(why -> "not shown, " + why).orElse(themes.rule()));
        out.add("competitors: " + competitors.unavailableReason().map(why -> "not shown, " + why)
                .orElse(competitors.rule()));
        out.add("loyalty economics: " + economics.unavailableReason().map(why -> "not shown, " + why)
                .orElse(economics.rule()));
        return List.copyOf(out);
    }
}
