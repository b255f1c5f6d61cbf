package io.github.nps4j.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/reference: system property nps4j.reference.dir, else ../../shared/reference from the module. */
final class Reference {
    private Reference() {
    }

    static Path dir() {
        String prop = System.getProperty("nps4j.reference.dir");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        Path fallback = Path.of("../../shared/reference");
        if (Files.isDirectory(fallback)) {
            return fallback;
        }
        throw new IllegalStateException("reference directory not found: set -Dnps4j.reference.dir (tried " + prop
                + " and " + fallback.toAbsolutePath() + ")");
    }

    static JsonNode goldenDrivers() {
        try {
            return new ObjectMapper().readTree(dir().resolve("drivers/golden_drivers.json").toFile());
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
