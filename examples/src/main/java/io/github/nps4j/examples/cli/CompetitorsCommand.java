package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.compare.CompetitorBenchmark;
import io.github.nps4j.core.compare.PairedComparison;
import io.github.nps4j.core.stats.UncertaintyOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nps competitors}: our NPS against each competitor's, from the respondents who rated both. */
@Command(name = "competitors", mixinStandardHelpOptions = true,
        description = "Compare our NPS with each competitor's (competitor:<name> columns of responses.csv) over the "
                + "respondents who rated both: paired difference ours − theirs with its standard error, interval "
                + "and p-value.")
final class CompetitorsCommand implements Callable<Integer> {
    /** Says how the interval is made, whatever --ci names. */
    static final String METHOD_NOTE = "paired differences d = z_us − z_them; normal interval (t with G − 1 degrees "
            + "of freedom when clustered on fewer than 10 accounts); --ci does not apply";

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
        scoring.validate(spec.commandLine(), inputs);
        UncertaintyOptions options = stats.options(spec.commandLine());
        Portfolio p = inputs.load(spec.commandLine());
        if (CompetitorBenchmark.competitors(p.responses()).isEmpty()) {
            throw new IllegalArgumentException(inputs.responses
                    + ": no competitor scores; add competitor:<name> columns (0-10, blank = not rated)");
        }
        List<PairedComparison> rows = CompetitorBenchmark.of(scoring.scorer(spec.commandLine(), p), options)
                .compare(p.responses());
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> Output.printJson(out, inputs.annotate(json(rows, options)));
            case csv -> printCsv(out, rows);
            default -> {
                printText(out, rows, options);
                inputs.printNotes(out);
            }
        }
        out.flush();
        return 0;
    }

    private ObjectNode json(List<PairedComparison> rows, UncertaintyOptions options) {
        ObjectNode root = Output.object();
        root.put("weighting", scoring.weighting().label());
        ObjectNode ci = root.putObject("interval");
        ci.put("level", options.level());
        ci.put("cluster", options.clustering().label());
        ci.put("method", METHOD_NOTE);
        ArrayNode list = root.putArray("competitors");
        for (PairedComparison c : rows) {
            comparison(list.addObject(), c);
        }
        return root;
    }

    /**
     * Writes one competitor's paired comparison into {@code n}: the fields of the JSON, the group key when
     * grouped, the interval with its level; the readout's competitors section writes the same.
     */
    static ObjectNode comparison(ObjectNode n, PairedComparison c) {
        n.put("name", c.competitor());
        if (!c.key().fields().isEmpty()) {
            ObjectNode key = n.putObject("key");
            c.key().asMap().forEach(key::put);
        }
        n.put("n", c.n());
        n.put("accounts", c.accounts());
        n.put("weightSum", c.weightSum());
        n.put("ourNps", c.ourNps());
        n.put("competitorNps", c.competitorNps());
        n.put("difference", c.difference());
        n.put("standardError", c.standardError());
        Output.put(n, "clusteredStandardError", c.clusteredStandardError());
        n.putObject("ci").put("lower", c.lower()).put("upper", c.upper()).put("level", c.level());
        Output.put(n, "pValue", c.pValue());
        n.put("clustered", c.clustered());
        if (c.degreesOfFreedom().isPresent()) {
            n.put("degreesOfFreedom", c.degreesOfFreedom().getAsInt());
        }
        c.note().ifPresent(t -> n.put("note", t));
        return n;
    }

    private List<String> keyHeader() {
        List<String> h = new ArrayList<>(List.of("competitor"));
        h.addAll(scoring.fields().stream().map(Object::toString).toList());
        return h;
    }

    private List<String> key(PairedComparison c) {
        List<String> k = new ArrayList<>(List.of(c.competitor()));
        int fields = scoring.fields().size();
        for (int i = 0; i < fields; i++) {
            k.add(c.key().fields().isEmpty() ? "(all)" : c.key().values().get(i));
        }
        return k;
    }

    private void printCsv(PrintWriter out, List<PairedComparison> rows) {
        List<String> header = keyHeader();
        header.addAll(List.of("n", "accounts", "weight_sum", "our_nps", "competitor_nps", "difference",
                "standard_error", "clustered_standard_error", "ci_lower", "ci_upper", "p_value"));
        out.println(Output.csvLine(header));
        for (PairedComparison c : rows) {
            List<String> r = key(c);
            r.addAll(List.of(Long.toString(c.n()), Long.toString(c.accounts()), Double.toString(c.weightSum()),
                    Double.toString(c.ourNps()), Double.toString(c.competitorNps()), Double.toString(c.difference()),
                    Double.toString(c.standardError()), Output.plain(c.clusteredStandardError()),
                    Double.toString(c.lower()), Double.toString(c.upper()), Output.plain(c.pValue())));
            out.println(Output.csvLine(r));
        }
    }

    private void printText(PrintWriter out, List<PairedComparison> rows, UncertaintyOptions options) {
        out.println("Competitors, respondents who rated both (weighting " + scoring.weighting().label() + ", "
                + Output.percent(options.level()) + " interval" + (options.clustered() ? ", clustered by account"
                        : "") + ")");
        out.println("  " + METHOD_NOTE);
        out.println();
        List<String> header = keyHeader();
        int keys = header.size();
        header.addAll(List.of("n", "our NPS", "their NPS", "difference", "SE", "clustered SE", "interval", "p"));
        boolean[] numeric = new boolean[header.size()];
        java.util.Arrays.fill(numeric, keys, numeric.length, true);
        Output.Table t = new Output.Table(header, numeric);
        java.util.Set<String> notes = new java.util.LinkedHashSet<>();
        for (PairedComparison c : rows) {
            List<String> r = key(c);
            r.addAll(List.of(Long.toString(c.n()), Output.oneDecimal(c.ourNps()), Output.oneDecimal(c.competitorNps()),
                    String.format(Locale.ROOT, "%+.1f", c.difference()), Output.oneDecimal(c.standardError()),
                    Output.oneDecimal(c.clusteredStandardError()),
                    "[" + Output.oneDecimal(c.lower()) + ", " + Output.oneDecimal(c.upper()) + "]",
                    c.pValue().isPresent() ? String.format(Locale.ROOT, "%.3g", c.pValue().getAsDouble()) : "-"));
            t.row(r);
            c.note().ifPresent(n -> notes.add(c.competitor() + ": " + n));
            c.degreesOfFreedom().ifPresent(df -> notes.add(c.competitor() + ": t with " + df
                    + " degrees of freedom (" + (df + 1) + " accounts scored)"));
        }
        t.print(out);
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(out::println);
        }
    }
}
