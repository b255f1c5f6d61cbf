package io.github.nps4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link ResponseCodes} of response objects and of the reader's columns describe the same responses. */
class ResponseCodesPropertyTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Provide
    Arbitrary<List<Response>> responses() {
        Arbitrary<Response> one = Combinators.combine(Arbitraries.integers().between(0, 40),
                Arbitraries.of("A1", "A2", "A3"), Arbitraries.of("C1", "C2", "C3", "C4"),
                Arbitraries.of(Optional.<Role>empty(), Optional.of(Role.USER), Optional.of(Role.of("buyer"))),
                Arbitraries.of(EpisodeType.RELATIONSHIP, EpisodeType.RENEWAL), Arbitraries.integers().between(-3, 3),
                Arbitraries.of(0, 0, 3600, 1), Arbitraries.integers().between(0, 10))
                .as((id, a, c, role, episode, days, seconds, score) -> {
                    LocalDateTime at = DAY.plusDays(days).atStartOfDay().plusSeconds(seconds == 1 ? 0 : seconds)
                            .plusNanos(seconds == 1 ? 5 : 0);
                    Response.Builder b = Response.builder("R" + id, a, c).answeredAt(at).score(score).episode(episode);
                    role.ifPresent(b::role);
                    return b.build();
                });
        return one.list().ofMaxSize(30).uniqueElements(Response::id);
    }

    @Property(tries = 300)
    void objectsAndColumnsGiveTheSameCodes(@ForAll("responses") List<Response> responses) {
        CompactResponses.Builder b = CompactResponses.builder(List.of(), List.of());
        b.account("A0"); // a code without rows, as the reader codes every listed account first
        for (Response r : responses) {
            b.add(r.id(), 1, b.account(r.accountId()), b.contact(r.contactId()), b.role(r.role()),
                    b.episode(r.episode()), r.answeredAt(), r.score(), r.comment().orElse(""), new double[0],
                    new int[0]);
        }
        List<Response> columns = b.build();
        List<Response> objects = List.copyOf(responses);
        ResponseCodes x = ResponseCodes.of(objects);
        ResponseCodes y = ResponseCodes.of(columns);
        assertEquals(responses.size(), x.size());
        assertEquals(responses.size(), y.size());
        for (ResponseCodes codes : List.of(x, y)) {
            for (int i = 0; i < responses.size(); i++) {
                Response r = responses.get(i);
                assertEquals(r, codes.response(i));
                assertEquals(r.id(), codes.id(i));
                assertEquals(r.accountId(), codes.accountId(codes.account(i)));
                assertEquals(r.contactId(), codes.contactId(codes.contact(i)));
                assertEquals(r.answeredOn().toEpochDay(), codes.epochDay(i));
                assertEquals(r.score(), codes.score(i));
                assertSame(r.episode(), codes.episodeValue(codes.episodeCode(i)));
                assertEquals(r.role(), codes.roleValue(codes.roleCode(i)));
                assertEquals(r.withRole(Role.GATEKEEPER), codes.response(i, Role.GATEKEEPER));
                assertEquals(codes.account(i), codes.accountCodes().get(r.accountId()));
                for (int j = 0; j < responses.size(); j++) {
                    assertEquals(Dedupe.LATEST_ORDER.compare(responses.get(j), r) < 0, codes.isLater(i, j));
                }
            }
            int[][] byAccount = codes.rowsByAccount(i -> responses.get(i).score() >= 7);
            assertEquals(codes.accounts(), byAccount.length);
            for (int a = 0; a < codes.accounts(); a++) {
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < responses.size(); i++) {
                    if (codes.account(i) == a && responses.get(i).score() >= 7) {
                        expected.add(i);
                    }
                }
                assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), byAccount[a]);
            }
        }
    }
}
