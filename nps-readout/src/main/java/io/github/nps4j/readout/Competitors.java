package io.github.nps4j.readout;

import io.github.nps4j.core.compare.PairedComparison;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Our NPS against each competitor's, rated by the same respondents in the same answers: one paired comparison per
 * competitor ({@link io.github.nps4j.core.compare.CompetitorBenchmark}, as {@code nps competitors} computes it), or
 * the reason there is none.
 *
 * <p>A value-based, immutable record.
 *
 * @param comparisons one comparison per competitor over all its paired respondents, sorted by competitor name; empty
 *     when the section is missing
 * @param unavailableReason why there is no comparison, or empty
 * @param answers what the compared answers are, e.g. {@code relationship answers rating the competitor}
 * @param rule how the comparison was made, in words
 * @since 0.1.0
 */
public record Competitors(List<PairedComparison> comparisons, Optional<String> unavailableReason, String answers,
        String rule) {
    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if both or neither of comparisons and a reason are present
     */
    public Competitors {
        comparisons = List.copyOf(Objects.requireNonNull(comparisons, "comparisons"));
        Objects.requireNonNull(unavailableReason, "unavailableReason");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(rule, "rule");
        if (comparisons.isEmpty() != unavailableReason.isPresent()) {
            throw new IllegalArgumentException("competitors need either comparisons or the reason they are missing");
        }
    }

    /**
     * Returns a section that says why it is missing.
     *
     * @param reason why, e.g. {@code the answers carry no competitor scores}
     * @return the section
     */
    public static Competitors unavailable(String reason) {
        return new Competitors(List.of(), Optional.of(Objects.requireNonNull(reason, "reason")), "", "");
    }
}
