package io.github.nps4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The builder's table of response ids, filled and asked through strings ({@link CompactResponses.Builder#lineOf},
 * {@code add}) and through ASCII bytes ({@code lineOfAscii}, {@code addAscii}) in any mix: each id's line is found
 * either way, a repeated id is refused either way, and the built list has the ids in order.
 */
class ResponseIdTablePropertyTest {

    @Property(tries = 300)
    void stringsAndBytesShareOneTable(@ForAll("ids") List<String> ids, @ForAll("paths") List<Boolean> onBytes) {
        CompactResponses.Builder b = CompactResponses.builder(List.of(), List.of());
        Map<String, Long> lines = new HashMap<>();
        List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            boolean bytes = onBytes.isEmpty() ? i % 2 == 0 : onBytes.get(i % onBytes.size());
            // the id inside a larger buffer, as in a record
            byte[] buf = ("x," + id + ",y").getBytes(StandardCharsets.US_ASCII);
            int from = 2;
            int to = 2 + id.length();
            long seen = bytes ? b.lineOfAscii(buf, from, to) : b.lineOf(id);
            assertEquals(lines.getOrDefault(id, -1L), seen);
            assertEquals(seen, bytes ? b.lineOf(id) : b.lineOfAscii(buf, from, to));
            long line = 10L + i;
            if (seen >= 0) {
                if (bytes) {
                    assertThrows(IllegalStateException.class, () -> b.addAscii(buf, from, to, line, 0, 0, 0, 0, 0,
                            0, 7, "", new double[0], new int[0]));
                } else {
                    assertThrows(IllegalStateException.class, () -> b.add(id, line, 0, 0, 0, 0, 0L, 0, 7, "",
                            new double[0], new int[0]));
                }
                continue;
            }
            if (bytes) {
                b.addAscii(buf, from, to, line, 0, 0, 0, 0, 0, 0, 7, "", new double[0], new int[0]);
            } else {
                b.add(id, line, 0, 0, 0, 0, 0L, 0, 7, "", new double[0], new int[0]);
            }
            lines.put(id, line);
            kept.add(id);
        }
        for (Map.Entry<String, Long> e : lines.entrySet()) {
            byte[] buf = e.getKey().getBytes(StandardCharsets.US_ASCII);
            assertEquals(e.getValue(), b.lineOf(e.getKey()));
            assertEquals(e.getValue(), b.lineOfAscii(buf, 0, buf.length));
        }
        CompactResponses built = b.build();
        assertEquals(kept.size(), built.size());
        for (int i = 0; i < kept.size(); i++) {
            assertEquals(kept.get(i), built.id(i));
        }
    }

    /**
     * Rows announced with {@code expectRows} — before any row, too few, too many, several times — build the same
     * list as rows never announced: ids, codes, times, scores, comments, ratings and competitor scores.
     */
    @Property(tries = 200)
    void announcedRowsBuildTheSameList(@ForAll("counts") List<Integer> hints, @ForAll("sizes") int rows) {
        List<String> attrs = List.of("b", "a");
        List<String> comps = List.of("x");
        CompactResponses.Builder plain = CompactResponses.builder(attrs, comps);
        CompactResponses.Builder hinted = CompactResponses.builder(attrs, comps);
        for (CompactResponses.Builder b : List.of(plain, hinted)) {
            assertEquals(0, b.role(java.util.Optional.empty()));
            assertEquals(1, b.role(java.util.Optional.of(io.github.nps4j.core.Role.USER)));
            assertEquals(0, b.episode(io.github.nps4j.core.EpisodeType.RELATIONSHIP));
            assertEquals(1, b.episode(io.github.nps4j.core.EpisodeType.RENEWAL));
            assertEquals(2, b.episode(io.github.nps4j.core.EpisodeType.ONBOARDING));
            for (int a = 0; a < 7; a++) {
                assertEquals(a, b.account("A" + a));
            }
            for (int c = 0; c < 13; c++) {
                assertEquals(c, b.contact("C" + c));
            }
        }
        int next = 0;
        for (int i = 0; i < rows; i++) {
            while (next < hints.size() && hints.get(next) / 1000 <= i) {
                hinted.expectRows(hints.get(next) % 1000 * 7L);
                next++;
            }
            for (CompactResponses.Builder b : List.of(plain, hinted)) {
                double[] ratings = {i % 3 == 0 ? Double.NaN : i, i % 5};
                int[] comp = {i % 4 == 0 ? -1 : i % 11};
                String comment = i % 6 == 0 ? "c" + i : "";
                if (i % 2 == 0) {
                    byte[] id = ("R" + i).getBytes(StandardCharsets.US_ASCII);
                    assertEquals(-1L, b.lineOfAscii(id, 0, id.length));
                    b.addAscii(id, 0, id.length, i + 2L, i % 7, i % 13, i % 2, i % 3, 86_400L * i, i % 9 == 0 ? 5 : 0,
                            i % 11, comment, ratings, comp);
                } else {
                    b.add("R" + i, i + 2L, i % 7, i % 13, i % 2, i % 3, 86_400L * i, 0, i % 11, comment, ratings,
                            comp);
                }
            }
        }
        for (int i = 0; i < rows; i++) {
            assertEquals(i + 2L, hinted.lineOf("R" + i));
        }
        CompactResponses p = plain.build();
        CompactResponses h = hinted.build();
        assertEquals(p, h);
        assertEquals(p.bytes(), h.bytes());
        for (int k = 0; k < 2; k++) {
            assertEquals(java.util.Arrays.toString(p.ratingColumn(k)), java.util.Arrays.toString(h.ratingColumn(k)));
        }
        for (int i = 0; i < rows; i++) {
            assertEquals(p.get(i).toString(), h.get(i).toString());
            assertEquals(p.get(i).competitorScores(), h.get(i).competitorScores());
        }
    }

    @Provide
    Arbitrary<List<Integer>> counts() {
        // row at which to announce (thousands) and how many (units, times 7)
        return Arbitraries.integers().between(0, 2_999_999).list().ofMaxSize(4)
                .map(l -> l.stream().sorted().toList());
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.integers().between(0, 3000);
    }

    @Provide
    Arbitrary<List<String>> ids() {
        Arbitrary<String> counted = Arbitraries.integers().between(0, 3000).map(n -> "R" + n);
        Arbitrary<String> any = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20);
        return Arbitraries.oneOf(counted, counted, any).list().ofMaxSize(3000);
    }

    @Provide
    Arbitrary<List<Boolean>> paths() {
        return Arbitraries.of(true, false).list().ofMaxSize(5);
    }
}
