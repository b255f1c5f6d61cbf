package io.github.nps4j.core.compare;

import io.github.nps4j.core.GroupKey;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Our NPS against one competitor's over the respondents who rated both, with a paired test. All figures are in NPS
 * points; the difference is ours − theirs (sign kept) and ranges over [−200, 200].
 *
 * <p>With weights w<sub>i</sub> (as {@code score} weighs the paired respondents) and d<sub>i</sub> =
 * z<sub>us,i</sub> − z<sub>them,i</sub>, m = Σw d / Σw:
 * <ul>
 * <li>{@code difference} = ourNps − competitorNps = 100·m;</li>
 * <li>{@code standardError} = 100·√(Σw²(d − m)²) / Σw (independent respondents);</li>
 * <li>{@code clusteredStandardError} = 100·√(G/(G−1)·Σ<sub>g</sub>(Σ<sub>i∈g</sub> w(d − m))²) / Σw over the G
 * accounts, as the core's clustered NPS standard error (empty with fewer than 2 accounts); for a group (a domain)
 * G counts every account of the competitor's paired respondents, accounts outside the group adding 0;</li>
 * <li>the interval and the two-sided p-value 2Φ(−|z|) use the clustered error when the test is clustered, else the
 * independent one; a clustered test with fewer than 10 accounts uses t with G − 1 degrees of freedom
 * ({@link #degreesOfFreedom()}), as the core's clustered intervals do.</li>
 * </ul>
 *
 * <p>Value-based and immutable.
 *
 * @param competitor the competitor's name
 * @param key the group (empty key for all paired respondents)
 * @param n respondents who rated both
 * @param accounts distinct accounts among them (G of the clustered error may be larger for a group)
 * @param weightSum Σw
 * @param ourNps our NPS among them
 * @param competitorNps the competitor's NPS among them
 * @param difference ourNps − competitorNps
 * @param standardError paired standard error of the difference (independent respondents)
 * @param clusteredStandardError paired standard error clustered by account; empty with fewer than 2 accounts
 * @param clustered true when the interval and p-value use the clustered standard error
 * @param degreesOfFreedom G − 1 when the clustered test uses t (fewer than 10 accounts); empty for the normal
 * @param lower lower limit of the interval of the difference
 * @param upper upper limit of the interval of the difference
 * @param level the interval's confidence level
 * @param pValue two-sided p-value of "no difference"; empty when the standard error used is 0
 * @since 0.1.0
 */
public record PairedComparison(String competitor, GroupKey key, long n, long accounts, double weightSum,
        double ourNps, double competitorNps, double difference, double standardError,
        OptionalDouble clusteredStandardError, boolean clustered, OptionalInt degreesOfFreedom, double lower,
        double upper, double level, OptionalDouble pValue) {

    /**
     * Validates the comparison.
     *
     * @throws IllegalArgumentException when n is not positive, a figure is not finite, an error is negative or
     *         lower &gt; upper
     */
    public PairedComparison {
        Objects.requireNonNull(competitor, "competitor");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(clusteredStandardError, "clusteredStandardError");
        Objects.requireNonNull(degreesOfFreedom, "degreesOfFreedom");
        Objects.requireNonNull(pValue, "pValue");
        if (n <= 0 || !(weightSum > 0) || !Double.isFinite(ourNps) || !Double.isFinite(competitorNps)
                || !Double.isFinite(difference) || !(standardError >= 0) || !Double.isFinite(standardError)
                || !(lower <= upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("invalid paired comparison with " + competitor + ": n=" + n
                    + ", difference=" + difference + ", se=" + standardError + ", interval [" + lower + ", " + upper
                    + "]");
        }
    }

    /**
     * Returns the standard error the interval and p-value use.
     *
     * @return the clustered one when {@link #clustered()}, else the independent one
     */
    public double testStandardError() {
        return clustered ? clusteredStandardError.orElseThrow() : standardError;
    }

    /**
     * Says when the test cannot tell anything: every respondent's difference is the same, so the standard error is 0.
     *
     * @return the note, or empty
     */
    public java.util.Optional<String> note() {
        return pValue.isPresent() ? java.util.Optional.empty()
                : java.util.Optional.of("every paired respondent has the same difference: the standard error is 0, "
                        + "which is not certainty");
    }
}
