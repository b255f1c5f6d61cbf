package io.github.nps4j.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The only source of randomness of the generator: a seeded {@link SplittableRandom} of which only {@code nextLong()}
 * (whose algorithm is specified) is used. Doubles, bounded integers and Gaussians are derived here, so the same seed
 * gives the same portfolio on every JDK.
 */
final class Rng {
    private final SplittableRandom random;
    private double spareGaussian;
    private boolean hasSpare;

    Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /** An independent stream, for one phase of the generation. */
    Rng split() {
        return new Rng(random.split());
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound " + bound + " must be > 0");
        }
        return (int) Math.floor(nextDouble() * bound);
    }

    /** Uniform in [min, max], both inclusive. */
    int between(int min, int max) {
        return min + nextInt(max - min + 1);
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Standard normal, by the polar method. */
    double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * m;
        hasSpare = true;
        return u * m;
    }

    /** Poisson by inversion; a rounded normal approximation for means above 50. */
    int poisson(double mean) {
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = nextDouble();
        double cdf = l;
        double term = l;
        while (p > cdf && k < 1000) {
            k++;
            term *= mean / k;
            cdf += term;
        }
        return k;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** Index drawn with the given non-negative weights (at least one positive). */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
