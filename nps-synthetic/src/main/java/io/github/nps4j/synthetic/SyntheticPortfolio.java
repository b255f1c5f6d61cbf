package io.github.nps4j.synthetic;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A seeded synthetic B2B portfolio with a known truth: accounts across channel tiers, contacts in roles, four quarters
 * of relationship answers plus transactional episodes, invitations, attribute ratings driven by a latent linear model,
 * comments (a few of them hostile), and accounts planted with the four account-map situations.
 *
 * <p>The same builder settings (above all the same {@linkplain Builder#seed seed}) always give equal lists and, through
 * {@link #writeFiles}, identical bytes. All randomness comes from one seeded {@link java.util.SplittableRandom}.
 *
 * <p>Shape of the default ({@code builder().seed(42).build()}): 60 accounts — about 70 % {@code direct}, the rest a
 * channel of {@code distributor}s with {@code retailer}s and {@code end-user}s below them (parent links); contacts per
 * account heavy-tailed (three large accounts with 100–250 contacts, the others a log-normal handful around 5), every
 * account with at least one decision-maker and decision-makers rarer than users; four quarterly relationship waves
 * from {@code 2025-10-01} (as-of {@code 2026-09-30}) to which about 70 % of contacts are invited and 45 % of the
 * invited answer; transactional episodes ({@code service-event}, {@code delivery}, {@code renewal},
 * {@code onboarding}, {@code contract-negotiation}, {@code project-completion}); an invitation for every answer plus
 * the unanswered ones; log-normal annual values; five owners; {@code region} and {@code industry} segment tags; six
 * rated attributes ({@code delivery}, {@code support}, {@code product-quality}, {@code account-management},
 * {@code price}, {@code onboarding}) of which {@code delivery} and {@code support} have clearly the largest effects;
 * about 5 % of ratings missing; two competitors ({@code kessler}, {@code orbis}) rated in about half of the
 * relationship answers; an outcome per account (renewed or not, revenue growth) that goes with its answers' scores.
 * Ids are stable and readable: {@code A001}, {@code C0001}, {@code R00001} (responses
 * numbered in answer-time order).
 *
 * <p>Planted situations ({@link Truth#planted}): one ordinary-sized account each, with at least two decision-makers,
 * an influencer and users. {@code decider-detractor}: every answer of its decision-makers is a detractor and the first
 * decision-maker answers in the last wave. {@code no-decider-heard}: its decision-makers are invited but never answer,
 * while a non-decider answers in the last wave. {@code silent}: no answer of the account falls in the last 200 days
 * before as-of (invitations keep coming). {@code polarised}: the first decision-maker always promotes and the
 * influencer always detracts, both answering in the last wave. The key contacts' answers are pushed into their
 * category (ratings shifted, the score clamped into the category's range), so they bend the latent model a little.
 *
 * <p>Immutable and thread-safe. Example usage:
 * <pre>{@code
 * SyntheticPortfolio p = SyntheticPortfolio.builder().seed(42).accounts(60).build();
 * NpsEstimate all = NpsScorer.scoreAll(p.responses().stream()
 *         .filter(r -> r.episode().equals(EpisodeType.RELATIONSHIP)).toList());
 * List<String> drivers = p.truth().topAttributes();      // delivery, support, ...
 * p.writeFiles(Path.of("target/synthetic"));            // the four CSVs and truth.json
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SyntheticPortfolio {
    /** The name of the truth file written by {@link #writeFiles}: {@value}. */
    public static final String TRUTH_FILE = "truth.json";

    private final List<Account> accounts;
    private final List<Contact> contacts;
    private final List<Response> responses;
    private final List<Invitation> invitations;
    private final Truth truth;

    SyntheticPortfolio(List<Account> accounts, List<Contact> contacts, List<Response> responses,
            List<Invitation> invitations, Truth truth) {
        this.accounts = List.copyOf(accounts);
        this.contacts = List.copyOf(contacts);
        this.responses = List.copyOf(responses);
        this.invitations = List.copyOf(invitations);
        this.truth = truth;
    }

    /**
     * Starts a builder with the defaults described above (seed 42, 60 accounts).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Generates the default portfolio for a seed.
     *
     * @param seed the seed
     * @return {@code builder().seed(seed).build()}
     */
    public static SyntheticPortfolio ofSeed(long seed) {
        return builder().seed(seed).build();
    }

    /**
     * Returns the accounts, parents before their children, sorted by id.
     *
     * @return an unmodifiable list
     */
    public List<Account> accounts() {
        return accounts;
    }

    /**
     * Returns the contacts, sorted by id (grouped by account).
     *
     * @return an unmodifiable list
     */
    public List<Contact> contacts() {
        return contacts;
    }

    /**
     * Returns the responses, sorted by id, which is answer-time order. Every response carries its contact's role.
     *
     * @return an unmodifiable list
     */
    public List<Response> responses() {
        return responses;
    }

    /**
     * Returns the invitations: one for every response (same contact and episode, sent on or before the answer day)
     * plus the unanswered ones, sorted by date, contact and episode.
     *
     * @return an unmodifiable list
     */
    public List<Invitation> invitations() {
        return invitations;
    }

    /**
     * Returns what the generator knows: true attribute effects, planted situations, hostile comments, as-of date.
     *
     * @return the truth
     */
    public Truth truth() {
        return truth;
    }

    /**
     * Returns the data as a core portfolio.
     *
     * @return the portfolio of the four lists
     */
    public Portfolio portfolio() {
        return Portfolio.of(accounts, contacts, responses, invitations);
    }

    /**
     * Writes {@code accounts.csv}, {@code contacts.csv}, {@code responses.csv} and {@code invitations.csv} — the input
     * files of the {@code nps} command line, see {@link PortfolioCsvWriter} — into a directory, creating it if needed.
     *
     * @param dir the directory
     * @throws UncheckedIOException if a file cannot be written
     */
    public void writeCsv(Path dir) {
        PortfolioCsvWriter.write(portfolio(), dir);
    }

    /**
     * Writes the four CSV files and {@value #TRUTH_FILE} ({@link Truth#toJson()}); the same portfolio always gives
     * identical bytes.
     *
     * @param dir the directory
     * @throws UncheckedIOException if a file cannot be written
     */
    public void writeFiles(Path dir) {
        writeCsv(dir);
        try {
            Files.writeString(dir.resolve(TRUTH_FILE), truth.toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(TRUTH_FILE), e);
        }
    }

    /** Two synthetic portfolios are equal when their four lists and their truth are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SyntheticPortfolio p && accounts.equals(p.accounts) && contacts.equals(p.contacts)
                && responses.equals(p.responses) && invitations.equals(p.invitations) && truth.equals(p.truth);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accounts, contacts, responses, invitations, truth);
    }

    /** Summarises the sizes; never prints comments. */
    @Override
    public String toString() {
        return "SyntheticPortfolio[seed=" + truth.seed() + ", accounts=" + accounts.size() + ", contacts="
                + contacts.size() + ", responses=" + responses.size() + ", invitations=" + invitations.size()
                + ", asOf=" + truth.asOf() + "]";
    }

    /**
     * Configures a {@link SyntheticPortfolio}. Every setter validates its arguments at once; {@link #build()} may be
     * called repeatedly and gives equal portfolios for equal settings. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        long seed = 42;
        int accounts = 60;
        double channelShare = 0.3;
        int typicalContacts = 5;
        int maxTypicalContacts = 40;
        double contactSpread = 0.6;
        int largeAccounts = 3;
        int largeMin = 100;
        int largeMax = 250;
        double[] roleMix = {0.06, 0.16, 0.06, 0.72};
        LocalDate firstDay = LocalDate.of(2025, 10, 1);
        int quarters = 4;
        double invitationRate = 0.7;
        double responseRate = 0.45;
        double episodesPerYear = 2.0;
        int owners = 5;
        final Map<String, double[]> attributes = new TreeMap<>();
        double intercept = 8.4;
        double noiseSd = 1.0;
        double ratingSd = 1.7;
        double ratingCorrelation = 0.3;
        final Map<Role, Double> roleOffsets = new TreeMap<>();
        double missingRatings = 0.05;
        double commentRate = 0.35;
        final Map<String, String[][]> commentThemes = new TreeMap<>();
        boolean hostileText = true;
        boolean plant = true;
        final Map<String, Double> competitors = new LinkedHashMap<>();
        double competitorRate = 0.5;
        boolean outcomes = true;

        Builder() {
            attributes.put("delivery", new double[] {0.9, 7.0});
            attributes.put("support", new double[] {0.65, 7.2});
            attributes.put("product-quality", new double[] {0.25, 7.8});
            attributes.put("account-management", new double[] {0.2, 7.4});
            attributes.put("price", new double[] {0.15, 6.2});
            attributes.put("onboarding", new double[] {0.1, 7.1});
            roleOffsets.put(Role.DECISION_MAKER, -0.4);
            roleOffsets.put(Role.INFLUENCER, -0.2);
            roleOffsets.put(Role.GATEKEEPER, 0.0);
            roleOffsets.put(Role.USER, 0.2);
            competitors.put("kessler", 0.8);
            competitors.put("orbis", -0.2);
        }

        /**
         * Sets the seed; the only source of variation between portfolios of equal settings.
         *
         * @param seed any long (default 42)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the number of accounts.
         *
         * @param count 1 to 100 000 (default 60; at least 4 while situations are planted)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder accounts(int count) {
            this.accounts = range(count, 1, 100_000, "accounts");
            return this;
        }

        /**
         * Sets the share of accounts reached through the channel: distributors (about 15 % of them), retailers below
         * the distributors (about 35 %) and end users below the retailers (the rest). The others buy direct.
         *
         * @param share 0 to 1 (default 0.3)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder channelShare(double share) {
            this.channelShare = unit(share, "channel share");
            return this;
        }

        /**
         * Sets the size of ordinary accounts: log-normal around a median, capped.
         *
         * @param median the median number of contacts, at least 1 (default 5)
         * @param max the cap, at least the median (default 40)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder contactsPerAccount(int median, int max) {
            range(median, 1, 10_000, "median contacts per account");
            range(max, median, 10_000, "max contacts per account");
            this.typicalContacts = median;
            this.maxTypicalContacts = max;
            return this;
        }

        /**
         * Sets the spread (σ of the logarithm) of ordinary account sizes.
         *
         * @param sigma 0 (all accounts the median size) to 3 (default 0.6)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder contactSpread(double sigma) {
            this.contactSpread = within(sigma, 0, 3, "contact spread");
            return this;
        }

        /**
         * Sets the heavy tail: how many large (key) accounts there are and their size range. Large accounts are
         * chosen among direct accounts where possible.
         *
         * @param count number of large accounts, 0 or more (default 3)
         * @param minContacts their least number of contacts (default 100)
         * @param maxContacts their greatest number of contacts (default 250)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder largeAccounts(int count, int minContacts, int maxContacts) {
            range(count, 0, 100_000, "large accounts");
            range(minContacts, 1, 100_000, "min contacts of large accounts");
            range(maxContacts, minContacts, 100_000, "max contacts of large accounts");
            this.largeAccounts = count;
            this.largeMin = minContacts;
            this.largeMax = maxContacts;
            return this;
        }

        /**
         * Sets the relative frequency of roles among contacts after the first of each account, which is always a
         * decision-maker.
         *
         * @param decisionMaker weight of decision-makers (default 0.06)
         * @param influencer weight of influencers (default 0.16)
         * @param gatekeeper weight of gatekeepers (default 0.06)
         * @param user weight of users (default 0.72)
         * @return this builder
         * @throws IllegalArgumentException if a weight is negative or not finite, or all are 0
         */
        public Builder roleMix(double decisionMaker, double influencer, double gatekeeper, double user) {
            double[] w = {decisionMaker, influencer, gatekeeper, user};
            double sum = 0;
            for (double x : w) {
                within(x, 0, 1e9, "role weight");
                sum += x;
            }
            if (sum <= 0) {
                throw new IllegalArgumentException("role mix " + java.util.Arrays.toString(w)
                        + " must have a positive weight");
            }
            this.roleMix = w;
            return this;
        }

        /**
         * Sets the periods: consecutive three-month periods from a first day, each with one relationship wave. As-of
         * ({@link Truth#asOf()}) is the last day of the last period.
         *
         * @param firstDay the first day of the first period (default 2025-10-01)
         * @param quarters the number of periods, 1 to 40 (default 4)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder periods(LocalDate firstDay, int quarters) {
            this.firstDay = Objects.requireNonNull(firstDay, "firstDay");
            this.quarters = range(quarters, 1, 40, "quarters");
            return this;
        }

        /**
         * Sets the share of contacts invited to each relationship wave.
         *
         * @param rate above 0 up to 1 (default 0.7)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder invitationRate(double rate) {
            this.invitationRate = unit(rate, "invitation rate");
            if (rate == 0) {
                throw new IllegalArgumentException("invitation rate must be > 0");
            }
            return this;
        }

        /**
         * Sets the share of invited contacts who answer (transactional surveys get 10 points more, at most 90 %).
         *
         * @param rate 0 to 1 (default 0.45)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder responseRate(double rate) {
            this.responseRate = unit(rate, "response rate");
            return this;
        }

        /**
         * Sets how many transactional episodes an account of five contacts has per year on average (larger accounts
         * have more).
         *
         * @param perYear 0 to 100 (default 2)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder episodesPerAccount(double perYear) {
            this.episodesPerYear = within(perYear, 0, 100, "episodes per account and year");
            return this;
        }

        /**
         * Sets the number of account owners (account managers).
         *
         * @param count 1 to 1000 (default 5)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder owners(int count) {
            this.owners = range(count, 1, 1000, "owners");
            return this;
        }

        /**
         * Adds an attribute, or replaces one of the same name, with its true effect and mean rating 7.
         *
         * @param name the attribute name (non-blank, no outer blanks)
         * @param effect the true effect in score points per rating point, finite
         * @return this builder
         * @throws IllegalArgumentException on a bad name or effect
         */
        public Builder attribute(String name, double effect) {
            return attribute(name, effect, 7.0);
        }

        /**
         * Adds an attribute, or replaces one of the same name.
         *
         * @param name the attribute name (non-blank, no outer blanks)
         * @param effect the true effect in score points per rating point, finite
         * @param meanRating the mean rating, 1 to 10
         * @return this builder
         * @throws IllegalArgumentException on a bad name, effect or mean
         */
        public Builder attribute(String name, double effect, double meanRating) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || !name.strip().equals(name)) {
                throw new IllegalArgumentException("attribute name '" + name + "' must be non-blank without outer blanks");
            }
            within(effect, -100, 100, "effect of attribute " + name);
            within(meanRating, 1, 10, "mean rating of attribute " + name);
            attributes.put(name, new double[] {effect, meanRating});
            return this;
        }

        /**
         * Removes all attributes (the default six included); answers then carry no ratings until
         * {@link #attribute} adds some.
         *
         * @return this builder
         */
        public Builder withoutAttributes() {
            attributes.clear();
            return this;
        }

        /**
         * Sets the latent model's intercept, the expected score of an answer with average ratings.
         *
         * @param intercept 0 to 10 (default 8.4)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder intercept(double intercept) {
            this.intercept = within(intercept, 0, 10, "intercept");
            return this;
        }

        /**
         * Sets the standard deviation of the latent model's noise.
         *
         * @param sd 0 to 10 (default 1)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder noise(double sd) {
            this.noiseSd = within(sd, 0, 10, "noise sd");
            return this;
        }

        /**
         * Sets the spread and correlation of attribute ratings (before rounding to 1–10).
         *
         * @param sd the standard deviation of each rating, 0 to 5 (default 1.7)
         * @param correlation the correlation between two ratings of one answer, 0 to 0.95 (default 0.3)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder ratings(double sd, double correlation) {
            this.ratingSd = within(sd, 0, 5, "rating sd");
            this.ratingCorrelation = within(correlation, 0, 0.95, "rating correlation");
            return this;
        }

        /**
         * Sets the score offset of a role (defaults: decision-maker −0.4, influencer −0.2, gatekeeper 0, user +0.2).
         *
         * @param role the role
         * @param offset score points, −10 to 10
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder roleOffset(Role role, double offset) {
            roleOffsets.put(Objects.requireNonNull(role, "role"), within(offset, -10, 10, "offset of role " + role));
            return this;
        }

        /**
         * Sets the share of attribute ratings left missing (completely at random).
         *
         * @param rate 0 to 1 (default 0.05)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder missingRatings(double rate) {
            this.missingRatings = unit(rate, "missing rating rate");
            return this;
        }

        /**
         * Sets the share of answers with a comment (detractors comment more often, passives less). Comments speak
         * about the attribute that pulled the score most in the answer's direction; {@link Truth#commentThemes()}
         * counts them.
         *
         * @param rate 0 to 1 (default 0.35)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder commentRate(double rate) {
            this.commentRate = unit(rate, "comment rate");
            return this;
        }

        /**
         * Sets the comment texts of a theme (an attribute name). A comment speaks about the attribute that pulled its
         * score most in the answer's direction, and picks one of the theme's negative texts for detractors and
         * passives (passives prefixed "Mostly fine.") or one of its positive texts for promoters. The six default
         * attributes have built-in texts; other attributes get "Not happy with …" / "Very happy with …".
         *
         * @param theme the attribute name
         * @param negative texts for detractors and passives, at least one, none blank
         * @param positive texts for promoters, at least one, none blank
         * @return this builder
         * @throws IllegalArgumentException if a list is empty or holds a blank text
         */
        public Builder commentTheme(String theme, List<String> negative, List<String> positive) {
            Objects.requireNonNull(theme, "theme");
            for (List<String> texts : List.of(negative, positive)) {
                if (texts.isEmpty() || texts.stream().anyMatch(t -> t == null || t.isBlank())) {
                    throw new IllegalArgumentException("comment texts of theme " + theme
                            + " must be non-empty lists of non-blank texts: " + texts);
                }
            }
            commentThemes.put(theme, new String[][] {negative.toArray(String[]::new),
                positive.toArray(String[]::new)});
            return this;
        }

        /**
         * Switches hostile text on or off: comments with quotes, commas, newlines, {@code <script>}, spreadsheet
         * formulas such as {@code =HYPERLINK(...)} and non-Latin text (each once, on randomly chosen responses), and
         * two account names with a comma and quotes or Japanese text ({@link HostileText} lists them).
         *
         * @param on true by default
         * @return this builder
         */
        public Builder hostileText(boolean on) {
            this.hostileText = on;
            return this;
        }

        /**
         * Adds a competitor that relationship respondents rate on the same 0–10 scale ({@code competitor:<name>}
         * columns). A respondent's score of a competitor is {@code clamp(round(intercept − offset + 0.5 · (own score −
         * intercept) + noise))}, noise ~ N(0, 1.6²): it goes with the respondent's own score (the same person is
         * generous or strict with everyone), and a positive offset puts the competitor behind us. The defaults are
         * {@code kessler} (offset 0.8) and {@code orbis} (offset −0.2); {@link Truth#competitorOffsets()} lists them.
         * The scores are drawn from their own random stream, so they change no other part of the portfolio.
         *
         * @param name the competitor's name, not blank
         * @param offset how far the competitor's latent score lies below ours, finite
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or the offset not finite
         */
        public Builder competitor(String name, double offset) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || !Double.isFinite(offset)) {
                throw new IllegalArgumentException("competitor '" + name + "' with offset " + offset
                        + ": the name must not be blank and the offset must be finite");
            }
            competitors.put(name.strip(), offset);
            return this;
        }

        /**
         * Removes every competitor (the default ones too): no response then carries a competitor score.
         *
         * @return this builder
         */
        public Builder withoutCompetitors() {
            competitors.clear();
            return this;
        }

        /**
         * Sets the chance that a relationship answer rates each competitor (independently per competitor).
         *
         * @param rate 0 to 1 (default 0.5)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder competitorRate(double rate) {
            this.competitorRate = unit(rate, "competitor rate");
            return this;
        }

        /**
         * Switches account outcomes on or off. When on (the default), each account gets an
         * {@link io.github.nps4j.core.AccountOutcome} that goes with its health h — the expected shift of its answers'
         * scores in score points (its ratings' shift times the sum of the attribute effects; 1.5 points lower for a
         * planted decider-detractor account): renewed with probability
         * {@code logistic(renewalIntercept + renewalSlope · h)}, unknown for about one account in ten (renewal not yet
         * due); and a revenue growth (a fraction, to 3 decimals) of {@code growthIntercept + growthSlope · h + noise},
         * noise ~ N(0, growthSd²). {@link Truth#outcomeModel()} holds the parameters. Outcomes depend on the account,
         * not on who answered, and are drawn from their own random stream, so they change no other part of the
         * portfolio.
         *
         * @param on true by default
         * @return this builder
         */
        public Builder outcomes(boolean on) {
            this.outcomes = on;
            return this;
        }

        /**
         * Switches the planted situations on or off.
         *
         * @param on true by default (needs at least 4 accounts)
         * @return this builder
         */
        public Builder plantSituations(boolean on) {
            this.plant = on;
            return this;
        }

        /**
         * Generates the portfolio.
         *
         * @return the portfolio
         * @throws IllegalStateException if situations are planted with fewer than 4 accounts
         */
        public SyntheticPortfolio build() {
            if (plant && accounts < PlantedSituation.values().length) {
                throw new IllegalStateException("planting " + PlantedSituation.values().length
                        + " situations needs at least that many accounts, not " + accounts
                        + "; add accounts or call plantSituations(false)");
            }
            return new Generator(this).generate();
        }

        Map<String, double[]> attributesCopy() {
            Map<String, double[]> m = new LinkedHashMap<>();
            attributes.forEach((k, v) -> m.put(k, v.clone()));
            return m;
        }

        private static int range(int v, int min, int max, String what) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(what + " " + v + " is out of range; expected " + min + " to " + max);
            }
            return v;
        }

        private static double within(double v, double min, double max, String what) {
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException(what + " " + v + " is out of range; expected " + min + " to " + max);
            }
            return v;
        }

        private static double unit(double v, String what) {
            return within(v, 0, 1, what);
        }
    }
}
