package io.github.nps4j.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.csv.PortfolioReader;
import io.github.nps4j.core.csv.ReadResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The written files, read back by the core CSV reader in strict mode, give the same model objects — hostile comments
 * (quotes, newlines, {@code <script>}, {@code =HYPERLINK(...)}, non-Latin text) included. The same check over jqwik's
 * arbitrary portfolios is in the testkit's {@code CsvRoundTripTest}.
 */
class CsvRoundTripTest {

    @Test
    void syntheticPortfolioRoundTripsThroughTheCoreReader(@TempDir Path dir) {
        SyntheticPortfolio p = SyntheticPortfolio.ofSeed(42);
        p.writeCsv(dir);
        assertEquals(p.portfolio(), read(dir));
    }

    static Portfolio read(Path dir) {
        ReadResult r = PortfolioReader.builder().build().read(dir.resolve("responses.csv"),
                dir.resolve("accounts.csv"), dir.resolve("contacts.csv"), dir.resolve("invitations.csv"));
        assertTrue(r.isClean(), () -> r.errors().toString());
        return r.portfolio();
    }
}
