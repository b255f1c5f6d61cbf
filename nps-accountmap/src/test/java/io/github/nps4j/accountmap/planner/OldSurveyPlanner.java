package io.github.nps4j.accountmap.planner;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.DateWindow;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * {@link SurveyPlanner#plan} as it was before it walked the answers by code (a {@link Response} and map lookups per
 * answer), kept as the oracle of {@code CodedPathPropertyTest}. Without explicit episode events.
 */
final class OldSurveyPlanner {
    private OldSurveyPlanner() {
    }

    static SurveyPlan plan(SurveyPlanner planner, Portfolio portfolio, LocalDate day) {
        int quietDays = planner.quietDays();
        int maxPerAccount = planner.maxPerAccount();
        int triggerDays = planner.triggerDays();
        int recentAnswerDays = planner.recentAnswerDays();
        List<EpisodeEvent> events = List.of();
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(day, "day");
        Map<String, Contact> contacts = portfolio.contactsById();
        Map<String, LocalDate> lastInvited = new HashMap<>();
        Map<String, LocalDate> lastAnswered = new HashMap<>();
        Map<String, Set<Role>> heardRoles = new HashMap<>();
        Map<String, List<EpisodeEvent>> episodes = new HashMap<>();
        DateWindow recent = DateWindow.lastDays(day, recentAnswerDays);
        DateWindow triggerWindow = DateWindow.lastDays(day, triggerDays);

        for (Response r : portfolio.responses()) {
            LocalDate d = r.answeredOn();
            if (d.isAfter(day)) {
                continue;
            }
            lastAnswered.merge(r.contactId(), d, OldSurveyPlanner::later);
            Contact c = contacts.get(r.contactId());
            if (recent.contains(d)) {
                Optional<Role> role = c != null ? Optional.of(c.role()) : r.role();
                role.ifPresent(x -> heardRoles.computeIfAbsent(r.accountId(), k -> new HashSet<>()).add(x));
            }
            addEpisode(episodes, new EpisodeEvent(r.accountId(), r.episode(), d), triggerWindow);
        }
        for (Invitation i : portfolio.invitations()) {
            if (i.invitedAt().isAfter(day)) {
                continue;
            }
            lastInvited.merge(i.contactId(), i.invitedAt(), OldSurveyPlanner::later);
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
                    .thenComparing(Contact::role, planner.rolePolicy().bySeniority())
                    .thenComparing(c -> lastTouch(c.id(), lastInvited, lastAnswered).orElse(LocalDate.MIN))
                    .thenComparing(Contact::id));
            int n = Math.min(maxPerAccount, eligible.size());
            for (int k = 0; k < n; k++) {
                Contact c = eligible.get(k);
                EpisodeType survey = trigger.map(EpisodeEvent::episode).orElse(EpisodeType.RELATIONSHIP);
                out.add(new PlannedInvitation(c.id(), accountId, c.role(), survey,
                        reason(planner, c, heard, k + 1, eligible.size(), trigger, lastInvited, lastAnswered)));
            }
        }
        return new SurveyPlan(day, out, planner.rules());
    }

    private static String reason(SurveyPlanner planner, Contact c, Set<Role> heard, int rank, int eligible, Optional<EpisodeEvent> trigger,
            Map<String, LocalDate> lastInvited, Map<String, LocalDate> lastAnswered) {
        int quietDays = planner.quietDays();
        int maxPerAccount = planner.maxPerAccount();
        int triggerDays = planner.triggerDays();
        int recentAnswerDays = planner.recentAnswerDays();
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

}
