package io.github.nps4j.accountmap;

import java.util.Locale;
import java.util.Objects;

/**
 * A warning sign on one account, each computed exactly as stated here (thresholds in {@link AccountMapOptions}).
 * "Latest answer" is a contact's latest answer in the map window; roles are the contacts' roles in the map.
 *
 * @since 0.1.0
 */
public enum Flag {
    /** A decision-maker's latest answer in the window is a detractor. */
    DECIDER_DETRACTOR,
    /** No decision-maker answered in the window (also raised when the account has no decision-maker mapped). */
    NO_DECIDER_HEARD,
    /** No answer at all in the last {@link AccountMapOptions#silentDays()} days (default 180). */
    SILENT,
    /** Among the latest answers of decision-makers and influencers there is at least one promoter and one detractor. */
    POLARISED,
    /**
     * Fewer than {@link AccountMapOptions#lowCoverageShare()} (default 20 %) of the account's mapped contacts answered
     * in the window; an account with no contact at all counts as 0 % covered.
     */
    LOW_COVERAGE,
    /**
     * The account NPS of the last {@link AccountMapOptions#decliningDays()} days (default 90) is significantly below
     * that of the same number of days before: see {@link DeclineCheck}.
     */
    DECLINING;

    /**
     * Returns the lowercase-hyphen name used in JSON and pictures.
     *
     * @return e.g. {@code decider-detractor}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a label such as {@code no-decider-heard}.
     *
     * @param label the label
     * @return the flag
     * @throws IllegalArgumentException on an unknown label, listing the valid ones
     */
    public static Flag parse(String label) {
        Objects.requireNonNull(label, "label");
        for (Flag f : values()) {
            if (f.label().equals(label.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown flag '" + label + "'; expected decider-detractor, "
                + "no-decider-heard, silent, polarised, low-coverage or declining");
    }

    @Override
    public String toString() {
        return label();
    }
}
