package io.github.nps4j.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A half-open range of days {@code (start, end]}: the first day is excluded, the last included. A window of
 * {@code d} days as of {@code asOf} is {@code (asOf − d, asOf]}, so it holds exactly {@code d} days and the as-of
 * day itself. Answers are placed by the date part of their answer time, without time-zone shifts.
 *
 * <p>Value-based and immutable. Example usage:
 * <pre>{@code
 * DateWindow w = DateWindow.lastDays(LocalDate.of(2026, 6, 30), 90);   // (2026-04-01, 2026-06-30]
 * boolean in = w.contains(LocalDate.of(2026, 4, 1));                  // false: the start day is excluded
 * }</pre>
 *
 * @param start the day before the first day of the window (excluded)
 * @param end the last day of the window (included)
 * @since 0.1.0
 */
public record DateWindow(LocalDate start, LocalDate end) {

    /**
     * Validates the window.
     *
     * @throws IllegalArgumentException if {@code end} is before {@code start}
     */
    public DateWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("window ends " + end + " before it starts " + start);
        }
    }

    /**
     * Returns the window of the last {@code days} days up to and including {@code asOf}.
     *
     * @param asOf the last day, included
     * @param days the number of days, {@code >= 0}
     * @return {@code (asOf − days, asOf]}
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public static DateWindow lastDays(LocalDate asOf, long days) {
        Objects.requireNonNull(asOf, "asOf");
        if (days < 0) {
            throw new IllegalArgumentException("window length " + days + " days must be >= 0");
        }
        return new DateWindow(asOf.minusDays(days), asOf);
    }

    /**
     * Returns the window that holds the days {@code firstDay} to {@code lastDay}, both included.
     *
     * @param firstDay the first day, included
     * @param lastDay the last day, included
     * @return {@code (firstDay − 1, lastDay]}
     * @throws IllegalArgumentException if {@code lastDay} is before {@code firstDay}
     */
    public static DateWindow ofDays(LocalDate firstDay, LocalDate lastDay) {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("window ends " + lastDay + " before it starts " + firstDay);
        }
        return new DateWindow(firstDay.minusDays(1), lastDay);
    }

    /**
     * Returns the window of everything answered up to and including a day.
     *
     * @param lastDay the last day, included
     * @return {@code (LocalDate.MIN, lastDay]}
     */
    public static DateWindow upTo(LocalDate lastDay) {
        return new DateWindow(LocalDate.MIN, Objects.requireNonNull(lastDay, "lastDay"));
    }

    /**
     * Returns the window of the same length that ends where this one starts.
     *
     * @return {@code (start − length, start]}
     */
    public DateWindow previous() {
        return lastDays(start, lengthInDays());
    }

    /**
     * Returns the number of days in the window.
     *
     * @return {@code end − start} in days
     */
    public long lengthInDays() {
        return java.time.temporal.ChronoUnit.DAYS.between(start, end);
    }

    /**
     * Tells whether a day falls in the window.
     *
     * @param day the day
     * @return {@code start < day <= end}
     */
    public boolean contains(LocalDate day) {
        return day.isAfter(start) && !day.isAfter(end);
    }

    /**
     * Tells whether a day, given as its epoch day ({@link LocalDate#toEpochDay()}), falls in the window: the form the
     * columnar and streaming scorers use.
     *
     * @param epochDay the day
     * @return {@code start < day <= end}
     */
    public boolean containsEpochDay(long epochDay) {
        return epochDay > start.toEpochDay() && epochDay <= end.toEpochDay();
    }

    /**
     * Tells whether a moment falls in the window, by its date part.
     *
     * @param time the local date-time
     * @return {@code contains(time.toLocalDate())}
     */
    public boolean contains(LocalDateTime time) {
        return contains(time.toLocalDate());
    }

    /**
     * Returns the first day in the window.
     *
     * @return {@code start + 1 day}
     */
    public LocalDate firstDay() {
        return start.plusDays(1);
    }

    @Override
    public String toString() {
        return "(" + start + ", " + end + "]";
    }
}
