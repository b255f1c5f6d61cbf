package io.github.nps4j.core.csv;

import io.github.nps4j.core.Score;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Parses the typed fields of the CSV files without regular expressions, with fast paths for the common shapes (a
 * one- or two-digit score, a plain integer, a {@code yyyy-MM-dd} date). Input is already stripped and non-empty.
 * Every failure is an {@link IllegalArgumentException} whose message is the reason shown to the user.
 */
final class FieldParser {
    private FieldParser() {
    }

    /** A 0–10 score; {@code "9.0"} is accepted as 9 (as {@link Score#parse}). */
    static int score(String s) {
        int len = s.length();
        if (len == 1) {
            char c = s.charAt(0);
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
        } else if (len == 2) {
            char a = s.charAt(0);
            char b = s.charAt(1);
            if (a >= '0' && a <= '9' && b >= '0' && b <= '9') {
                return Score.requireValid((a - '0') * 10 + (b - '0'));
            }
        }
        return Score.parse(s);
    }

    /**
     * A finite decimal number: optional sign, digits, optional fraction and exponent. Java-only spellings that
     * {@link Double#parseDouble} would accept ({@code NaN}, {@code Infinity}, hexadecimal, a trailing {@code d} or
     * {@code f}) are rejected, as are values that overflow to infinity.
     */
    static double number(String s) {
        int len = s.length();
        if (len <= 9) {
            int v = 0;
            int i = 0;
            for (; i < len; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                v = v * 10 + (c - '0');
            }
            if (i == len) {
                return v;
            }
        }
        boolean digit = false;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                throw notANumber();
            }
        }
        if (!digit) {
            throw notANumber();
        }
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw notANumber();
        }
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("is too large; expected a finite number");
        }
        return d;
    }

    private static IllegalArgumentException notANumber() {
        return new IllegalArgumentException("is not a number; expected a decimal number such as 7 or 7.5");
    }

    /**
     * An ISO-8601 date ({@code 2026-03-14}, taken as the start of the day) or date-time ({@code 2026-03-14T10:15},
     * seconds and fractions optional, a space accepted instead of {@code T}). An offset or zone ({@code Z},
     * {@code +02:00}, {@code [Europe/Paris]}) is allowed and ignored: the local date-time is kept as written.
     */
    static LocalDateTime dateTime(String s) {
        if (s.length() == 10) {
            return date(s).atStartOfDay();
        }
        String t = s;
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        LocalDateTime at;
        try {
            at = DateTimeFormatter.ISO_DATE_TIME.parse(t, LocalDateTime::from);
        } catch (DateTimeException e) {
            try {
                at = LocalDate.parse(t).atStartOfDay(); // a date with a signed or long year, e.g. +999999999-12-31
            } catch (DateTimeException notADateEither) {
                throw notADate();
            }
        }
        requireYear(at.getYear());
        return at;
    }

    /** The first year read from a file: earlier dates are taken for typing errors (e.g. 0026 for 2026). */
    static final int FIRST_YEAR = 1900;
    /** The last year read from a file. */
    static final int LAST_YEAR = 2200;

    /**
     * Refuses a year outside {@value #FIRST_YEAR}–{@value #LAST_YEAR}: both CSV readers (objects and streaming) read
     * the same range, so they never disagree on a period such as {@code +999999999-12}.
     */
    static int requireYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("has the year " + year + ", outside " + FIRST_YEAR + "-" + LAST_YEAR
                    + "; expected a date such as 2026-03-14");
        }
        return year;
    }

    /** An ISO-8601 date, or the date of an ISO-8601 date-time as written. */
    static LocalDate date(String s) {
        if (s.length() != 10) {
            return dateTime(s).toLocalDate();
        }
        if (s.charAt(4) != '-' || s.charAt(7) != '-') {
            throw notADate();
        }
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        requireYear(y);
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not a valid date: " + e.getMessage());
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw notADate();
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static IllegalArgumentException notADate() {
        return new IllegalArgumentException(
                "is not an ISO-8601 date or date-time; expected e.g. 2026-03-14 or 2026-03-14T10:15:00");
    }
}
