package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writing valid responses to CSV (RFC 4180 quoting, nasty comments) and reading them back gives equal records. */
class ResponseCsvRoundTripPropertyTest {
    private static final List<String> ATTRIBUTES = List.of("delivery", "support", "price", "Qualität");

    @Property(tries = 300)
    void writtenResponsesReadBackEqual(@ForAll("responses") List<Response> responses, @ForAll boolean crlf,
            @ForAll boolean bom) {
        String csv = write(responses, crlf ? "\r\n" : "\n");
        ReadResult result = PortfolioReader.builder().build()
                .read(CsvSource.of("responses.csv", new StringReader(bom ? "\uFEFF" + csv : csv)), null, null, null);
        assertTrue(result.isClean());
        assertEquals(responses, result.portfolio().responses());
    }

    private static String write(List<Response> responses, String lineEnd) {
        TreeSet<String> attributes = new TreeSet<>();
        responses.forEach(r -> attributes.addAll(r.ratings().keySet()));
        List<String> header = new ArrayList<>(List.of("response_id", "account_id", "contact_id", "role", "episode",
                "answered_at", "score", "comment"));
        attributes.forEach(a -> header.add("attr:" + a));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator(lineEnd).get())) {
            printer.printRecord(header);
            for (Response r : responses) {
                List<String> row = new ArrayList<>(List.of(r.id(), r.accountId(), r.contactId(),
                        r.role().map(Role::name).orElse(""), r.episode().name(), r.answeredAt().toString(),
                        Integer.toString(r.score()), r.comment().orElse("")));
                for (String a : attributes) {
                    Double v = r.ratings().get(a);
                    row.add(v == null ? "" : v.toString());
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Provide
    Arbitrary<List<Response>> responses() {
        return response().list().ofMaxSize(20).map(list -> {
            List<Response> unique = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Response r = list.get(i);
                // "R" + index + "-" keeps ids unique whatever the generated id is ("R1" + "00" and "R10" + "0" collided)
                unique.add(new Response("R" + i + "-" + r.id(), r.accountId(), r.contactId(), r.role(), r.episode(),
                        r.answeredAt(), r.score(), r.comment(), r.ratings()));
            }
            return unique;
        });
    }

    private static Arbitrary<Response> response() {
        Arbitrary<String> ids = Arbitraries.strings().withChars("AZaz09,\"'é日-_;").ofMinLength(1).ofMaxLength(6);
        Arbitrary<Optional<Role>> roles = Arbitraries.of(Role.DECISION_MAKER, Role.INFLUENCER, Role.USER,
                Role.GATEKEEPER, Role.of("procurement-lead")).injectNull(0.3).map(Optional::ofNullable);
        Arbitrary<EpisodeType> episodes = Arbitraries.of(EpisodeType.RELATIONSHIP, EpisodeType.RENEWAL,
                EpisodeType.SERVICE_EVENT, EpisodeType.of("custom-2"));
        Arbitrary<LocalDateTime> times = Combinators.combine(Arbitraries.integers().between(0, 3650),
                Arbitraries.integers().between(0, 86_399), Arbitraries.of(0, 0, 500_000_000, 123_456_789))
                .as((day, second, nanos) -> LocalDateTime.of(2020, 1, 1, 0, 0).plusDays(day).plusSeconds(second)
                        .plusNanos(nanos));
        Arbitrary<Map<String, Double>> ratings = Arbitraries.maps(Arbitraries.of(ATTRIBUTES),
                Arbitraries.doubles().between(-1e6, 1e6).ofScale(4).withSpecialValue(1.0E-9).withSpecialValue(-0.0)
                        .withSpecialValue(1.0E12))
                .ofMaxSize(ATTRIBUTES.size());
        return Combinators.combine(ids, ids, ids, roles, episodes, times, Arbitraries.integers().between(0, 10),
                comments()).as((id, account, contact, role, episode, at, score, comment) -> new Response(id, account,
                        contact, role, episode, at, score, comment, Map.of()))
                .flatMap(r -> ratings.map(m -> new Response(r.id(), r.accountId(), r.contactId(), r.role(),
                        r.episode(), r.answeredAt(), r.score(), r.comment(), m)));
    }

    private static Arbitrary<Optional<String>> comments() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of("\"", "\"\"", ",", "\n", "\r\n", "\r", " ", "\t", "'", ";", "=SUM(A1)", "#",
                        "Привет", "日本語のコメント", "مرحبا", "😀", "Größe", "\uFEFF"),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8));
        return fragment.list().ofMinSize(1).ofMaxSize(10).map(parts -> String.join("", parts))
                .filter(s -> !s.isBlank()).injectNull(0.2).map(Optional::ofNullable);
    }
}
