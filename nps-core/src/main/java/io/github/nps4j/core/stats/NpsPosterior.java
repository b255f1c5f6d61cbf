package io.github.nps4j.core.stats;

import io.github.nps4j.core.NpsEstimate;
import java.util.Objects;

/**
 * The Dirichlet posterior of one group's NPS — for small accounts, where a handful of answers make the plain NPS jump
 * between −100 and 100.
 *
 * <p>With prior α and (effective) counts c = (D, A, P), the posterior is Dirichlet(a = α + c), A = Σa, and the NPS is
 * 100·(θ<sub>P</sub> − θ<sub>D</sub>): mean 100·(a<sub>P</sub> − a<sub>D</sub>)/A, variance
 * 100²·((a<sub>P</sub> + a<sub>D</sub>)/A − mean²)/(A + 1) (mean on the [−1, 1] scale), and an equal-tailed
 * credible interval computed exactly by one-dimensional numerical integration of the distribution of
 * θ<sub>P</sub> − θ<sub>D</sub> (tanh-sinh quadrature over θ<sub>D</sub> of the conditional Beta CDF, then Brent's
 * root finder for the quantiles) — not a normal approximation. The posterior mean shrinks the raw NPS toward the
 * prior mean, the more the stronger the prior and the fewer the answers.
 *
 * <p>{@link #shrunk()} is true when the prior was fitted across the portfolio ({@link EmpiricalBayes}): the figure is
 * then a <em>shrunk NPS</em> and must be labelled so ({@link #label()}).
 *
 * <p>Example usage:
 * <pre>{@code
 * NpsPosterior p = NpsPosterior.of(NpsEstimate.ofCounts(0, 0, 1), DirichletPrior.uniform(), 0.95);
 * p.mean();                 // 25.0, not 100
 * p.lower(); p.upper();     // -53.6 .. 86.6
 * }</pre>
 *
 * <p>A value-based, immutable record; all figures in NPS points.
 *
 * @param prior the prior α
 * @param detractors detractor count used (Kish-effective for weighted data)
 * @param passives passive count used
 * @param promoters promoter count used
 * @param level credible level of {@link #lower()}/{@link #upper()}
 * @param mean posterior mean NPS
 * @param sd posterior standard deviation of the NPS
 * @param lower lower limit of the equal-tailed credible interval
 * @param upper upper limit of the equal-tailed credible interval
 * @param shrunk true when the prior was fitted by empirical Bayes across accounts
 * @since 0.1.0
 */
