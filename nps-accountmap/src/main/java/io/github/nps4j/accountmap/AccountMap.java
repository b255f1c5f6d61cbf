package io.github.nps4j.accountmap;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.AccountCountNps;
import io.github.nps4j.core.AccountHierarchy;
import io.github.nps4j.core.AccountView;
import io.github.nps4j.core.AccountViews;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.DateWindow;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.NpsEstimate;
import io.github.nps4j.core.NpsScorer;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.RolePolicy;
import io.github.nps4j.core.Tally;
import io.github.nps4j.core.Tier;
import io.github.nps4j.core.internal.ResponseCodes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The account maps of a whole portfolio as of one date, with revenue at risk, the channel view and the portfolio
 * overview. The entry point is {@link #of(Portfolio, LocalDate, AccountMapOptions)}.
 *
 * <h2>What is computed, exactly</h2>
 * <ul>
 * <li><b>Windows</b> are half-open {@code (asOf − days, asOf]} ({@link DateWindow}): the as-of day is included.
 * Answers and invitations after the as-of day are ignored, so a map "as of" a past date can be reproduced.</li>
 * <li><b>Which answers</b>: by default all episode types, relationship and transactional alike, because a contact's
 * latest stance is their latest answer; restrict with {@link AccountMapOptions.Builder#episodes}.</li>
 * <li><b>Latest answer</b> of a contact in a window: greatest answer time, ties broken by greatest response id
 * ({@link Dedupe#LATEST_PER_CONTACT}).</li>
 * <li><b>Roles</b>: a contact is mapped by its role in the contact list, and its answers are read in that role
 * (people are placed by their current role). A contact that answered but is missing from the contact list is added
 * with its answer's role (or {@link AccountMapOptions#UNKNOWN_ROLE}) and counts as mapped.</li>
 * <li><b>Account NPS</b>: the unweighted NPS ({@link NpsScorer#scoreAll}) of the contacts' latest answers in the
 * window; mean score (labelled "mean score", never NPS), waterfall (the answer of the most senior role present) and
 * the account category (by default the role-weighted mean score's category, ≥ 9 promoter, ≥ 7 passive, else
 * detractor) through {@link AccountViews}.</li>
 * <li><b>Flags</b>: see {@link Flag}; <b>declining</b>: see {@link DeclineCheck}.</li>
 * <li><b>Risk</b>: severity = Σ {@link AccountMapOptions#flagRiskWeights() weights of the flags raised} +
 * {@link AccountMapOptions#categoryRiskWeights() weight of the account category}; risk score = severity × annual
 * value (0 when unknown). See {@link PortfolioOverview} for the ranking and {@link RevenueAtRisk} for the rule.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. Nothing is logged. Example usage:
 * <pre>{@code
 * AccountMap map = AccountMap.of(portfolio, LocalDate.of(2026, 6, 30), AccountMapOptions.defaults());
 * for (MappedAccount a : map.accounts()) {
 *     System.out.println(a.account().name() + " " + a.nps() + " " + a.flags());
 * }
 * double atRisk = map.revenueAtRisk().total();
 * }</pre>
 *
 * @param asOf the as-of day (included in every window)
 * @param options the options used
 * @param accounts one map per account, in the portfolio's order
 * @param revenueAtRisk the revenue at risk
 * @param channel NPS by tier and through the channel
 * @param overview the risk ranking, coverage by role and account-count NPS
 * @since 0.1.0
 */
public record AccountMap(LocalDate asOf, AccountMapOptions options, List<MappedAccount> accounts,
        RevenueAtRisk revenueAtRisk, ChannelView channel, PortfolioOverview overview) {

    /** Copies the list (indexed by account id for {@link #account(String)}). */
    public AccountMap {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(options, "options");
        accounts = MappedAccounts.of(accounts);
        Objects.requireNonNull(revenueAtRisk, "revenueAtRisk");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(overview, "overview");
    }

    /**
     * Maps every account of the portfolio with the default options.
     *
     * @param portfolio the portfolio (not modified)
     * @param asOf the as-of day
     * @return the map
     * @throws IllegalArgumentException as {@link #of(Portfolio, LocalDate, AccountMapOptions)}
     */
    public static AccountMap of(Portfolio portfolio, LocalDate asOf) {
        return of(portfolio, asOf, AccountMapOptions.defaults());
    }

    /**
     * Maps every account of the portfolio.
     *
     * @param portfolio the portfolio (not modified)
     * @param asOf the as-of day
     * @param options the options
     * @return the map
     * @throws IllegalArgumentException if a response names an account that is not in the portfolio, or a contact of
     *         another account; if an invitation names a contact that is not in the portfolio; or if the parent links
     *         are broken (unknown parent, cycle) — each message names the offending id
     */
    public static AccountMap of(Portfolio portfolio, LocalDate asOf, AccountMapOptions options) {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(options, "options");
        return new Builder(portfolio, asOf, options).build();
    }

    /**
     * Looks up one account's map.
     *
     * @param accountId the account id
     * @return its map, if the account is in the portfolio
     */
    public Optional<MappedAccount> account(String accountId) {
        if (accounts instanceof MappedAccounts indexed) {
            return indexed.find(accountId);
        }
        return accounts.stream().filter(a -> a.accountId().equals(accountId)).findFirst();
    }

    /** The computation; one instance per call. */
    private static final class Builder {
        private final Portfolio portfolio;
        private final LocalDate asOf;
        private final AccountMapOptions options;
        private final DateWindow window;
        private final Map<String, Account> accounts;
        private final Map<String, Contact> contacts;
        /** The portfolio's responses as codes: each response is made only when it is a contact's latest answer. */
        private final ResponseCodes codes;
        /** Per account code, the rows of its answers that count (not after the as-of day, episode counted). */
        private final int[][] rowsByAccount;
        /** Account codes by id. */
        private final Map<String, Integer> accountCodes;
        /** Per contact code, the contact of the contact list, or null. */
        private final Contact[] contactOf;
        /** Contact codes by id, of the listed contacts that have a response. */
        private final Map<String, Integer> listedContactCodes = new HashMap<>();
        /**
         * Per contact code, the position (in {@link AccountRows}) of the contact's latest answer in the window being
         * picked, or -1 (reset after use).
         */
        private final int[] latestOfContact;
        /** Per contact code, the contact's latest answer in the map window while one account is mapped, or null. */
        private final Response[] answerOfContact;
        /** The contacts invited in the map window (an episode counted); a contact belongs to one account. */
        private final Set<String> invited = new HashSet<>();
        private final Map<String, List<Contact>> contactsByAccount = new HashMap<>();
        private final AccountViews views;
        /** Contacts in seniority order of their roles, then by id. */
        private final Comparator<ContactEntry> entryOrder;
        private final DateWindow recent;
        private final DateWindow silence;

        /**
         * Checks every response and groups the counted ones by account, looking each distinct account, contact and
         * episode up once (by code) instead of once per response.
         */
        Builder(Portfolio portfolio, LocalDate asOf, AccountMapOptions options) {
            this.portfolio = portfolio;
            this.asOf = asOf;
            this.options = options;
            this.window = DateWindow.lastDays(asOf, options.windowDays());
            this.accounts = portfolio.accountsById();
            this.contacts = portfolio.contactsById();
            this.views = AccountViews.builder().rolePolicy(options.rolePolicy())
                    .rule(options.categoryRule()).dedupe(Dedupe.NONE).build();
            this.entryOrder = Comparator.comparing(ContactEntry::role, roleOrder())
                    .thenComparing(ContactEntry::contactId);
            this.recent = DateWindow.lastDays(asOf, options.decliningDays());
            this.silence = DateWindow.lastDays(asOf, options.silentDays());
            for (Contact c : portfolio.contacts()) {
                contactsByAccount.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(c);
            }
            codes = ResponseCodes.of(portfolio.responses());
            accountCodes = codes.accountCodes();
            boolean[] knownAccount = new boolean[codes.accounts()];
            for (int a = 0; a < knownAccount.length; a++) {
                knownAccount[a] = accounts.containsKey(codes.accountId(a));
            }
            contactOf = new Contact[codes.contacts()];
            // the account code of each contact's account: -1 without a contact, -2 for an account no response names
            int[] accountOfContact = new int[codes.contacts()];
            for (int c = 0; c < contactOf.length; c++) {
                Contact k = contacts.get(codes.contactId(c));
                contactOf[c] = k;
                accountOfContact[c] = k == null ? -1 : accountCodes.getOrDefault(k.accountId(), -2);
                if (k != null) {
                    listedContactCodes.put(k.id(), c);
                }
            }
            latestOfContact = new int[codes.contacts()];
            answerOfContact = new Response[codes.contacts()];
            java.util.Arrays.fill(latestOfContact, -1);
            boolean[] countedEpisode = new boolean[codes.episodeCodes()];
            for (int e = 0; e < countedEpisode.length; e++) {
                countedEpisode[e] = options.counts(codes.episodeValue(e));
            }
            long lastDay = asOf.toEpochDay();
            for (int i = 0; i < codes.size(); i++) {
                int a = codes.account(i);
                if (!knownAccount[a]) {
                    throw new IllegalArgumentException("response " + codes.id(i) + " names account "
                            + codes.accountId(a) + ", which is not in the portfolio");
                }
                int c = codes.contact(i);
                if (accountOfContact[c] != -1 && accountOfContact[c] != a) {
                    Contact k = contactOf[c];
                    throw new IllegalArgumentException("response " + codes.id(i) + " names account "
                            + codes.accountId(a) + " but its contact " + k.id() + " belongs to account "
                            + k.accountId());
                }
            }
            rowsByAccount = codes.rowsByAccount(i -> codes.epochDay(i) <= lastDay
                    && countedEpisode[codes.episodeCode(i)]);
            for (Invitation i : portfolio.invitations()) {
                Contact c = contacts.get(i.contactId());
                if (c == null) {
                    throw new IllegalArgumentException("invitation of " + i.invitedAt() + " names contact "
                            + i.contactId() + ", which is not in the portfolio");
                }
                if (window.contains(i.invitedAt()) && options.counts(i.episode())) {
                    invited.add(c.id());
                }
            }
        }

        AccountMap build() {
            List<MappedAccount> mapped = new ArrayList<>();
            for (Account a : portfolio.accounts()) {
                mapped.add(mapAccount(a));
            }
            ChannelView channel = channel(mapped);
            return new AccountMap(asOf, options, mapped, revenueAtRisk(mapped), channel, overview(mapped));
        }

        private MappedAccount mapAccount(Account account) {
            AccountRows rows = rowsOf(account);
            int[] latestRows = latestIn(rows, window);
            List<Response> latest = answers(latestRows);
            List<ContactEntry> entries = entries(account, latestRows, latest);
            Map<Role, RoleCoverage> roles = coverage(entries);

            AccountView view = views.view(account.id(), latest);
            AccountTrend trend = new AccountTrend(window, view.accountNps(), window.previous(),
                    scoreAll(latestIn(rows, window.previous())));
            DeclineCheck decline = DeclineCheck.of(recent, scoreAll(latestIn(rows, recent)), recent.previous(),
                    scoreAll(latestIn(rows, recent.previous())), options.significanceLevel());
            Optional<LocalDate> lastAnswer = lastAnswer(rows);

            Set<Flag> flags = flags(latest, entries, lastAnswer, decline);
            double severity = 0;
            for (Flag f : flags) {
                severity += options.flagRiskWeights().get(f);
            }
            if (view.category().isPresent()) {
                severity += options.categoryRiskWeights().get(view.category().get());
            }
            double score = severity * account.annualValue().orElse(0);
            return new MappedAccount(account, window, entries, roles, view, trend, decline, flags, lastAnswer,
                    severity, score);
        }

        /**
         * The account's contacts: each listed one, with its latest answer in the window if any, and each one that
         * answered in the window but is not listed; sorted by {@link #entryOrder}.
         *
         * @param latestRows the rows of the contacts' latest answers in the window
         * @param latest the responses of those rows, in the same order
         */
        private List<ContactEntry> entries(Account account, int[] latestRows, List<Response> latest) {
            List<Contact> listed = contactsByAccount.getOrDefault(account.id(), List.of());
            List<ContactEntry> entries = new ArrayList<>(listed.size() + latest.size());
            for (int j = 0; j < latestRows.length; j++) {
                answerOfContact[codes.contact(latestRows[j])] = latest.get(j);
            }
            for (Contact c : listed) {
                Integer k = listedContactCodes.get(c.id());
                Optional<Response> answer = Optional.ofNullable(k == null ? null : answerOfContact[k]);
                entries.add(new ContactEntry(c.id(), c.role(), true, answer.isPresent() || invited.contains(c.id()),
                        answer));
            }
            for (int j = 0; j < latestRows.length; j++) {
                int k = codes.contact(latestRows[j]);
                answerOfContact[k] = null;
                if (contactOf[k] == null) {
                    // answered but not listed (a listed contact of another account was refused in the constructor)
                    Response r = latest.get(j);
                    entries.add(new ContactEntry(r.contactId(), r.role().orElseThrow(), false, true,
                            Optional.of(r)));
                }
            }
            entries.sort(entryOrder);
            return entries;
        }

        /**
         * Coverage per role of sorted contacts: the seniority roles first (empty if nobody holds them), then any
         * other role, in {@link #roleOrder()}; one count per contact.
         */
        private Map<Role, RoleCoverage> coverage(List<ContactEntry> sorted) {
            Map<Role, RoleCoverage> roles = new LinkedHashMap<>();
            for (Role r : options.rolePolicy().seniority()) {
                roles.put(r, RoleCoverage.empty(r));
            }
            // sorted by role order, so each role's contacts are one run; a seniority role keeps its place above
            int i = 0;
            while (i < sorted.size()) {
                Role role = sorted.get(i).role();
                long mapped = 0;
                long invitedCount = 0;
                long responded = 0;
                long promoters = 0;
                long passives = 0;
                long detractors = 0;
                for (; i < sorted.size() && sorted.get(i).role().equals(role); i++) {
                    ContactEntry e = sorted.get(i);
                    mapped++;
                    invitedCount += e.invited() ? 1 : 0;
                    if (e.latestAnswer().isPresent()) {
                        responded++;
                        switch (e.latestAnswer().get().category()) {
                            case PROMOTER -> promoters++;
                            case PASSIVE -> passives++;
                            case DETRACTOR -> detractors++;
                            default -> throw new AssertionError(e);
                        }
                    }
                }
                roles.put(role, new RoleCoverage(role, mapped, invitedCount, responded, promoters, passives,
                        detractors));
            }
            return roles;
        }

        private Set<Flag> flags(List<Response> latest, List<ContactEntry> entries, Optional<LocalDate> lastAnswer,
                DeclineCheck decline) {
            Set<Flag> flags = EnumSet.noneOf(Flag.class);
            RolePolicy policy = options.rolePolicy();
            boolean deciderHeard = false;
            boolean keyPromoter = false;
            boolean keyDetractor = false;
            for (Response r : latest) {
                Role role = r.role().orElseThrow();
                boolean decider = policy.isDecider(role);
                deciderHeard |= decider;
                if (decider && r.category() == Category.DETRACTOR) {
                    flags.add(Flag.DECIDER_DETRACTOR);
                }
                if (decider || policy.isInfluencer(role)) {
                    keyPromoter |= r.category() == Category.PROMOTER;
                    keyDetractor |= r.category() == Category.DETRACTOR;
                }
            }
            if (!deciderHeard) {
                flags.add(Flag.NO_DECIDER_HEARD);
            }
            if (lastAnswer.isEmpty() || !silence.contains(lastAnswer.get())) {
                flags.add(Flag.SILENT);
            }
            if (keyPromoter && keyDetractor) {
                flags.add(Flag.POLARISED);
            }
            long responded = 0;
            for (ContactEntry e : entries) {
                responded += e.responded() ? 1 : 0;
            }
            if (entries.isEmpty() || (double) responded / entries.size() < options.lowCoverageShare()) {
                flags.add(Flag.LOW_COVERAGE);
            }
            if (decline.significantDecline()) {
                flags.add(Flag.DECLINING);
            }
            return flags;
        }

        /**
         * The responses of some rows, each read in its contact's role (as {@link AccountMap} documents): the
         * contact list's role, else the answer's own, else {@link AccountMapOptions#UNKNOWN_ROLE}.
         */
        private List<Response> answers(int[] rows) {
            List<Response> out = new ArrayList<>(rows.length);
            for (int row : rows) {
                Contact c = contactOf[codes.contact(row)];
                if (c != null) {
                    out.add(codes.response(row, c.role()));
                } else if (codes.roleValue(codes.roleCode(row)).isPresent()) {
                    out.add(codes.response(row));
                } else {
                    out.add(codes.response(row, AccountMapOptions.UNKNOWN_ROLE));
                }
            }
            return out;
        }

        /**
         * One account's counted rows with their answer days and contact codes, copied once from the portfolio's
         * columns: an account's rows lie far apart in them, so the windows, each read more than once, read these.
         *
         * @param rows the rows, in list order
         * @param days each row's answer day ({@link ResponseCodes#epochDay})
         * @param contacts each row's contact code
         */
        private record AccountRows(int[] rows, long[] days, int[] contacts) {
        }

        private AccountRows rowsOf(Account account) {
            Integer code = accountCodes.get(account.id());
            int[] rows = code == null ? new int[0] : rowsByAccount[code];
            long[] days = new long[rows.length];
            int[] contactCodes = new int[rows.length];
            for (int j = 0; j < rows.length; j++) {
                days[j] = codes.epochDay(rows[j]);
                contactCodes[j] = codes.contact(rows[j]);
            }
            return new AccountRows(rows, days, contactCodes);
        }

        /**
         * The rows of each contact's latest answer in a window, in list order: {@link Dedupe#LATEST_PER_CONTACT} of
         * the rows answered in the window, by code (no response made).
         */
        private int[] latestIn(AccountRows a, DateWindow w) {
            long after = w.start().toEpochDay();
            long last = w.end().toEpochDay();
            long[] days = a.days();
            int[] contactCodes = a.contacts();
            int t = 0;
            for (int j = 0; j < days.length; j++) {
                long day = days[j];
                if (day <= after || day > last) {
                    continue;
                }
                int c = contactCodes[j];
                int best = latestOfContact[c];
                if (best < 0) {
                    t++;
                    latestOfContact[c] = j;
                } else if (day > days[best] || day == days[best] && codes.isLater(a.rows()[j], a.rows()[best])) {
                    // a later day is a later answer; on one day the time, then the response id, decide
                    latestOfContact[c] = j;
                }
            }
            // a second pass keeps list order without sorting, and clears what the first one set
            int[] out = new int[t];
            int n = 0;
            for (int j = 0; j < days.length; j++) {
                int c = contactCodes[j];
                if (latestOfContact[c] == j) {
                    out[n++] = a.rows()[j];
                    latestOfContact[c] = -1;
                }
            }
            return out;
        }

        /** {@link NpsScorer#scoreAll} of the responses of some rows, from their scores (no response made). */
        private NpsEstimate scoreAll(int[] rows) {
            Tally t = new Tally();
            for (int row : rows) {
                t.add(Category.of(codes.score(row)), 1.0);
            }
            return t.snapshot();
        }

        /** The day of the account's latest answer, if any. */
        private Optional<LocalDate> lastAnswer(AccountRows a) {
            if (a.days().length == 0) {
                return Optional.empty();
            }
            long max = Long.MIN_VALUE;
            for (long day : a.days()) {
                max = Math.max(max, day);
            }
            return Optional.of(LocalDate.ofEpochDay(max));
        }

        private Comparator<Role> roleOrder() {
            return options.rolePolicy().bySeniority();
        }

        private RevenueAtRisk revenueAtRisk(List<MappedAccount> mapped) {
            double total = 0;
            Map<Tier, Double> byTier = new TreeMap<>();
            Map<String, Double> byOwner = new TreeMap<>();
            List<String> ids = new ArrayList<>();
            long withoutValue = 0;
            for (MappedAccount m : mapped) {
                boolean atRisk = m.category().equals(Optional.of(Category.DETRACTOR))
                        || m.has(Flag.DECIDER_DETRACTOR);
                if (!atRisk) {
                    continue;
                }
                ids.add(m.accountId());
                Account a = m.account();
                if (a.annualValue().isEmpty()) {
                    withoutValue++;
                }
                double v = a.annualValue().orElse(0);
                total += v;
                byTier.merge(a.tier(), v, Double::sum);
                byOwner.merge(a.owner().orElse(RevenueAtRisk.NO_OWNER), v, Double::sum);
            }
            String rule = "summed annual value of accounts whose account category ("
                    + options.categoryRule().description() + ") is detractor or that carry "
                    + Flag.DECIDER_DETRACTOR.label() + ", as of " + asOf + ", window " + window
                    + "; accounts without an annual value add 0";
            return new RevenueAtRisk(total, rule, byTier, byOwner, ids, withoutValue);
        }

        private ChannelView channel(List<MappedAccount> mapped) {
            // each account's latest answers (its contacts' order), and all of them by tier
            Map<String, List<Response>> latestByAccount = new HashMap<>();
            Map<Tier, List<Response>> byTier = new TreeMap<>();
            for (MappedAccount m : mapped) {
                List<Response> own = new ArrayList<>();
                for (ContactEntry e : m.contacts()) {
                    e.latestAnswer().ifPresent(own::add);
                }
                latestByAccount.put(m.accountId(), own);
                if (!own.isEmpty()) {
                    byTier.computeIfAbsent(m.account().tier(), k -> new ArrayList<>()).addAll(own);
                }
            }
            Map<Tier, NpsEstimate> tierNps = new TreeMap<>();
            byTier.forEach((t, rs) -> tierNps.put(t, NpsScorer.scoreAll(rs)));
            AccountHierarchy h = AccountHierarchy.of(portfolio.accounts());
            List<ChannelNode> nodes = new ArrayList<>();
            for (MappedAccount m : mapped) {
                Account a = m.account();
                NpsEstimate own = NpsScorer.scoreAll(latestByAccount.get(a.id()));
                List<String> children = h.children(a.id());
                if (children.isEmpty()) {
                    // a leaf is its own subtree
                    nodes.add(new ChannelNode(a.id(), a.tier(), a.parentId(), children, own, own,
                            Map.of(a.tier(), own)));
                    continue;
                }
                Map<Tier, List<Response>> subByTier = new TreeMap<>();
                List<Response> sub = new ArrayList<>();
                for (String id : h.subtree(a.id())) {
                    List<Response> rs = latestByAccount.get(id);
                    sub.addAll(rs);
                    subByTier.computeIfAbsent(accounts.get(id).tier(), k -> new ArrayList<>()).addAll(rs);
                }
                Map<Tier, NpsEstimate> subTierNps = new TreeMap<>();
                subByTier.forEach((t, rs) -> subTierNps.put(t, NpsScorer.scoreAll(rs)));
                nodes.add(new ChannelNode(a.id(), a.tier(), a.parentId(), children, own, NpsScorer.scoreAll(sub),
                        subTierNps));
            }
            return new ChannelView(tierNps, nodes);
        }

        private PortfolioOverview overview(List<MappedAccount> mapped) {
            List<MappedAccount> sorted = new ArrayList<>(mapped);
            sorted.sort(Comparator.comparingDouble(MappedAccount::riskScore).reversed()
                    .thenComparing(Comparator.comparingDouble(MappedAccount::riskSeverity).reversed())
                    .thenComparing(MappedAccount::accountId));
            List<RiskEntry> ranking = new ArrayList<>();
            for (MappedAccount m : sorted) {
                ranking.add(new RiskEntry(ranking.size() + 1, m.accountId(), m.account().name(), m.riskScore(),
                        m.riskSeverity(), m.flags(), m.category(), m.account().annualValue()));
            }
            Map<Role, RoleCoverage> coverage = new TreeMap<>(roleOrder());
            for (MappedAccount m : mapped) {
                m.roles().forEach((r, c) -> coverage.merge(r, c, RoleCoverage::merge));
            }
            List<AccountView> classified = mapped.stream().map(MappedAccount::view)
                    .filter(v -> v.category().isPresent()).toList();
            boolean allValued = classified.stream()
                    .allMatch(v -> accounts.get(v.accountId()).annualValue().isPresent());
            AccountCountNps acn = views.accountCountNps(classified,
                    allValued && !classified.isEmpty() ? accounts : Map.of());
            return new PortfolioOverview(ranking, new LinkedHashMap<>(coverage), acn);
        }
    }
}
