package io.github.nps4j.examples.report;

import static io.github.nps4j.examples.report.Markup.esc;
import static io.github.nps4j.examples.report.Markup.one;

import io.github.nps4j.accountmap.Flag;
import io.github.nps4j.accountmap.MappedAccount;
import io.github.nps4j.accountmap.followup.FollowUpCase;
import io.github.nps4j.accountmap.planner.PlannedInvitation;
import io.github.nps4j.accountmap.svg.SvgRenderer;
import io.github.nps4j.core.AccountCountNps;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.stats.NpsSummary;
import io.github.nps4j.core.stats.SummarizedNps;
import io.github.nps4j.core.stats.TrendPoint;
import io.github.nps4j.readout.Readout;
import io.github.nps4j.readout.RelationshipNps;
import io.github.nps4j.drivers.DriverResult;
import io.github.nps4j.drivers.ImportanceRow;
import io.github.nps4j.drivers.WhatIfResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Renders the library's {@link Readout} as one self-contained, well-formed XHTML page: inline CSS and SVG, no script, no external
 * fetch. Every piece of text from the data is escaped.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
            header{background:#1d2b4f;color:#fff;padding:24px 40px}
            header h1{margin:0 0 6px;font-size:24px}
            header p{margin:0;opacity:.85}
            main{padding:24px 40px;max-width:1100px}
            section{background:#fff;border-radius:8px;padding:20px 24px;margin:0 0 20px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
            h2{font-size:18px;margin:0 0 12px}
            .cards{display:flex;flex-wrap:wrap;gap:16px}
            .card{flex:1 1 200px;border:1px solid #e2e5ea;border-radius:8px;padding:12px 16px}
            .card .v{font-size:28px;font-weight:600}
            .card .l{font-size:13px;color:#555}
            table{border-collapse:collapse;font-size:13px;margin:8px 0}
            th,td{padding:4px 10px;text-align:left;border-bottom:1px solid #eceef2;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .flag{display:inline-block;background:#fdecea;color:#b71c1c;border-radius:4px;padding:0 6px;margin:1px}
            .note{font-size:12px;color:#666}
            .maps svg{display:block;margin:8px 0 16px;max-width:100%;height:auto}
            """;

    /** How many accounts at risk the page lists. */
    public static final int TOP_ACCOUNTS = 12;
    /** How many follow-up cases the page lists. */
    public static final int TOP_FOLLOW_UPS = 10;
    /** How many invitations the page lists. */
    public static final int TOP_INVITATIONS = 10;
    /** How many account maps the page draws (the riskiest accounts). */
    private static final int MAPS = 3;

    private HtmlReport() {
    }

    /**
     * Renders the page.
     *
     * @param r the readout
     * @param source where the data came from
     * @return the XHTML text
     */
    public static String render(Readout r, String source) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>nps4j readout as of ").append(esc(r.asOf().toString()))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>B2B NPS readout as of ").append(esc(r.asOf().toString())).append("</h1><p>")
                .append(esc(source)).append("</p></header>\n<main>\n");
        summary(h, r);
        groups(h, r);
        trend(h, r);
        risk(h, r);
        drivers(h, r);
        maps(h, r);
        followUps(h, r);
        plan(h, r);
        h.append("<p class=\"note\">Made by nps4j. NPS = % promoters (9–10) − % detractors (0–6). Rules used: ")
                .append(esc(String.join("; ", r.rules()))).append(". Nothing on this page was fetched from elsewhere."
                        + "</p>\n");
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String nps(OptionalDouble v) {
        return v.isPresent() ? one(v.getAsDouble()) : "–";
    }

    private static String ci(NpsSummary s) {
        return s.ci().map(c -> "[" + one(c.lower()) + ", " + one(c.upper()) + "]").orElse("–");
    }

    private static void card(StringBuilder h, String value, String label) {
        h.append("<div class=\"card\"><div class=\"v\">").append(esc(value)).append("</div><div class=\"l\">")
                .append(esc(label)).append("</div></div>\n");
    }

    private static void summary(StringBuilder h, Readout r) {
        RelationshipNps rel = r.relationship();
        NpsSummary o = rel.overall().summary();
        AccountCountNps a = rel.accountCount();
        h.append("<section id=\"summary\"><h2>Relationship NPS</h2>\n<div class=\"cards\">\n");
        card(h, nps(o.nps()), "relationship NPS " + ci(o) + ", n = " + o.estimate().n() + " contacts in "
                + o.clusters().orElse(0) + " accounts");
        card(h, nps(a.nps()), "account-count NPS: " + a.promoterAccounts() + " promoter, " + a.passiveAccounts()
                + " passive, " + a.detractorAccounts() + " detractor accounts");
        card(h, nps(rel.revenueWeighted()), "revenue-weighted NPS (" + rel.revenueWeightedRule() + ")");
        card(h, String.format(Locale.ROOT, "%,.0f", r.accountsAtRisk().revenueAtRisk().total()), "revenue at risk");
        h.append("</div>\n<p class=\"note\">").append(esc(capitalised(rel.rule()))).append(". Account category: ")
                .append(esc(a.rule().description())).append(".</p></section>\n");
    }

    private static void groups(StringBuilder h, Readout r) {
        h.append("<section id=\"groups\"><h2>NPS by role and by tier</h2>\n");
        String level = percent(r.relationship().overall().summary().level());
        h.append(Charts.intervalBars("NPS by role with " + level + " intervals", rows(r.relationship().byRole(),
                GroupField.ROLE)));
        h.append(Charts.intervalBars("NPS by tier with " + level + " intervals", rows(r.relationship().byTier(),
                GroupField.TIER)));
        h.append("</section>\n");
    }

    private static List<Charts.IntervalRow> rows(List<SummarizedNps.Group> groups, GroupField field) {
        List<Charts.IntervalRow> out = new ArrayList<>();
        for (SummarizedNps.Group g : groups) {
            NpsSummary s = g.summary();
            out.add(new Charts.IntervalRow(g.key().value(field).orElseThrow(), s.nps(),
                    s.ci().map(c -> OptionalDouble.of(c.lower())).orElse(OptionalDouble.empty()),
                    s.ci().map(c -> OptionalDouble.of(c.upper())).orElse(OptionalDouble.empty()),
                    s.estimate().n()));
        }
        return out;
    }

    private static void trend(StringBuilder h, Readout r) {
        List<TrendPoint> points = r.trend().trend().points();
        List<Charts.TrendRow> rows = new ArrayList<>();
        for (TrendPoint p : points) {
            NpsSummary s = p.summary().orElseThrow();
            rows.add(new Charts.TrendRow(p.period(), p.nps(),
                    s.ci().map(c -> OptionalDouble.of(c.lower())).orElse(OptionalDouble.empty()),
                    s.ci().map(c -> OptionalDouble.of(c.upper())).orElse(OptionalDouble.empty()), p.significant()));
        }
        h.append("<section id=\"trend\"><h2>Trend by quarter</h2>\n");
        h.append(Charts.trend("Relationship NPS by quarter", rows));
        h.append("<table><tr><th>quarter</th><th>NPS</th><th>interval</th><th>n</th><th>change</th><th>p</th></tr>\n");
        for (TrendPoint p : points) {
            h.append("<tr><td>").append(esc(p.period())).append("</td><td class=\"n\">").append(nps(p.nps()))
                    .append("</td><td class=\"n\">").append(esc(ci(p.summary().orElseThrow())))
                    .append("</td><td class=\"n\">").append(p.estimate().n()).append("</td><td class=\"n\">")
                    .append(p.change().isPresent() ? String.format(Locale.ROOT, "%+.1f", p.change().getAsDouble())
                            + (p.significant() ? " (significant)" : "") : "–")
                    .append("</td><td class=\"n\">").append(p.changePValue().isPresent()
                            ? String.format(Locale.ROOT, "%.3f", p.changePValue().getAsDouble()) : "–")
                    .append("</td></tr>\n");
        }
        h.append("</table><p class=\"note\">Circled points: ").append(esc(r.trend().rule()))
                .append(" (two-sided change from the previous quarter).</p></section>\n");
    }

    private static void risk(StringBuilder h, Readout r) {
        String basis = r.relationship().accountCount().rule().scoreLabel();
        h.append("<section id=\"risk\"><h2>Accounts at risk</h2>\n<table><tr><th>account</th><th>name</th>"
                + "<th>owner</th><th>annual value</th><th>NPS</th><th>").append(esc(basis))
                .append("</th><th>category</th><th>risk score</th><th>flags</th></tr>\n");
        for (MappedAccount m : r.accountsAtRisk().top()) {
            h.append("<tr><td>").append(esc(m.accountId())).append("</td><td>").append(esc(m.account().name()))
                    .append("</td><td>").append(esc(m.account().owner().orElse("–"))).append("</td><td class=\"n\">")
                    .append(m.account().annualValue().isPresent()
                            ? String.format(Locale.ROOT, "%,.0f", m.account().annualValue().getAsDouble()) : "–")
                    .append("</td><td class=\"n\">").append(nps(m.nps())).append("</td><td class=\"n\">")
                    .append(m.categoryScore().isPresent() ? String.format(Locale.ROOT, "%.1f",
                            io.github.nps4j.core.AccountCategoryRule.shownScore(m.categoryScore().getAsDouble()))
                            : "–")
                    .append("</td><td>").append(esc(m.category().map(c -> c.label()).orElse("–")))
                    .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%,.0f", m.riskScore()))
                    .append("</td><td>");
            for (Flag f : m.flags()) {
                h.append("<span class=\"flag\">").append(esc(f.label())).append("</span>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"note\">Revenue at risk ")
                .append(String.format(Locale.ROOT, "%,.0f", r.accountsAtRisk().revenueAtRisk().total())).append(": ")
                .append(esc(r.accountsAtRisk().revenueAtRisk().rule())).append("</p>\n<div class=\"maps\">")
                .append(inline(SvgRenderer.portfolio(r.accountsAtRisk().map()))).append("</div></section>\n");
    }

    private static void drivers(StringBuilder h, Readout r) {
        h.append("<section id=\"drivers\"><h2>Key drivers</h2>\n");
        if (r.drivers().analysis().isEmpty()) {
            h.append("<p>").append(esc(r.drivers().unavailableReason().orElse("not available")))
                    .append("</p></section>\n");
            return;
        }
        DriverResult d = r.drivers().analysis().get();
        List<ImportanceRow> rows = new ArrayList<>(d.importance());
        rows.sort(Comparator.comparingDouble(ImportanceRow::lmgShare).reversed());
        List<Charts.IpPoint> points = new ArrayList<>();
        h.append("<p>").append(esc(capitalised(r.drivers().answers()))).append(": n = ").append(d.n()).append(" (").append(d.dropped())
                .append(" dropped for missing ratings), R² = ").append(one(100 * d.r2())).append(" %.</p>\n");
        h.append("<table><tr><th>attribute</th><th>LMG %</th><th>Johnson %</th><th>mean rating</th>"
                + "<th>quadrant</th></tr>\n");
        for (ImportanceRow row : rows) {
            points.add(new Charts.IpPoint(row.name(), 100 * row.lmgShare(), row.performance(),
                    row.quadrant().label()));
            h.append("<tr><td>").append(esc(row.name())).append("</td><td class=\"n\">")
                    .append(one(100 * row.lmgShare())).append("</td><td class=\"n\">")
                    .append(one(100 * row.johnsonShare())).append("</td><td class=\"n\">").append(one(row.performance()))
                    .append("</td><td>").append(esc(row.quadrant().label())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        h.append(Charts.importancePerformance("Importance (LMG share of R²) against performance (mean rating)",
                points));
        if (d.whatIf().isPresent()) {
            WhatIfResult w = d.whatIf().get();
            h.append("<p><strong>What if</strong> ").append(esc(whatIf(w))).append(" (").append(w.changedRows())
                    .append(" answers)? NPS ").append(one(w.baselineNps())).append(" → ").append(one(w.predictedNps()))
                    .append(" (model error ±").append(one(w.crossValidatedError())).append(" points, ")
                    .append(w.folds()).append("-fold cross-validated).</p>\n");
        }
        h.append("</section>\n");
    }

    private static void maps(StringBuilder h, Readout r) {
        h.append("<section id=\"maps\"><h2>Account maps of the riskiest accounts</h2>\n<div class=\"maps\">\n");
        for (MappedAccount m : r.accountsAtRisk().top().stream().limit(MAPS).toList()) {
            h.append(inline(SvgRenderer.account(m)));
        }
        h.append("</div></section>\n");
    }

    private static void followUps(StringBuilder h, Readout r) {
        List<FollowUpCase> cases = r.followUps().top();
        h.append("<section id=\"followups\"><h2>Call back first</h2>\n<p>").append(r.followUps().open())
                .append(" ").append(esc(r.followUps().rule())).append(".</p>\n<table><tr><th>due</th>"
                        + "<th>account</th><th>contact</th><th>role</th><th>score</th><th>owner</th><th>priority</th>"
                        + "<th>comment</th></tr>\n");
        cases.forEach(c -> h.append("<tr><td>").append(esc(c.due().toString()))
                .append(c.isOverdue(r.asOf()) ? " <span class=\"flag\">overdue</span>" : "").append("</td><td>")
                .append(esc(c.accountId())).append("</td><td>").append(esc(c.contactId())).append("</td><td>")
                .append(esc(c.role().name())).append("</td><td class=\"n\">").append(c.score())
                .append("</td><td>").append(esc(c.owner().orElse("–"))).append("</td><td class=\"n\">")
                .append(String.format(Locale.ROOT, "%,.0f", c.priority())).append("</td><td>")
                .append(esc(c.comment().orElse(""))).append("</td></tr>\n"));
        h.append("</table></section>\n");
    }

    private static void plan(StringBuilder h, Readout r) {
        List<PlannedInvitation> inv = r.invitations().top();
        h.append("<section id=\"plan\"><h2>Invite next</h2>\n<p>").append(r.invitations().planned())
                .append(" invitations planned for ").append(esc(r.invitations().day().toString())).append(". Rules: ")
                .append(esc(r.invitations().plannerRules())).append(".</p>\n<table><tr><th>contact</th><th>account</th>"
                        + "<th>role</th><th>episode</th><th>why</th></tr>\n");
        inv.forEach(i -> h.append("<tr><td>").append(esc(i.contactId())).append("</td><td>")
                .append(esc(i.accountId())).append("</td><td>").append(esc(i.role().name())).append("</td><td>")
                .append(esc(i.episode().name())).append("</td><td>").append(esc(i.reason())).append("</td></tr>\n"));
        h.append("</table></section>\n");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String percent(double level) {
        return new java.math.BigDecimal(Double.toString(level * 100)).stripTrailingZeros().toPlainString() + " %";
    }

    /** E.g. {@code delivery rose 1 point for everyone rating it below 7}, from the scenario that was run. */
    private static String whatIf(WhatIfResult w) {
        double delta = w.scenario().delta();
        String points = java.math.BigDecimal.valueOf(delta).stripTrailingZeros().toPlainString()
                + (delta == 1 ? " point" : " points");
        if (Double.isInfinite(w.scenario().below())) {
            return w.scenario().attribute() + " rose " + points + " for everyone";
        }
        return w.scenario().attribute() + " rose " + points + " for everyone rating it below "
                + java.math.BigDecimal.valueOf(w.scenario().below()).stripTrailingZeros().toPlainString();
    }

    /** An SVG document from nps-accountmap, inlined: its XML declaration dropped. */
    private static String inline(String svg) {
        String s = svg.strip();
        if (s.startsWith("<?xml")) {
            s = s.substring(s.indexOf("?>") + 2).strip();
        }
        return s + "\n";
    }
}
