package io.github.nps4j.testkit;

import io.github.nps4j.core.NpsEstimate;
import java.util.Locale;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions for {@link NpsEstimate}s and intervals whose failure messages say what was expected, what was found, by
 * how much they differ, and what the estimate is made of (counts, n, weight sum) — enough to see whether a weighting,
 * filter or de-duplication step is the cause. Failures are {@link AssertionFailedError}s with expected and actual
 * values, so IDEs show a comparison.
 *
 * <p>Example usage:
 * <pre>{@code
 * NpsEstimate e = NpsScorer.scoreAll(Responses.scores(10, 9, 3));
 * NpsAssertions.assertNps(e, 33.3, 0.1);
 * NpsAssertions.assertCounts(e, 2, 0, 1);
 * NpsAssertions.assertIntervalContains(-20.0, 80.0, e.npsValue());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class NpsAssertions {
    private NpsAssertions() {
    }

    /**
     * Asserts that an estimate's NPS is within a tolerance of the expected value.
     *
     * @param actual the estimate
     * @param expected the expected NPS, in points (−100 to 100)
     * @param tolerance the allowed absolute difference in points, {@code >= 0}
     * @throws AssertionFailedError if the estimate is undefined or off by more than the tolerance
     * @throws IllegalArgumentException if the tolerance is negative or not finite
     */
    public static void assertNps(NpsEstimate actual, double expected, double tolerance) {
        Objects.requireNonNull(actual, "actual");
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance " + tolerance + " must be a finite number >= 0");
        }
        if (!actual.isDefined()) {
            throw new AssertionFailedError("expected NPS " + fmt(expected) + " ± " + fmt(tolerance)
                    + " but the estimate is undefined (no answer with positive weight; " + describe(actual)
                    + "). Did a filter, window, episode restriction or zero weights remove every response?",
                    fmt(expected), "undefined");
        }
        double nps = actual.npsValue();
        double off = nps - expected;
        if (Math.abs(off) > tolerance) {
            StringBuilder m = new StringBuilder().append("expected NPS ").append(fmt(expected)).append(" ± ")
                    .append(fmt(tolerance)).append(" but was ").append(fmt(nps)).append(" (")
                    .append(off > 0 ? "above" : "below").append(" by ").append(fmt(Math.abs(off))).append(" points); ")
                    .append(describe(actual));
            double unweighted = unweightedNps(actual);
            if (Math.abs(unweighted - nps) > 1e-9) {
                m.append("; the unweighted NPS of these counts is ").append(fmt(unweighted))
                        .append(", so the weights moved it by ").append(fmt(nps - unweighted)).append(" points");
            }
            throw new AssertionFailedError(m.toString(), fmt(expected), fmt(nps));
        }
    }

    /**
     * Asserts that an estimate's NPS equals the expected value up to floating-point rounding (1e-9 points).
     *
     * @param actual the estimate
     * @param expected the expected NPS, in points
     * @throws AssertionFailedError if the estimate is undefined or differs
     */
    public static void assertNps(NpsEstimate actual, double expected) {
        assertNps(actual, expected, 1e-9);
    }

    /**
     * Asserts that an estimate is undefined (empty group).
     *
     * @param actual the estimate
     * @throws AssertionFailedError if it has an NPS
     */
    public static void assertUndefined(NpsEstimate actual) {
        Objects.requireNonNull(actual, "actual");
        if (actual.isDefined()) {
            throw new AssertionFailedError("expected an undefined estimate (no answer with positive weight) but NPS "
                    + "is " + fmt(actual.npsValue()) + "; " + describe(actual), "undefined", fmt(actual.npsValue()));
        }
    }

    /**
     * Asserts the raw category counts of an estimate.
     *
     * @param actual the estimate
     * @param promoters expected number of promoters (scores 9–10)
     * @param passives expected number of passives (7–8)
     * @param detractors expected number of detractors (0–6)
     * @throws AssertionFailedError naming each category whose count differs
     */
    public static void assertCounts(NpsEstimate actual, long promoters, long passives, long detractors) {
        Objects.requireNonNull(actual, "actual");
        StringBuilder diff = new StringBuilder();
        compare(diff, "promoters (9-10)", promoters, actual.promoters());
        compare(diff, "passives (7-8)", passives, actual.passives());
        compare(diff, "detractors (0-6)", detractors, actual.detractors());
        if (diff.length() > 0) {
            String expected = counts(promoters, passives, detractors);
            String was = counts(actual.promoters(), actual.passives(), actual.detractors());
            long n = promoters + passives + detractors;
            String hint = n == actual.n() ? "same n, so answers moved between categories (check the 6/7 and 8/9 cut-offs)"
                    : (actual.n() > n ? "more answers than expected (repeat answers not de-duplicated? filter too wide?)"
                            : "fewer answers than expected (filtered, de-duplicated or outside the window?)");
            throw new AssertionFailedError("category counts differ: " + diff + "; expected " + expected + ", was "
                    + was + "; " + hint, expected, was);
        }
    }

    /**
     * Asserts that an interval contains a value.
     *
     * @param lower the interval's lower bound
     * @param upper the interval's upper bound, {@code >= lower}
     * @param value the value that should lie in {@code [lower, upper]}
     * @throws AssertionFailedError if it lies outside, saying on which side and how far
     * @throws IllegalArgumentException if the bounds are not finite or reversed
     */
    public static void assertIntervalContains(double lower, double upper, double value) {
        assertIntervalContains("interval", lower, upper, value);
    }

    /**
     * Asserts that a named interval contains a value.
     *
     * @param what what the interval is, for the message (e.g. {@code "95% adjusted-wald interval"})
     * @param lower the interval's lower bound
     * @param upper the interval's upper bound, {@code >= lower}
     * @param value the value that should lie in {@code [lower, upper]}
     * @throws AssertionFailedError if it lies outside, saying on which side and how far
     * @throws IllegalArgumentException if the bounds are not finite or reversed
     */
    public static void assertIntervalContains(String what, double lower, double upper, double value) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower > upper) {
            throw new IllegalArgumentException(what + " [" + lower + ", " + upper
                    + "] is not an interval of finite bounds with lower <= upper");
        }
        if (!(value >= lower && value <= upper)) {
            String side = Double.isNaN(value) ? "is NaN"
                    : value < lower ? "lies " + fmt(lower - value) + " below the lower bound"
                            : "lies " + fmt(value - upper) + " above the upper bound";
            String range = "[" + fmt(lower) + ", " + fmt(upper) + "]";
            throw new AssertionFailedError(what + " " + range + " (width " + fmt(upper - lower) + ") does not contain "
                    + fmt(value) + ", which " + side, range, fmt(value));
        }
    }

    private static void compare(StringBuilder diff, String what, long expected, long actual) {
        if (expected != actual) {
            if (diff.length() > 0) {
                diff.append(", ");
            }
            diff.append(what).append(" expected ").append(expected).append(" but was ").append(actual);
        }
    }

    private static String counts(long p, long a, long d) {
        return p + " promoters / " + a + " passives / " + d + " detractors";
    }

    private static double unweightedNps(NpsEstimate e) {
        return e.n() == 0 ? Double.NaN : 100.0 * (e.promoters() - e.detractors()) / e.n();
    }

    private static String describe(NpsEstimate e) {
        return counts(e.promoters(), e.passives(), e.detractors()) + ", n = " + e.n() + ", weight sum "
                + fmt(e.weightSum());
    }

    private static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        String s = String.format(Locale.ROOT, "%.4f", d);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", ".0") : s;
    }
}
