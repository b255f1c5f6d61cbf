package io.github.nps4j.core.stats;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Package-private numerical building blocks: normal quantiles and tails, a bracketed root finder (Brent's method)
 * and tanh-sinh (double exponential) quadrature. Nothing here is API.
 */
final class Numerics {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Numerics() {
    }

    /**
     * Validates a confidence (or credible) level.
     *
     * @param level the level
     * @return the level
     * @throws IllegalArgumentException unless {@code 0 < level < 1}
     */
    static double requireLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level " + level + " must be strictly between 0 and 1 (e.g. 0.95)");
        }
        return level;
    }

    /**
     * Returns the two-sided standard normal critical value z with P(|Z| &gt; z) = 1 − level.
     *
     * @param level in (0, 1)
     * @return z, e.g. 1.959963984540054 for 0.95
     */
    static double zForLevel(double level) {
        requireLevel(level);
        return STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
    }

    /**
     * Returns the two-sided p-value 2Φ(−|z|), which keeps its precision far into the tail (unlike 1 − (2Φ(|z|) − 1)).
     *
     * @param z a finite statistic
     * @return the p-value in [0, 1]
     */
    static double twoSidedP(double z) {
        return Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    static double clip(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    /**
     * Finds a root of {@code f} in [a, b] by Brent's method (inverse quadratic interpolation guarded by bisection).
     * The caller supplies the function values at the ends, which must have opposite signs (or be zero); the ends
     * themselves are never evaluated, so they may be singular points of {@code f}.
     *
     * @param f the function
     * @param a left end
     * @param fa f(a) (may be infinite)
     * @param b right end
     * @param fb f(b) (may be infinite)
     * @param tol absolute tolerance on the root
     * @return the root
     */
    static double brent(DoubleUnaryOperator f, double a, double fa, double b, double fb, double tol) {
        if (fa == 0) {
            return a;
        }
        if (fb == 0) {
            return b;
        }
        if (Math.signum(fa) == Math.signum(fb)) {
            throw new IllegalStateException("root not bracketed: f(" + a + ") = " + fa + ", f(" + b + ") = " + fb);
        }
        // Infinite end values are legitimate (e.g. the score statistic at +/-1); start with a bisection step then.
        if (Double.isInfinite(fa) || Double.isInfinite(fb)) {
            double m = 0.5 * (a + b);
            if (m == a || m == b) {
                // a and b are adjacent doubles (e.g. a Kish-effective count a rounding error short of n puts the
                // estimate next to the end of the range): no point lies between, so the end with a finite value is
                // the root to machine precision; bisecting further would recurse without end
                return Double.isInfinite(fa) ? b : a;
            }
            double fm = f.applyAsDouble(m);
            if (fm == 0) {
                return m;
            }
            if (Math.signum(fm) == Math.signum(fa)) {
                return brent(f, m, fm, b, fb, tol);
            }
            return brent(f, a, fa, m, fm, tol);
        }
        double c = a;
        double fc = fa;
        double d = b - a;
        double e = d;
        for (int iter = 0; iter < 500; iter++) {
            if (Math.signum(fb) == Math.signum(fc)) {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tol1 = 2 * Math.ulp(b) + 0.5 * tol;
            double xm = 0.5 * (c - b);
            if (Math.abs(xm) <= tol1 || fb == 0) {
                return b;
            }
            if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
                double s = fb / fa;
                double p;
                double q;
                if (a == c) {
                    p = 2 * xm * s;
                    q = 1 - s;
                } else {
                    double qq = fa / fc;
                    double r = fb / fc;
                    p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) {
                    q = -q;
                }
                p = Math.abs(p);
                if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
                    e = d;
                    d = p / q;
                } else {
                    d = xm;
                    e = d;
                }
            } else {
                d = xm;
                e = d;
            }
            a = b;
            fa = fb;
            b += Math.abs(d) > tol1 ? d : Math.copySign(tol1, xm);
            fb = f.applyAsDouble(b);
            if (Double.isNaN(fb)) {
                throw new IllegalStateException("function is NaN at " + b);
            }
        }
        return b;
    }

    /** An integrand that also receives the exact distances to both ends of the integration interval. */
    @FunctionalInterface
    interface Integrand {
        /**
         * Evaluates the integrand.
         *
         * @param x the point
         * @param fromLower x − a, computed without cancellation
         * @param toUpper b − x, computed without cancellation
         * @return the value
         */
        double value(double x, double fromLower, double toUpper);
    }

    /**
     * Integrates over [a, b] by tanh-sinh quadrature, halving the step until two successive levels agree to
     * {@code absTol}. Suited to integrands that are analytic inside the interval and bounded, possibly with algebraic
     * (non-smooth) behaviour at the ends; the ends are never evaluated.
     *
     * @param f the integrand
     * @param a lower end
     * @param b upper end, {@code > a}
     * @param absTol absolute tolerance
     * @return the integral
     */
    static double tanhSinh(Integrand f, double a, double b, double absTol) {
        if (!(b > a)) {
            return 0;
        }
        double r = 0.5 * (b - a);
        double mid = a + r;
        final double tMax = 4.5;
        double h = 0.5;
        // level 0: nodes at k*h for |k*h| <= tMax
        double sum = 0.5 * Math.PI * f.value(mid, r, b - mid);
        for (double t = h; t <= tMax; t += h) {
            sum += pair(f, a, b, r, t);
        }
        double estimate = sum * h * r;
        for (int level = 1; level <= 12; level++) {
            h *= 0.5;
            for (double t = h; t <= tMax; t += 2 * h) {
                sum += pair(f, a, b, r, t);
            }
            double next = sum * h * r;
            if (level >= 3 && Math.abs(next - estimate) <= absTol) {
                return next;
            }
            estimate = next;
        }
        return estimate;
    }

    /** Returns w(t)·(f(x₋) + f(x₊)) for the symmetric pair of nodes at ±t (before scaling by h·r). */
    private static double pair(Integrand f, double a, double b, double r, double t) {
        double u = 0.5 * Math.PI * Math.sinh(t);
        double cu = Math.cosh(u);
        double w = 0.5 * Math.PI * Math.cosh(t) / (cu * cu);
        if (w == 0) {
            return 0;
        }
        // distance from the nearer end, in units of r: 1 - tanh(u) = 2 / (exp(2u) + 1)
        double delta = 2 / (Math.exp(2 * u) + 1);
        double off = r * delta;
        double far = 2 * r - off;
        double left = f.value(a + off, off, far);
        double right = f.value(b - off, far, off);
        return w * (left + right);
    }
}
