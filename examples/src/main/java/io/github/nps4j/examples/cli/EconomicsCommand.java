package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.accountmap.AccountMap;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.stats.UncertaintyOptions;
import io.github.nps4j.drivers.LogisticCoefficient;
import io.github.nps4j.drivers.LogisticFit;
import io.github.nps4j.readout.economics.CategoryEconomics;
import io.github.nps4j.readout.economics.LoyaltyEconomics;
import io.github.nps4j.readout.economics.ValueRatioInterval;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nps economics}: what promoter, passive and detractor accounts are worth (renewal, value, growth). */
@Command(name = "economics", mixinStandardHelpOptions = true,
        description = "Loyalty economics per account category (outcome:renewed and outcome:revenue_growth columns "
                + "of accounts.csv): renewal rate, mean annual value, revenue growth, lifetime value, the promoter / "
                + "detractor value ratio with a bootstrap interval, and a logistic model of renewal on account NPS.")
final class EconomicsCommand implements Callable<Integer> {
    @Mixin
    Inputs inputs;

    @Mixin
    AsOf asOf;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "Confidence level of the ratio's interval (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resamples", defaultValue = "2000", paramLabel = "B",
            description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (inputs.accounts == null) {
            throw new CommandLine.ParameterException(cl, "economics needs --accounts (annual values and outcome: "
                    + "columns)");
        }
        UncertaintyOptions options;
        try {
            options = UncertaintyOptions.defaults().withLevel(level).withBootstrap(seed, resamples);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--" + e.getMessage(), e);
        }
        Portfolio p = inputs.load(cl);
        AsOf.Day day = asOf.day(cl, p);
        LoyaltyEconomics e = LoyaltyEconomics.of(AccountMap.of(p, day.date()), options);
        PrintWriter out = cl.getOut();
        switch (format) {
            case json -> Output.printJson(out, inputs.annotate(json(e)));
            case csv -> {
                Output.noteAsOf(cl, day);
                printCsv(out, e);
            }
            default -> {
                printText(out, e, day);
                inputs.printNotes(out);
            }
        }
        out.flush();
        return 0;
    }

    static ObjectNode json(LoyaltyEconomics e) {
        ObjectNode root = Output.object();
        root.put("asOf", e.asOf().toString());
        root.put("categoryRule", e.categoryRule());
        ArrayNode cats = root.putArray("categories");
        for (CategoryEconomics c : e.categories()) {
            ObjectNode n = cats.addObject();
            n.put("category", c.category().label());
            n.put("accounts", c.accounts());
            n.put("accountsWithOutcome", c.accountsWithOutcome());
            Output.put(n, "renewalRate", c.renewalRate());
            Output.put(n, "meanAnnualValue", c.meanAnnualValue());
            Output.put(n, "meanRevenueGrowth", c.meanRevenueGrowth());
            Output.put(n, "lifetimeValue", c.lifetimeValue());
        }
        root.put("uncategorisedAccounts", e.uncategorisedAccounts());
        Output.put(root, "promoterToDetractorValueRatio", e.promoterToDetractorValueRatio());
        if (e.ci().isPresent()) {
            ValueRatioInterval ci = e.ci().get();
            ObjectNode n = root.putObject("ci").put("lower", ci.lower());
            if (ci.unbounded()) {
                n.putNull("upper"); // +∞: the resamples cannot bound the ratio
            } else {
                n.put("upper", ci.upper());
            }
            n.put("level", ci.level()).put("method", "bootstrap").put("seed", ci.seed()).put("resamples", ci.resamples())
                    .put("undefinedResamples", ci.undefinedResamples());
        } else {
            root.putNull("ci");
        }
        if (e.renewalModel().isPresent()) {
            LogisticFit f = e.renewalModel().get();
            ObjectNode m = root.putObject("renewalModel");
            m.put("predictor", LoyaltyEconomics.ACCOUNT_NPS);
            m.put("n", f.n());
            m.put("events", f.events());
            m.put("mcFaddenR2", f.mcFaddenR2());
            ArrayNode cs = m.putArray("coefficients");
            for (LogisticCoefficient c : f.coefficients()) {
                cs.addObject().put("name", c.name()).put("estimate", c.estimate())
                        .put("standardError", c.standardError()).put("z", c.z()).put("p", c.p())
                        .put("oddsRatio", c.oddsRatio());
            }
        } else {
            root.putNull("renewalModel");
        }
        e.renewalModelNote().ifPresent(n -> root.put("renewalModelNote", n));
        return root;
    }

    private static void printCsv(PrintWriter out, LoyaltyEconomics e) {
        out.println(Output.csvLine(List.of("category", "accounts", "accounts_with_outcome", "renewal_rate",
                "mean_annual_value", "mean_revenue_growth", "lifetime_value")));
        for (CategoryEconomics c : e.categories()) {
            out.println(Output.csvLine(List.of(c.category().label(), Integer.toString(c.accounts()),
                    Integer.toString(c.accountsWithOutcome()), Output.plain(c.renewalRate()),
                    Output.plain(c.meanAnnualValue()), Output.plain(c.meanRevenueGrowth()),
                    Output.plain(c.lifetimeValue()))));
        }
    }

    private static String share(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f %%", 100 * v.getAsDouble()) : "–";
    }

    private static void printText(PrintWriter out, LoyaltyEconomics e, AsOf.Day day) {
        out.println("Loyalty economics as of " + e.asOf() + (day.given() ? "" : " (the data's last answer)"));
        out.println("Account category: " + e.categoryRule());
        out.println();
        Output.Table t = new Output.Table(List.of("category", "accounts", "renewal known", "renewal rate",
                "mean annual value", "revenue growth", "lifetime value"), false, true, true, true, true, true, true);
        for (CategoryEconomics c : e.categories()) {
            t.row(List.of(c.category().label(), Integer.toString(c.accounts()),
                    Integer.toString(c.accountsWithOutcome()), share(c.renewalRate()), Output.money(c.meanAnnualValue()),
                    share(c.meanRevenueGrowth()), Output.money(c.lifetimeValue())));
        }
        t.print(out);
        out.println();
        out.println("Lifetime value = mean annual value / (1 − renewal rate); none when the rate is 1 or unknown.");
        if (e.uncategorisedAccounts() > 0) {
            out.println(e.uncategorisedAccounts() + " account(s) without an answer in the window are left out.");
        }
        List<String> lines = new ArrayList<>();
        if (e.promoterToDetractorValueRatio().isPresent()) {
            String ci = e.ci().map(c -> String.format(Locale.ROOT, ", %s bootstrap interval [%.2f, %s] (seed %d, "
                    + "%d resamples%s)", Output.percent(c.level()), c.lower(), c.unbounded() ? "∞ (unbounded)"
                            : String.format(Locale.ROOT, "%.2f", c.upper()), c.seed(), c.resamples(),
                    c.undefinedResamples() > 0 ? ", " + c.undefinedResamples() + " undefined left out" : ""))
                    .orElse("");
            lines.add(String.format(Locale.ROOT, "Promoter / detractor lifetime value: %.2f×",
                    e.promoterToDetractorValueRatio().getAsDouble()) + ci);
        } else {
            lines.add("Promoter / detractor lifetime value: undefined (a lifetime value is missing or 0)");
        }
        if (e.renewalModel().isPresent()) {
            LogisticFit f = e.renewalModel().get();
            LogisticCoefficient c = f.coefficient(LoyaltyEconomics.ACCOUNT_NPS);
            lines.add(String.format(Locale.ROOT, "Renewal model (logistic, %d accounts): odds of renewal × %.3f per "
                    + "account-NPS point (× %.2f per 10 points), p %.3g", f.n(), c.oddsRatio(),
                    Math.exp(10 * c.estimate()), c.p()));
        }
        e.renewalModelNote().ifPresent(n -> lines.add("Renewal model: " + n));
        lines.forEach(out::println);
    }
}
