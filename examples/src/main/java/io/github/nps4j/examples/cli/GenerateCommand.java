package io.github.nps4j.examples.cli;

import io.github.nps4j.synthetic.SyntheticPortfolio;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nps generate}: a seeded synthetic B2B portfolio as CSV files. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a seeded synthetic portfolio: accounts.csv, contacts.csv, responses.csv, "
                + "invitations.csv and truth.json (identical bytes for the same arguments).")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--accounts", defaultValue = "60", paramLabel = "K",
            description = "Number of accounts (default: ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
    Path out;

    @Option(names = "--format", defaultValue = "text",
            description = "text, json or csv summary of what was written (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SyntheticPortfolio p;
        int planted = io.github.nps4j.synthetic.PlantedSituation.values().length;
        if (accounts < planted) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--accounts " + accounts + ": the portfolio "
                    + "plants " + planted + " situations, one account each; use --accounts " + planted + " or more");
        }
        try {
            p = SyntheticPortfolio.builder().seed(seed).accounts(accounts).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--accounts " + accounts + ": "
                    + e.getMessage(), e);
        }
        p.writeFiles(out);
        var o = spec.commandLine().getOut();
        if (format == OutputFormat.csv) {
            o.println(Output.csvLine(java.util.List.of("out", "accounts", "contacts", "responses", "invitations",
                    "as_of")));
            o.println(Output.csvLine(java.util.List.of(out.toString(), Integer.toString(p.accounts().size()),
                    Integer.toString(p.contacts().size()), Integer.toString(p.responses().size()),
                    Integer.toString(p.invitations().size()), p.truth().asOf().toString())));
            o.flush();
        } else if (format == OutputFormat.json) {
            var n = Output.object();
            n.put("out", out.toString());
            n.put("accounts", p.accounts().size());
            n.put("contacts", p.contacts().size());
            n.put("responses", p.responses().size());
            n.put("invitations", p.invitations().size());
            n.put("asOf", p.truth().asOf().toString());
            Output.printJson(o, n);
        } else {
            o.println("wrote " + p.accounts().size() + " accounts, " + p.contacts().size() + " contacts, "
                    + p.responses().size() + " responses and " + p.invitations().size() + " invitations to " + out
                    + " (as of " + p.truth().asOf() + "; truth.json holds the planted effects and situations)");
            o.flush();
        }
        return 0;
    }
}
