package io.github.nps4j.examples.cli;

import io.github.nps4j.accountmap.Flag;
import io.github.nps4j.accountmap.MappedAccount;
import io.github.nps4j.accountmap.followup.FollowUpCase;
import io.github.nps4j.accountmap.planner.PlannedInvitation;
import io.github.nps4j.core.AccountCountNps;
import io.github.nps4j.core.stats.NpsSummary;
import io.github.nps4j.core.stats.TrendPoint;
import io.github.nps4j.drivers.DriverResult;
import io.github.nps4j.drivers.ImportanceRow;
import io.github.nps4j.drivers.WhatIfResult;
import io.github.nps4j.examples.report.Readout;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code nps demo}: a whole B2B NPS readout in the terminal. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "A whole B2B NPS readout: relationship NPS with intervals, by role and tier, trend, accounts at "
                + "risk, key drivers, who to call back and whom to invite next.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ReadoutOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Readout r = options.readout(spec.commandLine());
        PrintWriter out = spec.commandLine().getOut();
        print(out, r);
        return 0;
    }

    static String ci(NpsSummary s) {
        return ScoreCommand.interval(s);
    }

    static void print(PrintWriter out, Readout r) {
        out.println("nps4j readout as of " + r.asOf() + " — " + r.source());
        out.println();
        out.println("1. Relationship NPS");
        out.println("   each contact's latest " + (r.relationshipOnly() ? "relationship " : "") + "answer from "
                + r.windowStart() + " to " + r.asOf() + "; 95 % adjusted-Wald intervals, clustered by account");
        out.println();
        NpsSummary o = r.overall();
        out.println("   NPS " + Output.oneDecimal(o.nps()) + "   " + ci(o) + "   n = " + o.estimate().n()
                + " contacts in " + o.clusters().orElse(0) + " accounts");
        out.println();
        groupTable(out, "role", r.byRole());
        out.println();
        groupTable(out, "tier", r.byTier());
        out.println();
        AccountCountNps a = r.accountCount();
        out.println("   Account-count NPS    " + Output.oneDecimal(a.nps()) + "   (every account counted once: "
                + a.promoterAccounts() + " promoter, " + a.passiveAccounts() + " passive, " + a.detractorAccounts()
                + " detractor accounts)");
        out.println("   Revenue-weighted NPS " + (r.revenueWeighted().isPresent()
                ? Output.oneDecimal(r.revenueWeighted()) + "   (each account weighs its annual value)"
                : r.revenueNote().orElse("–")));
        out.println("   account category rule: " + a.rule().description());
        out.println();

        out.println("2. Trend by quarter (* = change significant at p < 0.05, clustered by account)");
        out.println();
        Output.Table t = new Output.Table(List.of("quarter", "NPS", "interval", "n", "change", "p"), false, true,
                true, true, true, true).indent(3);
        for (int i = 0; i < r.trend().points().size(); i++) {
            TrendPoint pt = r.trend().points().get(i);
            t.row(List.of(pt.period(), Output.oneDecimal(pt.nps()), ci(r.trendIntervals().get(i)),
                    Long.toString(pt.estimate().n()),
                    pt.change().isPresent() ? String.format(Locale.ROOT, "%+.1f%s", pt.change().getAsDouble(),
                            pt.significant() ? "*" : " ") : "–",
                    pt.changePValue().isPresent() ? String.format(Locale.ROOT, "%.3f", pt.changePValue()
                            .getAsDouble()) : "–"));
        }
        t.print(out);
        out.println();

        List<MappedAccount> risky = r.atRisk(8);
        long flagged = r.map().accounts().stream().filter(m -> !m.flags().isEmpty()).count();
        out.println("3. Accounts at risk (top " + risky.size() + " of " + flagged + " flagged accounts, ranked by risk "
                + "= flag and category severity × annual value)");
        out.println();
        Output.Table risk = new Output.Table(List.of("account", "name", "owner", "annual value", "NPS",
                "category", "flags"), false, false, false, true, true, false, false).indent(3);
        for (MappedAccount m : risky) {
            risk.row(List.of(m.accountId(), Output.clip(m.account().name(), 24),
                    m.account().owner().orElse("–"), Output.money(m.account().annualValue()),
                    Output.oneDecimal(m.nps()), m.category().map(c -> c.label()).orElse("–"),
                    String.join(", ", m.flags().stream().map(Flag::label).toList())));
        }
        risk.print(out);
        out.println();
        out.println("   Revenue at risk " + Output.money(r.map().revenueAtRisk().total()));
        out.println("   rule: " + r.map().revenueAtRisk().rule());
        out.println();

        out.println("4. Key drivers of the score");
        if (r.drivers().isEmpty()) {
            out.println("   " + r.driversNote().orElse("not available"));
        } else {
            DriverResult d = r.drivers().get();
            out.println("   relationship answers with ratings: n = " + d.n() + " (" + d.dropped()
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
                out.println("   What if " + w.scenario().attribute() + " rose 1 point for everyone rating it below 7 ("
                        + w.changedRows() + " answers)? NPS " + Output.oneDecimal(w.baselineNps()) + " → "
                        + Output.oneDecimal(w.predictedNps()) + "  (model error ±"
                        + Output.oneDecimal(w.crossValidatedError()) + " points, " + w.folds()
                        + "-fold cross-validated)");
            }
        }
        out.println();

        List<FollowUpCase> cases = r.followUps().cases();
        out.println("5. Call back first (" + cases.size() + " open cases from detractor answers in the last "
                + Readout.FOLLOW_UP_LOOKBACK_DAYS + " days; highest priority = role weight × annual value first)");
        out.println();
        Output.Table ft = new Output.Table(List.of("due", "account", "contact", "role", "score", "owner",
                "priority", ""), false, false, false, false, true, false, true, false).indent(3);
        cases.stream().limit(6).forEach(c -> ft.row(List.of(c.due().toString(), c.accountId(), c.contactId(),
                c.role().name(), Integer.toString(c.score()), c.owner().orElse("–"), Output.money(c.priority()),
                c.isOverdue(r.asOf()) ? "overdue" : "")));
        ft.print(out);
        out.println();

        List<PlannedInvitation> inv = new ArrayList<>(r.plan().invitations());
        // Most senior roles first: the planner already put each account's uncovered roles first.
        inv.sort(Comparator.comparingInt(i -> seniority(i.role())));
        out.println("6. Invite next (" + inv.size() + " invitations planned for " + r.plan().date()
                + "; quiet period 90 days, at most 5 per account)");
        out.println();
        Output.Table pt = new Output.Table(List.of("contact", "account", "role", "why")).indent(3);
        inv.stream().limit(6).forEach(i -> pt.row(List.of(i.contactId(), i.accountId(), i.role().name(),
                Output.clip(i.reason(), 70))));
        pt.print(out);
        out.println();
        out.println("Next: `nps report --out report` writes all of this as one HTML page with charts and account maps;");
        out.println("      `nps score|trend|compare|accounts|followups|plan|drivers --help` run each part on your CSVs;");
        out.println("      the README explains the arithmetic and which interval to use for small accounts.");
        out.flush();
    }

    static int seniority(io.github.nps4j.core.Role role) {
        return io.github.nps4j.core.RolePolicy.defaults().seniorityRank(role);
    }

    private static void groupTable(PrintWriter out, String field, List<Readout.Line> lines) {
        Output.Table t = new Output.Table(List.of(field, "NPS", "interval", "n", "accounts"), false, true,
                true, true, true).indent(3);
        for (Readout.Line l : lines) {
            t.row(List.of(l.label(), Output.oneDecimal(l.summary().nps()), ci(l.summary()),
                    Long.toString(l.summary().estimate().n()),
                    l.summary().clusters().isPresent() ? Integer.toString(l.summary().clusters().getAsInt()) : "–"));
        }
        t.print(out);
    }
}
