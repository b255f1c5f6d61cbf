package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.accountmap.Flag;
import io.github.nps4j.accountmap.MappedAccount;
import io.github.nps4j.accountmap.followup.FollowUpCase;
import io.github.nps4j.accountmap.planner.PlannedInvitation;
import io.github.nps4j.core.AccountCountNps;
import io.github.nps4j.core.stats.SummarizedNps;
import io.github.nps4j.core.stats.TrendPoint;
import io.github.nps4j.drivers.DriverResult;
import io.github.nps4j.drivers.ImportanceRow;
import io.github.nps4j.drivers.WhatIfResult;
import io.github.nps4j.core.compare.PairedComparison;
import io.github.nps4j.core.themes.ThemeReport;
import io.github.nps4j.readout.AccountsAtRisk;
import io.github.nps4j.readout.CommentThemes;
import io.github.nps4j.readout.Competitors;
import io.github.nps4j.readout.LoyaltyValue;
import io.github.nps4j.readout.FollowUps;
import io.github.nps4j.readout.Invitations;
import io.github.nps4j.readout.KeyDrivers;
import io.github.nps4j.readout.QuarterlyTrend;
import io.github.nps4j.readout.Readout;
import io.github.nps4j.readout.RelationshipNps;
import java.util.Optional;

/**
 * {@code nps demo --format json}: the library's {@link Readout} written with Jackson, one key per section
 * ({@code asOf, relationship, trend, accountsAtRisk, drivers, followUps, invitations, themes, competitors,
 * economics}); numbers at full precision,
 * missing figures null with the reason beside them.
 */
final class ReadoutJson {
    private ReadoutJson() {
    }

    static ObjectNode of(Readout r) {
        ObjectNode root = Output.object();
        root.put("asOf", r.asOf().toString());
        root.set("relationship", relationship(r.relationship()));
        root.set("trend", trend(r.trend()));
        root.set("accountsAtRisk", risk(r.accountsAtRisk()));
        root.set("drivers", drivers(r.drivers()));
        root.set("followUps", followUps(r.followUps(), r));
        root.set("invitations", invitations(r.invitations()));
        root.set("themes", themes(r.themes()));
        root.set("competitors", competitors(r.competitors()));
        root.set("economics", economics(r.economics()));
        return root;
    }

    /** Comment themes: the {@code nps themes} fields per theme, and a few example comments (personal data). */
    private static ObjectNode themes(CommentThemes t) {
        ObjectNode n = Output.object();
        t.unavailableReason().ifPresent(why -> n.put("unavailable", why));
        if (t.report().isEmpty()) {
            n.putNull("commented");
            return n;
        }
        ThemeReport rep = t.report().get();
        n.put("codebook", t.codebook());
        n.put("answers", t.answers());
        n.put("rule", t.rule());
        n.put("commented", rep.commenters());
        n.put("uncoded", rep.uncoded());
        ArrayNode list = n.putArray("themes");
        rep.overall().forEach(f -> list.add(ThemesCommand.theme(f)));
        ObjectNode ex = n.putObject("examples");
        t.examples().forEach((theme, texts) -> {
            ArrayNode a = ex.putArray(theme);
            texts.forEach(a::add);
        });
        return n;
    }

    /** Competitors: the {@code nps competitors} fields per competitor (all its paired respondents). */
    private static ObjectNode competitors(Competitors c) {
        ObjectNode n = Output.object();
        c.unavailableReason().ifPresent(why -> n.put("unavailable", why));
        if (c.comparisons().isEmpty()) {
            n.putArray("competitors");
            return n;
        }
        n.put("answers", c.answers());
        n.put("rule", c.rule());
        ArrayNode list = n.putArray("competitors");
        for (PairedComparison x : c.comparisons()) {
            CompetitorsCommand.comparison(list.addObject(), x);
        }
        return n;
    }

    /** Loyalty economics: the {@code nps economics} JSON, with the section's rule. */
    private static ObjectNode economics(LoyaltyValue v) {
        if (v.economics().isEmpty()) {
            ObjectNode n = Output.object();
            n.put("unavailable", v.unavailableReason().orElse("not available"));
            n.putNull("categories");
            return n;
        }
        ObjectNode n = EconomicsCommand.json(v.economics().get());
        n.put("rule", v.rule());
        return n;
    }

    private static ObjectNode group(SummarizedNps.Group g) {
        ObjectNode n = Output.object();
        if (!g.key().fields().isEmpty()) {
            ObjectNode key = n.putObject("key");
            g.key().asMap().forEach(key::put);
        }
        SummaryJson.putGroup(n, g.summary(), g.posterior());
        return n;
    }

    private static ObjectNode relationship(RelationshipNps rel) {
        ObjectNode n = Output.object();
        n.put("from", rel.from().toString());
        n.put("to", rel.to().toString());
        if (rel.episode().isPresent()) {
            n.put("episode", rel.episode().get().name());
        } else {
            n.putNull("episode");
        }
        n.put("rule", rel.rule());
        n.set("overall", group(rel.overall()));
        ArrayNode byRole = n.putArray("byRole");
        rel.byRole().forEach(g -> byRole.add(group(g)));
        ArrayNode byTier = n.putArray("byTier");
        rel.byTier().forEach(g -> byTier.add(group(g)));
        AccountCountNps a = rel.accountCount();
        ObjectNode ac = n.putObject("accountCount");
        Output.put(ac, "nps", a.nps());
        ac.put("accounts", a.accounts());
        ac.put("promoterAccounts", a.promoterAccounts());
        ac.put("passiveAccounts", a.passiveAccounts());
        ac.put("detractorAccounts", a.detractorAccounts());
        ac.put("rule", a.rule().description());
        ObjectNode rw = n.putObject("revenueWeighted");
        Output.put(rw, "nps", rel.revenueWeighted());
        rw.put("rule", rel.revenueWeightedRule());
        rel.revenueWeightedUnavailable().ifPresent(why -> rw.put("unavailable", why));
        return n;
    }

