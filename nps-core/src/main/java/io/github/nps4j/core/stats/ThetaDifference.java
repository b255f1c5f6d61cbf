package io.github.nps4j.core.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The distribution of θ<sub>P</sub> − θ<sub>D</sub> when (θ<sub>D</sub>, θ<sub>A</sub>, θ<sub>P</sub>) ~
 * Dirichlet(a<sub>D</sub>, a<sub>A</sub>, a<sub>P</sub>), on the [−1, 1] scale, by one-dimensional numerical
 * integration (package-private).
 *
 * <p>θ<sub>D</sub> ~ Beta(a<sub>D</sub>, a<sub>A</sub> + a<sub>P</sub>) and, given θ<sub>D</sub> = t,
 * θ<sub>P</sub> = (1 − t)·U with U ~ Beta(a<sub>P</sub>, a<sub>A</sub>). Hence
 * F(d) = P(θ<sub>P</sub> − θ<sub>D</sub> ≤ d) = ∫ f<sub>D</sub>(t) G((d + t)/(1 − t)) dt, G the CDF of U. The
 * integrand is 0 for t &lt; −d and f<sub>D</sub>(t) for t &gt; (1 − d)/2, so F(d) = ∫<sub>max(0,−d)</sub><sup>(1−d)/2</sup>
 * f<sub>D</sub>·G dt + P(θ<sub>D</sub> &gt; (1 − d)/2); the remaining integral has a smooth integrand with at most
 * algebraic behaviour at its ends and is computed by tanh-sinh quadrature (after t = v<sup>1/a<sub>D</sub></sup>
 * when a<sub>D</sub> &lt; 1 and the lower end is 0, which removes the density's singularity).
 */
final class ThetaDifference {
    private final double aD;
    private final double b;
    private final BetaDistribution det;
    private final BetaDistribution u;
    private final BetaDistribution uFlipped;
    private final double logNormDet;

    ThetaDifference(double aD, double aA, double aP) {
        this.aD = aD;
        this.b = aA + aP;
        this.det = BetaDistribution.of(aD, b);
        this.u = BetaDistribution.of(aP, aA);
        this.uFlipped = BetaDistribution.of(aA, aP);
        // log of the Beta(aD, b) normalizing constant 1/B(aD, b), from the density at 1/2
        this.logNormDet = det.logDensity(0.5) + (aD + b - 2) * Math.log(2);
    }

    /** F(d) = P(θ<sub>P</sub> − θ<sub>D</sub> ≤ d). */
    double cdf(double d) {
        if (d <= -1) {
            return 0;
        }
        if (d >= 1) {
            return 1;
        }
        double hi = 0.5 * (1 - d);
        double lo = Math.max(0, -d);
        double shift = lo == 0 ? d : 0; // d + t = shift + (t - lo)
        double tail = det.survivalProbability(hi);
        double integral;
        if (lo == 0 && aD < 1) {
            // t = v^(1/aD): f_D(t) dt = (1/aD) C (1 - t)^(b - 1) dv
            double vMax = Math.pow(hi, aD);
            integral = Numerics.tanhSinh((v, fromLo, toHi) -> {
                double t = Math.pow(fromLo, 1 / aD);
                double e = -hi * Math.expm1(Math.log1p(-toHi / vMax) / aD); // hi - t without cancellation
                double dens = Math.exp(logNormDet + (b - 1) * Math.log1p(-t)) / aD;
                return dens * g(shift + t, e, t);
            }, 0, vMax, 1e-15);
        } else {
            integral = Numerics.tanhSinh((t, fromLo, toHi) -> det.density(t) * g(shift + fromLo, toHi, t), lo, hi,
                    1e-15);
        }
        return Math.min(1, Math.max(0, integral + tail));
    }

    /**
     * G(x) for x = (d + t)/(1 − t), given d + t and hi − t (1 − x = 2(hi − t)/(1 − t)), choosing the tail that keeps
     * precision.
     */
    private double g(double dPlusT, double hiMinusT, double t) {
        double x = dPlusT / (1 - t);
        if (x <= 0) {
            return 0;
        }
        if (x <= 0.5) {
            return u.cumulativeProbability(x);
        }
        double oneMinusX = 2 * hiMinusT / (1 - t);
        if (oneMinusX <= 0) {
            return 1;
        }
        return 1 - uFlipped.cumulativeProbability(oneMinusX);
    }

    /** The p-quantile, by Brent's method on F(d) − p to 1e-13. */
    double quantile(double p) {
        if (p <= 0) {
            return -1;
        }
        if (p >= 1) {
            return 1;
        }
        return Numerics.brent(d -> cdf(d) - p, -1, -p, 1, 1 - p, 1e-13);
    }
}
