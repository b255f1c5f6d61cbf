package io.github.nps4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.csv.PortfolioReader;
import io.github.nps4j.core.csv.ReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The written files, read back by the core CSV reader in strict mode, give the same model objects — hostile comments
 * (quotes, newlines, {@code <script>}, {@code =HYPERLINK(...)}, non-Latin text) included.
 */
class CsvRoundTripTest {

    @Test
    void syntheticPortfolioRoundTripsThroughTheCoreReader(@TempDir Path dir) {
        SyntheticPortfolio p = SyntheticPortfolio.ofSeed(42);
        p.writeCsv(dir);
        assertEquals(p.portfolio(), read(dir));
    }

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
