package io.github.nps4j.core.themes;

import java.util.List;
import java.util.Objects;

/**
 * Themes of the comments: overall, per group, and what the codebook does not code yet. Value-based and immutable;
 * {@link #toString()} leaves the examples (personal data) out.
 *
 * @param commenters responses with a non-blank comment (after the spec's filter and de-duplication)
 * @param uncoded comments that mention no theme
 * @param uncodedExamples the first few uncoded comments in input order, white space collapsed and cut to
 *        {@link ThemeAnalysis#EXAMPLE_LENGTH} characters — personal data, for codebook work only
 * @param overall one entry per theme over all commenters, in codebook order; empty when the spec groups by episode
 *        over several episode types (they are not mixed)
 * @param groups one entry per group and theme, groups by key, themes in codebook order; empty without grouping
 * @since 0.1.0
 */
public record ThemeReport(long commenters, long uncoded, List<String> uncodedExamples, List<ThemeFigures> overall,
        List<ThemeFigures> groups) {

    /**
     * Copies the lists.
     *
     * @throws IllegalArgumentException when uncoded exceeds commenters
     */
    public ThemeReport {
        Objects.requireNonNull(uncodedExamples, "uncodedExamples");
        uncodedExamples = List.copyOf(uncodedExamples);
        overall = List.copyOf(overall);
        groups = List.copyOf(groups);
        if (uncoded < 0 || uncoded > commenters) {
            throw new IllegalArgumentException(uncoded + " uncoded of " + commenters + " comments");
        }
    }

    /** Describes the report without its examples, which are personal data. */
    @Override
    public String toString() {
        return "ThemeReport[commenters=" + commenters + ", uncoded=" + uncoded + ", uncodedExamples=<"
                + uncodedExamples.size() + ">, overall=" + overall + ", groups=" + groups + "]";
    }
}
