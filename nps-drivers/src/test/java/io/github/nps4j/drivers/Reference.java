package io.github.nps4j.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the reference data vendored in {@code src/test/resources/reference/} (provenance in its README) from the
 * test class path. A missing file is an error, never a skipped test.
 */
final class Reference {
    private Reference() {
    }

    /** Opens {@code /reference/<path>} from the class path; fails if it is absent. */
    static InputStream open(String path) {
        String resource = "/reference/" + path;
        InputStream in = Reference.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("test resource " + resource + " not found on the class path"
                    + " (expected in nps-drivers/src/test/resources" + resource + ")");
        }
        return in;
    }

    /** The lines of a vendored text file (UTF-8; CRLF and LF line ends both accepted). */
    static List<String> lines(String path) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(path), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode goldenDrivers() {
        try (InputStream in = open("drivers/golden_drivers.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Log relative error; for a zero certified value, −log10|est| (NIST's convention); capped at 15. */
    static double lre(double estimate, double certified) {
        double d = certified == 0 ? Math.abs(estimate) : Math.abs(estimate - certified) / Math.abs(certified);
        return d == 0 ? 15 : Math.min(15, -Math.log10(d));
    }
}
