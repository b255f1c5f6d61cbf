package io.github.nps4j.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

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

    /**
     * {@link #require(String, String)} for the id of {@code what} of an owner ({@code "account id of contact C1"}),
     * without building that message unless the id is bad, and returning an id without surrounding whitespace as it
     * is: records made by the hundred thousand (a reader's contacts, responses, ratings) check several ids each.
     *
     * @param id the id
     * @param what what the id is, e.g. {@code "account id"}
     * @param ownerKind the kind of owner, e.g. {@code "contact"}
     * @param ownerId the owner's id, or null to name {@code what} alone
     * @return the id, stripped
     */
    static String require(String id, String what, String ownerKind, @Nullable String ownerId) {
        if (id != null && !id.isEmpty() && !Character.isWhitespace(id.charAt(0))
                && !Character.isWhitespace(id.charAt(id.length() - 1))) {
            return id; // what strip() would return
        }
        return require(id, ownerId == null ? what : what + " of " + ownerKind + " " + ownerId);
    }

    static double requireNonNegativeFinite(double value, String what) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(what + " " + value + " must be a finite number >= 0");
        }
        return value;
    }
}
