package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Output#oneDecimal(double)} prints exactly what {@code String.format(Locale.ROOT, "%.1f", v)} prints. */
class OutputOneDecimalTest {

    private static void same(double v) {
        assertEquals(String.format(Locale.ROOT, "%.1f", v), Output.oneDecimal(v), "for " + v);
    }

    @Test
    void edgeCases() {
        for (double v : new double[] {0, -0.0, 0.05, -0.05, 0.04, -0.04, 0.15, 0.25, -0.25, 0.35, 0.45,
                0.049999999999999996, 9.95, -9.95, 99.95, -99.95, 100, -100, 33.333333333333336, -33.333333333333336,
                66.66666666666667, 1e15, -1e15, 1e16 + 2, 1e21, 1.7976931348623157e308, -1.7976931348623157e308,
                Double.MIN_VALUE, -Double.MIN_VALUE, 1e-7, -1e-7, 4.35, 8.85, 1234567.55, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            same(v);
        }
        assertEquals("–", Output.oneDecimal(OptionalDouble.empty()));
    }

    @Test
    void randomValues() {
        Random rnd = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 5) {
                case 0 -> rnd.nextDouble() * 200 - 100;
                case 1 -> 100.0 * (rnd.nextInt(41) - rnd.nextInt(41)) / (1 + rnd.nextInt(40));
                case 2 -> Math.round(rnd.nextDouble() * 2_000) / 20.0 - 50;
                case 3 -> (rnd.nextInt(200_001) - 100_000) / 1000.0;
                default -> Double.longBitsToDouble(rnd.nextLong());
            };
            same(v);
        }
    }
}
