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
        if (isNormal(name)) {
            return name; // the usual case, without the two regular expressions
        }
        String n = SEPARATORS.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
        if (!VALID.matcher(n).matches()) {
            throw new IllegalArgumentException(
                    kind + " name '" + name + "' is not a lowercase-hyphen name (letters, digits and single hyphens)");
        }
        return n;
    }

    /** Whether a name already is lowercase-hyphen: what {@code VALID} matches, checked without a matcher. */
    static boolean isNormal(String name) {
        int n = name.length();
        if (n == 0 || name.charAt(0) == '-' || name.charAt(n - 1) == '-') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c == '-' ? previous == '-' : !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /**
     * The well-known name a non-well-known name is probably a misspelling of: equal once hyphens are dropped, within
     * edit distance 2 of it (hyphens dropped), or a prefix of it of at least 4 letters. Empty when the name is itself
     * well-known or close to none (then it is a custom name).
     */
    static <T> java.util.Optional<T> likelyMeant(String name, java.util.List<T> wellKnown,
            java.util.function.Function<T, String> nameOf) {
        String n = name.replace("-", "");
        T best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (T w : wellKnown) {
            String k = nameOf.apply(w);
            if (k.equals(name)) {
                return java.util.Optional.empty();
            }
            String kk = k.replace("-", "");
            int d = kk.startsWith(n) && n.length() >= 4 ? 0 : editDistance(n, kk);
            if (d < bestDistance) {
                bestDistance = d;
                best = w;
            }
        }
        return bestDistance <= 2 ? java.util.Optional.ofNullable(best) : java.util.Optional.empty();
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
