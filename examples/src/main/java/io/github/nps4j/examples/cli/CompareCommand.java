package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.stats.Comparison;
import io.github.nps4j.core.stats.NpsSummary;
import io.github.nps4j.core.stats.UncertaintyOptions;
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
        UncertaintyOptions options = stats.options(spec.commandLine());
        if (scoring.by.size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "compare needs exactly one --by field");
        }
        if (!Comparison.supports(options.method())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "compare supports --ci wald or adjusted-wald");
        }
        Portfolio p = inputs.load(spec.commandLine());
        GroupedNps result = scoring.scorer(p).score(p.responses());
        GroupField field = scoring.fields().get(0);
        GroupedNps.Group ga = find(result, field, a);
        GroupedNps.Group gb = find(result, field, b);
        Optional<Comparison> cmp = Comparison.of(ga, gb, options);
        NpsSummary sa = NpsSummary.of(ga, options);
        NpsSummary sb = NpsSummary.of(gb, options);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            Output.printJson(out, inputs.annotate(json(field, options, sa, sb, cmp)));
        } else {
            printText(out, field, options, sa, sb, cmp);
            inputs.printNotes(out);
        }
        return 0;
    }

    private ObjectNode json(GroupField field, UncertaintyOptions options, NpsSummary sa, NpsSummary sb,
            Optional<Comparison> cmp) {
        ObjectNode root = Output.object();
        root.put("by", field.name());
        SummaryJson.putHeader(root, options);
        ObjectNode an = root.putObject("a");
        an.putObject("key").put(field.name(), a);
        SummaryJson.putGroup(an, sa, Optional.empty());
        ObjectNode bn = root.putObject("b");
        bn.putObject("key").put(field.name(), b);
        SummaryJson.putGroup(bn, sb, Optional.empty());
        if (cmp.isEmpty()) {
            root.putNull("difference");
            root.put("note", EMPTY_NOTE);
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
        return root;
    }

    private static final String EMPTY_NOTE = "a group is empty: there is nothing to compare";

    private GroupedNps.Group find(GroupedNps result, GroupField field, String value) {
        return result.group(value).orElseThrow(() -> new IllegalArgumentException("no answers with " + field
                + " = '" + value + "'; the groups are " + result.groups().stream()
                        .map(g -> g.key().values().get(0)).toList()));
    }

    private void printText(PrintWriter out, GroupField field, UncertaintyOptions options, NpsSummary sa,
            NpsSummary sb, Optional<Comparison> cmp) {
        out.println("Compare " + field + ": " + a + " vs " + b + " (" + Output.percent(options.level()) + " "
                + options.method().label() + (options.clustered() ? ", clustered by account" : "") + ")");
        out.println();
        Output.Table t = new Output.Table(List.of(field.name(), "NPS", "interval", "n"), false, true, true, true);
        t.row(List.of(a, Output.oneDecimal(sa.nps()), ScoreCommand.interval(sa), Long.toString(sa.estimate().n())));
        t.row(List.of(b, Output.oneDecimal(sb.nps()), ScoreCommand.interval(sb), Long.toString(sb.estimate().n())));
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
            out.println(EMPTY_NOTE);
        }
        out.flush();
    }
}
