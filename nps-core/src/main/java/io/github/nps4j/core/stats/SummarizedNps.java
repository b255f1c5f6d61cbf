package io.github.nps4j.core.stats;

import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.GroupKey;
import io.github.nps4j.core.GroupedNps;
import io.github.nps4j.core.NpsEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A whole scored result with every group's uncertainty under one {@link UncertaintyOptions}: the overall group and
 * each group with its {@link NpsSummary} (estimate, standard errors, interval, notes) and, when the options ask for
 * one, its Dirichlet posterior — under a fixed prior, or under a prior fitted once across the accounts of the overall
 * group ({@link EmpiricalBayes#fit(GroupedNps)}), then labelled shrunk.
 *
 * <p><b>Groups are domains of one design.</b> Every group's account-clustered standard error (and, when the options
 * cluster by account, its interval) counts all G accounts of the scored data, as R
 * {@code survey::svyby(~s, ~role, svydesign(ids = ~account, ...), svymean)} does
 * ({@link ClusteredEstimate#inDesign(int)}). When the options cluster by account, a group with answers from one
 * account gets no interval and a note naming it (clustered inference is refused for it; the other groups keep
 * theirs).
 *
 * <p>Example usage:
 * <pre>{@code
 * GroupedNps scored = NpsScorer.builder().groupBy(GroupField.ROLE).build().score(responses);
 * SummarizedNps result = SummarizedNps.of(scored, UncertaintyOptions.defaults().clusteredByAccount());
 * for (SummarizedNps.Group g : result.groups()) {
 *     System.out.println(g.key().role().orElseThrow() + " " + g.nps() + " " + g.interval());
 * }
 * }</pre>
 *
 * <p>A value-based, immutable record; computing it runs any bootstrap once per group.
 *
 * @param weighting the weighting's label, as {@link GroupedNps#weighting()}
 * @param dedupe the de-duplication rule applied
 * @param fields the grouping fields' names
 * @param options the options the figures were computed with
 * @param fit the prior fitted across accounts, when the options ask for {@link UncertaintyOptions.Posterior#fitted()}
 * @param overall the overall group, empty when the scored result has none
 * @param groups one entry per group, in the scored result's order (sorted by key)
 * @since 0.1.0
 */
public record SummarizedNps(String weighting, Dedupe dedupe, List<String> fields, UncertaintyOptions options,
        Optional<DirichletMultinomialFit> fit, Optional<Group> overall, List<Group> groups) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     */
    public SummarizedNps {
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(dedupe, "dedupe");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(overall, "overall");
        fields = List.copyOf(fields);
        groups = List.copyOf(groups);
    }

    /**
     * Summarises every group of a scored result.
     *
     * @param scored the scored result
     * @param options the uncertainty options
     * @return the summarised result
     * @throws IllegalArgumentException when the options ask for a prior fitted across accounts and the result has no
     *     overall group or the fit is at a boundary ({@link EmpiricalBayes})
     */
    public static SummarizedNps of(GroupedNps scored, UncertaintyOptions options) {
        Objects.requireNonNull(scored, "scored");
        Objects.requireNonNull(options, "options");
        Optional<DirichletMultinomialFit> fit = Optional.empty();
        Optional<DirichletPrior> prior = Optional.empty();
        if (options.posterior().isPresent()) {
            UncertaintyOptions.Posterior p = options.posterior().get();
            if (p.fitted()) {
                fit = Optional.of(EmpiricalBayes.fit(scored));
                prior = Optional.of(fit.get().alpha());
            } else {
                prior = p.prior();
            }
        }
        boolean shrunk = fit.isPresent();
        Optional<DirichletPrior> pr = prior;
        int design = designClusters(scored);
        Optional<Group> overall = scored.overall().map(g -> group(g, options, pr, shrunk, design));
        List<Group> groups = new ArrayList<>(scored.groups().size());
        for (GroupedNps.Group g : scored.groups()) {
            groups.add(group(g, options, pr, shrunk, design));
        }
        return new SummarizedNps(scored.weighting(), scored.dedupe(), scored.fields(), options, fit, overall, groups);
    }

    /**
     * Summarises every group of a result known by per-account totals (e.g. a
     * {@link io.github.nps4j.core.csv.StreamingScorer.Result}), to the figures {@link #of(GroupedNps,
     * UncertaintyOptions)} gives for the same responses (sums to floating-point rounding).
     *
     * @param estimates the scored result's estimates: weighting, de-duplication, fields and keys
     * @param overall the overall group with its per-account totals, present exactly when the estimates have one
     * @param groups each group with its per-account totals, in the order of {@code estimates.groups()}
     * @param options the uncertainty options: any but a bootstrap that resamples answers or a prior fitted across
     *     accounts, which need the responses
     * @return the summarised result
     * @throws IllegalArgumentException when the options need the responses, or the groups do not match the estimates
     * @since 0.1.0
     */
    public static SummarizedNps of(io.github.nps4j.core.GroupedEstimates estimates,
            Optional<ClusteredEstimate> overall, List<ClusteredEstimate> groups, UncertaintyOptions options) {
        Objects.requireNonNull(estimates, "estimates");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(options, "options");
        if (groups.size() != estimates.groups().size() || overall.isPresent() != estimates.overall().isPresent()) {
            throw new IllegalArgumentException("the clustered groups do not match the estimates' groups");
        }
        if (options.posterior().map(UncertaintyOptions.Posterior::fitted).orElse(false)) {
            throw new IllegalArgumentException("a prior fitted across accounts needs the responses");
        }
        Optional<DirichletPrior> prior = options.posterior().flatMap(UncertaintyOptions.Posterior::prior);
        int design = designClusters(overall, groups);
        Optional<Group> all = overall.map(c -> clusteredGroup(new GroupKey(List.of(), List.of()), c, options, prior,
                design));
        List<Group> out = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            out.add(clusteredGroup(estimates.groups().get(i).key(), groups.get(i), options, prior, design));
        }
        return new SummarizedNps(estimates.weighting(), estimates.dedupe(), estimates.fields(), options,
                Optional.empty(), all, out);
    }

    private static Group clusteredGroup(GroupKey key, ClusteredEstimate c, UncertaintyOptions o,
            Optional<DirichletPrior> prior, int design) {
        NpsSummary s = NpsSummary.of(c.inDesign(design), key, o);
        return new Group(key, s, prior.map(p -> NpsPosterior.of(s.estimate(), p, o.level(), false)));
    }

    /**
     * The number of accounts in a result known by per-account totals (overall and every group), as
     * {@link #designClusters(GroupedNps)} counts them for the same responses.
     */
    static int designClusters(Optional<ClusteredEstimate> overall, List<ClusteredEstimate> groups) {
        java.util.Set<String> accounts = new java.util.HashSet<>();
        overall.ifPresent(c -> accounts.addAll(c.accounts().keySet()));
        groups.forEach(c -> accounts.addAll(c.accounts().keySet()));
        return accounts.size();
    }

    /**
     * The number of accounts in the scored data (overall and every group): the design whose domains the groups are.
     */
    static int designClusters(GroupedNps scored) {
        java.util.Set<String> accounts = new java.util.HashSet<>();
        scored.overall().ifPresent(g -> g.data().responses().forEach(r -> accounts.add(r.accountId())));
        for (GroupedNps.Group g : scored.groups()) {
            g.data().responses().forEach(r -> accounts.add(r.accountId()));
        }
        return accounts.size();
    }

    private static Group group(GroupedNps.Group g, UncertaintyOptions o, Optional<DirichletPrior> prior,
            boolean shrunk, int design) {
        NpsSummary s = NpsSummary.of(g.data(), o, design, false);
        return new Group(g.key(), s, prior.map(p -> NpsPosterior.of(s.estimate(), p, o.level(), shrunk)));
    }

    /**
     * Finds a group by its values.
     *
     * @param values the value of each field, in field order
     * @return the group, if present
     */
    public Optional<Group> group(String... values) {
        List<String> v = List.of(values);
        return groups.stream().filter(g -> g.key().values().equals(v)).findFirst();
    }

    /**
     * Returns the prior the posteriors use: the fitted one, or the fixed one of the options.
     *
     * @return the prior, or empty when no posterior was asked for
     */
    public Optional<DirichletPrior> prior() {
        if (fit.isPresent()) {
            return Optional.of(fit.get().alpha());
        }
        return options.posterior().flatMap(UncertaintyOptions.Posterior::prior);
    }

    /**
     * One group's figures.
     *
     * @param key the group's key (typed access: {@link GroupKey#role()}, {@link GroupKey#period()}, …)
     * @param summary the group's summary under the options
     * @param posterior the group's Dirichlet posterior, when the options ask for one (labelled {@code shrunk} when
     *     the prior was fitted across accounts)
     */
    public record Group(GroupKey key, NpsSummary summary, Optional<NpsPosterior> posterior) {
        /**
         * Validates.
         *
         * @throws NullPointerException if a component is null
         */
        public Group {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(posterior, "posterior");
        }

        /**
         * Returns the group's estimate (counts, weights, effective n).
         *
         * @return the estimate
         */
        public NpsEstimate estimate() {
            return summary.estimate();
        }

        /**
         * Returns the NPS.
         *
         * @return the NPS in points, or empty for an empty group
         */
        public OptionalDouble nps() {
            return summary.nps();
        }

        /**
         * Returns the interval.
         *
         * @return the interval, or empty for an empty group (or clustered Wald with fewer than two accounts)
         */
        public Optional<Interval> interval() {
            return summary.ci();
        }

        /**
         * Returns the independent-response standard error.
         *
         * @return the SE in NPS points, or empty for an empty group
         */
        public OptionalDouble standardError() {
            return summary.standardError();
        }

        /**
         * Returns the account-clustered standard error.
         *
         * @return the SE in NPS points, or empty for an empty group or fewer than two accounts
         */
        public OptionalDouble clusteredStandardError() {
            return summary.clusteredStandardError();
        }

        /**
         * Returns the number of accounts that answered in the group.
         *
         * @return the number of accounts
         */
        public OptionalInt accounts() {
            return summary.clusters();
        }

        /**
         * Returns the caveats of the group's figures.
         *
         * @return the notes, empty when there are none
         */
        public List<String> notes() {
            return summary.notes();
        }
    }
}
