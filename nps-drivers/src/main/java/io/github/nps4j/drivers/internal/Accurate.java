package io.github.nps4j.drivers.internal;

/**
 * Compensated (twice-the-working-precision) sums and dot products after Ogita, Rump and Oishi (2005), "Accurate sum
 * and dot product", using {@link Math#fma} for the exact product error.
 */
public final class Accurate {
    private Accurate() {
    }

    /**
     * Returns Σ a[i]·b[i] as if computed in about twice double precision, then rounded.
     *
     * @param a first vector
     * @param b second vector, at least as long as {@code a}
     * @return the dot product
     */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        double c = 0;
        for (int i = 0; i < a.length; i++) {
            double p = a[i] * b[i];
            double pe = Math.fma(a[i], b[i], -p);
            double t = s + p;
            double z = t - s;
            c += ((s - (t - z)) + (p - z)) + pe;
            s = t;
        }
        return s + c;
    }

    /**
     * Returns Σ a[i] compensated.
     *
     * @param a the values
     * @return the sum
     */
    public static double sum(double[] a) {
        double s = 0;
        double c = 0;
        for (double p : a) {
            double t = s + p;
            double z = t - s;
            c += (s - (t - z)) + (p - z);
            s = t;
        }
        return s + c;
    }

    /** A running compensated sum of products. */
    public static final class Accumulator {
        private double s;
        private double c;

        /** Creates an empty accumulator. */
        public Accumulator() {
        }

        /**
         * Adds x·y.
         *
         * @param x a factor
         * @param y a factor
         */
        public void addProduct(double x, double y) {
            double p = x * y;
            double pe = Math.fma(x, y, -p);
            add(p);
            c += pe;
        }

        /**
         * Adds p.
         *
         * @param p the value
         */
        public void add(double p) {
            double t = s + p;
            double z = t - s;
            c += (s - (t - z)) + (p - z);
            s = t;
        }

        /**
         * Returns the sum so far.
         *
         * @return the rounded sum
         */
        public double value() {
            return s + c;
        }

        /**
         * Returns the high part of the unevaluated sum (hi + lo ≈ the exact value).
         *
         * @return the high part
         */
        public double hi() {
            return s;
        }

        /**
         * Returns the low part of the unevaluated sum.
         *
         * @return the low part
         */
        public double lo() {
            return c;
        }

        /**
         * Sets the unevaluated sum to hi + lo, as {@link #hi()} and {@link #lo()} of an accumulator that added the
         * same terms would return.
         *
         * @param hi the high part
         * @param lo the low part
         */
        public void set(double hi, double lo) {
            s = hi;
            c = lo;
        }

        /** Resets to zero. */
        public void reset() {
            s = 0;
            c = 0;
        }
    }
}
