package io.github.nps4j.core;

import java.util.Objects;

/** Identifier checks shared by the records of the domain model. */
final class Ids {
    private Ids() {
    }

    static String require(String id, String what) {
        Objects.requireNonNull(id, what);
        String s = id.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        return s;
    }

    static double requireNonNegativeFinite(double value, String what) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(what + " " + value + " must be a finite number >= 0");
        }
        return value;
    }
}
