package io.github.nps4j.core;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Normalisation shared by the open vocabularies {@link Role}, {@link Tier} and {@link EpisodeType}. */
final class Vocabulary {
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_]+");

    private Vocabulary() {
    }

    /**
     * Lower-cases, trims and turns runs of spaces or underscores into a hyphen, then checks the result is
     * lowercase-hyphen ({@code [a-z0-9]+(-[a-z0-9]+)*}).
     */
    static String normalise(String kind, String name) {
        Objects.requireNonNull(name, kind);
        String n = SEPARATORS.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
        if (!VALID.matcher(n).matches()) {
            throw new IllegalArgumentException(
                    kind + " name '" + name + "' is not a lowercase-hyphen name (letters, digits and single hyphens)");
        }
        return n;
    }
}
