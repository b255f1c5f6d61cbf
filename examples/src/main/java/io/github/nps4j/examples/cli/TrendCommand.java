package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.csv.StreamingScorer;
import io.github.nps4j.core.stats.Trend;
import io.github.nps4j.core.stats.TrendPoint;
import io.github.nps4j.core.stats.UncertaintyOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nps trend}: NPS per period with the change from the previous period and its significance. */
@Command(name = "trend", mixinStandardHelpOptions = true,
        description = "NPS per month, quarter or year with the change from the previous period, its p-value and a "
                + "flag when it is significant at 1 − level.")
final class TrendCommand implements Callable<Integer> {
    @Mixin
    Inputs inputs;

    @Mixin
    ScoreCommand.ScoringOptions scoring;

    @Mixin
    StatsOptions stats;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (scoring.by.isEmpty()) {
            scoring.by = new ArrayList<>(List.of("period:quarter"));
        }
        scoring.validate(spec.commandLine(), inputs);
        UncertaintyOptions options = stats.options(spec.commandLine());
        if (scoring.fields().size() != 1 || scoring.fields().get(0).periodUnit().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "trend needs --by period:month, period:quarter or period:year");
        }
        String weighting;
        String field;
        Trend trend;
        if (scoring.needsObjects(inputs, options).isEmpty()) {
            // the fast path: the streaming scorer's per-account totals give the same figures
            StreamingScorer.Result r = inputs.stream(spec.commandLine(), scoring.spec(), null);
            weighting = r.estimates().weighting();
            field = r.estimates().fields().get(0);
            trend = Trend.of(r.estimates(), r.overallByAccount(), r.groupsByAccount(), options);
        } else {
            Portfolio p = inputs.load(spec.commandLine());
            GroupedNps result = scoring.scorer(spec.commandLine(), p).score(p.responses());
            weighting = result.weighting();
            field = result.fields().get(0);
            trend = Trend.of(result, options);
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> Output.printJson(out, inputs.annotate(json(weighting, field, trend, options)));
            case csv -> {
                out.println(Output.csvLine(List.of("period", "nps", "ci_lower", "ci_upper", "n", "change",
                        "change_standard_error", "change_p_value", "significant")));
                for (TrendPoint pt : trend.points()) {
                    out.println(Output.csvLine(List.of(pt.period(), Output.plain(pt.nps()),
                            pt.interval().map(c -> Double.toString(c.lower())).orElse(""),
                            pt.interval().map(c -> Double.toString(c.upper())).orElse(""),
                            Long.toString(pt.estimate().n()), Output.plain(pt.change()),
                            Output.plain(pt.changeStandardError()), Output.plain(pt.changePValue()),
                            Boolean.toString(pt.significant()))));
                }
                out.flush();
                inputs.printNotes(spec.commandLine().getErr());
            }
            default -> {
                printText(out, weighting, trend);
                inputs.printNotes(out);
            }
        }
        return 0;
    }

    /** The trend as JSON, with every period's GROUP fields ({@code field} names the period field). */
    static ObjectNode json(String weighting, String field, Trend trend, UncertaintyOptions options) {
        ObjectNode root = Output.object();
        root.put("weighting", weighting);
        SummaryJson.putHeader(root, options);
        root.put("alpha", trend.alpha());
        ArrayNode out = root.putArray("periods");
        for (TrendPoint pt : trend.points()) {
            ObjectNode n = out.addObject();
            n.putObject("key").put(field, pt.period());
            SummaryJson.putGroup(n, pt.summary().orElseThrow(), Optional.empty());
            Output.put(n, "change", pt.change());
            Output.put(n, "changeStandardError", pt.changeStandardError());
            Output.put(n, "changePValue", pt.changePValue());
            n.put("significant", pt.significant());
            pt.note().ifPresent(note -> n.put("changeNote", note));
        }
        return root;
    }

    private static void printText(PrintWriter out, String weighting, Trend trend) {
        out.println("Trend, weighting " + weighting + ", change significant at p < " + trend.alpha()
                + " (marked *)");
        out.println();
        Output.Table t = new Output.Table(List.of("period", "NPS", "interval", "n", "change", "p"), false, true,
                true, true, true, true);
        for (TrendPoint pt : trend.points()) {
            t.row(List.of(pt.period(), Output.oneDecimal(pt.nps()), ScoreCommand.interval(pt.summary().orElseThrow()),
                    Long.toString(pt.estimate().n()),
                    pt.change().isPresent() ? String.format(Locale.ROOT, "%+.1f%s", pt.change().getAsDouble(),
                            pt.significant() ? "*" : "") : "–",
                    pt.changePValue().isPresent()
                            ? String.format(Locale.ROOT, "%.3g", pt.changePValue().getAsDouble()) : "–"));
        }
        t.print(out);
        // the periods' caveats (few accounts: Student t; one account: no clustered interval) and why a change is
        // missing, once each with the periods they concern
        java.util.Map<String, List<String>> notes = new java.util.LinkedHashMap<>();
        for (TrendPoint pt : trend.points()) {
            pt.summary().ifPresent(s -> s.notes().forEach(n -> notes.computeIfAbsent(n,
                    k -> new java.util.ArrayList<>()).add(pt.period())));
            pt.note().filter(n -> !n.equals("first period")).ifPresent(n -> notes.computeIfAbsent("change: " + n,
                    k -> new java.util.ArrayList<>()).add(pt.period()));
        }
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach((n, where) -> out.println("note (" + String.join(", ", where) + "): " + n));
        }
        out.flush();
    }
}
