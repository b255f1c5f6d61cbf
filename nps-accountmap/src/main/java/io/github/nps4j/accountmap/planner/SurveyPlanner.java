package io.github.nps4j.accountmap.planner;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.DateWindow;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.RolePolicy;
import io.github.nps4j.core.internal.ResponseCodes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Plans whom to invite on a day under contact-frequency rules, and says why for every invitation.
 *
 * <p>The rules, applied to each account's contacts:
 * <ol>
 * <li><b>Quiet period</b>: a contact's last touch is the later of its last invitation and its last answer (of any
 * episode) on or before the planning day. A contact touched less than {@code quietDays} days ago is never invited:
 * it is eligible only when {@code day >= lastTouch + quietDays} (default 90). Never-touched contacts are
 * eligible.</li>
 * <li><b>Order</b>: contacts whose role has no recent answer at the account — no contact in that role answered in
 * {@code (day − recentAnswerDays, day]}, default 365 — come first; then by role order (decision-maker, influencer,
 * gatekeeper, user, then other roles by name); then the longest untouched first (never touched before all); then by
 * contact id.</li>
 * <li><b>Cap</b>: at most {@code maxPerAccount} invitations per account per run (default 5).</li>
 * <li><b>Transactional triggers</b>: if the account had an episode other than {@code relationship} in
 * {@code (day − triggerDays, day]} (default 14) — an answer or an invitation with that episode type, or an
 * {@link EpisodeEvent} given to the planner — the account's invitations in this run are for the latest such
 * episode's survey (ties broken by episode name) instead of the relationship survey. Triggers change which survey is
 * sent, never the quiet period or the cap.</li>
 * </ol>
 * Answers, invitations and events after the planning day are ignored. Contacts whose account is not in the account
 * list are planned after the listed accounts, by account id.
 *
 * <p>Immutable and thread-safe once built. Example usage:
 * <pre>{@code
 * SurveyPlan plan = SurveyPlanner.builder().quietDays(90).maxPerAccount(5)
 *         .episodeEvents(List.of(new EpisodeEvent("A1", EpisodeType.SERVICE_EVENT, LocalDate.of(2026, 6, 20))))
 *         .build()
 *         .plan(portfolio, LocalDate.of(2026, 6, 30));
 * plan.invitations().forEach(i -> System.out.println(i.contactId() + ": " + i.reason()));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SurveyPlanner {
    private final int quietDays;
    private final int maxPerAccount;
    private final int triggerDays;
    private final int recentAnswerDays;
    private final RolePolicy roles;
    private final List<EpisodeEvent> events;

    private SurveyPlanner(Builder b) {
        this.quietDays = b.quietDays;
        this.maxPerAccount = b.maxPerAccount;
        this.triggerDays = b.triggerDays;
        this.recentAnswerDays = b.recentAnswerDays;
        this.roles = b.roles;
        this.events = List.copyOf(b.events);
    }

    /**
     * Starts a builder with the defaults: quiet period 90 days, at most 5 per account, trigger window 14 days,
     * recent-answer window 365 days, the default {@link RolePolicy} (its seniority is the role order), no explicit
     * events.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the quiet period.
     *
     * @return days
     */
    public int quietDays() {
        return quietDays;
    }

    /**
     * Returns the cap per account per run.
     *
     * @return invitations
     */
    public int maxPerAccount() {
        return maxPerAccount;
    }

    /**
     * Returns the trigger window.
     *
     * @return days
     */
    public int triggerDays() {
        return triggerDays;
    }

    /**
     * Returns the window in which a role counts as recently heard.
     *
     * @return days
     */
    public int recentAnswerDays() {
        return recentAnswerDays;
    }

    /**
     * Returns the role policy, whose seniority order is the invitation order (first invited first; roles not listed
     * come after, by name).
     *
     * @return the policy
     */
    public RolePolicy rolePolicy() {
        return roles;
    }

    /**
     * Returns the rules in words, as stated in every plan.
     *
     * @return the description
     */
    public String rules() {
        return "quiet period " + quietDays + " days from the later of last invitation and last answer; at most "
                + maxPerAccount + " invitations per account per run; roles without an answer in the last "
                + recentAnswerDays + " days first, then by role order " + roles.seniority()
                + "; episodes other than relationship in the last " + triggerDays
                + " days switch the account's survey to that episode";
    }

    /**
     * Plans the invitations of one day.
     *
     * @param portfolio the portfolio (not modified)
     * @param day the planning day
     * @return the plan
     */
    public SurveyPlan plan(Portfolio portfolio, LocalDate day) {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(day, "day");
        Map<String, Contact> contacts = portfolio.contactsById();
        Map<String, LocalDate> lastInvited = new HashMap<>();
        Map<String, List<EpisodeEvent>> episodes = new HashMap<>();
        DateWindow recent = DateWindow.lastDays(day, recentAnswerDays);
        DateWindow triggerWindow = DateWindow.lastDays(day, triggerDays);

        // The answers by code: each distinct contact, account and role is looked up once, not once per answer, and
        // no response is made.
        ResponseCodes codes = ResponseCodes.of(portfolio.responses());
        long lastDay = day.toEpochDay();
        long[] lastAnsweredDay = new long[codes.contacts()];
        Arrays.fill(lastAnsweredDay, Long.MIN_VALUE);
        // roles numbered locally: the contact list's role of each contact code, else each row's own role
        Map<Role, Integer> roleNumbers = new HashMap<>();
        List<Role> roleList = new ArrayList<>();
        int[] contactRole = new int[codes.contacts()];
        for (int c = 0; c < contactRole.length; c++) {
            Contact k = contacts.get(codes.contactId(c));
            contactRole[c] = k == null ? -1 : number(roleNumbers, roleList, k.role());
        }
        int[] rowRole = new int[codes.roleCodes()];
        for (int r = 0; r < rowRole.length; r++) {
            Optional<Role> role = codes.roleValue(r);
            rowRole[r] = role.isEmpty() ? -1 : number(roleNumbers, roleList, role.get());
        }
        // (account, role) pairs heard recently: a bit mask per account code, or (past 64 roles) a set of pairs
        int roleCount = roleList.size();
        long[] heardMask = roleCount <= Long.SIZE ? new long[codes.accounts()] : null;
        Set<Long> heardPairs = heardMask == null ? new HashSet<>() : Set.of();
        long recentAfter = recent.start().toEpochDay();
        for (int i = 0; i < codes.size(); i++) {
            long d = codes.epochDay(i);
            if (d > lastDay) {
                continue;
            }
            int c = codes.contact(i);
            lastAnsweredDay[c] = Math.max(lastAnsweredDay[c], d);
            if (d > recentAfter) { // d <= lastDay: in the recent window
                int role = contactRole[c] >= 0 ? contactRole[c] : rowRole[codes.roleCode(i)];
                if (role >= 0) {
                    if (heardMask != null) {
                        heardMask[codes.account(i)] |= 1L << role;
                    } else {
                        heardPairs.add((long) codes.account(i) * roleCount + role);
                    }
                }
            }
            EpisodeType episode = codes.episodeValue(codes.episodeCode(i));
            if (!episode.equals(EpisodeType.RELATIONSHIP)) {
                addEpisode(episodes, new EpisodeEvent(codes.accountId(codes.account(i)), episode,
                        LocalDate.ofEpochDay(d)), triggerWindow);
            }
        }
        Map<String, LocalDate> lastAnswered = new HashMap<>();
        for (int c = 0; c < lastAnsweredDay.length; c++) {
            if (lastAnsweredDay[c] != Long.MIN_VALUE) {
                lastAnswered.put(codes.contactId(c), LocalDate.ofEpochDay(lastAnsweredDay[c]));
            }
        }
        Map<String, Set<Role>> heardRoles = new HashMap<>();
        if (heardMask != null) {
            for (int a = 0; a < heardMask.length; a++) {
                for (long m = heardMask[a]; m != 0; m &= m - 1) {
                    heardRoles.computeIfAbsent(codes.accountId(a), k -> new HashSet<>())
                            .add(roleList.get(Long.numberOfTrailingZeros(m)));
                }
            }
        } else {
            for (long pair : heardPairs) {
                heardRoles.computeIfAbsent(codes.accountId((int) (pair / roleCount)), k -> new HashSet<>())
                        .add(roleList.get((int) (pair % roleCount)));
            }
        }
        for (Invitation i : portfolio.invitations()) {
            if (i.invitedAt().isAfter(day)) {
                continue;
            }
            lastInvited.merge(i.contactId(), i.invitedAt(), SurveyPlanner::later);
            Contact c = contacts.get(i.contactId());
            if (c != null) {
                addEpisode(episodes, new EpisodeEvent(c.accountId(), i.episode(), i.invitedAt()), triggerWindow);
            }
        }
        for (EpisodeEvent e : events) {
            addEpisode(episodes, e, triggerWindow);
        }

        Map<String, List<Contact>> byAccount = new LinkedHashMap<>();
        for (Account a : portfolio.accounts()) {
            byAccount.put(a.id(), new ArrayList<>());
        }
        List<Contact> sortedContacts = new ArrayList<>(portfolio.contacts());
        sortedContacts.sort(Comparator.comparing(Contact::accountId));
        for (Contact c : sortedContacts) {
            byAccount.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(c);
        }

        List<PlannedInvitation> out = new ArrayList<>();
        for (Map.Entry<String, List<Contact>> e : byAccount.entrySet()) {
            String accountId = e.getKey();
            Set<Role> heard = heardRoles.getOrDefault(accountId, Set.of());
            Optional<EpisodeEvent> trigger = episodes.getOrDefault(accountId, List.of()).stream()
                    .max(Comparator.comparing(EpisodeEvent::on).thenComparing(EpisodeEvent::episode,
                            Comparator.reverseOrder()));
            List<Contact> eligible = new ArrayList<>();
            for (Contact c : e.getValue()) {
                Optional<LocalDate> touch = lastTouch(c.id(), lastInvited, lastAnswered);
                if (touch.isEmpty() || !touch.get().plusDays(quietDays).isAfter(day)) {
                    eligible.add(c);
                }
            }
            eligible.sort(Comparator.<Contact>comparingInt(c -> heard.contains(c.role()) ? 1 : 0)
                    .thenComparing(Contact::role, roleComparator())
                    .thenComparing(c -> lastTouch(c.id(), lastInvited, lastAnswered).orElse(LocalDate.MIN))
                    .thenComparing(Contact::id));
            int n = Math.min(maxPerAccount, eligible.size());
            for (int k = 0; k < n; k++) {
                Contact c = eligible.get(k);
                EpisodeType survey = trigger.map(EpisodeEvent::episode).orElse(EpisodeType.RELATIONSHIP);
                out.add(new PlannedInvitation(c.id(), accountId, c.role(), survey,
                        reason(c, heard, k + 1, eligible.size(), trigger, lastInvited, lastAnswered)));
            }
        }
        return new SurveyPlan(day, out, rules());
    }

    private String reason(Contact c, Set<Role> heard, int rank, int eligible, Optional<EpisodeEvent> trigger,
            Map<String, LocalDate> lastInvited, Map<String, LocalDate> lastAnswered) {
        StringBuilder sb = new StringBuilder();
        if (heard.contains(c.role())) {
            sb.append("role ").append(c.role()).append(" was heard at account ").append(c.accountId())
                    .append(" in the last ").append(recentAnswerDays).append(" days");
        } else {
            sb.append("role ").append(c.role()).append(" has no answer at account ").append(c.accountId())
                    .append(" in the last ").append(recentAnswerDays).append(" days (uncovered role first)");
        }
        LocalDate inv = lastInvited.get(c.id());
        LocalDate ans = lastAnswered.get(c.id());
        sb.append("; last invited ").append(inv == null ? "never" : inv.toString()).append(", last answered ")
                .append(ans == null ? "never" : ans.toString());
        if (inv != null || ans != null) {
            sb.append(" (quiet period of ").append(quietDays).append(" days over)");
        }
        sb.append("; rank ").append(rank).append(" of ").append(eligible).append(" eligible at the account, cap ")
                .append(maxPerAccount);
        if (trigger.isPresent()) {
            sb.append("; ").append(trigger.get().episode()).append(" survey: episode on ").append(trigger.get().on())
                    .append(" within the last ").append(triggerDays).append(" days");
        } else {
            sb.append("; relationship survey");
        }
        return sb.toString();
    }

    /** The number of a role in a local numbering, numbering it when new. */
    private static int number(Map<Role, Integer> numbers, List<Role> roles, Role role) {
        Integer n = numbers.get(role);
        if (n == null) {
            n = roles.size();
            roles.add(role);
            numbers.put(role, n);
        }
        return n;
    }

    private static void addEpisode(Map<String, List<EpisodeEvent>> episodes, EpisodeEvent e, DateWindow trigger) {
        if (!e.episode().equals(EpisodeType.RELATIONSHIP) && trigger.contains(e.on())) {
            episodes.computeIfAbsent(e.accountId(), k -> new ArrayList<>()).add(e);
        }
    }

    private static Optional<LocalDate> lastTouch(String contactId, Map<String, LocalDate> lastInvited,
            Map<String, LocalDate> lastAnswered) {
        LocalDate a = lastInvited.get(contactId);
        LocalDate b = lastAnswered.get(contactId);
        return a == null ? Optional.ofNullable(b) : Optional.of(b == null ? a : later(a, b));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private Comparator<Role> roleComparator() {
        return roles.bySeniority();
    }

    /** A builder of {@link SurveyPlanner}; validates eagerly; not thread-safe. */
    public static final class Builder {
        private int quietDays = 90;
        private int maxPerAccount = 5;
        private int triggerDays = 14;
        private int recentAnswerDays = 365;
        private RolePolicy roles = RolePolicy.defaults();
        private final List<EpisodeEvent> events = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the quiet period.
         *
         * @param days {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder quietDays(int days) {
            if (days < 0) {
                throw new IllegalArgumentException("quietDays " + days + " must be >= 0");
            }
            this.quietDays = days;
            return this;
        }

        /**
         * Sets the cap per account per run.
         *
         * @param max at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxPerAccount(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxPerAccount " + max + " must be at least 1");
            }
            this.maxPerAccount = max;
            return this;
        }

        /**
         * Sets the trigger window of transactional surveys.
         *
         * @param days {@code >= 0} (0 disables triggers)
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder triggerDays(int days) {
            if (days < 0) {
                throw new IllegalArgumentException("triggerDays " + days + " must be >= 0");
            }
            this.triggerDays = days;
            return this;
        }

        /**
         * Sets the window in which a role counts as recently heard.
         *
         * @param days at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder recentAnswerDays(int days) {
            if (days < 1) {
                throw new IllegalArgumentException("recentAnswerDays " + days + " must be at least 1");
            }
            this.recentAnswerDays = days;
            return this;
        }

        /**
         * Sets the role policy; its seniority order is the invitation order (first invited first).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder rolePolicy(RolePolicy policy) {
            this.roles = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Adds explicit episode events (beside those read from answers and invitations).
         *
         * @param list the events
         * @return this builder
         */
        public Builder episodeEvents(Collection<EpisodeEvent> list) {
            Objects.requireNonNull(list, "list");
            list.forEach(e -> events.add(Objects.requireNonNull(e, "episode event")));
            return this;
        }

        /**
         * Builds the planner.
         *
         * @return the planner
         */
        public SurveyPlanner build() {
            return new SurveyPlanner(this);
        }
    }
}
