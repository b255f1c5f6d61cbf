package io.github.nps4j.core.stats;

import io.github.nps4j.core.NpsEstimate;
import java.util.Objects;
import java.util.Optional;

/**
 * Confidence intervals for the NPS of one group, from its {@link NpsEstimate}: Wald, adjusted Wald (Rocks 2016) and
 * Tango's (1998) score interval. Bootstrap intervals need response-level data and live in {@link Bootstrap}.
 *
 * <p>All intervals are in NPS points and clipped to [−100, 100]. An <em>empty</em> group (no answer of positive
 * weight) has no NPS and therefore no interval: every method here returns {@link Optional#empty()} for it (never NaN,
 * never a zero-width interval).
 *
 * <p><b>Weighted data.</b> Wald uses the linearization standard error {@link NpsEstimate#standardError()}. Adjusted
 * Wald and score are count-based methods; for weighted estimates they use the Kish-effective counts: the effective n
 * n<sub>eff</sub> = (Σw)²/Σw² times the weighted category shares (so detractors<sub>eff</sub> =
 * W<sub>D</sub>·Σw/Σw²). With unit weights these are exactly the raw counts.
 *
 * <p>Example usage:
 * <pre>{@code
 * NpsEstimate e = NpsEstimate.ofCounts(1, 2, 3);            // NPS 33.3
 * Interval w = ConfidenceIntervals.wald(e, 0.95).orElseThrow();      // [-26.3, 93.0]
 * Interval s = ConfidenceIntervals.of(e, IntervalMethod.SCORE, 0.90).orElseThrow();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ConfidenceIntervals {
    /** Pseudo-responses added by the adjusted Wald method (Rocks 2016): detractor, passive, promoter. */
    static final double[] ROCKS_PSEUDO = {0.75, 1.5, 0.75};

    private ConfidenceIntervals() {
    }

    /**
     * Computes an interval by the given method.
     *
     * @param estimate the group's estimate
     * @param method {@link IntervalMethod#WALD}, {@link IntervalMethod#ADJUSTED_WALD} or {@link IntervalMethod#SCORE}
     * @param level confidence level in (0, 1)
     * @return the interval, or empty for an empty group
     * @throws IllegalArgumentException if the level is not in (0, 1), or for {@link IntervalMethod#BOOTSTRAP}, which
     *     needs response-level data (use {@link Bootstrap})
     */
    public static Optional<Interval> of(NpsEstimate estimate, IntervalMethod method, double level) {
        Objects.requireNonNull(method, "method");
        return switch (method) {
            case WALD -> wald(estimate, level);
            case ADJUSTED_WALD -> adjustedWald(estimate, level);
            case SCORE -> score(estimate, level);
            case BOOTSTRAP -> throw new IllegalArgumentException(
                    "the bootstrap interval needs response- or account-level data, not an NpsEstimate: use Bootstrap");
        };
    }

    /**
     * Wald interval m ± z·SE with the independent-response linearization standard error
     * ({@link NpsEstimate#standardError()}; with unit weights R {@code NPS::nps.se}). For a degenerate group (all
     * answers in one category) the standard error is 0 and the interval collapses to the NPS: it is then flagged
     * {@link Interval#degenerate()} rather than claiming certainty.
     *
     * @param estimate the group's estimate
     * @param level confidence level in (0, 1)
     * @return the interval, or empty for an empty group
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public static Optional<Interval> wald(NpsEstimate estimate, double level) {
        double z = Numerics.zForLevel(level);
        if (!estimate.isDefined()) {
            return Optional.empty();
        }
        double m = estimate.npsValue();
        double se = estimate.standardError().orElseThrow();
        return Optional.of(Interval.clipped(m - z * se, m + z * se, IntervalMethod.WALD, level, m,
                estimate.isDegenerate()));
    }

    /**
     * Adjusted Wald interval (Rocks 2016, R {@code NPS} 2.0 {@code adjusted.wald}): adds 0.75 detractor, 1.5 passive
     * and 0.75 promoter pseudo-responses (n + 3), recomputes the NPS m' and its standard error
     * √((p'<sub>P</sub> + p'<sub>D</sub> − m'²)/(n + 3)) from the adjusted counts and returns m' ± z·SE', clipped to
     * [−100, 100] and extended to the observed NPS when it lies outside (one detractor: m' ± z·SE' is
     * [−98.5, 48.5], the interval given [−100, 48.5]), so that it always contains the NPS it is shown beside;
     * {@link Interval#pointEstimate()} is the observed NPS, not m'. Weighted estimates use the Kish-effective counts
     * (see the class comment).
     *
     * @param estimate the group's estimate
     * @param level confidence level in (0, 1)
     * @return the interval, or empty for an empty group
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public static Optional<Interval> adjustedWald(NpsEstimate estimate, double level) {
        double z = Numerics.zForLevel(level);
        if (!estimate.isDefined()) {
            return Optional.empty();
        }
        double[] adj = adjusted(effectiveCounts(estimate, 1.0));
        double m = adj[0];
        double se = adj[1];
        return Optional.of(Interval.clipped(100 * (m - z * se), 100 * (m + z * se), IntervalMethod.ADJUSTED_WALD,
                level, estimate.npsValue(), false));
    }

    /**
     * Tango's (1998) asymptotic score interval for a difference of paired proportions, with b = detractors,
     * c = promoters and n answers, the NPS being (c − b)/n. This is {@code PropCIs::scoreci.mp} and the "iterative"
     * method of R {@code NPS} 2.0, but the score equation T(Δ) = ±z is solved to its exact root by Brent's bracketed
     * root finder (absolute tolerance 1e-14 on the [−1, 1] scale) instead of those packages' bisection, which stops
     * after a step below 1e-7. The upper limit is 100 when every answer is a promoter, the lower −100 when every answer
     * is a detractor. Weighted estimates use the Kish-effective counts (see the class comment).
     *
     * @param estimate the group's estimate
     * @param level confidence level in (0, 1)
     * @return the interval, or empty for an empty group
     * @throws IllegalArgumentException if the level is not in (0, 1)
     */
    public static Optional<Interval> score(NpsEstimate estimate, double level) {
        double z = Numerics.zForLevel(level);
        if (!estimate.isDefined()) {
            return Optional.empty();
        }
        double[] c = effectiveCounts(estimate, 1.0);
        double[] lim = tango(c[0], c[2], c[0] + c[1] + c[2], z);
        return Optional.of(Interval.clipped(100 * lim[0], 100 * lim[1], IntervalMethod.SCORE, level,
                estimate.npsValue(), false));
    }

    /**
     * Returns the (possibly Kish-effective) counts {detractors, passives, promoters}: W<sub>k</sub>·Σw/Σw², divided
     * by {@code designEffect} (≥ 1) when a clustering design effect is applied. Computed from the estimate's scaled
     * totals, in which the power of two cancels, so extreme weights give the same counts as ordinary ones.
     */
    static double[] effectiveCounts(NpsEstimate e, double designEffect) {
        double sum = e.detractorWeight() + e.passiveWeight() + e.promoterWeight();
        double squares = e.detractorWeightSq() + e.passiveWeightSq() + e.promoterWeightSq();
        double scale = sum / squares / designEffect;
        return new double[] {e.detractorWeight() * scale, e.passiveWeight() * scale, e.promoterWeight() * scale};
    }

    /** Returns {m', SE'} on the [−1, 1] scale after adding the Rocks pseudo-responses to counts {D, A, P}. */
    static double[] adjusted(double[] counts) {
        double d = counts[0] + ROCKS_PSEUDO[0];
        double a = counts[1] + ROCKS_PSEUDO[1];
        double p = counts[2] + ROCKS_PSEUDO[2];
        double n = d + a + p;
        double pp = p / n;
        double pd = d / n;
        double m = pp - pd;
        double v = Math.max(0, pp + pd - m * m) / n;
        return new double[] {m, Math.sqrt(v)};
    }

    /**
     * Tango score limits on the [−1, 1] scale for b detractors, c promoters among n answers (non-integer allowed).
     *
     * @param b detractors
     * @param c promoters
     * @param n answers, {@code > 0}
     * @param z critical value
     * @return {lower, upper}
     */
    static double[] tango(double b, double c, double n, double z) {
        double mHat = (c - b) / n;
        double upper;
        if (c >= n) {
            upper = 1;
        } else {
            upper = Numerics.brent(delta -> tangoScore(b, c, n, delta) + z, mHat, z, 1, Double.NEGATIVE_INFINITY,
                    1e-14);
        }
        double lower;
        if (b >= n) {
            lower = -1;
        } else {
            lower = Numerics.brent(delta -> tangoScore(b, c, n, delta) - z, -1, Double.POSITIVE_INFINITY, mHat, -z,
                    1e-14);
        }
        return new double[] {lower, upper};
    }

    /**
     * Tango's score statistic T(Δ) = (c − b − nΔ)/√(n(2q̂₂₁ + Δ(1 − Δ))), where q̂₂₁ is the restricted maximum
     * likelihood estimate of the detractor-cell probability given Δ (the larger root of 2n q² + B q + C = 0, computed
     * without cancellation).
     */
    static double tangoScore(double b, double c, double n, double delta) {
        double qa = 2 * n;
        double qb = -b - c + (2 * n - c + b) * delta;
        double qc = -b * delta * (1 - delta);
        double disc = Math.sqrt(Math.max(0, qb * qb - 4 * qa * qc));
        double q21;
        if (qb <= 0) {
            q21 = (disc - qb) / (2 * qa);
        } else {
            double den = disc + qb;
            q21 = den == 0 ? 0 : -2 * qc / den;
        }
        double var = n * (2 * q21 + delta * (1 - delta));
        return (c - b - n * delta) / Math.sqrt(Math.max(0, var));
    }
}
