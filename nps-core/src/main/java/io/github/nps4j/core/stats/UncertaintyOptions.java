package io.github.nps4j.core.stats;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the uncertainty of a scored group is reported: the interval method and level, whether answers are clustered by
 * account, the bootstrap's seed and resamples, and an optional Dirichlet posterior (a fixed prior, or one fitted
 * across the accounts by empirical Bayes). One value feeds every entry point that turns scored groups into figures:
 * {@link NpsSummary#of(io.github.nps4j.core.WeightedGroup, UncertaintyOptions)},
 * {@link SummarizedNps#of(io.github.nps4j.core.GroupedNps, UncertaintyOptions)},
 * {@link Trend#of(io.github.nps4j.core.GroupedNps, UncertaintyOptions)} and
 * {@link Comparison#of(io.github.nps4j.core.GroupedNps.Group, io.github.nps4j.core.GroupedNps.Group,
 * UncertaintyOptions)}.
 *
 * <p>{@link #defaults()}: {@code score} (Tango), level 0.95, not clustered, seed 1, 2 000 resamples, no posterior.
 * With {@link Clustering#ACCOUNT} the interval accounts for answers of one account being dependent
 * ({@link ClusteredEstimate#interval}, or the bootstrap resamples whole accounts); without it the interval treats
 * answers as independent and the clustered standard error is still reported beside it (never instead of it).
 *
 * <p>Example usage:
 * <pre>{@code
 * UncertaintyOptions o = UncertaintyOptions.defaults().withMethod(IntervalMethod.SCORE).clusteredByAccount();
 * UncertaintyOptions cli = UncertaintyOptions.parse("bootstrap", 0.9, "account", 7, 5000, "dirichlet:fit");
 * }</pre>
 *
 * <p>A value-based, immutable record, validated when built.
 *
 * @param method the interval method
 * @param level the confidence level, in (0, 1)
 * @param clustering whether answers are treated as clustered by account
 * @param seed the bootstrap's seed (used only by {@link IntervalMethod#BOOTSTRAP})
 * @param resamples the bootstrap's resamples, {@value #MIN_RESAMPLES} to {@value #MAX_RESAMPLES}
 * @param posterior the posterior to add beside each group's interval, or empty for none
 * @since 0.1.0
 */
public record UncertaintyOptions(IntervalMethod method, double level, Clustering clustering, long seed, int resamples,
        Optional<Posterior> posterior) {

    /** The most bootstrap resamples accepted: {@value} (8 MB of replicates; percentiles are stable long before). */
    public static final int MAX_RESAMPLES = 1_000_000;

    /** The fewest bootstrap resamples accepted: {@value}. */
    public static final int MIN_RESAMPLES = 100;

    private static final UncertaintyOptions DEFAULTS = new UncertaintyOptions(IntervalMethod.SCORE, 0.95,
            Clustering.NONE, 1, 2000, Optional.empty());

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if the level is not in (0, 1) or there are fewer than {@value #MIN_RESAMPLES}
     *     resamples, naming the value
     * @throws NullPointerException if a component is null
     */
    public UncertaintyOptions {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(clustering, "clustering");
        Objects.requireNonNull(posterior, "posterior");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level " + level + " must be between 0 and 1");
        }
        if (resamples < MIN_RESAMPLES) {
            throw new IllegalArgumentException("resamples " + resamples + " is too few (at least " + MIN_RESAMPLES
                    + ")");
        }
        if (resamples > MAX_RESAMPLES) {
            throw new IllegalArgumentException("resamples " + resamples + " is more than " + MAX_RESAMPLES
                    + ", beyond which the percentiles no longer change but the time and memory do; use fewer");
        }
    }

    /**
     * Returns the defaults: {@code score} (Tango; its exact coverage is in the README's "Which interval?"), level
     * 0.95, not clustered, seed 1, 2 000 resamples, no posterior.
     *
     * @return the default options
     */
    public static UncertaintyOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Builds options from the command line's spellings.
     *
     * @param method {@code wald}, {@code adjusted-wald}, {@code score} or {@code bootstrap}
     * @param level confidence level in (0, 1)
     * @param clustering {@code none} or {@code account}
     * @param seed the bootstrap's seed
     * @param resamples the bootstrap's resamples, {@value #MIN_RESAMPLES} to {@value #MAX_RESAMPLES}
     * @param posterior {@code dirichlet:A_DET,A_PAS,A_PRO}, {@code dirichlet:fit}, or null for none
     * @return the options
     * @throws IllegalArgumentException naming the first bad value
     */
    public static UncertaintyOptions parse(String method, double level, String clustering, long seed, int resamples,
            @Nullable String posterior) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(clustering, "clustering");
        return new UncertaintyOptions(IntervalMethod.parse(method), level, Clustering.parse(clustering), seed,
                resamples, posterior == null ? Optional.empty() : Optional.of(Posterior.parse(posterior)));
    }

    /**
     * Returns a copy with another interval method.
     *
     * @param method the method
     * @return the copy
     */
    public UncertaintyOptions withMethod(IntervalMethod method) {
        return new UncertaintyOptions(method, level, clustering, seed, resamples, posterior);
    }

    /**
     * Returns a copy with another confidence level.
     *
     * @param level confidence level in (0, 1)
     * @return the copy
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public UncertaintyOptions withLevel(double level) {
        return new UncertaintyOptions(method, level, clustering, seed, resamples, posterior);
    }

    /**
     * Returns a copy with another clustering.
     *
     * @param clustering the clustering
     * @return the copy
     */
    public UncertaintyOptions withClustering(Clustering clustering) {
        return new UncertaintyOptions(method, level, clustering, seed, resamples, posterior);
    }

    /**
     * Returns a copy that treats answers as clustered by account ({@code withClustering(Clustering.ACCOUNT)}).
     *
     * @return the copy
     */
    public UncertaintyOptions clusteredByAccount() {
        return withClustering(Clustering.ACCOUNT);
    }

    /**
     * Returns a copy with another bootstrap set-up.
     *
     * @param seed the seed
     * @param resamples the resamples, at least {@value #MIN_RESAMPLES}
     * @return the copy
     * @throws IllegalArgumentException if there are too few resamples
     */
    public UncertaintyOptions withBootstrap(long seed, int resamples) {
        return new UncertaintyOptions(method, level, clustering, seed, resamples, posterior);
    }

    /**
     * Returns a copy that adds a posterior beside each group's interval.
     *
     * @param posterior the posterior, or null for none
     * @return the copy
     */
    public UncertaintyOptions withPosterior(@Nullable Posterior posterior) {
        return new UncertaintyOptions(method, level, clustering, seed, resamples, Optional.ofNullable(posterior));
    }

    /**
     * Tells whether answers are treated as clustered by account.
     *
     * @return true for {@link Clustering#ACCOUNT}
     */
    public boolean clustered() {
        return clustering == Clustering.ACCOUNT;
    }

    /**
     * Returns the significance level of tests, 1 − level, as the exact decimal complement (1 − 0.95 = 0.05, not
     * 0.050000000000000044).
     *
     * @return alpha in (0, 1)
     */
    public double alpha() {
        return BigDecimal.ONE.subtract(BigDecimal.valueOf(level)).doubleValue();
    }

    /**
     * Returns the bootstrap these options describe: the seed, resamples and level.
     *
     * @return the bootstrap
     */
    public Bootstrap bootstrap() {
        return Bootstrap.of(seed, resamples).level(level);
    }

    /**
     * Tells whether these options need each group's responses rather than its totals alone: the bootstrap, clustering
     * by account and a prior fitted across accounts do.
     *
     * @return true when totals ({@link io.github.nps4j.core.NpsEstimate}) are not enough
     */
    public boolean needsResponses() {
        return method == IntervalMethod.BOOTSTRAP || clustered() || posterior.map(Posterior::fitted).orElse(false);
    }

    /** Whether answers of one account are treated as dependent. */
    public enum Clustering {
        /** Answers are independent: the interval uses the independent standard error (or resamples answers). */
        NONE,
        /** Answers of one account are dependent: the interval accounts for that (or resamples whole accounts). */
        ACCOUNT;

        /**
         * Returns the name as the command line spells it.
         *
         * @return {@code none} or {@code account}
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses the command line's spelling.
         *
         * @param text {@code none} or {@code account}
         * @return the clustering
         * @throws IllegalArgumentException for anything else, naming it
         */
        public static Clustering parse(String text) {
            Objects.requireNonNull(text, "text");
            return switch (text.strip()) {
                case "none" -> NONE;
                case "account" -> ACCOUNT;
                default -> throw new IllegalArgumentException("cluster '" + text + "': expected none or account");
            };
        }
    }

    /**
     * The Dirichlet posterior to give beside each group's interval: from a fixed prior, or from a prior fitted across
     * the scored accounts by {@link EmpiricalBayes} (then labelled <em>shrunk</em>).
     *
     * <p>A value-based, immutable record.
     *
     * @param prior the fixed prior, or empty to fit one across the accounts
     */
    public record Posterior(Optional<DirichletPrior> prior) {
        /**
         * Validates.
         *
         * @throws NullPointerException if the optional is null
         */
        public Posterior {
            Objects.requireNonNull(prior, "prior");
        }

        /**
         * A posterior under a fixed prior.
         *
         * @param prior the prior
         * @return the posterior option
         */
        public static Posterior fixed(DirichletPrior prior) {
            Objects.requireNonNull(prior, "prior");
            return new Posterior(Optional.of(prior));
        }

        /**
         * A posterior under a prior fitted across the scored accounts (empirical Bayes).
         *
         * @return the posterior option
         */
        public static Posterior fitAcrossAccounts() {
            return new Posterior(Optional.empty());
        }

        /**
         * Tells whether the prior is fitted across the accounts.
         *
         * @return true for {@link #fitAcrossAccounts()}
         */
        public boolean fitted() {
            return prior.isEmpty();
        }

        /**
         * Parses the command line's spelling.
         *
         * @param text {@code dirichlet:A_DET,A_PAS,A_PRO} (the prior weights of detractor, passive, promoter) or
         *     {@code dirichlet:fit}
         * @return the posterior option
         * @throws IllegalArgumentException for anything else, naming it
         */
        public static Posterior parse(String text) {
            Objects.requireNonNull(text, "text");
            String p = text.strip();
            if (!p.startsWith("dirichlet:")) {
                throw new IllegalArgumentException("'" + text + "' is not dirichlet:A_DET,A_PAS,A_PRO or dirichlet:fit");
            }
            String rest = p.substring("dirichlet:".length());
            if (rest.equals("fit")) {
                return fitAcrossAccounts();
            }
            String[] parts = rest.split(",");
            if (parts.length != 3) {
                throw new IllegalArgumentException("'" + text + "' needs three prior weights: detractor, passive, "
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
            return fixed(DirichletPrior.of(a[0], a[1], a[2]));
        }
    }
}
