package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The streaming scorer's allocation-free date path agrees with {@code java.time}. */
class PlainDateTest {
    @Property(tries = 3000)
    void epochDayMatchesLocalDate(@ForAll @IntRange(min = 0, max = 9999) int year,
            @ForAll @IntRange(min = 1, max = 12) int month, @ForAll @IntRange(min = 1, max = 31) int day) {
        String text = String.format("%04d-%02d-%02d", year, month, day);
        int ymd = StreamingScorer.plainDate(text);
        LocalDate expected;
        try {
            expected = LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            assertEquals(-1, ymd, text + " is not a date");
            return;
        }
        assertEquals((year << 9) | (month << 5) | day, ymd, text);
        assertEquals(expected.toEpochDay(), StreamingScorer.epochDay(year, month, day), text);
    }

    @Test
    void anythingButAPlainDateGoesToTheFullParser() {
        for (String t : new String[] {"2026-1-01", "2026/01/01", "2026-01-01T00:00", "20260101", "2026-0a-01",
            "２０２６-01-01", "2026-13-01", "2026-02-29", "2026-00-10"}) {
            assertEquals(-1, StreamingScorer.plainDate(t), t);
        }
        assertEquals((2024 << 9) | (2 << 5) | 29, StreamingScorer.plainDate("2024-02-29"));
    }
}
