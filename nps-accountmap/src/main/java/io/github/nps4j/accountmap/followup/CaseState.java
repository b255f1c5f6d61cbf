package io.github.nps4j.accountmap.followup;

import java.util.Locale;
import java.util.Objects;

/**
 * The state of a follow-up case. The only transitions are {@code open → in-progress} and
 * {@code in-progress → closed}; a closed case stays closed. {@link #OVERDUE} is not a stored state but the one a case
 * shows on a day after its due date while it is not closed ({@link FollowUpCase#stateAsOf}); no case is in it and no
 * transition leads to or from it.
 *
 * @since 0.1.0
 */
public enum CaseState {
    /** Created, nobody has picked it up yet. */
    OPEN,
    /** The owner is talking to the customer. */
    IN_PROGRESS,
    /** The loop is closed. */
    CLOSED,
    /** Derived, never stored: open or in progress and past its due date on the day asked about. */
    OVERDUE;

    /**
     * Tells whether a case may move from this state to another.
     *
     * @param next the next state
     * @return true only for {@code OPEN → IN_PROGRESS} and {@code IN_PROGRESS → CLOSED} (never to or from
     *     {@link #OVERDUE})
     */
    public boolean canMoveTo(CaseState next) {
        return (this == OPEN && next == IN_PROGRESS) || (this == IN_PROGRESS && next == CLOSED);
    }

    /**
     * Returns the lowercase-hyphen name used in JSON.
     *
     * @return {@code open}, {@code in-progress}, {@code closed} or {@code overdue}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses {@code open}, {@code in-progress} or {@code closed} (the stored states; {@code overdue} is derived).
     *
     * @param label the label
     * @return the state
     * @throws IllegalArgumentException on anything else
     */
    public static CaseState parse(String label) {
        Objects.requireNonNull(label, "label");
        for (CaseState s : values()) {
            if (s != OVERDUE && s.label().equals(label.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown case state '" + label + "'; expected open, in-progress or closed");
    }

    @Override
    public String toString() {
        return label();
    }
}
