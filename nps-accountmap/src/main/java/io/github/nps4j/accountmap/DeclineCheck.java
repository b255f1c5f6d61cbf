package io.github.nps4j.accountmap;

import io.github.nps4j.core.DateWindow;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.stats.Comparison;
import io.github.nps4j.core.stats.IntervalMethod;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The two-group test behind {@link Flag#DECLINING}: is the recent NPS significantly below the NPS before?
 *
 * <p>The two periods are independent estimates (unweighted, each contact's latest answer in the period). The
 * difference {@code d = NPS_recent − NPS_before} keeps its sign; its standard error is
 * {@code SE = √(SE_recent² + SE_before²)} from {@link NpsEstimate#standardError()}; {@code z = d / SE}; the p-value is
 * <em>two-sided</em>, {@code p = 2Φ(−|z|)} (computed this way, not as {@code 1 − (2Φ(|z|) − 1)}, which underflows
 * to 0 for large |z|). The account is declining when {@code d < 0} and
 * {@code p < α}. This is deliberately conservative: a one-sided test at the same α would flag more accounts.
 *
 * <p>No test is made — and the flag is never raised — when either period has no answer, or when {@code SE = 0}
 * (both periods degenerate: every answer in one category, or one answer each), since a zero Wald standard error
 * does not mean certainty. {@link #note()} says why.
 *
 * @param recent the recent period
 * @param recentEstimate its estimate
 * @param before the period before
 * @param beforeEstimate its estimate
 * @param difference recent minus before, in NPS points; empty if either period has no answer
 * @param standardError the standard error of the difference; empty when no difference
 * @param z the test statistic; empty when no test was made
 * @param pValue the two-sided p-value; empty when no test was made
 * @param significantDecline true if the difference is negative and {@code p < α}
 * @param note what was done, in words
 * @since 0.1.0
 */
public record DeclineCheck(DateWindow recent, NpsEstimate recentEstimate, DateWindow before,
        NpsEstimate beforeEstimate, OptionalDouble difference, OptionalDouble standardError, OptionalDouble z,
        OptionalDouble pValue, boolean significantDecline, String note) {


    /** Checks for nulls. */
    public DeclineCheck {
        Objects.requireNonNull(recent, "recent");
        Objects.requireNonNull(recentEstimate, "recentEstimate");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(beforeEstimate, "beforeEstimate");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(standardError, "standardError");
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(pValue, "pValue");
        Objects.requireNonNull(note, "note");
    }

    /**
     * Runs the test.
     *
     * @param recent the recent period
     * @param recentEstimate its estimate
     * @param before the period before
     * @param beforeEstimate its estimate
     * @param alpha the significance level, strictly between 0 and 1
     * @return the result
     * @throws IllegalArgumentException if {@code alpha} is not in (0, 1)
     */
    public static DeclineCheck of(DateWindow recent, NpsEstimate recentEstimate, DateWindow before,
            NpsEstimate beforeEstimate, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("significance level " + alpha + " must be strictly between 0 and 1");
        }
        OptionalDouble none = OptionalDouble.empty();
        if (!recentEstimate.isDefined() || !beforeEstimate.isDefined()) {
            return new DeclineCheck(recent, recentEstimate, before, beforeEstimate, none, none, none, none, false,
                    "no test: " + (recentEstimate.isDefined() ? "" : "no answer in " + recent
                            + (beforeEstimate.isDefined() ? "" : " and ")) + (beforeEstimate.isDefined() ? ""
                                    : "no answer in " + before));
        }
        // The arithmetic is core's two-group comparison: d = a − b, SE = √(SE_a² + SE_b²), p = 2Φ(−|z|).
        Comparison c = Comparison.of(recentEstimate, beforeEstimate, IntervalMethod.WALD, 1 - alpha).orElseThrow();
        double d = c.difference();
        double se = c.standardError();
        if (c.pValue().isEmpty()) {
            return new DeclineCheck(recent, recentEstimate, before, beforeEstimate, OptionalDouble.of(d),
                    OptionalDouble.of(se), none, none, false,
                    "no test: standard error 0 in both periods (degenerate answers), which is not certainty");
        }
        double z = c.z().getAsDouble();
        double p = c.pValue().getAsDouble();
        boolean significant = d < 0 && p < alpha;
        return new DeclineCheck(recent, recentEstimate, before, beforeEstimate, OptionalDouble.of(d),
                OptionalDouble.of(se), OptionalDouble.of(z), OptionalDouble.of(p), significant,
                "two-group z test, two-sided p = 2*Phi(-|z|), alpha " + alpha
                        + (significant ? ": significant decline" : d < 0 ? ": decline not significant"
                                : ": no decline"));
    }
}
