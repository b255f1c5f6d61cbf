package io.github.nps4j.examples.cli;

import io.github.nps4j.core.csv.ImportReport;
import io.github.nps4j.examples.report.HtmlReport;
import io.github.nps4j.examples.report.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nps report}: the readout as one self-contained HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write DIR/report.html: the demo's readout with charts and account maps (inline SVG and CSS, "
                + "no script, no external fetch).")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    ReadoutInputs inputs;

    @Mixin
    CurrencyOption currency;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for report.html.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Money money = currency.money(spec.commandLine());
        ReadoutInputs.Loaded r = inputs.readout(spec.commandLine(), HtmlReport.TOP_ACCOUNTS, HtmlReport.TOP_FOLLOW_UPS,
                HtmlReport.TOP_INVITATIONS);
        Path file = out.resolve("report.html");
        List<String> notes = r.report().map(ImportReport::messages).orElse(List.of());
        String page = HtmlReport.render(r.readout(), withoutPaths(r.source()), money, notes);
        boolean replaced;
        try {
            Files.createDirectories(out);
            if (Files.isSymbolicLink(file)) {
                throw new IllegalArgumentException(file + " is a symbolic link; nps does not write through links: "
                        + "remove it or choose another --out folder");
            }
            replaced = Output.writeAtomically(out, "report.html", page) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println((replaced ? "replaced " : "wrote ") + file + " (open it in a browser)");
        r.report().ifPresent(report -> ImportOptions.printNotes(spec.commandLine().getOut(), report));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * The page names the input files, never their local paths (the page is shared; a path tells the reader about the
     * author's machine, not the data): each path given on the command line is replaced by its file name.
     */
    private String withoutPaths(String source) {
        String s = source;
        for (Path p : new Path[] {inputs.responses, inputs.accounts, inputs.contacts, inputs.invitations}) {
            if (p != null && p.getFileName() != null) {
                s = s.replace(p.toString(), p.getFileName().toString());
            }
        }
        return s;
    }
}
