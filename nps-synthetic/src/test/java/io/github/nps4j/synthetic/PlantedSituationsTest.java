package io.github.nps4j.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Category;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Every planted account meets its situation's rule, judged here by an independent implementation of the rules the
 * account map uses (as-of date, 365-day window).
 */
class PlantedSituationsTest {

    @Test
    void defaultPortfolioPlantsOneAccountPerSituation() {
        SyntheticPortfolio p = SyntheticPortfolio.ofSeed(42);
        Set<String> all = new HashSet<>();
        for (PlantedSituation s : PlantedSituation.values()) {
            assertEquals(1, p.truth().planted(s).size(), s.label());
            all.addAll(p.truth().planted(s));
            assertHolds(p, s);
        }
        assertEquals(4, all.size(), "four distinct accounts");
    }

    @Property(tries = 25)
    void plantedAccountsMeetTheirRulesForAnySeed(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 4, max = 90) int accounts) {
        SyntheticPortfolio p = SyntheticPortfolio.builder().seed(seed).accounts(accounts).build();
        for (PlantedSituation s : PlantedSituation.values()) {
            assertHolds(p, s);
        }
    }

    @Test
    void robustMargins() {
        SyntheticPortfolio p = SyntheticPortfolio.ofSeed(42);
        LocalDate asOf = p.truth().asOf();
        Map<String, Contact> contacts = p.portfolio().contactsById();
        String silent = p.truth().planted(PlantedSituation.SILENT).get(0);
        LocalDate last = p.responses().stream().filter(r -> r.accountId().equals(silent))
                .map(Response::answeredOn).max(Comparator.naturalOrder()).orElseThrow();
        assertTrue(last.isBefore(asOf.minusDays(200)), "silent account's last answer " + last);
        assertTrue(p.invitations().stream().anyMatch(i -> contacts.get(i.contactId()).accountId().equals(silent)
                && i.invitedAt().isAfter(asOf.minusDays(180))), "the silent account is still invited");

        String noDecider = p.truth().planted(PlantedSituation.NO_DECIDER_HEARD).get(0);
        List<Contact> deciders = p.contacts().stream().filter(c -> c.accountId().equals(noDecider)
                && c.role().equals(Role.DECISION_MAKER)).toList();
        assertTrue(deciders.size() >= 2, "mapped decision-makers");
        for (Contact c : deciders) {
            assertTrue(p.invitations().stream().anyMatch(i -> i.contactId().equals(c.id())), c.id() + " invited");
            assertTrue(p.responses().stream().noneMatch(r -> r.contactId().equals(c.id())), c.id() + " silent");
        }
        assertTrue(p.responses().stream().anyMatch(r -> r.accountId().equals(noDecider)
                && r.answeredOn().isAfter(asOf.minusDays(90))), "others in the account answer recently");
        assertFalse(p.truth().accountsMeeting(PlantedSituation.SILENT).contains(noDecider));
    }

    @Test
    void occurringIsExactlyWhatTheRulesSay() {
        SyntheticPortfolio p = SyntheticPortfolio.builder().seed(9).accounts(40).build();
        for (PlantedSituation s : PlantedSituation.values()) {
            List<String> expected = p.accounts().stream().map(a -> a.id()).filter(id -> holds(p, s, id)).sorted()
                    .toList();
            assertEquals(expected, p.truth().accountsMeeting(s), s.label());
        }
    }

    @Test
    void plantingNeedsFourAccounts() {
        assertThrows(IllegalStateException.class, () -> SyntheticPortfolio.builder().accounts(3).build());
        SyntheticPortfolio p = SyntheticPortfolio.builder().accounts(3).plantSituations(false).build();
        assertTrue(p.truth().planted(PlantedSituation.SILENT).isEmpty());
    }

    private static void assertHolds(SyntheticPortfolio p, PlantedSituation s) {
        for (String id : p.truth().planted(s)) {
            assertTrue(holds(p, s, id), "account " + id + " planted with " + s.label() + " does not meet the rule"
                    + " (seed " + p.truth().seed() + ")");
            assertTrue(p.truth().accountsMeeting(s).contains(id));
        }
    }

    /** The rules, written independently of SituationRules. */
    static boolean holds(SyntheticPortfolio p, PlantedSituation s, String accountId) {
        LocalDate asOf = p.truth().asOf();
        Map<String, Role> roles = p.contacts().stream().collect(Collectors.toMap(Contact::id, Contact::role));
        List<Response> own = p.responses().stream().filter(r -> r.accountId().equals(accountId))
                .filter(r -> !r.answeredOn().isAfter(asOf)).toList();
        List<Response> window = own.stream().filter(r -> r.answeredOn().isAfter(asOf.minusDays(365))).toList();
        Map<String, Response> latest = window.stream().collect(Collectors.toMap(Response::contactId,
                Function.identity(), (a, b) -> a.answeredAt().compareTo(b.answeredAt()) > 0
                        || a.answeredAt().equals(b.answeredAt()) && a.id().compareTo(b.id()) > 0 ? a : b));
        Function<Response, Role> role = r -> r.role().orElse(roles.get(r.contactId()));
        return switch (s) {
            case DECIDER_DETRACTOR -> latest.values().stream().anyMatch(r -> role.apply(r).equals(Role.DECISION_MAKER)
                    && r.category() == Category.DETRACTOR);
            case NO_DECIDER_HEARD -> window.stream().noneMatch(r -> role.apply(r).equals(Role.DECISION_MAKER));
            case SILENT -> own.stream().noneMatch(r -> r.answeredOn().isAfter(asOf.minusDays(180)));
            case POLARISED -> {
                List<Category> key = latest.values().stream().filter(r -> role.apply(r).equals(Role.DECISION_MAKER)
                        || role.apply(r).equals(Role.INFLUENCER)).map(Response::category).toList();
                yield key.contains(Category.PROMOTER) && key.contains(Category.DETRACTOR);
            }
        };
    }
}
