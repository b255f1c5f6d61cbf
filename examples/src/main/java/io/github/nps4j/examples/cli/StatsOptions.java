package io.github.nps4j.examples.cli;

import io.github.nps4j.core.stats.IntervalMethod;
import io.github.nps4j.core.stats.UncertaintyOptions;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The uncertainty options of {@code score}, {@code compare} and {@code trend}: the command line's spelling of the
 * library's {@link UncertaintyOptions}, whose defaults these repeat.
 */
final class StatsOptions {
    @Option(names = "--ci", defaultValue = "score", paramLabel = "METHOD",
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

    /**
     * Checks the values and turns them into the library's options, reporting a bad one as a usage error (exit code 2)
     * that names the option.
     */
    UncertaintyOptions options(CommandLine cl) {
        IntervalMethod m;
        try {
            m = IntervalMethod.parse(ci);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--ci: " + e.getMessage(), e);
        }
        UncertaintyOptions.Clustering c;
        try {
            c = UncertaintyOptions.Clustering.parse(cluster);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--" + e.getMessage(), e);
        }
        Optional<UncertaintyOptions.Posterior> p;
        try {
            p = posterior == null ? Optional.empty() : Optional.of(UncertaintyOptions.Posterior.parse(posterior));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--posterior: " + e.getMessage(), e);
        }
        try {
            return new UncertaintyOptions(m, level, c, seed, resamples, p);
        } catch (IllegalArgumentException e) {
            // the level or the resamples, named as the message's first word
            throw new CommandLine.ParameterException(cl, "--" + e.getMessage(), e);
        }
    }
}
