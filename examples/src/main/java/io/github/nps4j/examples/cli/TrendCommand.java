package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.WeightedGroup;
import io.github.nps4j.core.stats.ClusteredEstimate;
import io.github.nps4j.core.stats.Trend;
import io.github.nps4j.core.stats.TrendPoint;
import java.io.PrintWriter;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        stats.validate(spec.commandLine());
        if (scoring.fields().size() != 1 || scoring.fields().get(0).periodUnit().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "trend needs --by period:month, period:quarter or period:year");
        }
        Portfolio p = inputs.load(spec.commandLine());
        GroupedNps result = scoring.scorer(p).score(p.responses());
        ObjectNode root = json(result, stats);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> Output.printJson(out, root);
            case csv -> {
                out.println(Output.csvLine(List.of("period", "nps", "ci_lower", "ci_upper", "n", "change",
                        "change_standard_error", "change_p_value", "significant")));
                for (var pt : root.get("periods")) {
                    out.println(Output.csvLine(List.of(pt.get("key").elements().next().asText(), text(pt, "nps"),
                            pt.get("ci").isNull() ? "" : pt.get("ci").get("lower").asText(),
                            pt.get("ci").isNull() ? "" : pt.get("ci").get("upper").asText(), pt.get("n").asText(),
                            text(pt, "change"), text(pt, "changeStandardError"), text(pt, "changePValue"),
                            pt.get("significant").asText())));
                }
                out.flush();
            }
            default -> printText(out, root);
        }
        return 0;
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n, String f) {
        return n.get(f).isNull() ? "" : n.get(f).asText();
    }

    /** The trend of a grouped-by-period result, with every period's GROUP fields. */
    static ObjectNode json(GroupedNps result, StatsOptions stats) {
        String field = result.fields().get(0);
        double alpha = java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(stats.level)).doubleValue();
        Trend trend;
        if (stats.clustered()) {
            List<Map.Entry<String, ClusteredEstimate>> periods = new ArrayList<>();
            for (GroupedNps.Group g : result.groups()) {
                periods.add(new AbstractMap.SimpleEntry<>(g.key().values().get(0), ClusteredEstimate.of(g.data())));
            }
            trend = Trend.ofClustered(periods, alpha);
        } else {
            List<Map.Entry<String, NpsEstimate>> periods = new ArrayList<>();
            for (GroupedNps.Group g : result.groups()) {
                periods.add(new AbstractMap.SimpleEntry<>(g.key().values().get(0), g.estimate()));
            }
            trend = Trend.of(periods, alpha);
        }
        ObjectNode root = Output.object();
        root.put("weighting", result.weighting());
        stats.putHeader(root);
        root.put("alpha", alpha);
        ArrayNode out = root.putArray("periods");
        for (int i = 0; i < trend.points().size(); i++) {
            TrendPoint pt = trend.points().get(i);
            WeightedGroup data = result.groups().get(i).data();
            ObjectNode n = out.addObject();
            n.putObject("key").put(field, pt.period());
            stats.putGroup(n, data, Optional.empty(), false);
            Output.put(n, "change", pt.change());
            Output.put(n, "changeStandardError", pt.changeStandardError());
            Output.put(n, "changePValue", pt.changePValue());
            n.put("significant", pt.significant());
            pt.note().ifPresent(note -> n.put("changeNote", note));
        }
        return root;
    }

    private static void printText(PrintWriter out, ObjectNode root) {
        out.println("Trend, weighting " + root.get("weighting").asText() + ", change significant at p < "
                + root.get("alpha").asDouble() + " (marked *)");
        out.println();
        Output.Table t = new Output.Table(List.of("period", "NPS", "interval", "n", "change", "p"), false, true,
                true, true, true, true);
        for (var pt : root.get("periods")) {
            String ci = pt.get("ci").isNull() ? "–" : "[" + Output.oneDecimal(pt.get("ci").get("lower").asDouble())
                    + ", " + Output.oneDecimal(pt.get("ci").get("upper").asDouble()) + "]";
            t.row(List.of(pt.get("key").elements().next().asText(),
                    pt.get("nps").isNull() ? "–" : Output.oneDecimal(pt.get("nps").asDouble()), ci,
                    pt.get("n").asText(),
                    pt.get("change").isNull() ? "–" : String.format(java.util.Locale.ROOT, "%+.1f%s",
                            pt.get("change").asDouble(), pt.get("significant").asBoolean() ? "*" : ""),
                    pt.get("changePValue").isNull() ? "–"
                            : String.format(java.util.Locale.ROOT, "%.3g", pt.get("changePValue").asDouble())));
        }
        t.print(out);
        out.flush();
    }
}
