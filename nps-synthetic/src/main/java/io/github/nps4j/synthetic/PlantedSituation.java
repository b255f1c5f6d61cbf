package io.github.nps4j.synthetic;

import java.util.Locale;
import java.util.Objects;

/**
 * An account situation that {@link SyntheticPortfolio} plants on purpose, so that account-map code can be tested
 * against a known answer. Each is judged at an as-of date ({@link Truth#asOf()}) with a window of
 * {@value Truth#WINDOW_DAYS} days, {@code (asOf − 365 days, asOf]}; a response's role is its own or, if empty, its
 * contact's; a contact's <em>latest</em> answer is the one with the greatest answer time (ties: greatest response
 * id), over all episode types.
 *
 * @since 0.1.0
 */
public enum PlantedSituation {
    /** A decision-maker's latest answer in the window is a detractor (0–6). */
    DECIDER_DETRACTOR("decider-detractor"),
    /** No decision-maker answered in the window (the planted account has decision-makers who were invited). */
    NO_DECIDER_HEARD("no-decider-heard"),
    /** No answer at all in the last {@value Truth#SILENT_DAYS} days before as-of. */
    SILENT("silent"),
    /**
     * Among the latest answers (in the window) of decision-makers and influencers there is at least one promoter and
     * at least one detractor.
     */
    POLARISED("polarised");

    private final String label;

    PlantedSituation(String label) {
        this.label = label;
    }

    /**
     * Returns the flag name the account map uses.
     *
     * @return e.g. {@code decider-detractor}
     */
    public String label() {
        return label;
    }

    /**
     * Parses a flag name.
     *
     * @param label e.g. {@code no-decider-heard}
     * @return the situation
     * @throws IllegalArgumentException if the name is not one of the four labels
     */
    public static PlantedSituation parse(String label) {
        Objects.requireNonNull(label, "label");
        String l = label.strip().toLowerCase(Locale.ROOT);
        for (PlantedSituation s : values()) {
            if (s.label.equals(l)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown situation '" + label
                + "'; expected decider-detractor, no-decider-heard, silent or polarised");
    }
}
