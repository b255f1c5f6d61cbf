package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.accountmap.followup.FollowUpCase;
import io.github.nps4j.accountmap.followup.FollowUpOptions;
import io.github.nps4j.accountmap.followup.FollowUpQueue;
import io.github.nps4j.core.Portfolio;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nps followups}: the close-the-loop queue, who to call back first and by when. */
@Command(name = "followups", mixinStandardHelpOptions = true,
        description = "The follow-up queue: one case per recent detractor answer, highest priority first.")
final class FollowupsCommand implements Callable<Integer> {
    @Mixin
    Inputs inputs;

    @Mixin
    AsOf asOf;

    @Option(names = "--passive-deciders", description = "Also open cases for passive decision-makers.")
    boolean passiveDeciders;

    @Option(names = "--lookback-days", paramLabel = "DAYS",
            description = "Open cases for answers of the last DAYS days up to the as-of day (default: "
                    + FollowUpOptions.DEFAULT_LOOKBACK_DAYS + ", as the readout).")
    int lookbackDays = FollowUpOptions.DEFAULT_LOOKBACK_DAYS;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        FollowUpOptions.Builder options = FollowUpOptions.builder();
        try {
            options.lookbackDays(lookbackDays);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lookback-days " + lookbackDays
                    + " must be at least 1", e);
        }
        Portfolio p = inputs.load(spec.commandLine());
        if (passiveDeciders) {
            options.includePassiveDecisionMakers(true);
        }
        AsOf.Day day = asOf.day(spec.commandLine(), p);
        FollowUpQueue queue = FollowUpQueue.of(p, day.date(), options.build());
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> Output.printJson(out, inputs.annotate(json(queue).put("lookbackDays", lookbackDays)));
            case csv -> {
                Output.noteAsOf(spec.commandLine(), day);
                printCsv(out, queue);
                inputs.printNotes(spec.commandLine().getErr());
            }
            default -> {
                out.println("Follow-up queue " + day.describe() + ": cases from answers of the last "
                        + lookbackDays + " days (--lookback-days); overdue = not closed and past due");
                out.println();
                printText(out, queue, Integer.MAX_VALUE);
                inputs.printNotes(out);
            }
        }
        return 0;
    }

    static ObjectNode json(FollowUpQueue queue) {
        ObjectNode root = Output.object();
        root.put("asOf", queue.asOf().toString());
        ArrayNode cases = root.putArray("cases");
        for (FollowUpCase c : queue.cases()) {
            ObjectNode n = cases.addObject();
            n.put("responseId", c.responseId());
            n.put("account", c.accountId());
            n.put("contact", c.contactId());
            n.put("role", c.role().name());
            n.put("score", c.score());
            if (c.comment().isPresent()) {
                n.put("comment", c.comment().get());
            } else {
                n.putNull("comment");
            }
            if (c.owner().isPresent()) {
                n.put("owner", c.owner().get());
            } else {
                n.putNull("owner");
            }
            n.put("priority", c.priority());
            n.put("due", c.due().toString());
            n.put("state", c.stateAsOf(queue.asOf()).label());
        }
        return root;
    }

    static void printText(PrintWriter out, FollowUpQueue queue, int limit) {
        Output.Table t = new Output.Table(List.of("#", "due", "state", "account", "contact", "role", "score", "owner",
                "priority", "comment"), true, false, false, false, false, false, true, false, true, false);
        int i = 0;
        for (FollowUpCase c : queue.cases()) {
            if (i >= limit) {
                break;
            }
            t.row(List.of(Integer.toString(++i), c.due().toString(), c.stateAsOf(queue.asOf()).label(), c.accountId(),
                    c.contactId(), c.role().name(),
                    Integer.toString(c.score()), c.owner().orElse("–"), Output.money(c.priority()),
                    Output.clip(c.comment().orElse(""), 40)));
        }
        t.print(out);
        if (queue.cases().size() > limit) {
            out.println("… and " + (queue.cases().size() - limit) + " more");
        }
        out.flush();
    }

    private static void printCsv(PrintWriter out, FollowUpQueue queue) {
        out.println(Output.csvLine(List.of("response_id", "account", "contact", "role", "score", "comment", "owner",
                "priority", "due", "state")));
        for (FollowUpCase c : queue.cases()) {
            out.println(Output.csvLine(List.of(c.responseId(), c.accountId(), c.contactId(), c.role().name(),
                    Integer.toString(c.score()), c.comment().orElse(""), c.owner().orElse(""),
                    Double.toString(c.priority()), c.due().toString(), c.stateAsOf(queue.asOf()).label())));
        }
        out.flush();
    }
}
