package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.csv.ImportReport;
import io.github.nps4j.core.csv.StreamingScorer;
import io.github.nps4j.core.stats.IntervalMethod;
import io.github.nps4j.core.stats.NpsSummary;
import io.github.nps4j.core.stats.SummarizedNps;
import io.github.nps4j.core.stats.UncertaintyOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nps score}: overall and grouped NPS with the chosen weighting. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score responses: overall and per group, with a chosen weighting and de-duplication.")
final class ScoreCommand implements Callable<Integer> {
    @Mixin
    Inputs inputs;

    @Mixin
    ScoringOptions scoring;

    @Mixin
    StatsOptions stats;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--stream",
            description = "Insist on scoring responses.csv row by row (the default whenever the options allow it: "
                    + "not with --invitations, --ci bootstrap without --cluster account, "
                    + "--posterior dirichlet:fit or seg: grouping); the figures are the same either way.")
    boolean stream;

    @Option(names = "--threads", paramLabel = "N",
            description = "When streaming: read responses.csv with up to N threads, each checking and counting a "
                    + "piece of the file split at line breaks (UTF-8 or another ASCII-based encoding, --dedupe none, "
                    + "pieces of at least 4 MB); the figures and errors are the same whatever N "
                    + "(default: the available processors, at most 8).")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        scoring.validate(spec.commandLine(), inputs);
        UncertaintyOptions options = stats.options(spec.commandLine());
        Optional<String> needsObjects = scoring.needsObjects(inputs, options);
        if (needsObjects.isEmpty()) {
            return streamed(options);
        }
        if (stream) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--stream cannot be used with "
                    + needsObjects.get() + ": that needs every response in memory");
        }
        Portfolio p = inputs.load(spec.commandLine());
        NpsScorer scorer = scoring.scorer(spec.commandLine(), p);
        GroupedNps result = scorer.score(p.responses());
        print(SummarizedNps.of(result, options), inputs.report());
        return 0;
    }

    /** The fast path: the streaming scorer, with per-account totals for the clustered figures. */
    private int streamed(UncertaintyOptions options) {
        StreamingScorer.Result scored = inputs.stream(spec.commandLine(), scoring.spec(), threads);
        print(SummarizedNps.of(scored.estimates(), scored.overallByAccount(), scored.groupsByAccount(), options),
                scored.report());
        return 0;
    }

    private void print(SummarizedNps result, ImportReport report) {
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> Output.printJson(out, ImportOptions.annotate(json(result), report));
            case csv -> {
                printCsv(out, result);
                ImportOptions.printNotes(spec.commandLine().getErr(), report);
            }
            default -> {
                printText(out, result);
                ImportOptions.printNotes(out, report);
            }
        }
    }

    static ObjectNode json(SummarizedNps result) {
        ObjectNode root = Output.object();
        root.put("weighting", result.weighting());
        root.put("dedupe", result.dedupe().label());
        SummaryJson.putHeader(root, result.options());
        if (result.fit().isPresent()) {
            ArrayNode a = root.putArray("prior");
            a.add(result.fit().get().alpha().detractor());
            a.add(result.fit().get().alpha().passive());
            a.add(result.fit().get().alpha().promoter());
        }
        if (result.overall().isPresent()) {
            ObjectNode o = root.putObject("overall");
            SummaryJson.putGroup(o, result.overall().get().summary(), result.overall().get().posterior());
        } else {
            root.putNull("overall");
        }
        ArrayNode groups = root.putArray("groups");
        for (SummarizedNps.Group g : result.groups()) {
            ObjectNode node = groups.addObject();
            ObjectNode key = node.putObject("key");
            g.key().asMap().forEach(key::put);
            SummaryJson.putGroup(node, g.summary(), g.posterior());
        }
        return root;
    }

    static ObjectNode group(NpsEstimate e) {
        ObjectNode n = Output.object();
        Output.put(n, "nps", e.nps());
        n.put("promoters", e.promoters());
        n.put("passives", e.passives());
        n.put("detractors", e.detractors());
        n.put("n", e.n());
        n.put("weightSum", e.weightSum());
        Output.put(n, "effectiveN", e.effectiveN());
        Output.put(n, "standardError", e.standardError());
        if (e.isDegenerate()) {
            // All answers in one category: the Wald standard error is 0, which is not certainty.
            n.put("degenerate", true);
        }
        return n;
    }

    private static List<String> keyHeader(SummarizedNps r) {
        return r.fields().isEmpty() ? List.of("group") : r.fields();
    }

    private static void printText(PrintWriter out, SummarizedNps r) {
        UncertaintyOptions o = r.options();
        out.println("NPS, weighting " + r.weighting() + ", dedupe " + r.dedupe().label() + ", "
                + Output.percent(o.level()) + " " + o.method().label() + " interval"
                + (o.clustered() ? " clustered by account" : ""));
        boolean posterior = o.posterior().isPresent();
        String postLabel = posteriorLabel(r);
        if (posterior) {
            out.println(postLabel + " columns: Dirichlet posterior mean and " + Output.percent(o.level())
                    + " credible interval of the NPS" + r.prior().map(p -> String.format(java.util.Locale.ROOT,
                            ", prior (detractor, passive, promoter) = (%.3g, %.3g, %.3g)%s", p.detractor(),
                            p.passive(), p.promoter(), r.fit().isPresent() ? ", fitted across the accounts" : ""))
                            .orElse("")
                    + "; the NPS column is the observed one");
        }
        out.println();
        List<String> header = new ArrayList<>(keyHeader(r));
        int keys = header.size();
        header.addAll(List.of("NPS", "interval", "SE", "SE (acct)", "n", "promoters", "passives", "detractors",
                "eff. n"));
        if (posterior) {
            header.addAll(List.of(postLabel + " mean", postLabel + " interval"));
        }
        boolean[] numeric = new boolean[header.size()];
        for (int i = keys; i < numeric.length; i++) {
            numeric[i] = true;
        }
        Output.Table t = new Output.Table(header, numeric);
        java.util.Map<String, List<String>> notes = new java.util.LinkedHashMap<>();
        r.overall().ifPresent(g -> {
            t.row(textRow(overallKey(keys), g.summary(), posterior ? g.posterior() : null));
            g.notes().forEach(n -> notes.computeIfAbsent(n, k -> new ArrayList<>()).add("(overall)"));
        });
        for (SummarizedNps.Group g : r.groups()) {
            t.row(textRow(g.key().values(), g.summary(), posterior ? g.posterior() : null));
            String key = String.join("/", g.key().values());
            g.notes().forEach(n -> notes.computeIfAbsent(n, k -> new ArrayList<>()).add(key));
        }
        t.print(out);
        boolean degenerate = r.groups().stream().anyMatch(g -> g.estimate().isDegenerate())
                || r.overall().map(g -> g.estimate().isDegenerate()).orElse(false);
        if (degenerate) {
            out.println();
            out.println("* all answers in one category: a standard error of 0 is not certainty"
                    + (o.method() == IntervalMethod.WALD || o.method() == IntervalMethod.BOOTSTRAP
                            ? "; use --ci adjusted-wald or score" : ""));
        }
        // The summaries' caveats (no clustered SE with one account, degenerate intervals, empty groups), once each.
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach((note, where) -> out.println("note (" + String.join(", ", where) + "): " + note));
        }
        if (r.overall().isEmpty()) {
            out.println();
            out.println("(no overall figure: the responses mix episode types; they are scored per episode)");
        }
        out.flush();
    }

    private static List<String> overallKey(int keys) {
        List<String> k = new ArrayList<>();
        k.add("(overall)");
        while (k.size() < keys) {
            k.add("");
        }
        return k;
    }

    static String interval(NpsSummary s) {
        return s.ci().map(ci -> "[" + Output.oneDecimal(ci.lower()) + ", " + Output.oneDecimal(ci.upper()) + "]")
                .orElse("–");
    }

    /**
     * The text columns' label: a posterior mean is shrunk towards the prior's mean (a fitted prior: the portfolio's),
     * so it is never shown as the group's NPS; the header line says which prior.
     */
    static String posteriorLabel(SummarizedNps r) {
        return "posterior (shrunk)";
    }

    private static List<String> textRow(List<String> key, NpsSummary s,
            @org.jspecify.annotations.Nullable Optional<io.github.nps4j.core.stats.NpsPosterior> posterior) {
        NpsEstimate e = s.estimate();
        List<String> row = new ArrayList<>(key);
        row.add(Output.oneDecimal(e.nps()));
        row.add(interval(s));
        row.add(Output.oneDecimal(e.standardError()) + (e.isDegenerate() ? "*" : ""));
        row.add(Output.oneDecimal(s.clusteredStandardError()));
        row.add(Long.toString(e.n()));
        row.add(Long.toString(e.promoters()));
        row.add(Long.toString(e.passives()));
        row.add(Long.toString(e.detractors()));
        row.add(Output.oneDecimal(e.effectiveN()));
        if (posterior != null) {
            row.add(posterior.map(p -> Output.oneDecimal(p.mean())).orElse("–"));
            row.add(posterior.map(p -> "[" + Output.oneDecimal(p.lower()) + ", " + Output.oneDecimal(p.upper()) + "]")
                    .orElse("–"));
        }
        return row;
    }

    private static void printCsv(PrintWriter out, SummarizedNps r) {
        List<String> header = new ArrayList<>(keyHeader(r));
        int keys = header.size();
        header.addAll(List.of("nps", "ci_lower", "ci_upper", "standard_error", "clustered_standard_error", "n",
                "promoters", "passives", "detractors", "weight_sum", "effective_n", "accounts"));
        boolean posterior = r.options().posterior().isPresent();
        if (posterior) {
            // "shrunk" when the prior was fitted across the accounts, "posterior" under a fixed prior (as the JSON)
            header.addAll(List.of("posterior_mean", "posterior_sd", "posterior_lower", "posterior_upper",
                    "posterior_label"));
        }
        header.add("notes"); // the JSON's notes: why a figure is missing, Student t, a degenerate group
        out.println(Output.csvLine(header));
        r.overall().ifPresent(o -> out.println(Output.csvLine(csvRow(overallKey(keys), o.summary(),
                posterior ? o.posterior() : null))));
        for (SummarizedNps.Group g : r.groups()) {
            out.println(Output.csvLine(csvRow(g.key().values(), g.summary(), posterior ? g.posterior() : null)));
        }
        out.flush();
    }

    private static List<String> csvRow(List<String> key, NpsSummary s,
            @org.jspecify.annotations.Nullable Optional<io.github.nps4j.core.stats.NpsPosterior> posterior) {
        NpsEstimate e = s.estimate();
        List<String> row = new ArrayList<>(key);
        row.add(Output.plain(e.nps()));
        row.add(s.ci().map(ci -> Double.toString(ci.lower())).orElse(""));
        row.add(s.ci().map(ci -> Double.toString(ci.upper())).orElse(""));
        row.add(Output.plain(e.standardError()));
        row.add(Output.plain(s.clusteredStandardError()));
        row.add(Long.toString(e.n()));
        row.add(Long.toString(e.promoters()));
        row.add(Long.toString(e.passives()));
        row.add(Long.toString(e.detractors()));
        row.add(Double.toString(e.weightSum()));
        row.add(Output.plain(e.effectiveN()));
        row.add(s.clusters().isPresent() ? Integer.toString(s.clusters().getAsInt()) : "");
        if (posterior != null) {
            row.add(posterior.map(p -> Double.toString(p.mean())).orElse(""));
            row.add(posterior.map(p -> Double.toString(p.sd())).orElse(""));
            row.add(posterior.map(p -> Double.toString(p.lower())).orElse(""));
            row.add(posterior.map(p -> Double.toString(p.upper())).orElse(""));
            row.add(posterior.map(io.github.nps4j.core.stats.NpsPosterior::label).orElse(""));
        }
        row.add(String.join("; ", s.notes()));
        return row;
    }

    /** Options shared by every command that scores responses. */
    static final class ScoringOptions {
        @Option(names = "--by", split = ",", paramLabel = "FIELD",
                description = "Group by account, role, episode, tier, period:month|quarter|year, seg:<name>; "
                        + "comma-separated for combinations.")
        List<String> by = new ArrayList<>();

        @Option(names = "--weight", defaultValue = "none", paramLabel = "WEIGHTING",
                description = "none, role, account-equal, account-value, role+account-equal, role+account-value "
                        + "(default: ${DEFAULT-VALUE})")
        String weight;

        @Option(names = "--role-weights", paramLabel = "ROLE=W,...",
                description = "Role weights, e.g. decision-maker=5 (the well-known roles not listed keep their "
                        + "defaults decision-maker=3,influencer=2,gatekeeper=1,user=1; other roles weigh 1).")
        String roleWeights;

        @Option(names = "--dedupe", defaultValue = "none", paramLabel = "RULE",
                description = "none or latest-per-contact (default: ${DEFAULT-VALUE})")
        String dedupe;

        @Option(names = "--episode", split = ",", paramLabel = "EPISODE",
                description = "Keep only these episode types (e.g. relationship).")
        List<String> episodes = new ArrayList<>();

        @Option(names = "--mix-episodes",
                description = "Score relationship and episode answers together in one figure.")
        boolean mixEpisodes;

        /** Checks the option values, reporting a bad one as a usage error (exit code 2). */
        void validate(CommandLine cl, Inputs inputs) {
            try {
                fields();
                weighting();
                Dedupe.parse(dedupe);
                episodes.forEach(EpisodeType::of);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage(), e);
            }
            // names that are probably typos of well-known ones are usage errors with the suggestion
            for (String e : episodes) {
                EpisodeType t = EpisodeType.of(e);
                t.likelyMeant().ifPresent(m -> {
                    throw new CommandLine.ParameterException(cl, "--episode '" + e + "' is not a known episode "
                            + "type: did you mean " + m + "? (known: " + EpisodeType.wellKnown().stream()
                                    .map(EpisodeType::name).collect(java.util.stream.Collectors.joining(", "))
                            + ")");
                });
            }
            if (roleWeights != null) {
                for (io.github.nps4j.core.Role r : RoleWeights.parse(roleWeights).weights().keySet()) {
                    r.likelyMeant().ifPresent(m -> {
                        throw new CommandLine.ParameterException(cl, "--role-weights: unknown role '" + r
                                + "': did you mean " + m + "? (roles not listed keep their default weights: "
                                + RoleWeights.defaults().toString() + ")");
                    });
                }
            }
            if (inputs.accounts == null) {
                for (GroupField f : fields()) {
                    if (f.needsAccounts()) {
                        throw new CommandLine.ParameterException(cl, "--by " + f + " needs --accounts");
                    }
                }
                if (weighting().needsAccountValues()) {
                    throw new CommandLine.ParameterException(cl,
                            "--weight " + weight + " needs --accounts (annual values)");
                }
            }
        }

        List<GroupField> fields() {
            return by.stream().map(GroupField::parse).toList();
        }

        Weighting weighting() {
            RoleWeights rw = roleWeights == null ? RoleWeights.defaults() : RoleWeights.parse(roleWeights);
            return Weighting.parse(weight, rw);
        }

        /**
         * Why these options need the responses as objects (the reader and the object scorer), or empty when the
         * streaming scorer gives the same figures: it reads strictly or leniently, keeps per-account totals
         * (clustered standard errors and intervals, the account bootstrap) but not the answers themselves.
         */
        Optional<String> needsObjects(Inputs inputs, UncertaintyOptions options) {
            if (inputs.invitations != null) {
                return Optional.of("--invitations");
            }
            if (options.method() == IntervalMethod.BOOTSTRAP && !options.clustered()) {
                return Optional.of("--ci bootstrap without --cluster account (it resamples answers)");
            }
            if (options.posterior().map(UncertaintyOptions.Posterior::fitted).orElse(false)) {
                return Optional.of("--posterior dirichlet:fit");
            }
            try {
                spec().requireColumnar("the streaming scorer", false);
            } catch (IllegalArgumentException e) {
                return Optional.of(String.join(",", by) + " grouping");
            }
            return Optional.empty();
        }

        /** The scoring spec these options describe; every engine (objects, streaming) scores with it. */
        ScoringSpec spec() {
            ScoringSpec.Builder b = ScoringSpec.builder().weighting(weighting()).groupBy(fields())
                    .dedupe(Dedupe.parse(dedupe)).mixEpisodes(mixEpisodes);
            if (!episodes.isEmpty()) {
                b.episodes(episodes.stream().map(EpisodeType::of).toList());
            }
            return b.build();
        }

        /**
         * The scorer of the loaded portfolio; a {@code --by seg:NAME} that no account has is a usage error (exit 2)
         * listing the segment columns that have values.
         */
        NpsScorer scorer(CommandLine cl, Portfolio p) {
            java.util.TreeSet<String> present = new java.util.TreeSet<>();
            p.accounts().forEach(a -> present.addAll(a.segments().keySet()));
            for (String f : by) {
                String name = f.strip();
                if (name.startsWith("seg:") && !present.contains(name.substring(4))) {
                    String seg = name.substring(4);
                    String known = present.isEmpty() ? "accounts.csv has no seg: column with values"
                            : "its seg: columns with values are " + present.stream().map(x -> "seg:" + x)
                                    .collect(java.util.stream.Collectors.joining(", "));
                    String hint = Suggestion.closest(seg, present).map(x -> "; did you mean seg:" + x + "?")
                            .orElse("");
                    throw new CommandLine.ParameterException(cl, "--by " + name + ": no account has a value in a "
                            + name + " column of accounts.csv" + hint + " (" + known + ")");
                }
            }
            return NpsScorer.of(spec(), p.accounts());
        }
    }
}
