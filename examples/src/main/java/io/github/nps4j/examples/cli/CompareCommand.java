package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.csv.StreamingScorer;
import io.github.nps4j.core.stats.Comparison;
import io.github.nps4j.core.stats.NpsSummary;
import io.github.nps4j.core.stats.SummarizedNps;
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

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE})")
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
                    "compare supports --ci score, adjusted-wald or wald");
        }
        GroupField field = scoring.fields().get(0);
        Optional<Comparison> cmp;
        // each group's own figures as in `score --by`: domains of the scored design
        SummarizedNps all;
        if (scoring.needsObjects(inputs, options).isEmpty()) {
            // the fast path: the streaming scorer's per-account totals give the same figures
            StreamingScorer.Result r = inputs.stream(spec.commandLine(), scoring.spec(), null);
            List<String> keys = r.estimates().groups().stream().map(g -> g.key().values().get(0)).toList();
            int ia = find(keys, field, a);
            int ib = find(keys, field, b);
            cmp = Comparison.of(r.estimates().groups().get(ia).key(), r.groupsByAccount().get(ia),
                    r.estimates().groups().get(ib).key(), r.groupsByAccount().get(ib), options);
            all = SummarizedNps.of(r.estimates(), r.overallByAccount(), r.groupsByAccount(),
                    options.withPosterior(null));
        } else {
            Portfolio p = inputs.load(spec.commandLine());
            GroupedNps result = scoring.scorer(spec.commandLine(), p).score(p.responses());
            List<String> keys = result.groups().stream().map(g -> g.key().values().get(0)).toList();
            cmp = Comparison.of(result.groups().get(find(keys, field, a)), result.groups().get(find(keys, field, b)),
                    options);
            all = SummarizedNps.of(result, options.withPosterior(null));
        }
        NpsSummary sa = all.group(a).orElseThrow().summary();
        NpsSummary sb = all.group(b).orElseThrow().summary();
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> Output.printJson(out, inputs.annotate(json(field, options, sa, sb, cmp)));
            case csv -> {
                printCsv(out, field, sa, sb, cmp);
                inputs.printNotes(spec.commandLine().getErr());
            }
            default -> {
                printText(out, field, options, sa, sb, cmp);
                inputs.printNotes(out);
            }
        }
        return 0;
    }

    private void printCsv(PrintWriter out, GroupField field, NpsSummary sa, NpsSummary sb,
            Optional<Comparison> cmp) {
        out.println(Output.csvLine(List.of("row", field.name(), "nps", "ci_lower", "ci_upper", "standard_error",
                "clustered_standard_error", "n", "z", "p_value", "degrees_of_freedom", "method")));
        out.println(Output.csvLine(groupRow("a", a, sa)));
        out.println(Output.csvLine(groupRow("b", b, sb)));
        if (cmp.isPresent()) {
            Comparison c = cmp.get();
            out.println(Output.csvLine(List.of("a-b", "", Double.toString(c.difference()),
                    Double.toString(c.lower()), Double.toString(c.upper()), Double.toString(c.standardError()), "", "",
                    Output.plain(c.z()), Output.plain(c.pValue()),
                    c.degreesOfFreedom().isPresent() ? Integer.toString(c.degreesOfFreedom().getAsInt()) : "",
                    differenceMethod(c))));
        }
        out.flush();
    }

    private static List<String> groupRow(String row, String value, NpsSummary s) {
        return List.of(row, value, Output.plain(s.nps()), s.ci().map(ci -> Double.toString(ci.lower())).orElse(""),
                s.ci().map(ci -> Double.toString(ci.upper())).orElse(""), Output.plain(s.standardError()),
                Output.plain(s.clusteredStandardError()), Long.toString(s.estimate().n()), "", "", "",
                s.method().label());
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
            root.put("differenceMethod", differenceMethod(c));
            root.put("clustered", c.clustered());
            c.note().ifPresent(n -> root.put("note", n));
            c.degreesOfFreedom().ifPresent(df -> root.put("degreesOfFreedom", df));
            if (!c.notes().isEmpty()) {
                com.fasterxml.jackson.databind.node.ArrayNode notes = root.putArray("notes");
                c.notes().forEach(notes::add);
            }
        }
        return root;
    }

    private static final String EMPTY_NOTE = "a group is empty: there is nothing to compare";

    /** How the difference's interval and test were computed, in words. */
    static String differenceMethod(Comparison c) {
        if (c.clustered()) {
            return "wald, clustered by account";
        }
        return switch (c.method()) {
            case SCORE -> "score (MOVER from the two score intervals; p inverts that interval)";
            case ADJUSTED_WALD -> "adjusted-wald (test and interval of the adjusted NPS; interval extended to the "
                    + "raw difference when it lies outside)";
            default -> c.method().label();
        };
    }


    /** The position of the group with a value among the groups' values, or bad input naming them. */
    private static int find(List<String> groups, GroupField field, String value) {
        int i = groups.indexOf(value);
        if (i < 0) {
            throw new IllegalArgumentException("no answers with " + field + " = '" + value + "'; the groups are "
                    + groups);
        }
        return i;
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
            out.println("difference a − b = " + Output.oneDecimal(c.difference()) + " points, "
                    + Output.percent(c.level()) + " interval [" + Output.oneDecimal(c.lower()) + ", "
                    + Output.oneDecimal(c.upper()) + "]"
                    + (c.pValue().isPresent() ? String.format(java.util.Locale.ROOT, ", %s %.2f, p %.3g",
                            c.degreesOfFreedom().isPresent() ? "t" : "z", c.z().getAsDouble(),
                            c.pValue().getAsDouble()) : "")
                    + ", SE " + Output.oneDecimal(c.standardError()));
            out.println("(difference: " + differenceMethod(c) + ")");
            c.notes().forEach(n -> out.println("note: " + n));
        } else {
            out.println(EMPTY_NOTE);
        }
        java.util.LinkedHashSet<String> groupNotes = new java.util.LinkedHashSet<>();
        sa.notes().forEach(n -> groupNotes.add(a + ": " + n));
        sb.notes().forEach(n -> groupNotes.add(b + ": " + n));
        groupNotes.forEach(n -> out.println("note (" + n.substring(0, n.indexOf(": ")) + "): "
                + n.substring(n.indexOf(": ") + 2)));
        out.flush();
    }
}
