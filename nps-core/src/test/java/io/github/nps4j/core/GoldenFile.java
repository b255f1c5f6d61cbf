package io.github.nps4j.core;

import static org.junit.jupiter.api.Assertions.assertNotNull;

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

    /**
     * Opens {@code golden_nps.json} (parse it with Jackson's {@code ObjectMapper.readTree}; the caller closes it).
     *
     * @return the stream
     */
    public static InputStream openNps() {
        InputStream in = GoldenFile.class.getResourceAsStream(NPS);
        assertNotNull(in, "golden file " + NPS + " not on the test class path (expected in"
                + " nps-core/src/test/resources" + NPS + ")");
        return in;
    }
}
