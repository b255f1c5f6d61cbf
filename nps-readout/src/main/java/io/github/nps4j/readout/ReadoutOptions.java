package io.github.nps4j.readout;

import io.github.nps4j.accountmap.AccountMapOptions;
import io.github.nps4j.accountmap.followup.FollowUpOptions;
import io.github.nps4j.accountmap.planner.SurveyPlanner;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.themes.Codebook;
import io.github.nps4j.core.stats.UncertaintyOptions;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a {@link PortfolioReadout}. The as-of day is required and never read from the clock; everything
 * else has a default:
 * <ul>
 * <li>window: the headline figures use each contact's latest answer in the {@value #DEFAULT_WINDOW_DAYS} days up to
 * and including the as-of day;</li>
 * <li>episode: relationship answers when the data hold any, otherwise all episode types mixed (said so in the rules);
 * or one episode type chosen with {@link Builder#episode(EpisodeType)};</li>
 * <li>uncertainty: {@link UncertaintyOptions#defaults()} clustered by account (95 % score intervals);</li>
 * <li>account map: {@link AccountMapOptions#defaults()};</li>
 * <li>follow-ups: {@link FollowUpOptions#defaults()} looking back {@value #DEFAULT_FOLLOW_UP_LOOKBACK_DAYS} days, so
 * a readout taken weeks after a survey wave still lists the wave's detractors (overdue ones are marked);</li>
 * <li>planner: {@link SurveyPlanner#builder()}'s defaults, planning the day after the as-of day;</li>
 * <li>what-if: the most important fix-first attribute raised by {@value #DEFAULT_WHAT_IF_RAISE} point for answers
 * rating it below {@value #DEFAULT_WHAT_IF_BELOW};</li>
 * <li>sizes: the top {@value #DEFAULT_TOP_ACCOUNTS} accounts at risk, {@value #DEFAULT_TOP_FOLLOW_UPS} follow-ups and
 * {@value #DEFAULT_TOP_INVITATIONS} invitations;</li>
 * <li>comment themes: coded by the {@link DefaultCodebook built-in B2B codebook} (support, onboarding, price and
 * value, product quality, reliability, delivery, account management, billing, documentation) unless
 * {@link Builder#codebook(Codebook, String)} gives yours or {@link Builder#noCodebook()} switches themes off;
 * {@value #DEFAULT_THEME_EXAMPLES} example comments per theme.</li>
 * </ul>
 *
 * <p>Example usage:
 * <pre>{@code
 * ReadoutOptions options = ReadoutOptions.builder(LocalDate.of(2026, 9, 30))
 *         .windowDays(180)
 *         .followUps(FollowUpOptions.builder().lookbackDays(30).build())
 *         .topAccountsAtRisk(12)
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ReadoutOptions {
    /** The default window of the headline figures, in days: {@value}. */
    public static final int DEFAULT_WINDOW_DAYS = 365;
    /** The default look-back of the follow-up queue, in days: {@link FollowUpOptions#DEFAULT_LOOKBACK_DAYS}. */
    public static final int DEFAULT_FOLLOW_UP_LOOKBACK_DAYS = FollowUpOptions.DEFAULT_LOOKBACK_DAYS;
    /** The default what-if raise, in rating points: {@value}. */
    public static final double DEFAULT_WHAT_IF_RAISE = 1;
    /** The default what-if threshold: answers rating the attribute below {@value} are raised. */
    public static final double DEFAULT_WHAT_IF_BELOW = 7;
    /** The default number of accounts at risk listed: {@value}. */
    public static final int DEFAULT_TOP_ACCOUNTS = 8;
    /** The default number of follow-up cases listed: {@value}. */
    public static final int DEFAULT_TOP_FOLLOW_UPS = 6;
    /** The default number of invitations listed: {@value}. */
    public static final int DEFAULT_TOP_INVITATIONS = 6;
    /** The default number of example comments kept per theme: {@value}. */
    public static final int DEFAULT_THEME_EXAMPLES = 2;

    private final LocalDate asOf;
    private final int windowDays;
    private final Optional<EpisodeType> episode;
    private final UncertaintyOptions uncertainty;
    private final AccountMapOptions accountMap;
    private final FollowUpOptions followUps;
    private final SurveyPlanner planner;
    private final double whatIfRaise;
    private final double whatIfBelow;
    private final int topAccountsAtRisk;
    private final int topFollowUps;
    private final int topInvitations;
    private final Optional<Codebook> codebook;
    private final String codebookName;
    private final int themeExamples;

    private ReadoutOptions(Builder b) {
        this.asOf = b.asOf;
        this.windowDays = b.windowDays;
        this.episode = b.episode;
        this.uncertainty = b.uncertainty;
        this.accountMap = b.accountMap;
        this.followUps = b.followUps;
        this.planner = b.planner;
        this.whatIfRaise = b.whatIfRaise;
        this.whatIfBelow = b.whatIfBelow;
        this.topAccountsAtRisk = b.topAccountsAtRisk;
        this.topFollowUps = b.topFollowUps;
        this.topInvitations = b.topInvitations;
        this.codebook = b.codebook;
        this.codebookName = b.codebookName;
        this.themeExamples = b.themeExamples;
    }

    /**
     * Returns the defaults for a day.
     *
     * @param asOf the day the readout is for
     * @return the options
     */
    public static ReadoutOptions asOf(LocalDate asOf) {
        return builder(asOf).build();
    }

    /**
     * Starts a builder holding the defaults.
     *
     * @param asOf the day the readout is for (required: the readout never reads the clock)
     * @return a builder
     */
    public static Builder builder(LocalDate asOf) {
        return new Builder(asOf);
    }

    /**
     * Returns the day the readout is for.
     *
     * @return the as-of day
     */
    public LocalDate asOf() {
        return asOf;
    }

    /**
     * Returns the length of the headline window.
     *
     * @return days, the as-of day included
     */
    public int windowDays() {
        return windowDays;
    }

    /**
     * Returns the first day of the headline window: {@code asOf − (windowDays − 1)}.
     *
     * @return the first day
     */
    public LocalDate windowStart() {
        return asOf.minusDays(windowDays - 1L);
    }

    /**
     * Returns the episode type the figures are restricted to, when one was chosen.
     *
     * @return the episode type, or empty for the default (relationship when present, else all mixed)
     */
    public Optional<EpisodeType> episode() {
        return episode;
    }

    /**
     * Returns the uncertainty options of every NPS figure.
     *
     * @return the options
     */
    public UncertaintyOptions uncertainty() {
        return uncertainty;
    }

    /**
     * Returns the account map's settings (window, flags, category rule).
     *
     * @return the settings
     */
    public AccountMapOptions accountMap() {
        return accountMap;
    }

    /**
     * Returns the follow-up queue's settings.
     *
     * @return the settings
     */
    public FollowUpOptions followUps() {
        return followUps;
    }

    /**
     * Returns the survey planner.
     *
     * @return the planner
     */
    public SurveyPlanner planner() {
        return planner;
    }

    /**
     * Returns how many rating points the what-if adds.
     *
     * @return the raise
     */
    public double whatIfRaise() {
        return whatIfRaise;
    }

    /**
     * Returns the what-if threshold: answers rating the attribute below it are raised.
     *
     * @return the threshold
     */
    public double whatIfBelow() {
        return whatIfBelow;
    }

    /**
     * Returns how many accounts at risk are listed.
     *
     * @return the number
     */
    public int topAccountsAtRisk() {
        return topAccountsAtRisk;
    }

    /**
     * Returns how many follow-up cases are listed.
     *
     * @return the number
     */
    public int topFollowUps() {
        return topFollowUps;
    }

    /**
     * Returns how many invitations are listed.
     *
     * @return the number
     */
    public int topInvitations() {
        return topInvitations;
    }

    /**
     * Returns the codebook that codes the comments into themes.
     *
     * @return the codebook ({@link DefaultCodebook#b2b()} by default), or empty when themes are switched off
     */
    public Optional<Codebook> codebook() {
        return codebook;
    }

    /**
     * Returns how the rules name the codebook, e.g. {@code built-in B2B codebook} or a file name.
     *
     * @return the name
     */
    public String codebookName() {
        return codebookName;
    }

    /**
     * Returns how many example comments are kept per theme.
     *
     * @return the number, 0 for none
     */
    public int themeExamples() {
        return themeExamples;
    }

    /** A builder; validates every value when it is set. */
    public static final class Builder {
        private final LocalDate asOf;
        private int windowDays = DEFAULT_WINDOW_DAYS;
        private Optional<EpisodeType> episode = Optional.empty();
        private UncertaintyOptions uncertainty = UncertaintyOptions.defaults().clusteredByAccount();
        private AccountMapOptions accountMap = AccountMapOptions.defaults();
        private FollowUpOptions followUps = FollowUpOptions.defaults();
        private SurveyPlanner planner = SurveyPlanner.builder().build();
        private double whatIfRaise = DEFAULT_WHAT_IF_RAISE;
        private double whatIfBelow = DEFAULT_WHAT_IF_BELOW;
        private int topAccountsAtRisk = DEFAULT_TOP_ACCOUNTS;
        private int topFollowUps = DEFAULT_TOP_FOLLOW_UPS;
        private int topInvitations = DEFAULT_TOP_INVITATIONS;
        private Optional<Codebook> codebook = Optional.of(DefaultCodebook.b2b());
        private String codebookName = DefaultCodebook.NAME;
        private int themeExamples = DEFAULT_THEME_EXAMPLES;

        private Builder(LocalDate asOf) {
            this.asOf = Objects.requireNonNull(asOf, "asOf");
        }

        /**
         * Sets the length of the headline window.
         *
         * @param days at least 1, the as-of day included
         * @return this builder
         * @throws IllegalArgumentException if {@code days < 1}
         */
        public Builder windowDays(int days) {
            this.windowDays = positive(days, "windowDays");
            return this;
        }

        /**
         * Restricts every figure to one episode type.
         *
         * @param type the episode type, e.g. {@link EpisodeType#RELATIONSHIP}
         * @return this builder
         */
        public Builder episode(EpisodeType type) {
            this.episode = Optional.of(Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * Sets the uncertainty options of every NPS figure.
         *
         * @param options the options
         * @return this builder
         */
        public Builder uncertainty(UncertaintyOptions options) {
            this.uncertainty = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets the account map's settings.
         *
         * @param options the settings
         * @return this builder
         */
        public Builder accountMap(AccountMapOptions options) {
            this.accountMap = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets the follow-up queue's settings (replacing the default look-back of
         * {@value #DEFAULT_FOLLOW_UP_LOOKBACK_DAYS} days).
         *
         * @param options the settings
         * @return this builder
         */
        public Builder followUps(FollowUpOptions options) {
            this.followUps = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets the survey planner.
         *
         * @param planner the planner, e.g. {@code SurveyPlanner.builder().quietDays(60).build()}
         * @return this builder
         */
        public Builder planner(SurveyPlanner planner) {
            this.planner = Objects.requireNonNull(planner, "planner");
            return this;
        }

        /**
         * Sets the what-if scenario: the chosen attribute rises by {@code raise} points for answers rating it below
         * {@code below}.
         *
         * @param raise the raise, positive and finite
         * @param below the threshold, finite
         * @return this builder
         * @throws IllegalArgumentException if the raise is not positive and finite or the threshold not finite
         */
        public Builder whatIf(double raise, double below) {
            if (!(raise > 0) || !Double.isFinite(raise)) {
                throw new IllegalArgumentException("what-if raise " + raise + " must be positive and finite");
            }
            if (!Double.isFinite(below)) {
                throw new IllegalArgumentException("what-if threshold " + below + " must be finite");
            }
            this.whatIfRaise = raise;
            this.whatIfBelow = below;
            return this;
        }

        /**
         * Sets how many accounts at risk are listed.
         *
         * @param n at least 0
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 0}
         */
        public Builder topAccountsAtRisk(int n) {
            this.topAccountsAtRisk = nonNegative(n, "topAccountsAtRisk");
            return this;
        }

        /**
         * Sets how many follow-up cases are listed.
         *
         * @param n at least 0
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 0}
         */
        public Builder topFollowUps(int n) {
            this.topFollowUps = nonNegative(n, "topFollowUps");
            return this;
        }

        /**
         * Sets how many invitations are listed.
         *
         * @param n at least 0
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 0}
         */
        public Builder topInvitations(int n) {
            this.topInvitations = nonNegative(n, "topInvitations");
            return this;
        }

        /**
         * Codes the comments with your codebook instead of the {@linkplain DefaultCodebook built-in one}.
         *
         * @param book the codebook, e.g. {@code Codebook.read(Path.of("codebook.csv"))}
         * @param name how the rules name it, e.g. its file name (never a local path: rules are shown to readers)
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder codebook(Codebook book, String name) {
            Objects.requireNonNull(book, "book");
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("codebook name must not be blank");
            }
            this.codebook = Optional.of(book);
            this.codebookName = name.strip();
            return this;
        }

        /**
         * Switches comment themes off: the readout's themes section then says that no codebook was given.
         *
         * @return this builder
         */
        public Builder noCodebook() {
            this.codebook = Optional.empty();
            this.codebookName = "none";
            return this;
        }

        /**
         * Sets how many example comments are kept per theme (personal data, for the company's own staff).
         *
         * @param n at least 0; 0 keeps none
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 0}
         */
        public Builder themeExamples(int n) {
            this.themeExamples = nonNegative(n, "themeExamples");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public ReadoutOptions build() {
            return new ReadoutOptions(this);
        }

        private static int positive(int v, String name) {
            if (v < 1) {
                throw new IllegalArgumentException(name + " " + v + " must be at least 1");
            }
            return v;
        }

        private static int nonNegative(int v, String name) {
            if (v < 0) {
                throw new IllegalArgumentException(name + " " + v + " must not be negative");
            }
            return v;
        }
    }
}
