package io.github.nps4j.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Calendar periods for grouping and trends, labelled from the answer's date as written (no time-zone shift).
 *
 * @since 0.1.0
 */
public enum PeriodUnit {
    /** Calendar month, labelled {@code 2026-01}. */
    MONTH,
    /** Calendar quarter, labelled {@code 2026-Q1}. */
    QUARTER,
    /** Calendar year, labelled {@code 2026}. */
    YEAR;

    /**
     * Labels the period containing a date. Labels sort chronologically for years 0000–9999.
     *
     * @param date the date
     * @return e.g. {@code 2026-03}, {@code 2026-Q1} or {@code 2026}
     */
    public String label(LocalDate date) {
        int y = date.getYear();
        return switch (this) {
            case MONTH -> String.format(java.util.Locale.ROOT, "%04d-%02d", y, date.getMonthValue());
            case QUARTER -> String.format(java.util.Locale.ROOT, "%04d-Q%d", y, (date.getMonthValue() + 2) / 3);
            case YEAR -> String.format(java.util.Locale.ROOT, "%04d", y);
        };
    }

    /**
     * Returns the first day of the period containing a date.
     *
     * @param date the date
     * @return the period's first day
     */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), ((date.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case YEAR -> LocalDate.of(date.getYear(), 1, 1);
        };
    }

    /**
     * Parses {@code month}, {@code quarter} or {@code year}.
     *
     * @param name the name
     * @return the unit
     * @throws IllegalArgumentException on anything else
     */
    public static PeriodUnit parse(String name) {
        Objects.requireNonNull(name, "name");
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "month" -> MONTH;
            case "quarter" -> QUARTER;
            case "year" -> YEAR;
            default -> throw new IllegalArgumentException(
                    "unknown period '" + name + "'; expected month, quarter or year");
        };
    }
}
