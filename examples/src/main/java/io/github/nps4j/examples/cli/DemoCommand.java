package io.github.nps4j.examples.cli;

import io.github.nps4j.accountmap.Flag;
import io.github.nps4j.accountmap.MappedAccount;
import io.github.nps4j.core.AccountCountNps;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.stats.NpsSummary;
import io.github.nps4j.core.stats.SummarizedNps;
import io.github.nps4j.core.stats.TrendPoint;
import io.github.nps4j.drivers.DriverResult;
import io.github.nps4j.drivers.ImportanceRow;
import io.github.nps4j.drivers.WhatIfResult;
import io.github.nps4j.examples.report.Money;
import io.github.nps4j.core.compare.PairedComparison;
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
import io.github.nps4j.readout.ReadoutOptions;
import io.github.nps4j.readout.RelationshipNps;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nps demo}: a whole B2B NPS readout in the terminal, rendered from the library's {@link Readout}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "A whole B2B NPS readout: relationship NPS with intervals, by role and tier, trend, accounts at "
                + "risk, key drivers, comment themes, competitors, what loyalty is worth, who to call back and whom "
                + "to invite next.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ReadoutInputs inputs;

    @Mixin
    CurrencyOption currency;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (format == OutputFormat.csv) {
            throw new CommandLine.ParameterException(spec.commandLine(), "demo writes text or json, not csv");
        }
        Money money = currency.money(spec.commandLine());
        ReadoutInputs.Loaded loaded = inputs.readout(spec.commandLine(), ReadoutOptions.DEFAULT_TOP_ACCOUNTS,
                ReadoutOptions.DEFAULT_TOP_FOLLOW_UPS, ReadoutOptions.DEFAULT_TOP_INVITATIONS);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            ObjectNode json = ReadoutJson.of(loaded.readout());
            loaded.report().ifPresent(r -> ImportOptions.annotate(json, r));
            Output.printJson(out, json);
        } else {
            print(out, loaded.readout(), loaded.source(), money);
            loaded.report().ifPresent(r -> ImportOptions.printNotes(out, r));
        }
        return 0;
    }

    static String ci(NpsSummary s) {
        return ScoreCommand.interval(s);
    }

    static void print(PrintWriter out, Readout r, String source, Money money) {
        out.println("nps4j readout as of " + r.asOf() + " — " + source);
        out.println();
        RelationshipNps rel = r.relationship();
        out.println("1. Relationship NPS");
        out.println("   " + rel.rule());
        out.println();
        SummarizedNps.Group o = rel.overall();
        out.println("   NPS " + Output.oneDecimal(o.nps()) + "   " + ci(o.summary()) + "   n = " + o.estimate().n()
                + " contacts in " + o.accounts().orElse(0) + " accounts");
        out.println();
        groupTable(out, GroupField.ROLE, rel.byRole());
        out.println();
        groupTable(out, GroupField.TIER, rel.byTier());
        groupNotes(out, rel);
        out.println();
        AccountCountNps a = rel.accountCount();
        out.println("   Account-count NPS    " + Output.oneDecimal(a.nps()) + "   (every account counted once: "
                + a.promoterAccounts() + " promoter, " + a.passiveAccounts() + " passive, " + a.detractorAccounts()
                + " detractor accounts)");
        out.println("   Revenue-weighted NPS " + (rel.revenueWeighted().isPresent()
                ? Output.oneDecimal(rel.revenueWeighted()) + "   (" + rel.revenueWeightedRule() + ")"
                : rel.revenueWeightedUnavailable().orElse("–")));
        out.println("   account category rule: " + a.rule().description());
        out.println();

        out.println("2. Trend by quarter (* = " + r.trend().rule() + ")");
        out.println();
        Output.Table t = new Output.Table(List.of("quarter", "NPS", "interval", "n", "change", "p"), false, true,
                true, true, true, true).indent(3);
        for (TrendPoint pt : r.trend().trend().points()) {
            t.row(List.of(pt.period(), Output.oneDecimal(pt.nps()), ci(pt.summary().orElseThrow()),
                    Long.toString(pt.estimate().n()),
                    pt.change().isPresent() ? String.format(Locale.ROOT, "%+.1f%s", pt.change().getAsDouble(),
                            pt.significant() ? "*" : " ") : "–",
                    pt.changePValue().isPresent() ? String.format(Locale.ROOT, "%.3f", pt.changePValue()
                            .getAsDouble()) : "–"));
        }
        t.print(out);
        out.println();

        AccountsAtRisk risk = r.accountsAtRisk();
        out.println("3. Accounts at risk (the " + risk.top().size() + " highest risk scores of "
                + risk.map().accounts().size() + " accounts, " + risk.flagged() + " of them flagged; "
                + risk.rule() + ")");
        out.println();
        String basis = a.rule().scoreLabel();
        Output.Table rt = new Output.Table(List.of("account", "name", "owner", "annual value", "NPS", basis,
                "category", "risk score", "flags"), false, false, false, true, true, true, false, true, false)
                .indent(3);
        for (MappedAccount m : risk.top()) {
            rt.row(List.of(m.accountId(), Output.clip(m.account().name(), 24),
                    m.account().owner().orElse("–"), money.format(m.account().annualValue()),
                    Output.oneDecimal(m.nps()), Output.categoryScore(m.categoryScore()),
                    m.category().map(c -> c.label()).orElse("–"), Output.money(m.riskScore()),
                    String.join(", ", m.flags().stream().map(Flag::label).toList())));
        }
        rt.print(out);
        out.println();
        out.println("   Revenue at risk " + money.format(risk.revenueAtRisk().total())
                + (risk.shareOfValueAtRisk().isPresent() ? " (" + Output.oneDecimal(100
                * risk.shareOfValueAtRisk().getAsDouble()) + " % of the total annual value "
                + money.format(risk.totalAnnualValue()) + ")" : ""));
        out.println("   " + money.note());
        out.println("   rule: " + risk.revenueAtRisk().rule());
        out.println();

        out.println("4. Key drivers of the score");
        if (r.drivers().analysis().isEmpty()) {
            out.println("   " + r.drivers().unavailableReason().orElse("not available"));
        } else {
            DriverResult d = r.drivers().analysis().get();
            out.println("   " + r.drivers().answers() + ": n = " + d.n() + " (" + d.dropped()
                    + " dropped for missing ratings), R² = " + Output.oneDecimal(100 * d.r2()) + " %");
            out.println();
            Output.Table dt = new Output.Table(List.of("attribute", "LMG %", "Johnson %", "mean rating",
                    "quadrant"), false, true, true, true, false).indent(3);
            List<ImportanceRow> rows = new ArrayList<>(d.importance());
            rows.sort(Comparator.comparingDouble(ImportanceRow::lmgShare).reversed());
            for (ImportanceRow row : rows) {
                dt.row(List.of(row.name(), Output.oneDecimal(100 * row.lmgShare()),
                        Output.oneDecimal(100 * row.johnsonShare()), Output.oneDecimal(row.performance()),
                        row.quadrant().label()));
            }
            dt.print(out);
            if (d.whatIf().isPresent()) {
                WhatIfResult w = d.whatIf().get();
                out.println();
                out.println("   What if " + whatIf(w) + " (" + w.changedRows() + " answers)? NPS of the " + d.n()
                        + " answers the model uses " + Output.oneDecimal(w.baselineNps()) + " → "
                        + Output.oneDecimal(w.predictedNps()) + "  (model error ±"
                        + Output.oneDecimal(w.crossValidatedError()) + " points, " + w.folds()
                        + "-fold cross-validated)");
                out.println("   (" + r.drivers().rule() + ")");
            }
        }
        out.println();

        themes(out, r);
        competitors(out, r);
        economics(out, r, money);

        FollowUps f = r.followUps();
        out.println("8. Call back first (" + f.open() + " " + f.rule() + ")");
        out.println();
        Output.Table ft = new Output.Table(List.of("due", "account", "contact", "role", "score", "owner",
                "priority", "state"), false, false, false, false, true, false, true, false).indent(3);
        f.top().forEach(c -> ft.row(List.of(c.due().toString(), c.accountId(), c.contactId(),
                c.role().name(), Integer.toString(c.score()), c.owner().orElse("–"), Output.money(c.priority()),
                c.stateAsOf(r.asOf()).label())));
        ft.print(out);
        out.println();

        Invitations inv = r.invitations();
        out.println("9. Invite next (" + Output.count(inv.planned(), "invitation") + " planned for " + inv.day()
                + "; " + inv.rule() + ")");
        out.println();
        Output.Table pt = new Output.Table(List.of("contact", "account", "role", "why")).indent(3);
        inv.top().forEach(i -> pt.row(List.of(i.contactId(), i.accountId(), i.role().name(),
                i.reason())));
        pt.print(out);
        out.println();
        out.println("Next: `nps report --out report` writes all of this as one HTML page with charts and account maps;");
        out.println("      `nps score|trend|compare|accounts|followups|plan|drivers|themes|competitors|economics --help`");
        out.println("      run each part on your CSVs; `--codebook FILE` codes the comments with your own codebook;");
        out.println("      the README explains the arithmetic and which interval to use for small accounts.");
        out.flush();
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.1f", v);
    }

    private static String p(OptionalDouble p) {
        return p.isPresent() ? (p.getAsDouble() < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f",
                p.getAsDouble())) : "–";
    }

    private static String share(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f %%", 100 * v.getAsDouble()) : "–";
    }

    /** Section 5: the themes of the comments, with a few examples. */
    static void themes(PrintWriter out, Readout r) {
        CommentThemes t = r.themes();
        if (t.report().isEmpty()) {
            out.println("5. Why customers say what they say");
            out.println("   not shown: " + t.unavailableReason().orElse("not available"));
            out.println();
            return;
        }
        ThemeReport rep = t.report().get();
        out.println("5. Why customers say what they say (" + Output.count(rep.commenters(), "comment") + " coded by "
                + t.codebook() + "; " + rep.uncoded() + " mention no theme)");
        out.println("   " + t.rule());
        out.println();
        Output.Table tt = new Output.Table(List.of("theme", "mentions", "share", "NPS mentioning", "NPS not",
                "difference", "interval", "p"), false, true, true, true, true, true, true, true).indent(3);
        List<String> silent = new ArrayList<>();
        boolean degenerate = false;
        for (ThemeFigures f : t.byMentions()) {
            if (f.mentions() == 0) {
                silent.add(f.theme());
                continue;
            }
            degenerate |= f.degenerate();
            tt.row(List.of(f.theme() + (f.degenerate() ? " *" : ""), Long.toString(f.mentions()),
                    String.format(Locale.ROOT, "%.0f %%", 100 * f.share()), Output.oneDecimal(f.npsMentioning()),
                    Output.oneDecimal(f.npsNotMentioning()),
                    f.difference().map(c -> signed(c.difference())).orElse("–"),
                    f.difference().map(c -> "[" + Output.oneDecimal(c.lower()) + ", " + Output.oneDecimal(c.upper())
                            + "]").orElse("–"),
                    f.difference().map(c -> p(c.pValue())).orElse("–")));
        }
        tt.print(out);
        if (degenerate) {
            out.println("   * " + ThemesCommand.DEGENERATE);
        }
        if (!silent.isEmpty()) {
            out.println("   not mentioned: " + String.join(", ", silent));
        }
        if (!t.examples().isEmpty()) {
            out.println();
            out.println("   In their words (detractors first; comments are personal data — do not forward):");
            t.examples().forEach((theme, list) -> out.println("   " + theme + ": "
                    + String.join("  ·  ", list.stream().map(e -> "“" + e + "”").toList())));
        }
        out.println();
    }

    /** Section 6: our NPS against each competitor's, from the same respondents. */
    static void competitors(PrintWriter out, Readout r) {
        Competitors c = r.competitors();
        out.println("6. Against competitors" + (c.comparisons().isEmpty() ? "" : " (" + c.answers() + ")"));
        if (c.comparisons().isEmpty()) {
            out.println("   not shown: " + c.unavailableReason().orElse("not available"));
            out.println();
            return;
        }
        out.println("   " + c.rule());
        out.println();
        Output.Table ct = new Output.Table(List.of("competitor", "respondents", "our NPS", "their NPS", "difference",
                "interval", "p"), false, true, true, true, true, true, true).indent(3);
        for (PairedComparison x : c.comparisons()) {
            ct.row(List.of(x.competitor(), Long.toString(x.n()), Output.oneDecimal(x.ourNps()),
                    Output.oneDecimal(x.competitorNps()), signed(x.difference()), "[" + Output.oneDecimal(x.lower())
                            + ", " + Output.oneDecimal(x.upper()) + "]", p(x.pValue())));
        }
        ct.print(out);
        for (PairedComparison x : c.comparisons()) {
            x.note().ifPresent(n -> out.println("   " + x.competitor() + ": " + n));
        }
        out.println();
    }

    /** Section 7: what promoter, passive and detractor accounts are worth. */
    static void economics(PrintWriter out, Readout r, Money money) {
        LoyaltyValue v = r.economics();
        out.println("7. What loyalty is worth");
        if (v.economics().isEmpty()) {
            out.println("   not shown: " + v.unavailableReason().orElse("not available"));
            out.println();
            return;
        }
        LoyaltyEconomics e = v.economics().get();
        out.println("   " + v.rule());
        out.println();
        Output.Table et = new Output.Table(List.of("account category", "accounts", "renewal known", "renewal rate",
                "mean annual value", "revenue growth", "lifetime value"), false, true, true, true, true, true, true)
                .indent(3);
        for (CategoryEconomics c : e.categories()) {
            et.row(List.of(c.category().label(), Integer.toString(c.accounts()),
                    Integer.toString(c.accountsWithOutcome()), share(c.renewalRate()),
                    money.format(c.meanAnnualValue()), share(c.meanRevenueGrowth()),
                    c.lifetimeValue().isPresent() ? money.format(c.lifetimeValue())
                            : c.renewalRate().isPresent() && c.renewalRate().getAsDouble() >= 1 ? "unbounded (all renewed)"
                            : "–"));
        }
        et.print(out);
        if (e.uncategorisedAccounts() > 0) {
            out.println("   " + Output.count(e.uncategorisedAccounts(), "account") + " without an answer in the window "
                    + "left out");
        }
        out.println("   " + valueRatio(e));
        out.println("   " + renewalModel(e));
        out.println("   " + money.note());
        out.println();
    }

    /** E.g. {@code A promoter account is worth 5.2× a detractor account over its lifetime (95 % …)}. */
    static String valueRatio(LoyaltyEconomics e) {
        if (e.promoterToDetractorValueRatio().isEmpty()) {
            return "Promoter / detractor lifetime value: undefined (a category's lifetime value is missing, unbounded "
                    + "or 0)";
        }
        String ci = e.ci().map(c -> String.format(Locale.ROOT, " (%s bootstrap interval [%.1f, %s])",
                Output.percent(c.level()), c.lower(), c.unbounded() ? "unbounded" : String.format(Locale.ROOT, "%.1f",
                        c.upper())) + (c.lower() <= 1 && 1 <= c.upper() ? "; it includes 1×: these accounts "
                        + "cannot tell whether promoters are worth more" : "")).orElse(" (no interval: no resample "
                        + "defines the ratio)");
        return String.format(Locale.ROOT, "A promoter account is worth %.1f× a detractor account over its lifetime",
                e.promoterToDetractorValueRatio().getAsDouble()) + ci;
    }

    /** The renewal model in words, or why there is none. */
    static String renewalModel(LoyaltyEconomics e) {
        if (e.renewalModel().isEmpty()) {
            return "Renewal model: " + e.renewalModelNote().orElse("not fitted");
        }
        LogisticFit f = e.renewalModel().get();
        LogisticCoefficient c = f.coefficient(LoyaltyEconomics.ACCOUNT_NPS);
        return String.format(Locale.ROOT, "Renewal model (logistic, %d accounts): every 10 account-NPS points "
                + "multiply the odds of renewal by %.2f (p %s)", f.n(), Math.exp(10 * c.estimate()),
                c.p() < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", c.p()));
    }

    /** E.g. {@code delivery rose 1 point for everyone rating it below 7}, from the scenario that was run. */
    static String whatIf(WhatIfResult w) {
        double delta = w.scenario().delta();
        String points = BigDecimal.valueOf(delta).stripTrailingZeros().toPlainString() + (delta == 1 ? " point"
                : " points");
        if (Double.isInfinite(w.scenario().below())) {
            return w.scenario().attribute() + " rose " + points + " for everyone";
        }
        return w.scenario().attribute() + " rose " + points + " for everyone rating it below "
                + BigDecimal.valueOf(w.scenario().below()).stripTrailingZeros().toPlainString();
    }

    /**
     * Says which groups' clustered intervals use Student t (fewer than 10 accounts) and why a group has no interval
     * ("–"), once per reason, naming the groups.
     */
    private static void groupNotes(PrintWriter out, RelationshipNps rel) {
        java.util.Map<String, List<String>> why = new java.util.LinkedHashMap<>();
        List<String> few = new ArrayList<>();
        for (List<SummarizedNps.Group> gs : List.of(rel.byRole(), rel.byTier())) {
            for (SummarizedNps.Group g : gs) {
                if (g.notes().stream().anyMatch(n -> n.contains("Student t"))) {
                    few.add(String.join("/", g.key().values()) + " (" + g.accounts().getAsInt() + ")");
                }
                if (g.interval().isEmpty() && g.nps().isPresent()) {
                    String note = g.notes().isEmpty() ? "no interval" : g.notes().get(0)
                            .replaceFirst("^group [^ ]+ has answers from 1 account", "answers from one account");
                    why.computeIfAbsent(note, k -> new ArrayList<>()).add(String.join("/", g.key().values()));
                }
            }
        }
        if (!few.isEmpty()) {
            out.println();
            out.println("   fewer than 10 accounts, so the interval uses Student t with (accounts − 1) degrees of "
                    + "freedom: " + String.join(", ", few));
        }
        why.forEach((note, groups) -> out.println("   – " + String.join(", ", groups) + ": " + note));
    }

    private static void groupTable(PrintWriter out, GroupField field, List<SummarizedNps.Group> groups) {
        Output.Table t = new Output.Table(List.of(field.name(), "NPS", "interval", "n", "accounts"), false, true,
                true, true, true).indent(3);
        for (SummarizedNps.Group g : groups) {
            t.row(List.of(g.key().value(field).orElseThrow(), Output.oneDecimal(g.nps()), ci(g.summary()),
                    Long.toString(g.estimate().n()),
                    g.accounts().isPresent() ? Integer.toString(g.accounts().getAsInt()) : "–"));
        }
        t.print(out);
    }
}
