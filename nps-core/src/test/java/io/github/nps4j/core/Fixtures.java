package io.github.nps4j.core;

import java.time.LocalDate;

/** Small builders shared by the tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Response resp(String id, String account, String contact, Role role, LocalDate day, int score) {
        return Response.builder(id, account, contact).role(role).answeredAt(day).score(score).build();
    }

    static Response resp(String id, String account, String contact, Role role, EpisodeType episode, LocalDate day,
            int score) {
        return Response.builder(id, account, contact).role(role).episode(episode).answeredAt(day).score(score)
                .build();
    }

    static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    /** |actual − expected| ≤ 1e-12·max(1, |expected|). */
    static void assertClose(double expected, double actual, String what) {
        double tol = 1e-12 * Math.max(1.0, Math.abs(expected));
        if (!(Math.abs(actual - expected) <= tol)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual);
        }
    }

    static void assertClose(double expected, double actual) {
        assertClose(expected, actual, "value");
    }
}
