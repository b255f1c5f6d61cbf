package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.accountmap.planner.PlannedInvitation;
import io.github.nps4j.accountmap.planner.SurveyPlan;
import io.github.nps4j.accountmap.planner.SurveyPlanner;
import io.github.nps4j.core.Portfolio;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nps plan}: whom to invite on a date without pestering anyone. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan survey invitations under contact-frequency rules; uncovered roles first.")
final class PlanCommand implements Callable<Integer> {
    @Mixin
    Inputs inputs;

    @Mixin
    AsOf asOf;

    @Option(names = "--quiet-days", defaultValue = "90", paramLabel = "DAYS",
            description = "Days after a contact's last invitation or answer before inviting again "
                    + "(default: ${DEFAULT-VALUE}).")
    int quietDays;

    @Option(names = "--max-per-account", defaultValue = "5", paramLabel = "N",
            description = "At most N invitations per account per run (default: ${DEFAULT-VALUE}).")
    int maxPerAccount;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SurveyPlanner planner;
        try {
            planner = SurveyPlanner.builder().quietDays(quietDays).maxPerAccount(maxPerAccount).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Portfolio p = inputs.load(spec.commandLine());
        AsOf.Day day = asOf.day(spec.commandLine(), p);
        SurveyPlan plan = planner.plan(p, day.date());
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> Output.printJson(out, inputs.annotate(json(plan)));
            case csv -> {
                Output.noteAsOf(spec.commandLine(), day);
                printCsv(out, plan);
                inputs.printNotes(spec.commandLine().getErr());
            }
            default -> {
                out.println("Survey plan " + day.describe());
                out.println();
                printText(out, plan, Integer.MAX_VALUE);
                inputs.printNotes(out);
            }
        }
        return 0;
    }

    static ObjectNode json(SurveyPlan plan) {
        ObjectNode root = Output.object();
        root.put("date", plan.date().toString());
        root.put("rules", plan.rules());
        ArrayNode inv = root.putArray("invitations");
        for (PlannedInvitation i : plan.invitations()) {
            ObjectNode n = inv.addObject();
            n.put("contact", i.contactId());
            n.put("account", i.accountId());
            n.put("role", i.role().name());
            n.put("episode", i.episode().name());
            n.put("reason", i.reason());
        }
        return root;
    }

    static void printText(PrintWriter out, SurveyPlan plan, int limit) {
        Output.Table t = new Output.Table(List.of("contact", "account", "role", "episode", "reason"));
        plan.invitations().stream().limit(limit).forEach(i -> t.row(List.of(i.contactId(), i.accountId(),
                i.role().name(), i.episode().name(), i.reason())));
        t.print(out);
        if (plan.invitations().size() > limit) {
            out.println("… and " + (plan.invitations().size() - limit) + " more");
        }
        out.println("rules: " + plan.rules());
        out.flush();
    }

    private static void printCsv(PrintWriter out, SurveyPlan plan) {
        out.println(Output.csvLine(List.of("contact", "account", "role", "episode", "reason")));
        for (PlannedInvitation i : plan.invitations()) {
            out.println(Output.csvLine(List.of(i.contactId(), i.accountId(), i.role().name(), i.episode().name(),
                    i.reason())));
        }
        out.flush();
    }
}
