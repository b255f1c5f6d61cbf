package io.github.nps4j.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link SyntheticPortfolio} knows about the data it generated: the true attribute effects of its latent score
 * model, the planted account situations, and the hostile comments — the answers that tests of driver analysis, account
 * maps and output escaping check against.
 *
 * <p>The latent model: for each answer, attribute ratings are drawn (1–10, mildly correlated) and the score is
 * {@code clamp(round(intercept + Σ effect_a · (rating_a − mean_a) + roleOffset_role + noise))} with
 * {@code noise ~ N(0, noiseSd²)}. The answers of planted accounts' key contacts are pushed into their category (see
 * {@link SyntheticPortfolio}); they are a handful among many.
 *
 * <p>Value-based and immutable. Example usage:
 * <pre>{@code
 * Truth t = SyntheticPortfolio.builder().seed(42).build().truth();
 * List<String> top = t.topAttributes().subList(0, 2);            // [delivery, support]
 * List<String> silent = t.planted(PlantedSituation.SILENT);       // e.g. [A017]
 * }</pre>
 *
 * @param seed the seed the portfolio was generated from
 * @param asOf the date at which the situations hold: the last day of the last generated period
 * @param intercept the latent model's intercept (the expected score of an average answer)
 * @param noiseSd the standard deviation of the latent model's noise
 * @param effects the true effect of each attribute (score points per rating point), sorted by name
 * @param attributeMeans the mean rating of each attribute, sorted by name
 * @param ratingSd the standard deviation of every attribute rating around its mean, before rounding
 * @param ratingCorrelation the correlation between any two ratings of one answer, before rounding
 * @param roleOffsets the score offset of each role, sorted by role name
 * @param planted per situation, the ids of the accounts planted with it (sorted)
 * @param occurring per situation, the ids of all accounts that meet its rule at {@code asOf} (a superset of
 *        {@code planted}: ordinary accounts can meet a rule by chance)
 * @param hostileCommentResponseIds the ids of responses whose comment is hostile text (quotes, newlines,
 *        {@code <script>}, formulas, non-Latin text), sorted
 * @param commentThemes how many ordinary comments speak about each theme (an attribute name), sorted by theme
 * @param competitorOffsets each competitor's offset (how far its latent score lies below ours; positive = behind
 *        us), sorted by name; empty without competitors (see {@link SyntheticPortfolio.Builder#competitor})
 * @param outcomeModel the parameters of the account outcomes ({@code renewalIntercept}, {@code renewalSlope},
 *        {@code unknownRenewalRate}, {@code growthIntercept}, {@code growthSlope}, {@code growthSd}, per score point
 *        of the account's health; see {@link SyntheticPortfolio.Builder#outcomes}); empty when outcomes are off
 * @since 0.1.0
 */
public record Truth(long seed, LocalDate asOf, double intercept, double noiseSd, Map<String, Double> effects,
        Map<String, Double> attributeMeans, double ratingSd, double ratingCorrelation, Map<String, Double> roleOffsets,
        Map<PlantedSituation, List<String>> planted, Map<PlantedSituation, List<String>> occurring,
        List<String> hostileCommentResponseIds, Map<String, Integer> commentThemes,
        Map<String, Double> competitorOffsets, Map<String, Double> outcomeModel) {

    /** The length of the window in which the situations are judged, in days: {@value}. */
    public static final int WINDOW_DAYS = 365;
    /** An account with no answer in this many days before as-of is {@code silent}: {@value}. */
    public static final int SILENT_DAYS = 180;

    /**
     * Copies the collections.
     *
     * @throws NullPointerException if anything is null
     */
    public Truth {
        Objects.requireNonNull(asOf, "asOf");
        effects = Collections.unmodifiableMap(new TreeMap<>(effects));
        attributeMeans = Collections.unmodifiableMap(new TreeMap<>(attributeMeans));
        roleOffsets = Collections.unmodifiableMap(new TreeMap<>(roleOffsets));
        planted = copy(planted);
        occurring = copy(occurring);
        hostileCommentResponseIds = List.copyOf(hostileCommentResponseIds);
        commentThemes = Collections.unmodifiableMap(new TreeMap<>(commentThemes));
        competitorOffsets = Collections.unmodifiableMap(new TreeMap<>(competitorOffsets));
        outcomeModel = Collections.unmodifiableMap(new LinkedHashMap<>(outcomeModel));
    }

    /**
     * Creates a truth without competitors or account outcomes (the form before they were generated).
     *
     * @param seed the seed
     * @param asOf the as-of day
     * @param intercept the latent model's intercept
     * @param noiseSd the noise's standard deviation
     * @param effects the attribute effects
     * @param attributeMeans the attributes' mean ratings
     * @param ratingSd the ratings' standard deviation
     * @param ratingCorrelation the ratings' correlation
     * @param roleOffsets the role offsets
     * @param planted the planted situations
     * @param occurring the accounts meeting each situation's rule
     * @param hostileCommentResponseIds the responses with hostile comments
     * @param commentThemes the comment themes' counts
     * @throws NullPointerException if anything is null
     */
    public Truth(long seed, LocalDate asOf, double intercept, double noiseSd, Map<String, Double> effects,
            Map<String, Double> attributeMeans, double ratingSd, double ratingCorrelation,
            Map<String, Double> roleOffsets, Map<PlantedSituation, List<String>> planted,
            Map<PlantedSituation, List<String>> occurring, List<String> hostileCommentResponseIds,
            Map<String, Integer> commentThemes) {
        this(seed, asOf, intercept, noiseSd, effects, attributeMeans, ratingSd, ratingCorrelation, roleOffsets, planted,
                occurring, hostileCommentResponseIds, commentThemes, Map.of(), Map.of());
    }

    private static Map<PlantedSituation, List<String>> copy(Map<PlantedSituation, List<String>> m) {
        EnumMap<PlantedSituation, List<String>> c = new EnumMap<>(PlantedSituation.class);
        for (PlantedSituation s : PlantedSituation.values()) {
            c.put(s, List.copyOf(m.getOrDefault(s, List.of()).stream().sorted().toList()));
        }
        return Collections.unmodifiableMap(c);
    }

    /**
     * Returns the attributes from the largest true effect to the smallest (ties by name).
     *
     * @return the attribute names; the first two are the ones a driver analysis should rank first
     */
    public List<String> topAttributes() {
        List<String> names = new ArrayList<>(effects.keySet());
        names.sort(Comparator.comparing((String a) -> -Math.abs(effects.get(a))).thenComparing(a -> a));
        return List.copyOf(names);
    }

    /**
     * Returns the accounts planted with a situation.
     *
     * @param situation the situation
     * @return their ids, sorted (empty when planting was switched off)
     */
    public List<String> planted(PlantedSituation situation) {
        return planted.get(situation);
    }

    /**
     * Returns every account that meets a situation's rule at {@link #asOf()}, planted or not.
     *
     * @param situation the situation
     * @return their ids, sorted
     */
    public List<String> accountsMeeting(PlantedSituation situation) {
        return occurring.get(situation);
    }

    /**
     * Writes the truth as JSON with a fixed key order (and attribute, role and account lists sorted), so the same
     * portfolio always gives the same bytes. Numbers are written so that they read back exactly.
     *
     * @return the JSON text, ending with a line feed
     */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("seed", seed);
        root.put("asOf", asOf.toString());
        root.put("windowDays", WINDOW_DAYS);
        root.put("silentDays", SILENT_DAYS);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("intercept", intercept);
        model.put("noiseSd", noiseSd);
        model.put("ratingSd", ratingSd);
        model.put("ratingCorrelation", ratingCorrelation);
        model.put("effects", effects);
        model.put("attributeMeans", attributeMeans);
        model.put("roleOffsets", roleOffsets);
        model.put("topAttributes", topAttributes());
        root.put("model", model);
        root.put("planted", bySituation(planted));
        root.put("occurring", bySituation(occurring));
        root.put("hostileCommentResponseIds", hostileCommentResponseIds);
        root.put("commentThemes", commentThemes);
        root.put("competitorOffsets", competitorOffsets);
        root.put("outcomeModel", outcomeModel);
        return new Json().write(root);
    }

    private static Map<String, Object> bySituation(Map<PlantedSituation, List<String>> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (PlantedSituation s : PlantedSituation.values()) {
            out.put(s.label(), m.get(s));
        }
        return out;
    }
}
