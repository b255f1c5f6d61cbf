package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.stats.ClusteredEstimate;
import io.github.nps4j.core.stats.Comparison;
import io.github.nps4j.core.stats.IntervalMethod;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nps compare}: is group a's NPS different from group b's? */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two groups: difference a − b with its standard error, z, p-value and interval.")
final class CompareCommand implements Callable<Integer> {
    @Mixin
    Inputs inputs;

    @Mixin
    ScoreCommand.ScoringOptions scoring;

    @Mixin
    StatsOptions stats;

    @Option(names = "--a", required = true, paramLabel = "VALUE", description = "the first group's value of --by")
    String a;

    @Option(names = "--b", required = true, paramLabel = "VALUE", description = "the second group's value of --by")
    String b;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        scoring.validate(spec.commandLine(), inputs);
        stats.validate(spec.commandLine());
        if (scoring.by.size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "compare needs exactly one --by field");
        }
        IntervalMethod method = stats.method();
        if (method != IntervalMethod.WALD && method != IntervalMethod.ADJUSTED_WALD) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "compare supports --ci wald or adjusted-wald");
        }
        Portfolio p = inputs.load(spec.commandLine());
        GroupedNps result = scoring.scorer(p).score(p.responses());
        GroupField field = scoring.fields().get(0);
        GroupedNps.Group ga = find(result, field, a);
        GroupedNps.Group gb = find(result, field, b);
        Optional<Comparison> cmp = stats.clustered()
                ? Comparison.clustered(ClusteredEstimate.of(ga.data()), ClusteredEstimate.of(gb.data()), stats.level)
                : Comparison.of(ga.estimate(), gb.estimate(), method, stats.level);
        ObjectNode root = Output.object();
        root.put("by", field.name());
        stats.putHeader(root);
        ObjectNode an = root.putObject("a");
        an.putObject("key").put(field.name(), a);
        stats.putGroup(an, ga.data(), Optional.empty(), false);
        ObjectNode bn = root.putObject("b");
        bn.putObject("key").put(field.name(), b);
        stats.putGroup(bn, gb.data(), Optional.empty(), false);
        if (cmp.isEmpty()) {
            root.putNull("difference");
            root.put("note", "a group is empty: there is nothing to compare");
        } else {
            Comparison c = cmp.get();
            root.put("difference", c.difference());
            root.put("standardError", c.standardError());
            Output.put(root, "z", c.z());
            Output.put(root, "pValue", c.pValue());
            root.putObject("ci").put("lower", c.lower()).put("upper", c.upper());
            root.put("clustered", c.clustered());
            c.note().ifPresent(n -> root.put("note", n));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            Output.printJson(out, root);
        } else {
            printText(out, root, field, cmp);
        }
        return 0;
    }

    private GroupedNps.Group find(GroupedNps result, GroupField field, String value) {
        return result.group(value).orElseThrow(() -> new IllegalArgumentException("no answers with " + field
                + " = '" + value + "'; the groups are " + result.groups().stream()
                        .map(g -> g.key().values().get(0)).toList()));
    }

    private void printText(PrintWriter out, ObjectNode root, GroupField field, Optional<Comparison> cmp) {
        out.println("Compare " + field + ": " + a + " vs " + b + " (" + Output.percent(stats.level) + " "
                + stats.method().label() + (stats.clustered() ? ", clustered by account" : "") + ")");
        out.println();
        Output.Table t = new Output.Table(List.of(field.name(), "NPS", "interval", "n"), false, true, true, true);
        for (String side : List.of("a", "b")) {
            var g = root.get(side);
            String ci = g.get("ci").isNull() ? "–" : "[" + Output.oneDecimal(g.get("ci").get("lower").asDouble())
                    + ", " + Output.oneDecimal(g.get("ci").get("upper").asDouble()) + "]";
            t.row(List.of(side.equals("a") ? a : b, g.get("nps").isNull() ? "–"
                    : Output.oneDecimal(g.get("nps").asDouble()), ci, g.get("n").asText()));
        }
        t.print(out);
        out.println();
        if (cmp.isPresent()) {
            Comparison c = cmp.get();
            out.println("difference a − b = " + Output.oneDecimal(c.difference()) + " points, SE "
                    + Output.oneDecimal(c.standardError()) + ", interval [" + Output.oneDecimal(c.lower()) + ", "
                    + Output.oneDecimal(c.upper()) + "]"
                    + (c.pValue().isPresent() ? String.format(java.util.Locale.ROOT, ", z %.2f, p %.3g",
                            c.z().getAsDouble(), c.pValue().getAsDouble()) : ""));
            c.note().ifPresent(out::println);
        } else {
            out.println(root.get("note").asText());
        }
        out.flush();
    }
}
