package io.github.nps4j.core.themes;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Themes and the phrases that code them. A phrase matches a comment case-insensitively (Unicode case folding of single
 * characters: {@code Über} = {@code über}, not {@code ß} = {@code SS}), after NFC normalisation of both, on word
 * boundaries (no letter, combining mark, digit or underscore right before or after it: "ticket" does not match
 * "ticketing", but does match "e-ticket", a hyphen being a boundary), white space inside a phrase matching any run of
 * white space. There is no stemming: list the forms you mean ({@code ticket|tickets}).
 *
 * <p>Immutable and thread-safe. Example usage:
 * <pre>{@code
 * Codebook book = Codebook.of(Map.of("support", List.of("support", "help desk"), "price", List.of("price", "prices")));
 * Set<String> themes = book.themesOf("The help desk was great"); // [support]
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Codebook {
    private static final String WORD = "[\\p{L}\\p{M}\\p{N}_]";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();

    private final Map<String, List<String>> phrases;
    private final Map<String, Pattern> patterns;

    private Codebook(Map<String, List<String>> phrases) {
        this.phrases = phrases;
        Map<String, Pattern> p = new LinkedHashMap<>();
        phrases.forEach((theme, list) -> p.put(theme, compile(list)));
        this.patterns = p;
    }

    /**
     * Creates a codebook.
     *
     * @param phrases theme → its phrases, in the order themes are reported
     * @return the codebook
     * @throws IllegalArgumentException when there is no theme, a theme name is blank, a theme has no phrase or a phrase
     *         is blank
     */
    public static Codebook of(Map<String, ? extends List<String>> phrases) {
        Objects.requireNonNull(phrases, "phrases");
        if (phrases.isEmpty()) {
            throw new IllegalArgumentException("a codebook needs at least one theme");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        phrases.forEach((theme, list) -> {
            if (theme == null || theme.isBlank()) {
                throw new IllegalArgumentException("a theme name is blank");
            }
            Objects.requireNonNull(list, "phrases of theme " + theme);
            if (list.isEmpty()) {
                throw new IllegalArgumentException("theme '" + theme + "' has no phrase");
            }
            Set<String> clean = new LinkedHashSet<>();
            for (String p : list) {
                if (p == null || p.isBlank()) {
                    throw new IllegalArgumentException("theme '" + theme + "' has a blank phrase");
                }
                clean.add(p.strip());
            }
            copy.put(theme.strip(), List.copyOf(clean));
        });
        return new Codebook(Collections.unmodifiableMap(copy));
    }

    /**
     * Reads a codebook CSV (UTF-8): a header row with {@code theme} and {@code pattern}, then one row per theme and
     * pattern; a pattern is phrases separated by {@code |}; a theme may have several rows.
     *
     * @param file the CSV file
     * @return the codebook
     * @throws IllegalArgumentException on a missing column, a blank theme or phrase (naming the file and line), or an
     *         empty file
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Codebook read(Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a codebook CSV from text, as {@link #read(Path)}.
     *
     * @param text the CSV text
     * @param name the name used in messages
     * @return the codebook
     * @throws IllegalArgumentException as {@link #read(Path)}
     */
    public static Codebook parse(String text, String name) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        try {
            return read(new StringReader(text), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Codebook read(Reader reader, String name) throws IOException {
        Map<String, List<String>> map = new LinkedHashMap<>();
        try (CSVParser p = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            List<String> header = p.getHeaderNames().stream().map(h -> h.strip().replace("\uFEFF", "")).toList();
            int theme = header.indexOf("theme");
            int pattern = header.indexOf("pattern");
            if (theme < 0 || pattern < 0) {
                throw new IllegalArgumentException(name + ":1: expected a header with columns theme,pattern, found "
                        + header);
            }
            for (CSVRecord rec : p) {
                long line = rec.getParser().getCurrentLineNumber();
                String t = rec.size() > theme ? rec.get(theme).strip() : "";
                String pat = rec.size() > pattern ? rec.get(pattern) : "";
                if (t.isEmpty()) {
                    throw new IllegalArgumentException(name + ":" + line + ": theme is blank");
                }
                for (String phrase : pat.split("\\|", -1)) {
                    if (phrase.isBlank()) {
                        throw new IllegalArgumentException(name + ":" + line + ": theme '" + t
                                + "' has a blank phrase in pattern '" + pat.strip() + "'");
                    }
                    map.computeIfAbsent(t, k -> new ArrayList<>()).add(phrase.strip());
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(name + ": not a valid CSV file: " + e.getMessage(), e);
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException(name + ": the codebook has no theme rows");
        }
        return of(map);
    }

    /**
     * Returns the themes in codebook order.
     *
     * @return the theme names
     */
    public List<String> themes() {
        return List.copyOf(phrases.keySet());
    }

    /**
     * Returns a theme's phrases.
     *
     * @param theme the theme
     * @return its phrases, or an empty list for an unknown theme
     */
    public List<String> phrases(String theme) {
        return phrases.getOrDefault(theme, List.of());
    }

    /**
     * Returns the themes a text mentions.
     *
     * @param text a comment
     * @return the themes whose phrases it contains, in codebook order
     */
    public Set<String> themesOf(String text) {
        Objects.requireNonNull(text, "text");
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC);
        Set<String> found = new LinkedHashSet<>();
        patterns.forEach((theme, p) -> {
            if (p.matcher(normal).find()) {
                found.add(theme);
            }
        });
        return Collections.unmodifiableSet(found);
    }

    /**
     * Says whether a text mentions a theme.
     *
     * @param text a comment
     * @param theme a theme of this codebook
     * @return true when one of its phrases occurs in the text
     * @throws IllegalArgumentException for an unknown theme
     */
    public boolean mentions(String text, String theme) {
        Pattern p = patterns.get(theme);
        if (p == null) {
            throw new IllegalArgumentException("unknown theme '" + theme + "'; the themes are " + themes());
        }
        return p.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).find();
    }

    private static Pattern compile(List<String> phrases) {
        List<String> alternatives = new ArrayList<>();
        for (String phrase : phrases) {
            String normal = Normalizer.normalize(phrase, Normalizer.Form.NFC);
            List<String> words = new ArrayList<>();
            for (String w : normal.strip().split("\\s+")) {
                words.add(Pattern.quote(w));
            }
            alternatives.add(String.join("\\s+", words));
        }
        return Pattern.compile("(?<!" + WORD + ")(?:" + String.join("|", alternatives) + ")(?!" + WORD + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    }

    @Override
    public String toString() {
        return "Codebook" + phrases;
    }
}
