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
import io.github.nps4j.readout.AccountsAtRisk;
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
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nps demo}: a whole B2B NPS readout in the terminal, rendered from the library's {@link Readout}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "A whole B2B NPS readout: relationship NPS with intervals, by role and tier, trend, accounts at "
                + "risk, key drivers, who to call back and whom to invite next.")
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

        FollowUps f = r.followUps();
        out.println("5. Call back first (" + f.open() + " " + f.rule() + ")");
        out.println();
        Output.Table ft = new Output.Table(List.of("due", "account", "contact", "role", "score", "owner",
                "priority", "state"), false, false, false, false, true, false, true, false).indent(3);
        f.top().forEach(c -> ft.row(List.of(c.due().toString(), c.accountId(), c.contactId(),
                c.role().name(), Integer.toString(c.score()), c.owner().orElse("–"), Output.money(c.priority()),
                c.stateAsOf(r.asOf()).label())));
        ft.print(out);
        out.println();

        Invitations inv = r.invitations();
        out.println("6. Invite next (" + Output.count(inv.planned(), "invitation") + " planned for " + inv.day()
                + "; " + inv.rule() + ")");
        out.println();
        Output.Table pt = new Output.Table(List.of("contact", "account", "role", "why")).indent(3);
        inv.top().forEach(i -> pt.row(List.of(i.contactId(), i.accountId(), i.role().name(),
                i.reason())));
        pt.print(out);
        out.println();
        out.println("Next: `nps report --out report` writes all of this as one HTML page with charts and account maps;");
        out.println("      `nps score|trend|compare|accounts|followups|plan|drivers --help` run each part on your CSVs;");
        out.println("      the README explains the arithmetic and which interval to use for small accounts.");
        out.flush();
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
