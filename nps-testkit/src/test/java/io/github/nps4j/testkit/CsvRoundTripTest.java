package io.github.nps4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.csv.PortfolioReader;
import io.github.nps4j.core.csv.ReadResult;
import io.github.nps4j.synthetic.PortfolioCsvWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;

/**
 * The written files of any arbitrary portfolio, read back by the core CSV reader in strict mode, give the same model
 * objects — hostile comments (quotes, newlines, {@code <script>}, {@code =HYPERLINK(...)}, non-Latin text) included.
 * The seeded synthetic portfolio's round trip is tested in nps-synthetic.
 */
class CsvRoundTripTest {

    @Property(tries = 100)
    @Domain(NpsDomain.class)
    void generatedPortfoliosRoundTripThroughTheCoreReader(@ForAll Portfolio p) throws IOException {
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

    static Portfolio read(Path dir) {
        ReadResult r = PortfolioReader.builder().build().read(dir.resolve("responses.csv"),
                dir.resolve("accounts.csv"), dir.resolve("contacts.csv"), dir.resolve("invitations.csv"));
        assertTrue(r.isClean(), () -> r.errors().toString());
        return r.portfolio();
    }
}
