package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.stats.Comparison;
import io.github.nps4j.core.themes.Codebook;
import io.github.nps4j.core.themes.ThemeAnalysis;
import io.github.nps4j.core.themes.ThemeFigures;
import io.github.nps4j.core.themes.ThemeReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nps themes}: the "why" — comment themes by a codebook, and how the NPS of those who mention them differs. */
@Command(name = "themes", mixinStandardHelpOptions = true,
        description = "Code the comments by a codebook (CSV theme,pattern; phrases separated by |) and compare the "
                + "NPS of commenters mentioning each theme with those who do not.")
final class ThemesCommand implements Callable<Integer> {
    @Mixin
    Inputs inputs;

    @Mixin
    ScoreCommand.ScoringOptions scoring;

    @Option(names = "--codebook", required = true, paramLabel = "FILE",
            description = "codebook.csv: columns theme,pattern; a pattern is phrases separated by |; matching is "
                    + "case-insensitive on whole words.")
    Path codebook;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "Confidence level of the differences' intervals (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--examples", defaultValue = "5", paramLabel = "N",
            description = "Uncoded comments to show, cut to 80 characters (default: ${DEFAULT-VALUE}; 0 for none).")
    int examples;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        scoring.validate(cl, inputs);
        if (!"none".equals(scoring.weight)) {
            throw new CommandLine.ParameterException(cl, "themes count every commenter once: --weight must be none");
        }
        if (!(level > 0 && level < 1)) {
            throw new CommandLine.ParameterException(cl, "--level " + level + " must be in (0, 1)");
        }
        if (examples < 0) {
            throw new CommandLine.ParameterException(cl, "--examples " + examples + " must be >= 0");
        }
        if (!Files.isRegularFile(codebook)) {
            throw new IllegalArgumentException(codebook + ": no such file");
        }
        Codebook book = Codebook.read(codebook);
        Portfolio p = inputs.load(cl);
        ThemeReport report = ThemeAnalysis.of(book).withSpec(scoring.spec(), p.accounts()).withLevel(level)
                .withExamples(examples).analyse(p.responses());
        PrintWriter out = cl.getOut();
        switch (format) {
            case json -> Output.printJson(out, inputs.annotate(json(report)));
            case csv -> printCsv(out, report);
            default -> {
                printText(out, report);
                inputs.printNotes(out);
            }
        }
        out.flush();
        return 0;
    }

    private ObjectNode json(ThemeReport r) {
        ObjectNode root = Output.object();
        root.put("level", level);
        root.put("commented", r.commenters());
        root.put("uncoded", r.uncoded());
        ArrayNode ex = root.putArray("uncodedExamples");
        r.uncodedExamples().forEach(ex::add);
        ArrayNode themes = root.putArray("themes");
        r.overall().forEach(t -> themes.add(theme(t)));
        ArrayNode groups = root.putArray("groups");
        ObjectNode current = null;
        for (ThemeFigures t : r.groups()) {
            if (current == null || !current.get("key").equals(keyNode(t))) {
                current = groups.addObject();
                current.set("key", keyNode(t));
                current.put("commented", t.commenters());
                current.putArray("themes");
            }
            ((ArrayNode) current.get("themes")).add(theme(t));
        }
        return root;
    }

    private static ObjectNode keyNode(ThemeFigures t) {
        ObjectNode k = Output.object();
        t.key().asMap().forEach(k::put);
        return k;
    }

    static ObjectNode theme(ThemeFigures t) {
        ObjectNode n = Output.object();
        n.put("theme", t.theme());
        n.put("mentions", t.mentions());
        n.put("share", t.share());
        Output.put(n, "npsMentioning", t.npsMentioning());
        Output.put(n, "npsNotMentioning", t.npsNotMentioning());
        if (t.difference().isPresent()) {
            Comparison c = t.difference().get();
            n.put("difference", c.difference());
            n.put("standardError", c.standardError());
            Output.put(n, "pValue", c.pValue());
            n.putObject("ci").put("lower", c.lower()).put("upper", c.upper());
        } else {
            n.putNull("difference");
            n.putNull("standardError");
            n.putNull("pValue");
            n.putNull("ci");
        }
        Output.put(n, "detractorShare", t.detractorShare());
        if (t.degenerate()) {
            n.put("note", DEGENERATE);
        }
        return n;
    }

    static final String DEGENERATE = "every answer of one side is in one category: its Wald standard error is 0, "
            + "which is not certainty; the p-value is overconfident";

    private List<String> keyHeader() {
        return new ArrayList<>(scoring.fields().stream().map(Object::toString).toList());
    }

    private List<String> keyValues(ThemeFigures t) {
        List<String> k = new ArrayList<>();
        for (int i = 0; i < scoring.fields().size(); i++) {
            k.add(t.key().fields().isEmpty() ? "(all)" : t.key().values().get(i));
        }
        return k;
    }

    private void printCsv(PrintWriter out, ThemeReport r) {
        List<String> header = keyHeader();
        header.addAll(List.of("theme", "commented", "mentions", "share", "nps_mentioning", "nps_not_mentioning",
                "difference", "standard_error", "ci_lower", "ci_upper", "p_value", "detractor_share"));
        out.println(Output.csvLine(header));
        List<ThemeFigures> all = new ArrayList<>(r.overall());
        all.addAll(r.groups());
        for (ThemeFigures t : all) {
            List<String> row = keyValues(t);
            row.addAll(List.of(t.theme(), Long.toString(t.commenters()), Long.toString(t.mentions()),
                    Double.toString(t.share()), Output.plain(t.npsMentioning()), Output.plain(t.npsNotMentioning()),
                    t.difference().map(c -> Double.toString(c.difference())).orElse(""),
                    t.difference().map(c -> Double.toString(c.standardError())).orElse(""),
                    t.difference().map(c -> Double.toString(c.lower())).orElse(""),
                    t.difference().map(c -> Double.toString(c.upper())).orElse(""),
                    t.difference().map(c -> Output.plain(c.pValue())).orElse(""),
                    Output.plain(t.detractorShare())));
            out.println(Output.csvLine(row));
        }
    }

    private void printText(PrintWriter out, ThemeReport r) {
        out.println("Comment themes: " + r.commenters() + " comments, " + r.uncoded() + " uncoded (unweighted; "
                + "difference = NPS mentioning − not mentioning, " + Output.percent(level) + " Wald interval)");
        out.println();
        List<String> header = keyHeader();
        int keys = header.size();
        header.addAll(List.of("theme", "mentions", "share", "NPS mentioning", "NPS not", "difference", "SE", "p",
                "detractors"));
        boolean[] numeric = new boolean[header.size()];
        java.util.Arrays.fill(numeric, keys + 1, numeric.length, true);
        Output.Table table = new Output.Table(header, numeric);
        List<ThemeFigures> all = new ArrayList<>(r.overall());
        all.addAll(r.groups());
        for (ThemeFigures t : all) {
            List<String> row = keyValues(t);
            row.addAll(List.of(t.theme() + (t.degenerate() ? " *" : ""), Long.toString(t.mentions()),
                    String.format(Locale.ROOT, "%.0f %%", 100 * t.share()), Output.oneDecimal(t.npsMentioning()),
                    Output.oneDecimal(t.npsNotMentioning()),
                    t.difference().map(c -> String.format(Locale.ROOT, "%+.1f", c.difference())).orElse("–"),
                    t.difference().map(c -> Output.oneDecimal(c.standardError())).orElse("–"),
                    t.difference().flatMap(c -> c.pValue().isPresent()
                            ? java.util.Optional.of(String.format(Locale.ROOT, "%.3g", c.pValue().getAsDouble()))
                            : java.util.Optional.empty()).orElse("–"),
                    t.detractorShare().isPresent()
                            ? String.format(Locale.ROOT, "%.0f %%", 100 * t.detractorShare().getAsDouble()) : "–"));
            table.row(row);
        }
        table.print(out);
        if (all.stream().anyMatch(ThemeFigures::degenerate)) {
            out.println("* " + DEGENERATE);
        }
        if (!r.uncodedExamples().isEmpty()) {
            out.println();
            out.println("Uncoded comments (first " + r.uncodedExamples().size() + " of " + r.uncoded()
                    + ", for codebook work):");
            r.uncodedExamples().forEach(e -> out.println("  " + e));
        }
    }
}
