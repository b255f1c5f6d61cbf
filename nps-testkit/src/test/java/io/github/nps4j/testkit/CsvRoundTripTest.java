package io.github.nps4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Score;
import io.github.nps4j.core.Tier;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interim round trip: the written files, parsed with plain Commons CSV (RFC 4180) and mapped back by this test, give
 * the same model objects — hostile comments included. To be replaced by (or joined with) a round trip through the
 * core CSV reader ({@code io.github.nps4j.core.csv}) once it is merged.
 */
class CsvRoundTripTest {

    @Test
    void syntheticPortfolioRoundTrips(@TempDir Path dir) throws IOException {
        SyntheticPortfolio p = SyntheticPortfolio.ofSeed(42);
        p.writeCsv(dir);
        assertEquals(p.portfolio(), read(dir));
    }

    @Property(tries = 100)
    @Domain(NpsDomain.class)
    void generatedPortfoliosRoundTrip(@ForAll Portfolio p) throws IOException {
        Path dir = Files.createTempDirectory("nps-roundtrip");
        try {
            PortfolioCsvWriter.write(p, dir);
            assertEquals(p, read(dir));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    static Portfolio read(Path dir) throws IOException {
        List<Account> accounts = rows(dir.resolve("accounts.csv"), r -> {
            Account.Builder b = Account.builder(r.get("account_id")).name(r.get("name")).tier(Tier.of(r.get("tier")))
                    .parent(blank(r.get("parent_id"))).owner(blank(r.get("owner")));
            if (!r.get("annual_value").isEmpty()) {
                b.annualValue(Double.parseDouble(r.get("annual_value")));
            }
            r.toMap().forEach((k, v) -> {
                if (k.startsWith("seg:") && !v.isEmpty()) {
                    b.segment(k.substring(4), v);
                }
            });
            return b.build();
        });
        List<Contact> contacts = rows(dir.resolve("contacts.csv"), r -> new Contact(r.get("contact_id"),
                r.get("account_id"), Role.of(r.get("role")), Optional.ofNullable(blank(r.get("function"))),
                OptionalDouble.empty()));
        List<Response> responses = rows(dir.resolve("responses.csv"), r -> {
            Map<String, Double> ratings = new TreeMap<>();
            r.toMap().forEach((k, v) -> {
                if (k.startsWith("attr:") && !v.isEmpty()) {
                    ratings.put(k.substring(5), Double.parseDouble(v));
                }
            });
            return new Response(r.get("response_id"), r.get("account_id"), r.get("contact_id"),
                    Optional.ofNullable(blank(r.get("role"))).map(Role::of), EpisodeType.of(r.get("episode")),
                    LocalDateTime.parse(r.get("answered_at")), Score.parse(r.get("score")),
                    Optional.ofNullable(blank(r.get("comment"))), ratings);
        });
        List<Invitation> invitations = rows(dir.resolve("invitations.csv"), r -> new Invitation(r.get("contact_id"),
                LocalDate.parse(r.get("invited_at")), EpisodeType.of(r.get("episode"))));
        return Portfolio.of(accounts, contacts, responses, invitations);
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }

    private static <T> List<T> rows(Path file, Function<CSVRecord, T> map) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        List<T> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord r : parser) {
                out.add(map.apply(r));
            }
        }
        return out;
    }
}
