package io.github.nps4j.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.internal.CompactResponses;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * {@link DriverData#fromResponses} on the reader's columns ({@link CompactResponses}, no response objects, ratings not
 * copied) gives the table of the object path on the same responses: the same attributes in the same order (only those
 * with a rating in some kept row), outcome and values bit for bit, with and without an episode filter; and the same
 * refusal when a rating column is named like the outcome.
 */
class DriverDataColumnsPropertyTest {
    private static final List<String> NAMES = List.of("support", "delivery", "Zeal", "price", "b-docs", "score");
    private static final List<EpisodeType> EPISODES = List.of(EpisodeType.RELATIONSHIP, EpisodeType.RENEWAL,
            EpisodeType.of("service-event"));

    /** One response's fields before it is made twice (as an object and as a row of columns). */
    record Row(int score, EpisodeType episode, double[] ratings) {
    }

    @Provide
    Arbitrary<List<String>> attributes() {
        // "score" is rare: a rating column named like the outcome is refused by both paths
        Arbitrary<String> name = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.of(NAMES.subList(0, 5))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("score")));
        return name.list().ofMaxSize(5).uniqueElements();
    }

    @Provide
    Arbitrary<List<double[]>> ratingRows() {
        // per row up to 5 ratings; NaN (skipped) often, so some columns are empty in every (kept) row
        Arbitrary<Double> rating = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Double.NaN)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 10).map(Integer::doubleValue)),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(-5, 15)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(-0.0, 0.0, 1e-300, 7.25)));
        return rating.array(Double[].class).ofSize(5).map(a -> {
            double[] d = new double[a.length];
            for (int k = 0; k < a.length; k++) {
                d[k] = a[k];
            }
            return d;
        }).list().ofMaxSize(40);
    }

    @Property(tries = 400)
    void columnsGiveTheObjectTable(@ForAll("attributes") List<String> attributes,
            @ForAll("ratingRows") List<double[]> ratings, @ForAll @Size(max = 40) List<@net.jqwik.api.constraints
                    .IntRange(max = 10) Integer> scores, @ForAll @Size(max = 40) List<@net.jqwik.api.constraints
                    .IntRange(max = 2) Integer> episodes, @ForAll @Size(max = 3) Set<@net.jqwik.api.constraints
                    .IntRange(max = 2) Integer> keepCodes) {
        int n = Math.min(ratings.size(), Math.min(scores.size(), episodes.size()));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Row(scores.get(i), EPISODES.get(episodes.get(i)), ratings.get(i)));
        }
        List<Response> objects = objects(rows, attributes);
        CompactResponses columns = columns(rows, attributes);
        assertSameTable(() -> DriverData.fromResponses(objects), () -> DriverData.fromResponses(columns));
        Set<EpisodeType> keep = new java.util.HashSet<>();
        keepCodes.forEach(c -> keep.add(EPISODES.get(c)));
        List<Response> kept = objects.stream().filter(r -> keep.contains(r.episode())).toList();
        assertSameTable(() -> DriverData.fromResponses(kept), () -> DriverData.fromResponses(columns, keep));
        assertSameTable(() -> DriverData.fromResponses(kept), () -> DriverData.fromResponses(objects, keep));
    }

    @Test
    void aTableOfTheColumnsSharesTheirRatingsAndIsAnalysedAsTheObjects() {
        List<Row> rows = new ArrayList<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int i = 0; i < 300; i++) {
            double a = rnd.nextInt(11);
            double b = rnd.nextInt(11);
            int score = (int) Math.max(0, Math.min(10, Math.round(0.5 * a + 0.4 * b + rnd.nextGaussian())));
            rows.add(new Row(score, EPISODES.get(i % 3), new double[] {a, i % 17 == 0 ? Double.NaN : b,
                rnd.nextInt(11), Double.NaN, Double.NaN}));
        }
        List<String> attributes = List.of("support", "delivery", "price", "Zeal", "b-docs");
        CompactResponses columns = columns(rows, attributes);
        DriverData fromColumns = DriverData.fromResponses(columns);
        // "Zeal" and "b-docs" are never rated: left out, as the objects' rating maps do not name them
        assertEquals(List.of("delivery", "price", "support"), fromColumns.attributeNames());
        assertEquals(true, fromColumns.columnsUnsafe()[0] == columns.ratingColumn(
                columns.attributeNames().indexOf("delivery")), "the rating column is shared, not copied");
        DriverAnalysis analysis = DriverAnalysis.builder().whatIf(WhatIf.raise("delivery", 1).forRatingsBelow(7))
                .build();
        List<Response> objects = objects(rows, attributes);
        assertEquals(analysis.analyze(DriverData.fromResponses(objects)).toString(),
                analysis.analyze(fromColumns).toString());
        Set<EpisodeType> renewal = Set.of(EpisodeType.RENEWAL);
        assertEquals(analysis.analyze(DriverData.fromResponses(objects, renewal)).toString(),
                analysis.analyze(DriverData.fromResponses(columns, renewal)).toString());
    }

    private static List<Response> objects(List<Row> rows, List<String> attributes) {
        List<Response> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Response.Builder b = Response.builder("R" + i, "A1", "C" + (i % 5)).answeredAt(LocalDate.of(2026, 1, 1))
                    .score(r.score).episode(r.episode);
            for (int k = 0; k < attributes.size(); k++) {
                if (!Double.isNaN(r.ratings[k])) {
                    b.rating(attributes.get(k), r.ratings[k]);
                }
            }
            out.add(b.build());
        }
        return List.copyOf(out);
    }

    /** The rows as the CSV reader fills its columns: attributes in the file's order, NaN where blank. */
    private static CompactResponses columns(List<Row> rows, List<String> attributes) {
        CompactResponses.Builder b = CompactResponses.builder(attributes, List.of());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            b.add("R" + i, i + 2, b.account("A1"), b.contact("C" + (i % 5)), b.role(Optional.empty()),
                    b.episode(r.episode), LocalDate.of(2026, 1, 1).atStartOfDay(), r.score, "",
                    java.util.Arrays.copyOf(r.ratings, attributes.size()), new int[0]);
        }
        return b.build();
    }

    private static void assertSameTable(java.util.function.Supplier<DriverData> expected,
            java.util.function.Supplier<DriverData> actual) {
        DriverData e;
        try {
            e = expected.get();
        } catch (IllegalArgumentException refused) {
            IllegalArgumentException a = assertThrows(IllegalArgumentException.class, actual::get);
            assertEquals(refused.getMessage(), a.getMessage());
            return;
        }
        DriverData a = actual.get();
        assertEquals(e.outcomeName(), a.outcomeName());
        assertEquals(e.attributeNames(), a.attributeNames());
        assertEquals(e.rowCount(), a.rowCount());
        assertEquals(e.isWeighted(), a.isWeighted());
        for (int i = 0; i < e.rowCount(); i++) {
            assertEquals(Double.doubleToRawLongBits(e.outcome(i)), Double.doubleToRawLongBits(a.outcome(i)));
            for (int j = 0; j < e.attributeCount(); j++) {
                assertEquals(Double.doubleToRawLongBits(e.value(i, j)), Double.doubleToRawLongBits(a.value(i, j)),
                        "row " + i + ", attribute " + e.attributeNames().get(j));
            }
        }
    }
}
