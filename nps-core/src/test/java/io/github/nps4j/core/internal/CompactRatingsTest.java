package io.github.nps4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Response;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rating columns of {@link CompactResponses}, filled in blocks while rows are added, come out whole: every row's
 * rating where it was put, NaN where skipped, across block boundaries and at sizes on and beside them.
 */
class CompactRatingsTest {
    private static final LocalDateTime AT = LocalDate.of(2026, 1, 1).atStartOfDay();

    /** Rating of attribute {@code k} (in file order) in row {@code i}: skipped in some rows, else a number. */
    private static double rating(int i, int k) {
        return (i + k) % 7 == 0 ? Double.NaN : i * 0.5 + k;
    }

    private static CompactResponses filled(int rows, List<String> attributes) {
        CompactResponses.Builder b = CompactResponses.builder(attributes, List.of());
        double[] r = new double[attributes.size()];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < r.length; k++) {
                r[k] = rating(i, k);
            }
            b.add("R" + i, i + 2L, b.account("A"), b.contact("C"), b.role(Optional.empty()),
                    b.episode(EpisodeType.RELATIONSHIP), AT, i % 11, "", r, new int[0]);
        }
        return b.build();
    }

    @Test
    void columnsAreWholeAcrossBlocks() {
        List<String> fileOrder = List.of("support", "delivery", "price");
        for (int rows : new int[] {0, 1, 65_535, 65_536, 65_537, 2 * 65_536 + 3}) {
            CompactResponses c = filled(rows, fileOrder);
            assertEquals(List.of("delivery", "price", "support"), c.attributeNames());
            for (int j = 0; j < 3; j++) {
                double[] column = c.ratingColumn(j);
                int k = fileOrder.indexOf(c.attributeNames().get(j));
                assertEquals(rows, column.length);
                for (int i = 0; i < rows; i++) {
                    assertEquals(rating(i, k), column[i], "row " + i + " of " + rows);
                }
            }
            if (rows > 65_536) {
                Response r = c.get(65_536);
                assertEquals(rating(65_536, 0), r.ratings().getOrDefault("support", Double.NaN));
                assertEquals(rating(65_536, 1), r.ratings().getOrDefault("delivery", Double.NaN));
            }
        }
    }

    @Test
    void noAttributesNoColumns() {
        CompactResponses c = filled(70_000, List.of());
        assertEquals(List.of(), c.attributeNames());
        assertEquals(70_000, c.size());
        assertEquals(java.util.Map.of(), c.get(69_999).ratings());
    }
}
