package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The sample data set shipped for the README and the command line reads strictly, without a single error. */
class SampleDataTest {
    private static final Path DATA = Path.of("..", "examples", "data");

    @Test
    void sampleDataReadsStrictlyWithoutErrors() {
        // part of this repository (examples/data): absent means a broken checkout, which fails rather than skips
        assertTrue(Files.isDirectory(DATA), "sample data " + DATA.toAbsolutePath() + " is absent");
        ReadResult result = PortfolioReader.builder().build().read(DATA.resolve("responses.csv"),
                DATA.resolve("accounts.csv"), DATA.resolve("contacts.csv"), DATA.resolve("invitations.csv"));
        assertTrue(result.isClean());
        Portfolio p = result.portfolio();
        assertEquals(6, p.accounts().size());
        assertTrue(p.responses().size() >= 35, "responses: " + p.responses().size());
        assertTrue(p.responses().stream().allMatch(r -> r.role().isPresent()), "every response has a role");
        assertEquals(4, p.responses().stream().map(r -> r.role().orElseThrow()).distinct().count());
        assertEquals(6, p.responses().stream().map(Response::accountId).distinct().count());
        assertTrue(p.accounts().stream().anyMatch(a -> a.parentId().isPresent()));
        assertTrue(p.responses().stream().anyMatch(r -> r.comment().orElse("").contains(",")
                && r.comment().orElse("").contains("\"")));
        assertTrue(!p.invitations().isEmpty());
    }
}
