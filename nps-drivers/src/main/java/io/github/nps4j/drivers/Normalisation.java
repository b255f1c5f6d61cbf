package io.github.nps4j.drivers;

/**
 * How importances are turned into shares (relaimpo's {@code rela = TRUE}).
 *
 * @since 0.1.0
 */
public enum Normalisation {
    /** share_j = v_j / Σ v (relaimpo); shares sum to 1, a negative Pratt value gives a negative share. */
    SUM,
    /** share_j = v_j / Σ |v|; the absolute shares sum to 1, signs are kept. */
    SUM_OF_ABSOLUTES;

    /**
     * Normalises values.
     *
     * @param v raw values
     * @return the shares (NaN-free: all zero when the denominator is zero)
     */
    public double[] apply(double[] v) {
        double d = 0;
        for (double x : v) {
            d += this == SUM ? x : Math.abs(x);
        }
        double[] s = new double[v.length];
        if (d == 0) {
            return s;
        }
        for (int i = 0; i < v.length; i++) {
            s[i] = v[i] / d;
        }
        return s;
    }
}
