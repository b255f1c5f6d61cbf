package io.github.nps4j.core;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * The golden NPS file vendored in {@code src/test/resources/reference/nps/} (provenance in
 * {@code src/test/resources/reference/README.md}), read from the test class path. A missing file fails the test
 * that asks for it; it never skips it.
 */
public final class GoldenFile {
    /** Class-path location of {@code golden_nps.json}. */
    public static final String NPS = "/reference/nps/golden_nps.json";

    private GoldenFile() {
    }

    /** Parses {@code golden_nps.json}. */
    public static JsonNode nps() throws IOException {
        try (InputStream in = GoldenFile.class.getResourceAsStream(NPS)) {
            assertNotNull(in, "golden file " + NPS + " not on the test class path (expected in"
                    + " nps-core/src/test/resources" + NPS + ")");
            return new ObjectMapper().readTree(in);
        }
    }
}
