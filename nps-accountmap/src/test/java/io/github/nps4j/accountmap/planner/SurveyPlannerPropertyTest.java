package io.github.nps4j.accountmap.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The planner never violates a rule, whatever the history. */
class SurveyPlannerPropertyTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 30);
    private static final List<Role> ROLES = List.of(Role.DECISION_MAKER, Role.INFLUENCER, Role.GATEKEEPER,
            Role.USER, Role.of("buyer"));
    private static final List<EpisodeType> EPISODES = List.of(EpisodeType.RELATIONSHIP, EpisodeType.RELATIONSHIP,
            EpisodeType.SERVICE_EVENT, EpisodeType.DELIVERY);

    /** One random event: kind (0 answer, 1 invitation), contact index, days before the plan day, score, episode. */
    record Event(boolean answer, int contact, int daysAgo, int score, EpisodeType episode) {
    }

    record History(int accounts, List<Integer> contactAccounts, List<Role> contactRoles, List<Event> events) {
        Portfolio portfolio() {
            List<Account> as = new ArrayList<>();
            for (int a = 0; a < accounts; a++) {
                as.add(Account.of("A" + a, "Account " + a));
            }
            List<Contact> cs = new ArrayList<>();
            for (int c = 0; c < contactAccounts.size(); c++) {
                cs.add(Contact.of("C" + c, "A" + contactAccounts.get(c), contactRoles.get(c)));
            }
            List<Response> rs = new ArrayList<>();
            List<Invitation> is = new ArrayList<>();
            int n = 0;
            for (Event e : events) {
                int c = e.contact() % cs.size();
                LocalDate on = DAY.minusDays(e.daysAgo());
                if (e.answer()) {
                    rs.add(Response.builder("R" + n++, "A" + contactAccounts.get(c), "C" + c).answeredAt(on)
                            .score(e.score()).episode(e.episode()).build());
                } else {
                    is.add(new Invitation("C" + c, on, e.episode()));
                }
            }
            return Portfolio.of(as, cs, rs, is);
        }
    }

    @Provide
    Arbitrary<History> histories() {
        return Arbitraries.integers().between(1, 4).flatMap(accounts -> Arbitraries.integers().between(1, 12)
                .flatMap(contacts -> Combinators.combine(
                        Arbitraries.integers().between(0, accounts - 1).list().ofSize(contacts),
                        Arbitraries.of(ROLES).list().ofSize(contacts),
                        Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 99),
                                Arbitraries.integers().between(-30, 400), Arbitraries.integers().between(0, 10),
                                Arbitraries.of(EPISODES)).as(Event::new).list().ofMaxSize(40))
                        .as((ca, cr, ev) -> new History(accounts, ca, cr, ev))));
    }

    @Property(tries = 300)
    void neverInsideTheQuietPeriodNorAboveTheCap(@ForAll("histories") History h,
            @ForAll @IntRange(min = 0, max = 200) int quietDays, @ForAll @IntRange(min = 1, max = 6) int cap) {
        Portfolio p = h.portfolio();
        SurveyPlan plan = SurveyPlanner.builder().quietDays(quietDays).maxPerAccount(cap).build().plan(p, DAY);

        Map<String, LocalDate> lastTouch = new HashMap<>();
        for (Response r : p.responses()) {
            if (!r.answeredOn().isAfter(DAY)) {
                lastTouch.merge(r.contactId(), r.answeredOn(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        for (Invitation i : p.invitations()) {
            if (!i.invitedAt().isAfter(DAY)) {
                lastTouch.merge(i.contactId(), i.invitedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Map<String, Integer> perAccount = new HashMap<>();
        Set<String> invited = new HashSet<>();
        Map<String, Contact> contacts = p.contactsById();
        for (PlannedInvitation i : plan.invitations()) {
            Optional<LocalDate> touch = Optional.ofNullable(lastTouch.get(i.contactId()));
            touch.ifPresent(t -> assertFalse(t.plusDays(quietDays).isAfter(DAY),
                    i.contactId() + " touched " + t + " is inside the quiet period of " + quietDays + " days"));
            assertTrue(invited.add(i.contactId()), "invited twice: " + i.contactId());
            assertEquals(contacts.get(i.contactId()).accountId(), i.accountId());
            assertEquals(contacts.get(i.contactId()).role(), i.role());
            assertFalse(i.reason().isBlank());
            perAccount.merge(i.accountId(), 1, Integer::sum);
        }
        perAccount.forEach((a, n) -> assertTrue(n <= cap, a + " got " + n + " invitations, cap " + cap));

        // and it is not lazy: an account gets min(cap, eligible contacts)
        Map<String, Integer> eligible = new HashMap<>();
        for (Contact c : p.contacts()) {
            LocalDate t = lastTouch.get(c.id());
            if (t == null || !t.plusDays(quietDays).isAfter(DAY)) {
                eligible.merge(c.accountId(), 1, Integer::sum);
            }
        }
        eligible.forEach((a, n) -> assertEquals(Math.min(cap, n), perAccount.getOrDefault(a, 0), a));
    }

    @Property(tries = 200)
    void uncoveredRolesComeBeforeCoveredOnesWithinAnAccount(@ForAll("histories") History h) {
        Portfolio p = h.portfolio();
        SurveyPlan plan = SurveyPlanner.builder().quietDays(0).maxPerAccount(100).build().plan(p, DAY);
        Map<String, Set<Role>> heard = new HashMap<>();
        Map<String, Contact> contacts = p.contactsById();
        for (Response r : p.responses()) {
            if (!r.answeredOn().isAfter(DAY) && r.answeredOn().isAfter(DAY.minusDays(365))) {
                heard.computeIfAbsent(r.accountId(), k -> new HashSet<>()).add(contacts.get(r.contactId()).role());
            }
        }
        Map<String, Boolean> seenCovered = new HashMap<>();
        for (PlannedInvitation i : plan.invitations()) {
            boolean covered = heard.getOrDefault(i.accountId(), Set.of()).contains(i.role());
            if (!covered) {
                assertFalse(seenCovered.getOrDefault(i.accountId(), false),
                        "uncovered " + i.role() + " after a covered role at " + i.accountId());
            }
            seenCovered.merge(i.accountId(), covered, Boolean::logicalOr);
        }
    }
}
