package io.github.nps4j.drivers;

import java.util.Objects;

/**
 * Bootstrap percentile intervals of one attribute's importances. Value-based and immutable.
 *
 * @param name the attribute
 * @param lmg interval of the raw LMG value
 * @param johnson interval of the raw Johnson weight
 * @param lmgShare interval of the normalised LMG share
 * @param johnsonShare interval of the normalised Johnson share
 * @param pratt interval of the raw Pratt value
 * @since 0.1.0
 */
public record BootstrapRow(String name, ImportanceInterval lmg, ImportanceInterval johnson,
        ImportanceInterval lmgShare, ImportanceInterval johnsonShare, ImportanceInterval pratt) {
    /**
     * Validates the row.
     *
     * @throws NullPointerException on null components
     */
    public BootstrapRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lmg, "lmg");
        Objects.requireNonNull(johnson, "johnson");
        Objects.requireNonNull(lmgShare, "lmgShare");
        Objects.requireNonNull(johnsonShare, "johnsonShare");
        Objects.requireNonNull(pratt, "pratt");
    }
}
