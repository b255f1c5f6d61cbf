package io.github.nps4j.core.themes;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupKey;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Tally;
import io.github.nps4j.core.stats.Comparison;
import io.github.nps4j.core.stats.IntervalMethod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Codes the comments of responses by a {@link Codebook} and scores each theme: over the responses with a non-blank
 * comment, its mentions, share, the NPS of commenters mentioning it against those not mentioning it (difference,
 * unpaired Wald standard error and p-value, see {@link Comparison#of(NpsEstimate, NpsEstimate, IntervalMethod,
 * double)}), and the detractor share among mentions — overall and per group of the spec's grouping fields.
 *
 * <p>The spec's filter (window, episodes) and de-duplication apply first, and its episode rule: several episode types
 * are not mixed unless the spec mixes them (or groups by episode, which leaves the overall figures out). Every
 * commenter counts once: the spec's weighting is not used. Nothing is logged (comments are personal data).
 *
 * <p>Immutable and thread-safe. Example usage:
 * <pre>{@code
 * ThemeReport r = ThemeAnalysis.of(Codebook.read(Path.of("codebook.csv"))).analyse(portfolio.responses());
 * r.overall().forEach(t -> System.out.println(t.theme() + " " + t.mentions()));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ThemeAnalysis {
    /** Longest uncoded example, in characters (longer ones end with "…"). */
    public static final int EXAMPLE_LENGTH = 80;
    /** Uncoded examples kept by default. */
    public static final int DEFAULT_EXAMPLES = 5;

    private final Codebook codebook;
    private final ScoringSpec spec;
    private final Map<String, Account> accounts;
    private final double level;
    private final int examples;

    private ThemeAnalysis(Codebook codebook, ScoringSpec spec, Map<String, Account> accounts, double level,
            int examples) {
        this.codebook = codebook;
        this.spec = spec;
        this.accounts = accounts;
        this.level = level;
        this.examples = examples;
    }

    /**
     * Creates an analysis with the default spec ({@link ScoringSpec#defaults()}: every episode type, not mixed; no
     * grouping), level
     * 0.95 and {@value #DEFAULT_EXAMPLES} examples.
     *
     * @param codebook the codebook
     * @return the analysis
     */
    public static ThemeAnalysis of(Codebook codebook) {
        return new ThemeAnalysis(Objects.requireNonNull(codebook, "codebook"), ScoringSpec.defaults(), Map.of(), 0.95,
                DEFAULT_EXAMPLES);
    }

    /**
     * Returns a copy with a spec (filter, de-duplication, episode rule, grouping fields; its weighting is not used).
     *
     * @param newSpec the spec
     * @param accountList the accounts, needed by tier and segment grouping fields (may be empty otherwise)
     * @return the copy
     */
    public ThemeAnalysis withSpec(ScoringSpec newSpec, Collection<Account> accountList) {
        Objects.requireNonNull(newSpec, "newSpec");
        Map<String, Account> byId = new HashMap<>();
        for (Account a : accountList) {
            byId.put(a.id(), a);
        }
        return new ThemeAnalysis(codebook, newSpec, Map.copyOf(byId), level, examples);
    }

    /**
     * Returns a copy with another confidence level for the differences' intervals.
     *
     * @param newLevel the level in (0, 1)
     * @return the copy
     * @throws IllegalArgumentException when the level is not in (0, 1)
     */
    public ThemeAnalysis withLevel(double newLevel) {
        if (!(newLevel > 0 && newLevel < 1)) {
            throw new IllegalArgumentException("level " + newLevel + " must be in (0, 1)");
        }
        return new ThemeAnalysis(codebook, spec, accounts, newLevel, examples);
    }

    /**
     * Returns a copy keeping another number of uncoded examples.
     *
     * @param count examples to keep, {@code >= 0}
     * @return the copy
     * @throws IllegalArgumentException when the count is negative
     */
    public ThemeAnalysis withExamples(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("examples " + count + " must be >= 0");
        }
        return new ThemeAnalysis(codebook, spec, accounts, level, count);
    }

    /**
     * Codes and scores the comments.
     *
     * @param responses the responses (not modified)
     * @return the report; with no comment, every theme has 0 mentions and no NPS
     * @throws io.github.nps4j.core.MixedEpisodesException when episode types would be mixed silently
     * @throws IllegalArgumentException when a grouping field needs an account that is not known
     */
    public ThemeReport analyse(Collection<Response> responses) {
        Objects.requireNonNull(responses, "responses");
        List<Response> kept = new ArrayList<>();
        Set<EpisodeType> present = new TreeSet<>();
        for (Response r : responses) {
            if (spec.keeps(r)) {
                kept.add(r);
                present.add(r.episode());
            }
        }
        boolean omitOverall = spec.checkEpisodes(present);
        kept = spec.dedupe().apply(kept);
        List<Response> commented = new ArrayList<>();
        List<Set<String>> coded = new ArrayList<>();
        long uncoded = 0;
        List<String> uncodedExamples = new ArrayList<>();
        for (Response r : kept) {
            if (r.comment().isEmpty() || r.comment().get().isBlank()) {
                continue;
            }
            Set<String> themes = codebook.themesOf(r.comment().get());
            commented.add(r);
            coded.add(themes);
            if (themes.isEmpty()) {
                uncoded++;
                if (uncodedExamples.size() < examples) {
                    uncodedExamples.add(example(r.comment().get()));
                }
            }
        }
        List<ThemeFigures> overall = new ArrayList<>();
        if (!omitOverall) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < commented.size(); i++) {
                all.add(i);
            }
            figures(new GroupKey(List.of(), List.of()), all, commented, coded, overall);
        }
        List<ThemeFigures> groups = new ArrayList<>();
        List<GroupField> fields = spec.groupBy();
        if (!fields.isEmpty()) {
            TreeMap<GroupKey, List<Integer>> split = new TreeMap<>();
            List<String> names = spec.fieldNames();
            for (int i = 0; i < commented.size(); i++) {
                List<String> values = new ArrayList<>(fields.size());
                for (GroupField f : fields) {
                    values.add(f.valueOf(commented.get(i), accounts));
                }
                split.computeIfAbsent(new GroupKey(names, values), k -> new ArrayList<>()).add(i);
            }
            split.forEach((k, members) -> figures(k, members, commented, coded, groups));
        }
        return new ThemeReport(commented.size(), uncoded, uncodedExamples, overall, groups);
    }

    private void figures(GroupKey key, List<Integer> members, List<Response> commented, List<Set<String>> coded,
            List<ThemeFigures> out) {
        for (String theme : codebook.themes()) {
            Tally yes = new Tally();
            Tally no = new Tally();
            long detractors = 0;
            for (int i : members) {
                Response r = commented.get(i);
                if (coded.get(i).contains(theme)) {
                    yes.add(r.category(), 1.0);
                    detractors += r.category() == Category.DETRACTOR ? 1 : 0;
                } else {
                    no.add(r.category(), 1.0);
                }
            }
            NpsEstimate a = yes.snapshot();
            NpsEstimate b = no.snapshot();
            long mentions = a.n();
            long n = members.size();
            Optional<Comparison> diff = Comparison.of(a, b, IntervalMethod.WALD, level);
            out.add(new ThemeFigures(theme, key, n, mentions, n == 0 ? 0 : (double) mentions / n, a.nps(), b.nps(),
                    diff, mentions == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) detractors / mentions),
                    a.isDegenerate() || b.isDegenerate()));
        }
    }

    /** A comment for codebook work: white space collapsed, cut to {@value #EXAMPLE_LENGTH} characters. */
    static String example(String comment) {
        String one = comment.strip().replaceAll("\\s+", " ");
        if (one.codePointCount(0, one.length()) <= EXAMPLE_LENGTH) {
            return one;
        }
        return one.substring(0, one.offsetByCodePoints(0, EXAMPLE_LENGTH - 1)) + "…";
    }
}
