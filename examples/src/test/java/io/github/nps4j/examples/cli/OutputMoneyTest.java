package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Output#money(double)} prints exactly what {@code String.format(Locale.ROOT, "%,.0f", v)} prints. */
class OutputMoneyTest {

    private static void same(double v) {
        assertEquals(String.format(Locale.ROOT, "%,.0f", v), Output.money(v), "for " + v);
    }

    @Test
    void edgeCases() {
        for (double v : new double[] {0, -0.0, 0.5, 1.5, 2.5, 0.49999999999999994, 999.5, 1000, 999_999.5, 1e15,
                1e16 + 2, 1.7976931348623157e308, Double.MIN_VALUE, 4.35, 1234567.5, -1, -0.4, -1234.5,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 123456789012.49999}) {
            same(v);
        }
    }

    @Test
    void randomValues() {
        Random rnd = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> rnd.nextDouble() * 10_000_000;
                case 1 -> Math.round(rnd.nextDouble() * 20_000) / 2.0 * (1 + rnd.nextInt(3));
                case 2 -> rnd.nextInt(100_000) * 1.5 * (1 + rnd.nextInt(4)) / 4.0;
                default -> Double.longBitsToDouble(rnd.nextLong() & 0x7fffffffffffffffL);
            };
            same(v);
        }
    }
}
