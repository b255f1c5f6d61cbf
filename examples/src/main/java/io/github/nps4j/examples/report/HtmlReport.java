package io.github.nps4j.examples.report;

import static io.github.nps4j.examples.report.Markup.esc;
import static io.github.nps4j.examples.report.Markup.one;

import io.github.nps4j.accountmap.Flag;
import io.github.nps4j.accountmap.MappedAccount;
import io.github.nps4j.accountmap.RoleCoverage;
import io.github.nps4j.accountmap.followup.FollowUpCase;
import io.github.nps4j.accountmap.planner.PlannedInvitation;
import io.github.nps4j.accountmap.svg.SvgRenderer;
import io.github.nps4j.core.AccountCountNps;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.stats.NpsSummary;
import io.github.nps4j.core.stats.SummarizedNps;
import io.github.nps4j.core.stats.TrendPoint;
import io.github.nps4j.drivers.DriverResult;
import io.github.nps4j.drivers.ImportanceRow;
import io.github.nps4j.drivers.WhatIfResult;
import io.github.nps4j.core.compare.PairedComparison;
import io.github.nps4j.core.stats.Comparison;
import io.github.nps4j.core.themes.ThemeFigures;
import io.github.nps4j.core.themes.ThemeReport;
import io.github.nps4j.drivers.LogisticCoefficient;
import io.github.nps4j.drivers.LogisticFit;
import io.github.nps4j.readout.AccountsAtRisk;
import io.github.nps4j.readout.CommentThemes;
import io.github.nps4j.readout.Competitors;
import io.github.nps4j.readout.LoyaltyValue;
import io.github.nps4j.readout.economics.CategoryEconomics;
import io.github.nps4j.readout.economics.LoyaltyEconomics;
import io.github.nps4j.readout.FollowUps;
import io.github.nps4j.readout.Invitations;
import io.github.nps4j.readout.Readout;
import io.github.nps4j.readout.RelationshipNps;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Renders the library's {@link Readout} as one self-contained, well-formed XHTML page: inline CSS and SVG, no script,
 * nothing fetched (a Content-Security-Policy of {@code default-src 'none'} makes the browser refuse any fetch).
 * Every piece of text from the data is escaped — account names, theme names and the example comments of the "why"
 * section (personal data, shown because the page is for the company's own staff; never logged) included.
 *
 * <p>Sections: headline, NPS by role and tier, trend, accounts at risk, key drivers, why customers say what they say
 * (comment themes), against competitors, what loyalty is worth, account maps, call back first, invite next, glossary;
 * a section the data cannot support says why it is not shown.
 *
 * <p>The page reads on any screen: a viewport meta, card and chart grids that reflow, charts sized by their
 * {@code viewBox} (see {@link Charts}), tables that turn into one card per row under 700 px, account maps at their
 * natural size in a box that scrolls sideways, and print CSS. Every chart has a title, an {@code aria-label} and a
 * visible caption; every shortened list says how many rows it shows of how many; a missing figure says why.
 */
public final class HtmlReport {
    private static final String CSS = """
            *{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f8;\
            color:#1d2330;line-height:1.4}
            header{background:#1d2b4f;color:#fff;padding:20px 32px}
            header h1{margin:0 0 4px;font-size:24px;line-height:1.2}
            header p{margin:0;opacity:.88;font-size:14px}
            main{padding:20px 32px;max-width:1180px;margin:0 auto}
            section{background:#fff;border-radius:8px;padding:18px 22px;margin:0 0 18px;\
            box-shadow:0 1px 2px rgba(0,0,0,.08)}
            h2{font-size:19px;margin:0 0 10px}
            h3{font-size:15px;margin:16px 0 6px}
            p{margin:6px 0}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:12px}
            .card{border:1px solid #e2e5ea;border-radius:8px;padding:12px 14px}
            .card .k{font-size:13px;color:#444;font-weight:600}
            .card .v{font-size:30px;font-weight:650;line-height:1.15;margin:2px 0;font-variant-numeric:tabular-nums}
            .card .l{font-size:13px;color:#555}
            .card .d{font-size:13px;margin-top:4px}
            .up{color:#1b5e20}.down{color:#b71c1c}.same{color:#555}
            .miss{font-size:13px;color:#7a4b00;background:#fff6e0;border-radius:4px;padding:4px 6px;margin-top:4px}
            .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,440px),1fr));gap:16px 28px}
            figure{margin:8px 0 14px;min-width:0}
            figcaption{font-size:14px;font-weight:600;margin:0 0 4px}
            figcaption .sub{display:block;font-weight:400;color:#555;font-size:13px}
            .chart svg{display:block;width:100%;height:auto;max-width:560px}
            .wide{overflow-x:auto;border:1px solid #eceef2;border-radius:6px;max-width:100%}
            .wide svg{display:block}
            .hint{display:none;font-size:12px;color:#666}
            .tbl{overflow-x:auto;max-width:100%}
            table{border-collapse:collapse;font-size:14px;margin:6px 0;width:100%}
            th,td{padding:5px 10px;text-align:left;border-bottom:1px solid #eceef2;vertical-align:top}
            th{font-size:13px;color:#444;background:#f7f8fa}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.full{min-width:12em}
            .id{color:#666;font-size:12px;white-space:nowrap}
            .flag{display:inline-block;background:#fdecea;color:#9b1414;border-radius:4px;padding:0 6px;margin:1px 2px 1px 0;\
            font-size:13px;white-space:nowrap}
            .count{font-size:13px;color:#444;margin:2px 0 6px}
            .note{font-size:13px;color:#555}
            dl.gloss{display:grid;grid-template-columns:minmax(8em,max-content) 1fr;gap:4px 16px;font-size:14px;margin:0}
            dl.gloss dt{font-weight:600}
            dl.gloss dd{margin:0}
            dl.quotes{margin:4px 0 8px;font-size:14px}
            dl.quotes dt{font-weight:600;margin-top:6px}
            dl.quotes dd{margin:2px 0 2px 14px;color:#333;overflow-wrap:anywhere}
            footer{font-size:13px;color:#555;padding:0 32px 24px;max-width:1180px;margin:0 auto}
            footer li{margin:2px 0}
            @media (max-width:700px){
            header{padding:14px 12px}
            header h1{font-size:20px}
            main{padding:12px 8px}
            footer{padding:0 12px 16px}
            section{padding:14px 12px;border-radius:6px}
            .hint{display:block}
            table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
            table.stack thead{display:none}
            table.stack tr{display:grid;grid-template-columns:1fr 1fr;column-gap:16px;border:1px solid #e2e5ea;\
            border-radius:6px;margin:0 0 8px;padding:4px 10px}
            table.stack td{display:flex;flex-wrap:wrap;column-gap:8px;border:0;padding:2px 0;text-align:right;\
            white-space:normal;min-width:0}
            table.stack td::before{content:attr(data-label);font-size:13px;color:#666;text-align:left}
            table.stack td>span{margin-left:auto;min-width:0;overflow-wrap:break-word}
            table.stack td.full{grid-column:1/-1;display:block;text-align:left}
            table.stack td.full::before{margin-right:8px}
            table.stack td:first-child{grid-column:1/-1;font-weight:600;font-size:15px;text-align:left}
            table.stack td:first-child::before{display:none}
            table.stack td:first-child>span{margin-left:0}
            dl.gloss{grid-template-columns:1fr}
            dl.gloss dd{margin:0 0 6px}
            }
            @media print{
            body{background:#fff}
            header{background:#fff;color:#000;padding:0 0 8px;border-bottom:2px solid #000}
            main,footer{padding:8px 0;max-width:none}
            section{box-shadow:none;border:1px solid #ccc;break-inside:auto}
            figure,tr,.card{break-inside:avoid}
            .wide,.tbl{overflow:visible;border:0}
            .wide svg{max-width:100%;height:auto}
            .hint{display:none}
            }
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
     * Renders the page with amounts as plain numbers.
     *
     * @param r the readout
     * @param source where the data came from (file names, never paths)
     * @return the XHTML text
     */
    public static String render(Readout r, String source) {
        return render(r, source, Money.PLAIN);
    }

    /**
     * Renders the page.
     *
     * @param r the readout
     * @param source where the data came from (file names, never paths)
     * @param money how amounts are written
     * @return the XHTML text
     */
    public static String render(Readout r, String source, Money money) {
        return render(r, source, money, List.of());
    }

    /**
     * Renders the page with notes on how the data were read (blank scores skipped, custom roles kept, rows skipped in
     * lenient mode and what that leaves incomplete), shown under the header so nobody reads the figures without them.
     *
     * @param r the readout
     * @param source where the data came from (file names, never paths)
     * @param money how amounts are written
     * @param importNotes the import's notes, possibly empty
     * @return the XHTML text
     */
    public static String render(Readout r, String source, Money money, List<String> importNotes) {
        Page p = new Page(r, money);
        StringBuilder h = new StringBuilder(96 * 1024);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'\"/>\n")
                .append("<title>B2B NPS readout as of ").append(esc(r.asOf().toString())).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>B2B NPS readout as of ").append(esc(r.asOf().toString())).append("</h1><p>")
                .append(esc(source)).append("</p></header>\n<main>\n");
        if (!importNotes.isEmpty()) {
            h.append("<section class=\"card\" id=\"import-notes\"><h2>How the data were read</h2>\n<ul>\n");
            for (String note : importNotes) {
                h.append("<li>").append(esc(note)).append("</li>\n");
            }
            h.append("</ul>\n</section>\n");
        }
        summary(h, p);
        groups(h, p);
        trend(h, p);
        risk(h, p);
        drivers(h, p);
        themes(h, p);
        competitors(h, p);
        economics(h, p);
        maps(h, p);
        followUps(h, p);
        plan(h, p);
        glossary(h, p);
        h.append("</main>\n<footer><p><strong>Rules used</strong></p>\n<ul>\n");
        for (String rule : r.rules()) {
            h.append("<li>").append(esc(rule)).append("</li>\n");
        }
        h.append("<li>").append(esc(money.note())).append("</li>\n</ul>\n<p>Made by nps4j. This page is one file: "
                + "nothing on it was fetched from elsewhere and it runs no script.</p></footer>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** The readout with what several sections need: amounts, names of accounts, duplicate names. */
    private record Page(Readout r, Money money, Map<String, String> names, Map<String, Integer> nameCount) {
        Page(Readout r, Money money) {
            this(r, money, new HashMap<>(), new HashMap<>());
            for (MappedAccount m : r.accountsAtRisk().map().accounts()) {
                names.put(m.accountId(), m.account().name());
                nameCount.merge(m.account().name().strip().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }

        /** The account's name, with its id beside it when another account has the same name (or no name). */
        String account(String id) {
            String name = names.get(id);
            if (name == null || name.isBlank()) {
                return esc(id);
            }
            boolean duplicate = nameCount.getOrDefault(name.strip().toLowerCase(Locale.ROOT), 0) > 1;
            return esc(name) + (duplicate ? " <span class=\"id\">" + esc(id) + "</span>" : "");
        }
    }

    /**
     * Table columns: a name, and the kind of column — {@code #name} holds numbers (right-aligned), {@code *name}
     * free text that takes a whole line when the table stacks on a phone; others are short values, two to a line.
     */
    private record Cols(List<String> names, List<String> classes) {
        static Cols of(String... spec) {
            List<String> n = new ArrayList<>();
            List<String> cls = new ArrayList<>();
            for (String s : spec) {
                boolean marked = s.startsWith("#") || s.startsWith("*");
                cls.add(s.startsWith("#") ? "n" : s.startsWith("*") ? "full" : "");
                n.add(marked ? s.substring(1) : s);
            }
            return new Cols(n, cls);
        }

        void head(StringBuilder h) {
            h.append("<div class=\"tbl\"><table class=\"stack\"><thead><tr>");
            for (int i = 0; i < names.size(); i++) {
                h.append(classes.get(i).equals("n") ? "<th class=\"n\">" : "<th>").append(esc(names.get(i)))
                        .append("</th>");
            }
            h.append("</tr></thead><tbody>\n");
        }

        /** One row; the cells are HTML, escaped by the caller. */
        void row(StringBuilder h, String... cells) {
            h.append("<tr>");
            for (int i = 0; i < cells.length; i++) {
                h.append("<td data-label=\"").append(esc(names.get(i))).append('"')
                        .append(classes.get(i).isEmpty() ? "" : " class=\"" + classes.get(i) + "\"")
                        .append("><span>").append(cells[i]).append("</span></td>");
            }
            h.append("</tr>\n");
        }

        static void end(StringBuilder h) {
            h.append("</tbody></table></div>\n");
        }
    }

    private static String nps(OptionalDouble v) {
        return v.isPresent() ? one(v.getAsDouble()) : "–";
    }

    private static String ci(NpsSummary s) {
        return s.ci().map(c -> "[" + one(c.lower()) + ", " + one(c.upper()) + "]").orElse("–");
    }

    private static String pValue(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }

    private static void card(StringBuilder h, String key, String value, String labelHtml) {
        h.append("<div class=\"card\"><div class=\"k\">").append(esc(key)).append("</div><div class=\"v\">")
                .append(esc(value)).append("</div>").append(labelHtml).append("</div>\n");
    }

    private static String label(String text) {
        return "<div class=\"l\">" + esc(text) + "</div>";
    }

    private static void figure(StringBuilder h, String cls, String caption, String sub, String svg) {
        h.append("<figure class=\"").append(cls).append("\"><figcaption>").append(esc(caption));
        if (!sub.isEmpty()) {
            h.append("<span class=\"sub\">").append(esc(sub)).append("</span>");
        }
        h.append("</figcaption>\n").append(svg).append("</figure>\n");
    }

    private static void showing(StringBuilder h, long shown, long of, String what) {
        h.append("<p class=\"count\">").append(shown < of ? "Showing " + shown + " of " + of + " " + what
                : "Showing all " + of + " " + what).append(".</p>\n");
    }

    private static void summary(StringBuilder h, Page p) {
        Readout r = p.r();
        RelationshipNps rel = r.relationship();
        NpsSummary o = rel.overall().summary();
        AccountCountNps a = rel.accountCount();
        AccountsAtRisk risk = r.accountsAtRisk();
        h.append("<section id=\"summary\"><h2>Headline</h2>\n<div class=\"cards\">\n");
        card(h, "Relationship NPS", nps(o.nps()), label(percent(o.level()) + " interval " + ci(o) + " · n = "
                + o.estimate().n() + " contacts in " + o.clusters().orElse(0) + " accounts · " + rel.from() + " to "
                + rel.to()));
        latestQuarter(h, r);
        card(h, "Account-count NPS", nps(a.nps()), label("every account counted once: " + a.promoterAccounts()
                + " promoter, " + a.passiveAccounts() + " passive, " + a.detractorAccounts() + " detractor accounts"));
        card(h, "Revenue-weighted NPS", nps(rel.revenueWeighted()), rel.revenueWeighted().isPresent()
                ? label(rel.revenueWeightedRule())
                : "<div class=\"miss\">Not shown: " + esc(reason(rel.revenueWeightedUnavailable())) + "</div>");
        OptionalDouble share = risk.shareOfValueAtRisk();
        card(h, "Revenue at risk" + p.money().unitSuffix(), p.money().number(risk.revenueAtRisk().total()), label((share.isPresent()
                ? one(100 * share.getAsDouble()) + " % of the total annual value " + p.money().format(
                        risk.totalAnnualValue())
                : "no account has an annual value, so no share") + " · " + risk.revenueAtRisk().accountIds().size()
                + " accounts" + (risk.revenueAtRisk().accountsWithoutValue() > 0 ? ", "
                        + risk.revenueAtRisk().accountsWithoutValue() + " of them without a value" : "")));
        drag(h, r);
        h.append("</div>\n<p class=\"note\">").append(esc(capitalised(rel.rule()))).append(". Account category: ")
                .append(esc(a.rule().description())).append(". ").append(esc(capitalised(p.money().note())))
                .append(".</p></section>\n");
    }

    /**
     * A headline card for the theme that goes with the lowest score: the most negative difference among themes whose
     * interval lies wholly below 0 (and that are not degenerate); no card when no theme qualifies.
     */
    private static void drag(StringBuilder h, Readout r) {
        Optional<ThemeFigures> worst = r.themes().byMentions().stream()
                .filter(f -> !f.degenerate() && f.difference().isPresent() && f.difference().get().upper() < 0)
                .min(Comparator.comparingDouble(f -> f.difference().get().difference()));
        if (worst.isEmpty()) {
            return;
        }
        ThemeFigures f = worst.get();
        Comparison c = f.difference().orElseThrow();
        card(h, "Strongest drag: " + f.theme(), signed(c.difference()), label("NPS of the " + f.mentions()
                + " commenters mentioning it minus the others' · " + percent(c.level()) + " interval "
                + interval(c.lower(), c.upper())));
    }

    private static String reason(Optional<String> why) {
        String s = why.orElse("not available");
        return s.startsWith("not available: ") ? s.substring("not available: ".length()) : s;
    }

    /** The latest quarter with an NPS, and its change from the quarter before with the change's significance. */
    private static void latestQuarter(StringBuilder h, Readout r) {
        List<TrendPoint> points = r.trend().trend().points();
        TrendPoint last = null;
        for (TrendPoint t : points) {
            if (t.nps().isPresent()) {
                last = t;
            }
        }
        if (last == null) {
            card(h, "Latest quarter", "–", "<div class=\"miss\">Not shown: no quarter has answers</div>");
            return;
        }
        int i = points.indexOf(last);
        String previous = i > 0 ? points.get(i - 1).period() : "";
        String delta;
        if (last.change().isPresent() && last.changePValue().isPresent()) {
            double c = last.change().getAsDouble();
            String cls = !last.significant() ? "same" : c > 0 ? "up" : "down";
            String arrow = c > 0 ? "▲" : c < 0 ? "▼" : "■";
            delta = "<div class=\"d " + cls + "\">" + arrow + " " + esc(String.format(Locale.ROOT, "%+.1f", c))
                    + " vs " + esc(previous) + ": " + (last.significant() ? "significant" : "not significant")
                    + " (" + esc(pValue(last.changePValue().getAsDouble())) + ", "
                    + esc(percent(1 - r.trend().trend().alpha())) + " level)</div>";
        } else {
            delta = "<div class=\"miss\">No change shown: " + (i == 0 ? "no earlier quarter in the data"
                    : esc(previous) + " has no answers to compare with") + "</div>";
        }
        String span = quarterToDate(last.period(), r.asOf()) ? ", quarter to date (" + r.asOf() + ")" : "";
        card(h, "Latest quarter · " + last.period(), nps(last.nps()), label("n = " + last.estimate().n()
                + " contacts" + span) + delta);
    }

    /** Whether a label such as {@code 2026-Q3} is the as-of day's quarter and that quarter has not ended. */
    private static boolean quarterToDate(String period, LocalDate asOf) {
        int q = (asOf.getMonthValue() - 1) / 3 + 1;
        LocalDate end = LocalDate.of(asOf.getYear(), q * 3, 1).plusMonths(1).minusDays(1);
        return period.equals(asOf.getYear() + "-Q" + q) && asOf.isBefore(end);
    }

    private static void groups(StringBuilder h, Page p) {
        RelationshipNps rel = p.r().relationship();
        String level = percent(rel.overall().summary().level());
        h.append("<section id=\"groups\"><h2>NPS by role and by channel tier</h2>\n<div class=\"charts\">\n");
        figure(h, "chart", "NPS by role", "bars: NPS; whiskers: " + level + " interval; n = contacts",
                Charts.intervalBars("NPS by role with " + level + " intervals", level, rows(rel.byRole(),
                        GroupField.ROLE)));
        figure(h, "chart", "NPS by channel tier", "bars: NPS; whiskers: " + level + " interval; n = contacts",
                Charts.intervalBars("NPS by channel tier with " + level + " intervals", level, rows(rel.byTier(),
                        GroupField.TIER)));
        h.append("</div></section>\n");
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

    private static void trend(StringBuilder h, Page p) {
        Readout r = p.r();
        List<TrendPoint> points = r.trend().trend().points();
        List<Charts.TrendRow> rows = new ArrayList<>();
        for (TrendPoint t : points) {
            Optional<NpsSummary> s = t.summary();
            rows.add(new Charts.TrendRow(t.period(), t.nps(),
                    s.flatMap(NpsSummary::ci).map(c -> OptionalDouble.of(c.lower())).orElse(OptionalDouble.empty()),
                    s.flatMap(NpsSummary::ci).map(c -> OptionalDouble.of(c.upper())).orElse(OptionalDouble.empty()),
                    t.significant()));
        }
        String level = percent(r.relationship().overall().summary().level());
        h.append("<section id=\"trend\"><h2>Trend by quarter</h2>\n<div class=\"charts\">\n");
        figure(h, "chart", "Relationship NPS by quarter", "axis scaled to the intervals, zero marked; ringed: "
                + r.trend().rule(), Charts.trend("Relationship NPS by quarter with " + level + " intervals", level,
                        rows));
        Cols c = Cols.of("quarter", "#NPS", "#interval", "#n", "#change", "#p");
        h.append("<div>");
        c.head(h);
        for (TrendPoint t : points) {
            c.row(h, esc(t.period()), nps(t.nps()), esc(t.summary().map(HtmlReport::ci).orElse("–")),
                    Long.toString(t.estimate().n()),
                    t.change().isPresent() ? esc(String.format(Locale.ROOT, "%+.1f", t.change().getAsDouble()))
                            + (t.significant() ? " <strong>significant</strong>" : "") : "–",
                    t.changePValue().isPresent() ? esc(String.format(Locale.ROOT, "%.3f",
                            t.changePValue().getAsDouble())) : "–");
        }
        Cols.end(h);
        h.append("<p class=\"note\">Change: from the previous quarter; ").append(esc(r.trend().rule()))
                .append(" (two-sided). – : no earlier quarter, or no answers.</p></div></div></section>\n");
    }

    private static void risk(StringBuilder h, Page p) {
        AccountsAtRisk risk = p.r().accountsAtRisk();
        String basis = p.r().relationship().accountCount().rule().scoreLabel();
        h.append("<section id=\"risk\"><h2>Accounts at risk</h2>\n");
        long shown = risk.top().size();
        h.append("<p class=\"count\">").append(shown <= risk.flagged()
                ? "Showing " + shown + " of " + risk.flagged() + " flagged accounts"
                : "Showing " + shown + " accounts (" + risk.flagged() + " carry a flag)")
                .append(", riskiest first (").append(esc(risk.rule())).append(").</p>\n");
        Cols c = Cols.of("account", "owner", "#annual value", "#NPS", "#" + basis, "category", "#risk score",
                "*flags");
        c.head(h);
        for (MappedAccount m : risk.top()) {
            StringBuilder flags = new StringBuilder();
            for (Flag f : m.flags()) {
                flags.append("<span class=\"flag\">").append(esc(f.label())).append("</span> ");
            }
            c.row(h, esc(m.account().name()) + " <span class=\"id\">" + esc(m.accountId()) + "</span>",
                    esc(m.account().owner().orElse("–")), esc(p.money().format(m.account().annualValue())),
                    nps(m.nps()), m.categoryScore().isPresent() ? String.format(Locale.ROOT, "%.1f",
                            io.github.nps4j.core.AccountCategoryRule.shownScore(m.categoryScore().getAsDouble()))
                            : "–",
                    esc(m.category().map(x -> x.label()).orElse("no answer")),
                    String.format(Locale.ROOT, "%,.0f", m.riskScore()),
                    flags.length() == 0 ? "none" : flags.toString().strip());
        }
        Cols.end(h);
        OptionalDouble share = risk.shareOfValueAtRisk();
        h.append("<p><strong>Revenue at risk ").append(esc(p.money().format(risk.revenueAtRisk().total())))
                .append("</strong>").append(share.isPresent() ? esc(", " + one(100 * share.getAsDouble())
                        + " % of the total annual value " + p.money().format(risk.totalAnnualValue())) : "")
                .append(".</p>\n<p class=\"note\">").append(esc(capitalised(risk.revenueAtRisk().rule())))
                .append(". NPS “–”: no answer in the window.</p>\n");
        coverage(h, risk);
        h.append("</section>\n");
    }

    /** Coverage by role across the portfolio: who has been heard from. */
    private static void coverage(StringBuilder h, AccountsAtRisk risk) {
        Map<Role, RoleCoverage> byRole = risk.map().overview().coverageByRole();
        if (byRole.isEmpty()) {
            return;
        }
        h.append("<h3>Who has been heard from, by role</h3>\n");
        Cols c = Cols.of("role", "#mapped", "#answered", "#answered %", "#P / A / D");
        c.head(h);
        for (RoleCoverage rc : byRole.values()) {
            c.row(h, esc(rc.role().name()), Long.toString(rc.mapped()), Long.toString(rc.responded()),
                    rc.mapped() > 0 ? one(100.0 * rc.responded() / rc.mapped()) : "–",
                    rc.promoters() + " / " + rc.passives() + " / " + rc.detractors());
        }
        Cols.end(h);
    }

    private static void drivers(StringBuilder h, Page p) {
        Readout r = p.r();
        h.append("<section id=\"drivers\"><h2>Key drivers</h2>\n");
        if (r.drivers().analysis().isEmpty()) {
            h.append("<p class=\"miss\">Not shown: ").append(esc(reason(r.drivers().unavailableReason())))
                    .append(".</p></section>\n");
            return;
        }
        DriverResult d = r.drivers().analysis().get();
        List<ImportanceRow> rows = new ArrayList<>(d.importance());
        rows.sort(Comparator.comparingDouble(ImportanceRow::lmgShare).reversed());
        List<Charts.IpPoint> points = new ArrayList<>();
        h.append("<p>").append(esc(capitalised(r.drivers().answers()))).append(": n = ").append(d.n()).append(" (")
                .append(d.dropped()).append(" left out for missing ratings); the ratings explain ")
                .append(one(100 * d.r2())).append(" % of the score's variance (R²).</p>\n");
        if (d.whatIf().isPresent()) {
            WhatIfResult w = d.whatIf().get();
            h.append("<p><strong>What if</strong> ").append(esc(whatIf(w))).append(" (").append(w.changedRows())
                    .append(" answers)? NPS ").append(one(w.baselineNps())).append(" → <strong>")
                    .append(one(w.predictedNps())).append("</strong> (model error ±")
                    .append(one(w.crossValidatedError())).append(" points, ").append(w.folds())
                    .append("-fold cross-validated).</p>\n");
        }
        h.append("<div class=\"charts\">\n");
        for (ImportanceRow row : rows) {
            points.add(new Charts.IpPoint(row.name(), 100 * row.lmgShare(), row.performance(),
                    row.quadrant().label()));
        }
        figure(h, "chart", "Importance against performance", "importance: LMG share of R²; performance: mean "
                + "rating; dashed lines: the averages", Charts.importancePerformance(
                        "Importance (LMG share of R²) against performance (mean rating)", points));
        h.append("<div>");
        Cols c = Cols.of("attribute", "#LMG %", "#Johnson %", "#mean rating", "quadrant");
        c.head(h);
        for (ImportanceRow row : rows) {
            c.row(h, esc(row.name()), one(100 * row.lmgShare()), one(100 * row.johnsonShare()),
                    one(row.performance()), esc(row.quadrant().label()));
        }
        Cols.end(h);
        h.append("</div></div></section>\n");
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.1f", v);
    }

    private static String pCell(OptionalDouble p) {
        return p.isPresent() ? esc(p.getAsDouble() < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f",
                p.getAsDouble())) : "–";
    }

    private static String interval(double lower, double upper) {
        return "[" + one(lower) + ", " + one(upper) + "]";
    }

    private static void missing(StringBuilder h, Optional<String> why) {
        h.append("<p class=\"miss\">Not shown: ").append(esc(reason(why))).append(".</p></section>\n");
    }

    /** The "why": comment themes with the difference they go with, and a few of the customers' own words. */
    private static void themes(StringBuilder h, Page p) {
        CommentThemes t = p.r().themes();
        h.append("<section id=\"themes\"><h2>Why customers say what they say</h2>\n");
        if (t.report().isEmpty()) {
            missing(h, t.unavailableReason());
            return;
        }
        ThemeReport rep = t.report().get();
        String level = percent(p.r().relationship().overall().summary().level());
        List<ThemeFigures> mentioned = t.byMentions().stream().filter(f -> f.mentions() > 0).toList();
        List<String> silent = t.byMentions().stream().filter(f -> f.mentions() == 0).map(ThemeFigures::theme).toList();
        h.append("<p>").append(rep.commenters()).append(rep.commenters() == 1 ? " comment" : " comments")
                .append(" coded by ").append(esc(t.codebook())).append("; ").append(rep.uncoded())
                .append(" mention no theme. A negative difference: those who mention the theme score lower than the "
                        + "other commenters, so it goes with detracting; a positive one goes with promoting.</p>\n");
        List<Charts.IntervalRow> rows = new ArrayList<>();
        for (ThemeFigures f : mentioned) {
            if (f.difference().isPresent() && !f.degenerate()) {
                Comparison c = f.difference().get();
                rows.add(new Charts.IntervalRow(f.theme(), OptionalDouble.of(c.difference()),
                        OptionalDouble.of(c.lower()), OptionalDouble.of(c.upper()), f.mentions()));
            }
        }
        h.append("<div class=\"charts\">\n");
        if (!rows.isEmpty()) {
            boolean left = mentioned.stream().anyMatch(ThemeFigures::degenerate);
            figure(h, "chart", "NPS of those mentioning a theme minus the others'", "bars: difference in NPS "
                    + "points; whiskers: " + level + " interval; n = comments mentioning the theme"
                    + (left ? "; themes marked * in the table are left out (too few mentions to judge)" : ""),
                    Charts.differenceBars("Difference in NPS between commenters mentioning each theme and the others, "
                            + "with " + level + " intervals", level, "difference", rows));
        }
        h.append("</div>\n<div>");
        Cols c = Cols.of("theme", "#mentions", "#share", "#NPS mentioning", "#NPS others", "#difference",
                "#interval", "#p");
        c.head(h);
        boolean degenerate = false;
        for (ThemeFigures f : mentioned) {
            degenerate |= f.degenerate();
            c.row(h, esc(f.theme()) + (f.degenerate() ? " *" : ""), Long.toString(f.mentions()),
                    esc(String.format(Locale.ROOT, "%.0f %%", 100 * f.share())), nps(f.npsMentioning()),
                    nps(f.npsNotMentioning()), f.difference().map(x -> esc(signed(x.difference()))).orElse("–"),
                    f.difference().map(x -> esc(interval(x.lower(), x.upper()))).orElse("–"),
                    f.difference().map(x -> pCell(x.pValue())).orElse("–"));
        }
        Cols.end(h);
        if (degenerate) {
            h.append("<p class=\"note\">* Too few or too uniform mentions: every answer on one side is in one "
                    + "category, so its interval looks certain but is not.</p>\n");
        }
        if (!silent.isEmpty()) {
            h.append("<p class=\"note\">Not mentioned: ").append(esc(String.join(", ", silent))).append(".</p>\n");
        }
        h.append("</div>\n");
        if (!t.examples().isEmpty()) {
            h.append("<h3>In their words</h3>\n<p class=\"note\">A few comments per theme, detractors' first. "
                    + "Comments are personal data: for your own staff, not to be forwarded.</p>\n<dl class=\"quotes\">\n");
            for (ThemeFigures f : mentioned) {
                List<String> quotes = t.examples().get(f.theme());
                if (quotes == null) {
                    continue;
                }
                h.append("<dt>").append(esc(f.theme())).append("</dt>");
                for (String q : quotes) {
                    h.append("<dd>“").append(esc(q)).append("”</dd>");
                }
                h.append('\n');
            }
            h.append("</dl>\n");
        }
        h.append("<p class=\"note\">").append(esc(capitalised(t.rule()))).append(".</p></section>\n");
    }

    /** Our NPS against each competitor's, from the same respondents. */
    private static void competitors(StringBuilder h, Page p) {
        Competitors c = p.r().competitors();
        h.append("<section id=\"competitors\"><h2>Against competitors</h2>\n");
        if (c.comparisons().isEmpty()) {
            missing(h, c.unavailableReason());
            return;
        }
        String level = percent(c.comparisons().get(0).level());
        h.append("<p>Respondents who rated a competitor on the same 0–10 question: our NPS minus the competitor's among "
                + "the same people. Positive: they recommend us more.</p>\n<div class=\"charts\">\n");
        List<Charts.IntervalRow> rows = new ArrayList<>();
        for (PairedComparison x : c.comparisons()) {
            rows.add(new Charts.IntervalRow(x.competitor(), OptionalDouble.of(x.difference()),
                    OptionalDouble.of(x.lower()), OptionalDouble.of(x.upper()), x.n()));
        }
        figure(h, "chart", "Our NPS minus each competitor's", "bars: difference in NPS points (ours − theirs, same "
                + "respondents); whiskers: " + level + " interval; n = respondents",
                Charts.differenceBars("Our NPS minus each competitor's among the same respondents, with " + level
                        + " intervals", level, "ours − theirs", rows));
        h.append("</div>\n<div>");
        Cols t = Cols.of("competitor", "#respondents", "#our NPS", "#their NPS", "#difference", "#interval", "#p");
        t.head(h);
        for (PairedComparison x : c.comparisons()) {
            t.row(h, esc(x.competitor()), Long.toString(x.n()), one(x.ourNps()), one(x.competitorNps()),
                    esc(signed(x.difference())), esc(interval(x.lower(), x.upper())), pCell(x.pValue()));
        }
        Cols.end(h);
        for (PairedComparison x : c.comparisons()) {
            x.note().ifPresent(n -> h.append("<p class=\"note\">").append(esc(x.competitor() + ": " + n))
                    .append(".</p>\n"));
        }
        h.append("</div>\n<p class=\"note\">").append(esc(capitalised(c.rule()))).append(".</p></section>\n");
    }

    /** What promoter, passive and detractor accounts are worth. */
    private static void economics(StringBuilder h, Page p) {
        LoyaltyValue v = p.r().economics();
        h.append("<section id=\"economics\"><h2>What loyalty is worth</h2>\n");
        if (v.economics().isEmpty()) {
            missing(h, v.unavailableReason());
            return;
        }
        LoyaltyEconomics e = v.economics().get();
        Money money = p.money();
        h.append("<div class=\"cards\">\n");
        if (e.promoterToDetractorValueRatio().isPresent()) {
            String ci = e.ci().map(x -> percent(x.level()) + " interval [" + String.format(Locale.ROOT, "%.1f×",
                    x.lower()) + ", " + (x.unbounded() ? "unbounded" : String.format(Locale.ROOT, "%.1f×", x.upper()))
                    + "] (bootstrap)" + (x.lower() <= 1 && 1 <= x.upper() ? ". The interval includes 1×: these "
                            + "accounts cannot tell whether promoters are worth more" : ""))
                    .orElse("no interval: no resample defines the ratio");
            card(h, "Promoter vs detractor account", String.format(Locale.ROOT, "%.1f×",
                    e.promoterToDetractorValueRatio().getAsDouble()), label("lifetime value of a promoter account "
                            + "over a detractor account's · " + ci));
        } else {
            card(h, "Promoter vs detractor account", "–", "<div class=\"miss\">Not shown: a category's lifetime "
                    + "value is missing, unbounded (every account renewed) or 0</div>");
        }
        if (e.renewalModel().isPresent()) {
            LogisticFit f = e.renewalModel().get();
            LogisticCoefficient k = f.coefficient(LoyaltyEconomics.ACCOUNT_NPS);
            card(h, "Odds of renewal per 10 NPS points", String.format(Locale.ROOT, "×%.2f",
                    Math.exp(10 * k.estimate())), label("logistic model of renewal on account NPS, " + f.n()
                            + " accounts · " + pValue(k.p())));
        } else {
            card(h, "Odds of renewal per 10 NPS points", "–", "<div class=\"miss\">Not shown: "
                    + esc(e.renewalModelNote().orElse("not fitted")) + "</div>");
        }
        h.append("</div>\n<div class=\"charts\">\n");
        List<Charts.ShareRow> rows = new ArrayList<>();
        for (CategoryEconomics c : e.categories()) {
            rows.add(new Charts.ShareRow(c.category().label(), c.renewalRate(), c.renewalRate().isPresent()
                    ? Math.round(c.renewalRate().getAsDouble() * c.accountsWithOutcome()) + " of "
                            + c.accountsWithOutcome() : "no outcome"));
        }
        figure(h, "chart", "Renewal rate by account category", "accounts whose renewal is known; beside each bar: "
                + "renewed of known", Charts.shareBars("Renewal rate of promoter, passive and detractor accounts",
                        rows));
        h.append("</div>\n<div>");
        Cols t = Cols.of("account category", "#accounts", "#renewal rate", "#mean annual value", "#revenue growth",
                "#lifetime value");
        t.head(h);
        for (CategoryEconomics c : e.categories()) {
            t.row(h, esc(c.category().label()), Integer.toString(c.accounts()), share(c.renewalRate()),
                    esc(money.format(c.meanAnnualValue())), share(c.meanRevenueGrowth()),
                    c.lifetimeValue().isPresent() ? esc(money.format(c.lifetimeValue()))
                            : c.renewalRate().isPresent() && c.renewalRate().getAsDouble() >= 1 ? "unbounded" : "–");
        }
        Cols.end(h);
        h.append("<p class=\"note\">Lifetime value = mean annual value ÷ (1 − renewal rate): what an account is "
                + "worth if it keeps renewing at its category's rate.").append(e.uncategorisedAccounts() > 0 ? " "
                        + e.uncategorisedAccounts() + " account(s) without an answer in the window are left out." : "")
                .append("</p></div>\n<p class=\"note\">").append(esc(capitalised(v.rule()))).append(". ")
                .append(esc(capitalised(money.note()))).append(".</p></section>\n");
    }

    private static String share(OptionalDouble v) {
        return v.isPresent() ? esc(String.format(Locale.ROOT, "%.1f %%", 100 * v.getAsDouble())) : "–";
    }

    private static void maps(StringBuilder h, Page p) {
        List<MappedAccount> top = p.r().accountsAtRisk().top();
        h.append("<section id=\"maps\"><h2>Account maps of the riskiest accounts</h2>\n");
        showing(h, Math.min(MAPS, top.size()), top.size(), "accounts listed at risk");
        h.append("<p class=\"hint\">The maps keep their size so their labels stay readable: scroll them sideways."
                + "</p>\n");
        for (MappedAccount m : top.stream().limit(MAPS).toList()) {
            String flags = m.flags().stream().map(Flag::label).reduce((x, y) -> x + ", " + y).orElse("no flags");
            h.append("<figure class=\"map\"><figcaption>Account map: ").append(esc(m.account().name()))
                    .append(" <span class=\"id\">").append(esc(m.accountId())).append("</span><span class=\"sub\">")
                    .append(esc("one row per role, one dot per mapped contact: its latest answer (" + flags + ")"))
                    .append("</span></figcaption>\n<div class=\"wide\">").append(inline(SvgRenderer.account(m)))
                    .append("</div></figure>\n");
        }
        h.append("</section>\n");
    }

    private static void followUps(StringBuilder h, Page p) {
        Readout r = p.r();
        FollowUps f = r.followUps();
        h.append("<section id=\"followups\"><h2>Call back first</h2>\n<p>")
                .append(esc(capitalised(f.rule()))).append(".</p>\n");
        showing(h, f.top().size(), f.open(), "open cases, highest priority first");
        Cols c = Cols.of("due", "*account", "contact", "role", "#score", "owner", "*comment");
        c.head(h);
        for (FollowUpCase fc : f.top()) {
            c.row(h, esc(fc.due().toString()) + (fc.isOverdue(r.asOf()) ? " <span class=\"flag\">overdue</span>"
                    : ""), p.account(fc.accountId()), esc(fc.contactId()), esc(fc.role().name()),
                    Integer.toString(fc.score()), esc(fc.owner().orElse("–")), esc(fc.comment().orElse("")));
        }
        Cols.end(h);
        h.append("</section>\n");
    }

    private static void plan(StringBuilder h, Page p) {
        Invitations inv = p.r().invitations();
        h.append("<section id=\"plan\"><h2>Invite next</h2>\n<p>").append(inv.planned())
                .append(inv.planned() == 1 ? " invitation" : " invitations").append(" planned for ")
                .append(esc(inv.day().toString())).append(" (").append(esc(inv.rule())).append(").</p>\n");
        showing(h, inv.top().size(), inv.planned(), "planned invitations, most senior roles first");
        Cols c = Cols.of("contact", "*account", "role", "episode", "*why");
        c.head(h);
        for (PlannedInvitation i : inv.top()) {
            c.row(h, esc(i.contactId()), p.account(i.accountId()), esc(i.role().name()), esc(i.episode().name()),
                    esc(i.reason()));
        }
        Cols.end(h);
        h.append("<p class=\"note\">Planner rules: ").append(esc(inv.plannerRules())).append(".</p></section>\n");
    }

    private static void glossary(StringBuilder h, Page p) {
        h.append("<section id=\"glossary\"><h2>Glossary</h2>\n<dl class=\"gloss\">\n");
        String[][] terms = {
            {"NPS", "Net Promoter Score: % promoters − % detractors, from −100 to 100."},
            {"promoter (P)", "answered 9 or 10 to “how likely are you to recommend us?”"},
            {"passive (A)", "answered 7 or 8."},
            {"detractor (D)", "answered 0 to 6."},
            {"interval", "the range the true NPS lies in with the stated confidence (" + percent(
                    p.r().relationship().overall().summary().level()) + "); small groups have wide intervals."},
            {"n", "how many contacts' answers a figure is made of (each contact's latest answer counts once)."},
            {"p", "the p-value of a change: how likely a change this large is by chance alone; below "
                    + plain(p.r().trend().trend().alpha()) + " it is called significant."},
            {"account-count NPS", "the accounts as customers: % promoter accounts − % detractor accounts."},
            {"revenue-weighted NPS", "NPS in which each account weighs its annual value."},
            {"revenue at risk", "annual value of accounts whose category is detractor or whose decision-maker "
                    + "detracts."},
            {Flag.DECIDER_DETRACTOR.label(), "a decision-maker's latest answer is a detractor."},
            {Flag.NO_DECIDER_HEARD.label(), "no decision-maker answered in the window (or none is mapped)."},
            {Flag.SILENT.label(), "no answer at all from the account for a long time (180 days by default)."},
            {Flag.POLARISED.label(), "decision-makers and influencers include both promoters and detractors."},
            {Flag.LOW_COVERAGE.label(), "few of the account's mapped contacts answered (under 20 % by default)."},
            {Flag.DECLINING.label(), "the account's NPS of the last 90 days is significantly below the 90 days "
                    + "before."},
            {"overdue", "a follow-up case past its due date."},
            {"LMG %", "a driver's share of the explained variance (R²), averaged over every order of entry."},
            {"Johnson %", "the same share estimated by Johnson's relative weights; close to LMG when drivers are "
                    + "not strongly correlated."},
            {"fix first", "important and rated below average: improve these first."},
            {"maintain", "important and rated above average: keep them."},
            {"secondary", "less important and rated below average."},
            {"overperforming", "less important and rated above average."},
            {"theme", "a topic a comment mentions, found by the codebook's phrases (one comment can mention several)."},
            {"difference (themes)", "NPS of those whose comment mentions the theme minus NPS of the other commenters; "
                    + "it shows what goes with the score, not what causes it."},
            {"ours − theirs", "our NPS minus a competitor's, both from the same respondents (a paired comparison)."},
            {"renewal rate", "the share of accounts whose renewal is known that renewed."},
            {"lifetime value", "mean annual value ÷ (1 − renewal rate): undiscounted value of an account that keeps "
                    + "renewing at that rate."},
        };
        for (String[] t : terms) {
            h.append("<dt>").append(esc(t[0])).append("</dt><dd>").append(esc(t[1])).append("</dd>\n");
        }
        h.append("</dl></section>\n");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
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
