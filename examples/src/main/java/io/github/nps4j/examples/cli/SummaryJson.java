package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.core.stats.IntervalMethod;
import io.github.nps4j.core.stats.NpsPosterior;
import io.github.nps4j.core.stats.NpsSummary;
import io.github.nps4j.core.stats.UncertaintyOptions;
import java.util.Optional;

/** Writes the library's summaries as the JSON of DESIGN §6 (GROUP fields and the {@code ci} header). */
final class SummaryJson {
    private SummaryJson() {
    }

    /** Writes a group's figures (DESIGN §6 GROUP) into a JSON node. */
    static void putGroup(ObjectNode n, NpsSummary s, Optional<NpsPosterior> posterior) {
        n.setAll(ScoreCommand.group(s.estimate()));
        if (s.ci().isPresent()) {
            ObjectNode ciNode = n.putObject("ci");
            ciNode.put("lower", s.ci().get().lower());
            ciNode.put("upper", s.ci().get().upper());
        } else {
            n.putNull("ci");
        }
        Output.put(n, "clusteredStandardError", s.clusteredStandardError());
        if (s.clusters().isPresent()) {
            n.put("accounts", s.clusters().getAsInt());
        }
        if (!s.notes().isEmpty()) {
            ArrayNode notes = n.putArray("notes");
            s.notes().forEach(notes::add);
        }
        if (posterior.isPresent()) {
            NpsPosterior post = posterior.get();
            ObjectNode p = n.putObject("posterior");
            p.put("mean", post.mean());
            p.put("sd", post.sd());
            p.put("lower", post.lower());
            p.put("upper", post.upper());
            p.put("label", post.label());
        }
    }

    /** Writes the {@code ci} header: method, level, cluster and, for the bootstrap, seed and resamples. */
    static void putHeader(ObjectNode root, UncertaintyOptions o) {
        ObjectNode ciNode = root.putObject("ci");
        ciNode.put("method", o.method().label());
        ciNode.put("level", o.level());
        ciNode.put("cluster", o.clustering().label());
        if (o.method() == IntervalMethod.BOOTSTRAP) {
            ciNode.put("seed", o.seed());
            ciNode.put("resamples", o.resamples());
        }
    }
}
