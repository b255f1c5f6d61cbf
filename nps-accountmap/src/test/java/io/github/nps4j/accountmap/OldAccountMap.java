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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link AccountMap#of(Portfolio, LocalDate, AccountMapOptions)} as it was before each account's contacts and
 * coverage were counted without per-account hash sets and per-contact coverage records (commit 9152507), kept as the
 * oracle of {@code AccountMapCodedPathPropertyTest}.
 */
final class OldAccountMap {
    private OldAccountMap() {
    }

    static AccountMap of(Portfolio portfolio, LocalDate asOf, AccountMapOptions options) {
        return new Builder(portfolio, asOf, options).build();
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
        /** Per contact code, the latest row of the contact in the window being picked, or -1 (reset after use). */
        private final int[] latestOfContact;
        private final Map<String, List<Invitation>> invitationsByAccount = new HashMap<>();
        private final Map<String, List<Contact>> contactsByAccount = new HashMap<>();
        private final AccountViews views;

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
            }
            latestOfContact = new int[codes.contacts()];
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
                    invitationsByAccount.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(i);
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
            Integer code = accountCodes.get(account.id());
            int[] rows = code == null ? new int[0] : rowsByAccount[code];
            List<Response> latest = answers(latestIn(rows, window));
            Map<String, Response> latestByContact = new HashMap<>();
            latest.forEach(r -> latestByContact.put(r.contactId(), r));
            Set<String> invited = new HashSet<>();
            invitationsByAccount.getOrDefault(account.id(), List.of()).forEach(i -> invited.add(i.contactId()));

            List<ContactEntry> entries = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Contact c : contactsByAccount.getOrDefault(account.id(), List.of())) {
                seen.add(c.id());
                Optional<Response> answer = Optional.ofNullable(latestByContact.get(c.id()));
                entries.add(new ContactEntry(c.id(), c.role(), true, invited.contains(c.id()) || answer.isPresent(),
                        answer));
            }
            for (Response r : latest) {
                if (seen.add(r.contactId())) {
                    entries.add(new ContactEntry(r.contactId(), r.role().orElseThrow(), false, true,
                            Optional.of(r)));
                }
            }
            Comparator<Role> roleOrder = roleOrder();
            entries.sort(Comparator.comparing(ContactEntry::role, roleOrder).thenComparing(ContactEntry::contactId));
            Map<Role, RoleCoverage> roles = new TreeMap<>(roleOrder);
            for (Role r : options.rolePolicy().seniority()) {
                roles.put(r, RoleCoverage.empty(r));
            }
            for (ContactEntry e : entries) {
                roles.merge(e.role(), RoleCoverage.empty(e.role()).plus(e), RoleCoverage::merge);
            }

            AccountView view = views.view(account.id(), latest);
            AccountTrend trend = new AccountTrend(window, view.accountNps(), window.previous(),
                    scoreAll(latestIn(rows, window.previous())));
            DateWindow recent = DateWindow.lastDays(asOf, options.decliningDays());
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
            DateWindow silence = DateWindow.lastDays(asOf, options.silentDays());
            if (lastAnswer.isEmpty() || !silence.contains(lastAnswer.get())) {
                flags.add(Flag.SILENT);
            }
            if (keyPromoter && keyDetractor) {
                flags.add(Flag.POLARISED);
            }
            long responded = entries.stream().filter(ContactEntry::responded).count();
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
         * The rows of each contact's latest answer in a window, in list order: {@link Dedupe#LATEST_PER_CONTACT} of
         * the rows answered in the window, by code (no response made).
         */
        private int[] latestIn(int[] rows, DateWindow w) {
            long after = w.start().toEpochDay();
            long last = w.end().toEpochDay();
            int t = 0;
            for (int row : rows) {
                long day = codes.epochDay(row);
                if (day <= after || day > last) {
                    continue;
                }
                int c = codes.contact(row);
                int best = latestOfContact[c];
                if (best < 0) {
                    t++;
                    latestOfContact[c] = row;
                } else if (codes.isLater(row, best)) {
                    latestOfContact[c] = row;
                }
            }
            // a second pass keeps list order without sorting, and clears what the first one set
            int[] out = new int[t];
            int n = 0;
            for (int row : rows) {
                int c = codes.contact(row);
                if (latestOfContact[c] == row) {
                    out[n++] = row;
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

        /** The day of the latest of some rows, if any. */
        private Optional<LocalDate> lastAnswer(int[] rows) {
            if (rows.length == 0) {
                return Optional.empty();
            }
            long max = Long.MIN_VALUE;
            for (int row : rows) {
                max = Math.max(max, codes.epochDay(row));
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
            List<Response> latest = new ArrayList<>();
            Map<Tier, List<Response>> byTier = new TreeMap<>();
            for (MappedAccount m : mapped) {
                for (ContactEntry e : m.contacts()) {
                    e.latestAnswer().ifPresent(r -> {
                        latest.add(r);
                        byTier.computeIfAbsent(m.account().tier(), k -> new ArrayList<>()).add(r);
                    });
                }
            }
            Map<Tier, NpsEstimate> tierNps = new TreeMap<>();
            byTier.forEach((t, rs) -> tierNps.put(t, NpsScorer.scoreAll(rs)));
            AccountHierarchy h = AccountHierarchy.of(portfolio.accounts());
            Map<String, List<Response>> latestByAccount = new HashMap<>();
            latest.forEach(r -> latestByAccount.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r));
            List<ChannelNode> nodes = new ArrayList<>();
            for (MappedAccount m : mapped) {
                Account a = m.account();
                Map<Tier, List<Response>> subByTier = new TreeMap<>();
                List<Response> sub = new ArrayList<>();
                for (String id : h.subtree(a.id())) {
                    List<Response> rs = latestByAccount.getOrDefault(id, List.of());
                    sub.addAll(rs);
                    subByTier.computeIfAbsent(accounts.get(id).tier(), k -> new ArrayList<>()).addAll(rs);
                }
                Map<Tier, NpsEstimate> subTierNps = new TreeMap<>();
                subByTier.forEach((t, rs) -> subTierNps.put(t, NpsScorer.scoreAll(rs)));
                nodes.add(new ChannelNode(a.id(), a.tier(), a.parentId(), h.children(a.id()),
                        NpsScorer.scoreAll(latestByAccount.getOrDefault(a.id(), List.of())), NpsScorer.scoreAll(sub),
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