    private static ObjectNode trend(QuarterlyTrend t) {
        ObjectNode n = Output.object();
        n.put("rule", t.rule());
        n.put("alpha", t.trend().alpha());
        ArrayNode periods = n.putArray("periods");
        for (TrendPoint pt : t.trend().points()) {
            ObjectNode p = periods.addObject();
            p.put("period", pt.period());
            SummaryJson.putGroup(p, pt.summary().orElseThrow(), Optional.empty());
            Output.put(p, "change", pt.change());
            Output.put(p, "changeStandardError", pt.changeStandardError());
            Output.put(p, "changePValue", pt.changePValue());
            p.put("significant", pt.significant());
            pt.note().ifPresent(note -> p.put("changeNote", note));
        }
        return n;
    }

    private static ObjectNode risk(AccountsAtRisk risk) {
        ObjectNode n = Output.object();
        n.put("rule", risk.rule());
        n.put("flaggedAccounts", risk.flagged());
        ObjectNode rev = n.putObject("revenueAtRisk");
        rev.put("total", risk.revenueAtRisk().total());
        rev.put("rule", risk.revenueAtRisk().rule());
        ArrayNode top = n.putArray("top");
        for (MappedAccount m : risk.top()) {
            ObjectNode a = top.addObject();
            a.put("account", m.accountId());
            a.put("name", m.account().name());
            m.account().owner().ifPresentOrElse(o -> a.put("owner", o), () -> a.putNull("owner"));
            Output.put(a, "annualValue", m.account().annualValue());
            Output.put(a, "nps", m.nps());
            // the figure the category rule classifies (role-weighted mean or waterfall score), full precision
            Output.put(a, "categoryScore", m.categoryScore());
            m.category().ifPresentOrElse(c -> a.put("category", c.label()), () -> a.putNull("category"));
            ArrayNode flags = a.putArray("flags");
            m.flags().stream().map(Flag::label).forEach(flags::add);
            a.put("riskScore", m.riskScore());
        }
        return n;
    }

    private static ObjectNode drivers(KeyDrivers k) {
        ObjectNode n = Output.object();
        n.put("answers", k.answers());
        n.put("rule", k.rule());
        k.unavailableReason().ifPresent(why -> n.put("unavailable", why));
        if (k.analysis().isEmpty()) {
            n.putNull("n");
            return n;
        }
        DriverResult d = k.analysis().get();
        n.put("n", d.n());
        n.put("dropped", d.dropped());
        n.put("r2", d.r2());
        ArrayNode rows = n.putArray("importance");
        for (ImportanceRow row : d.importance()) {
            ObjectNode o = rows.addObject();
            o.put("attribute", row.name());
            o.put("lmgShare", row.lmgShare());
            o.put("johnsonShare", row.johnsonShare());
            o.put("meanRating", row.performance());
            o.put("quadrant", row.quadrant().label());
        }
        if (d.whatIf().isPresent()) {
            WhatIfResult w = d.whatIf().get();
            ObjectNode o = n.putObject("whatIf");
            o.put("attribute", w.scenario().attribute());
            o.put("raise", w.scenario().delta());
            o.put("below", w.scenario().below());
            o.put("changedAnswers", w.changedRows());
            o.put("baselineNps", w.baselineNps());
            o.put("predictedNps", w.predictedNps());
            o.put("crossValidatedError", w.crossValidatedError());
            o.put("folds", w.folds());
        } else {
            n.putNull("whatIf");
        }
        return n;
    }

    private static ObjectNode followUps(FollowUps f, Readout r) {
        ObjectNode n = Output.object();
        n.put("rule", f.rule());
        n.put("open", f.open());
        n.put("lookbackDays", f.lookbackDays());
        ArrayNode top = n.putArray("top");
        for (FollowUpCase c : f.top()) {
            ObjectNode o = top.addObject();
            o.put("due", c.due().toString());
            o.put("account", c.accountId());
            o.put("contact", c.contactId());
            o.put("role", c.role().name());
            o.put("score", c.score());
            c.owner().ifPresentOrElse(x -> o.put("owner", x), () -> o.putNull("owner"));
            o.put("priority", c.priority());
            o.put("overdue", c.isOverdue(r.asOf()));
            o.put("state", c.stateAsOf(r.asOf()).label());
        }
        return n;
    }

    private static ObjectNode invitations(Invitations inv) {
        ObjectNode n = Output.object();
        n.put("day", inv.day().toString());
        n.put("planned", inv.planned());
        n.put("rule", inv.rule());
        n.put("plannerRules", inv.plannerRules());
        ArrayNode top = n.putArray("top");
        for (PlannedInvitation i : inv.top()) {
            ObjectNode o = top.addObject();
            o.put("contact", i.contactId());
            o.put("account", i.accountId());
            o.put("role", i.role().name());
            o.put("episode", i.episode().name());
            o.put("reason", i.reason());
        }
        return n;
    }
}
