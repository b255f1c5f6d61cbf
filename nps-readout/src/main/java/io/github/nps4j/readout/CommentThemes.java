package io.github.nps4j.readout;

import io.github.nps4j.core.themes.ThemeFigures;
import io.github.nps4j.core.themes.ThemeReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The "why" behind the score: the themes of the headline answers' comments, coded by a codebook, each with its
 * mentions, share, the NPS of commenters mentioning it against those not mentioning it and the difference with its
 * interval ({@link ThemeReport}, as {@code nps themes} computes it); or the reason the section is missing.
 *
 * <p>{@link #examples()} holds a few comments per theme — personal data, meant for the company's own staff (the
 * report shows them, escaped). {@link #toString()} leaves them out, so logging the readout never logs a comment.
 *
 * <p>A value-based, immutable record.
 *
 * @param report the theme figures (overall only), or empty
 * @param unavailableReason why the figures are missing, or empty
 * @param codebook which codebook coded the comments, e.g. {@code the built-in B2B codebook (9 themes)} or
 *     {@code codebook 'codebook.csv' (6 themes)}
 * @param examples per theme (codebook order), up to {@link ReadoutOptions#themeExamples()} distinct comments that
 *     mention it,
 *     detractors' first, then passives', then promoters', latest first within each; white space collapsed and cut to
 *     {@value #EXAMPLE_LENGTH} characters; themes without a mention are absent
 * @param answers what the analysed answers are, e.g. {@code relationship answers with a comment}
 * @param rule how the figures were made, in words
 * @since 0.1.0
 */
public record CommentThemes(Optional<ThemeReport> report, Optional<String> unavailableReason, String codebook,
        Map<String, List<String>> examples, String answers, String rule) {

    /** Longest example comment, in characters (longer ones end with "…"): {@value}. */
    public static final int EXAMPLE_LENGTH = 160;

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if both or neither of the report and the reason are present
     */
    public CommentThemes {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(unavailableReason, "unavailableReason");
        Objects.requireNonNull(codebook, "codebook");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(rule, "rule");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(examples, "examples").forEach((k, v) -> copy.put(k, List.copyOf(v)));
        examples = java.util.Collections.unmodifiableMap(copy);
        if (report.isPresent() == unavailableReason.isPresent()) {
            throw new IllegalArgumentException("comment themes need either a report or the reason it is missing");
        }
    }

    /**
     * Returns a section that says why it is missing.
     *
     * @param reason why, e.g. {@code no codebook was given}
     * @return the section
     */
    public static CommentThemes unavailable(String reason) {
        return new CommentThemes(Optional.empty(), Optional.of(Objects.requireNonNull(reason, "reason")), "none",
                Map.of(), "", "");
    }

    /**
     * Returns the themes over all analysed commenters, most mentioned first (ties in codebook order).
     *
     * @return the figures, empty when the section is missing
     */
    public List<ThemeFigures> byMentions() {
        return report.map(r -> r.overall().stream()
                .sorted(java.util.Comparator.comparingLong(ThemeFigures::mentions).reversed()).toList())
                .orElse(List.of());
    }

    /** Describes the section without its example comments, which are personal data. */
    @Override
    public String toString() {
        return "CommentThemes[report=" + report + ", unavailableReason=" + unavailableReason + ", codebook="
                + codebook + ", examples=<" + examples.values().stream().mapToInt(List::size).sum()
                + " comments>, answers=" + answers + ", rule=" + rule + "]";
    }
}
