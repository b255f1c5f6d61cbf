package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.WeightedGroup;
import io.github.nps4j.core.stats.Bootstrap;
import io.github.nps4j.core.stats.ClusteredEstimate;
import io.github.nps4j.core.stats.DirichletMultinomialFit;
import io.github.nps4j.core.stats.DirichletPrior;
import io.github.nps4j.core.stats.EmpiricalBayes;
import io.github.nps4j.core.stats.IntervalMethod;
import io.github.nps4j.core.stats.NpsPosterior;
import io.github.nps4j.core.stats.NpsSummary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The uncertainty options of {@code score}, {@code compare} and {@code trend}. */
final class StatsOptions {
    @Option(names = "--ci", defaultValue = "adjusted-wald", paramLabel = "METHOD",
            description = "Interval: wald, adjusted-wald, score or bootstrap (default: ${DEFAULT-VALUE}).")
    String ci;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "Confidence level in (0, 1) (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--cluster", defaultValue = "none", paramLabel = "none|account",
            description = "account: intervals and tests treat answers of one account as dependent "
                    + "(the clustered standard error is reported whenever there are two or more accounts).")
    String cluster;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resamples", defaultValue = "2000", paramLabel = "B",
            description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--posterior", paramLabel = "dirichlet:A_DET,A_PAS,A_PRO|dirichlet:fit",
            description = "Also give each group's Dirichlet posterior in NPS points; 'fit' fits the prior across "
                    + "the accounts (empirical Bayes).")
    String posterior;

    IntervalMethod method() {
        return IntervalMethod.parse(ci);
    }

    boolean clustered() {
        return "account".equals(cluster);
    }

    /** Checks the values, reporting a bad one as a usage error (exit code 2). */
    void validate(CommandLine cl) {
        try {
            method();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--ci: " + e.getMessage(), e);
        }
        if (!(level > 0 && level < 1)) {
            throw new CommandLine.ParameterException(cl, "--level " + level + " must be between 0 and 1");
        }
        if (!cluster.equals("none") && !cluster.equals("account")) {
            throw new CommandLine.ParameterException(cl, "--cluster '" + cluster + "': expected none or account");
        }
        if (resamples < 100) {
            throw new CommandLine.ParameterException(cl, "--resamples " + resamples + " is too few (at least 100)");
        }
        if (posterior != null) {
            try {
                fixedPrior();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--posterior: " + e.getMessage(), e);
            }
        }
    }

    /** The prior given on the command line, or empty for {@code dirichlet:fit}. */
    Optional<DirichletPrior> fixedPrior() {
        String p = posterior.strip();
        if (!p.startsWith("dirichlet:")) {
            throw new IllegalArgumentException("'" + posterior + "' is not dirichlet:A_DET,A_PAS,A_PRO or dirichlet:fit");
        }
        String rest = p.substring("dirichlet:".length());
        if (rest.equals("fit")) {
            return Optional.empty();
        }
        String[] parts = rest.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + posterior + "' needs three prior weights: detractor, passive, "
                    + "promoter");
        }
        double[] a = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                a[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("prior weight '" + parts[i] + "' is not a number", e);
            }
        }
        return Optional.of(DirichletPrior.of(a[0], a[1], a[2]));
    }

    /** The prior for posteriors: given, or fitted across the accounts of the scored responses. */
    Optional<DirichletMultinomialFit> fit(GroupedNps result) {
        if (posterior == null || fixedPrior().isPresent()) {
            return Optional.empty();
        }
        Map<String, long[]> byAccount = new HashMap<>();
        GroupedNps.Group all = result.overall().orElseThrow(() -> new IllegalArgumentException(
                "dirichlet:fit needs one set of answers to fit across accounts; restrict --episode"));
        all.data().responses().forEach(r -> byAccount.computeIfAbsent(r.accountId(), k -> new long[3])
                [r.category().ordinal()]++);
        return Optional.of(EmpiricalBayes.fit(List.copyOf(byAccount.values())));
    }

    /** The summary of one group under these options. */
    NpsSummary summary(WeightedGroup group) {
        ClusteredEstimate c = ClusteredEstimate.of(group);
        IntervalMethod m = method();
        if (m == IntervalMethod.BOOTSTRAP) {
            Bootstrap b = Bootstrap.of(seed, resamples).level(level);
            if (clustered()) {
                return NpsSummary.of(c, b);
            }
            NpsEstimate e = c.estimate();
            if (!e.isDefined()) {
                return NpsSummary.of(e, IntervalMethod.WALD, level);
            }
            byte[] signs = new byte[group.responses().size()];
            for (int i = 0; i < signs.length; i++) {
                signs[i] = (byte) group.responses().get(i).category().sign();
            }
            NpsSummary s = NpsSummary.of(e, b.responses(signs, group.weights()));
            return new NpsSummary(e, c.clusteredStandardError(), java.util.OptionalInt.of(c.clusters()), s.ci(),
                    s.method(), s.level(), s.notes());
        }
        if (clustered()) {
            return NpsSummary.of(c, m, level);
        }
        NpsSummary s = NpsSummary.of(c.estimate(), m, level);
        return new NpsSummary(s.estimate(), c.clusteredStandardError(), java.util.OptionalInt.of(c.clusters()),
                s.ci(), s.method(), s.level(), s.notes());
    }

    /** Writes a group's figures (DESIGN §6 GROUP) into a JSON node. */
    void putGroup(ObjectNode n, WeightedGroup group, Optional<DirichletPrior> prior, boolean shrunk) {
        NpsSummary s = summary(group);
        NpsEstimate e = s.estimate();
        n.setAll(ScoreCommand.group(e));
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
        if (prior.isPresent()) {
            NpsPosterior post = NpsPosterior.of(e, prior.get(), level);
            ObjectNode p = n.putObject("posterior");
            p.put("mean", post.mean());
            p.put("sd", post.sd());
            p.put("lower", post.lower());
            p.put("upper", post.upper());
            p.put("label", shrunk ? "shrunk" : "posterior");
        }
    }

    Optional<DirichletPrior> prior(Optional<DirichletMultinomialFit> fit) {
        if (posterior == null) {
            return Optional.empty();
        }
        return fit.isPresent() ? Optional.of(fit.get().alpha()) : fixedPrior();
    }

    void putHeader(ObjectNode root) {
        ObjectNode ciNode = root.putObject("ci");
        ciNode.put("method", method().label());
        ciNode.put("level", level);
        ciNode.put("cluster", cluster);
        if (method() == IntervalMethod.BOOTSTRAP) {
            ciNode.put("seed", seed);
            ciNode.put("resamples", resamples);
        }
    }
}