public record NpsPosterior(DirichletPrior prior, double detractors, double passives, double promoters, double level,
        double mean, double sd, double lower, double upper, boolean shrunk) {

    /**
     * Validates the record.
     *
     * @throws IllegalArgumentException if a count is negative or not finite, the level not in (0, 1), or a figure
     *     outside [−100, 100] (sd outside [0, 100])
     */
    public NpsPosterior {
        Objects.requireNonNull(prior, "prior");
        Numerics.requireLevel(level);
        for (double c : new double[] {detractors, passives, promoters}) {
            if (!(c >= 0) || c == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("posterior counts must be finite and >= 0: " + detractors + ", "
                        + passives + ", " + promoters);
            }
        }
        if (!(lower >= -100 && lower <= upper && upper <= 100 && mean >= -100 && mean <= 100 && sd >= 0
                && sd <= 100)) {
            throw new IllegalArgumentException("invalid posterior summary: mean=" + mean + ", sd=" + sd + ", ["
                    + lower + ", " + upper + "]");
        }
    }

    /**
     * Computes the posterior of a group's estimate. Weighted estimates contribute their Kish-effective counts
     * (W<sub>k</sub>·Σw/Σw²); unweighted ones their counts. An empty group gives the prior itself.
     *
     * @param estimate the group's estimate
     * @param prior the prior
     * @param level credible level in (0, 1)
     * @return the posterior (not shrunk)
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public static NpsPosterior of(NpsEstimate estimate, DirichletPrior prior, double level) {
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(prior, "prior");
        if (!estimate.isDefined()) {
            return ofCounts(0, 0, 0, prior, level);
        }
        double[] c = ConfidenceIntervals.effectiveCounts(estimate, 1.0);
        return ofCounts(c[0], c[1], c[2], prior, level);
    }

    /** As {@link #of(NpsEstimate, DirichletPrior, double)}, labelled shrunk when the prior was fitted. */
    static NpsPosterior of(NpsEstimate estimate, DirichletPrior prior, double level, boolean shrunk) {
        if (!estimate.isDefined()) {
            return compute(0, 0, 0, prior, level, shrunk);
        }
        double[] c = ConfidenceIntervals.effectiveCounts(estimate, 1.0);
        return compute(c[0], c[1], c[2], prior, level, shrunk);
    }

    /**
     * Computes the posterior from counts.
     *
     * @param detractors detractor count, finite and {@code >= 0} (need not be whole)
     * @param passives passive count
     * @param promoters promoter count
     * @param prior the prior
     * @param level credible level in (0, 1)
     * @return the posterior (not shrunk)
     * @throws IllegalArgumentException if a count is negative or not finite or the level not in (0, 1)
     */
    public static NpsPosterior ofCounts(double detractors, double passives, double promoters, DirichletPrior prior,
            double level) {
        return compute(detractors, passives, promoters, prior, level, false);
    }

    static NpsPosterior compute(double d, double a, double p, DirichletPrior prior, double level, boolean shrunk) {
        Numerics.requireLevel(level);
        Objects.requireNonNull(prior, "prior");
        for (double c : new double[] {d, a, p}) {
            if (!(c >= 0) || c == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("counts must be finite and >= 0: " + d + ", " + a + ", " + p);
            }
        }
        double aD = prior.detractor() + d;
        double aA = prior.passive() + a;
        double aP = prior.promoter() + p;
        double total = aD + aA + aP;
        double m = (aP - aD) / total;
        double var = Math.max(0, (aP + aD) / total - m * m) / (total + 1);
        ThetaDifference dist = new ThetaDifference(aD, aA, aP);
        double lo = dist.quantile((1 - level) / 2);
        double hi = dist.quantile((1 + level) / 2);
        return new NpsPosterior(prior, d, a, p, level, 100 * m, 100 * Math.sqrt(var), 100 * lo, 100 * Math.max(lo, hi),
                shrunk);
    }

    /**
     * Returns the posterior detractor parameter a<sub>D</sub> = α<sub>D</sub> + D.
     *
     * @return a<sub>D</sub>
     */
    public double alphaDetractor() {
        return prior.detractor() + detractors;
    }

    /**
     * Returns the posterior passive parameter a<sub>A</sub> = α<sub>A</sub> + A.
     *
     * @return a<sub>A</sub>
     */
    public double alphaPassive() {
        return prior.passive() + passives;
    }

    /**
     * Returns the posterior promoter parameter a<sub>P</sub> = α<sub>P</sub> + P.
     *
     * @return a<sub>P</sub>
     */
    public double alphaPromoter() {
        return prior.promoter() + promoters;
    }

    /**
     * Returns the posterior variance of the NPS on the [−1, 1] scale, ((a<sub>P</sub> + a<sub>D</sub>)/A −
     * mean²)/(A + 1).
     *
     * @return the variance (NPS/100 scale)
     */
    public double variance() {
        double s = sd / 100;
        return s * s;
    }

    /**
     * Returns the posterior probability that the NPS is at most the given value.
     *
     * @param nps a value in NPS points
     * @return P(NPS ≤ nps)
     */
    public double cdf(double nps) {
        return distribution().cdf(nps / 100);
    }

    /**
     * Returns a posterior quantile of the NPS.
     *
     * @param p probability in [0, 1]
     * @return the p-quantile in NPS points
     * @throws IllegalArgumentException if p is not in [0, 1]
     */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability " + p + " must be in [0, 1]");
        }
        return 100 * distribution().quantile(p);
    }

    /**
     * Returns the label to print beside the figure: {@code "shrunk"} for an empirical-Bayes posterior, otherwise
     * {@code "posterior"}.
     *
     * @return the label
     */
    public String label() {
        return shrunk ? "shrunk" : "posterior";
    }

    private ThetaDifference distribution() {
        return new ThetaDifference(alphaDetractor(), alphaPassive(), alphaPromoter());
    }
}
