package io.github.nps4j.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.AccountHierarchy;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.PeriodUnit;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Tier;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The default portfolio has the realistic shape the Javadoc promises. */
class ShapeTest {
    private static final SyntheticPortfolio P = SyntheticPortfolio.builder().seed(42).build();

    /**
     * The figures of {@link SyntheticPortfolio}'s "shape of the default" paragraph that the other tests here do not
     * check: "about" is read as within 10 percentage points.
     */
    @Test
    void defaultShapeMatchesTheDocumentedFigures() {
        // about 70 % direct
        long direct = P.accounts().stream().filter(a -> a.tier().equals(Tier.DIRECT)).count();
        double directShare = (double) direct / P.accounts().size();
        assertTrue(directShare >= 0.6 && directShare <= 0.8, "direct share " + directShare);
        // three large accounts with 100-250 contacts, the others a handful around 5
        Map<String, Long> sizes = P.contacts().stream()
                .collect(Collectors.groupingBy(Contact::accountId, TreeMap::new, Collectors.counting()));
        List<Long> sorted = sizes.values().stream().sorted().toList();
        assertEquals(3, sorted.stream().filter(n -> n >= 100 && n <= 250).count(), "large accounts " + sorted);
        assertTrue(sorted.get(sorted.size() - 4) < 100, "only three large accounts: " + sorted);
        double typicalMean = sorted.subList(0, sorted.size() - 3).stream().mapToLong(Long::longValue).average()
                .orElseThrow();
        assertTrue(typicalMean >= 3 && typicalMean <= 8, "mean size of the ordinary accounts " + typicalMean);
        // four quarterly relationship waves: about 70 % of contacts invited, 45 % of the invited answer
        List<Invitation> waves = P.invitations().stream().filter(i -> i.episode().equals(EpisodeType.RELATIONSHIP))
                .toList();
        Map<String, Long> invitedPerQuarter = waves.stream().collect(Collectors.groupingBy(
                i -> PeriodUnit.QUARTER.label(i.invitedAt()), TreeMap::new, Collectors.counting()));
        assertEquals(List.of("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"), List.copyOf(invitedPerQuarter.keySet()));
        for (Map.Entry<String, Long> q : invitedPerQuarter.entrySet()) {
            double invited = (double) q.getValue() / P.contacts().size();
            assertTrue(invited >= 0.6 && invited <= 0.8, q.getKey() + ": invited share " + invited);
        }
        long answered = P.responses().stream().filter(r -> r.episode().equals(EpisodeType.RELATIONSHIP)).count();
        double answerRate = (double) answered / waves.size();
        assertTrue(answerRate >= 0.35 && answerRate <= 0.55, "answer rate of the invited " + answerRate);
        // the six transactional episode types
        Set<EpisodeType> episodes = P.responses().stream().map(Response::episode).collect(Collectors.toSet());
        assertEquals(Set.of(EpisodeType.RELATIONSHIP, EpisodeType.SERVICE_EVENT, EpisodeType.DELIVERY,
                EpisodeType.RENEWAL, EpisodeType.ONBOARDING, EpisodeType.CONTRACT_NEGOTIATION,
                EpisodeType.PROJECT_COMPLETION), episodes);
        // five owners; six rated attributes, delivery and support with clearly the largest effects
        assertEquals(5, P.accounts().stream().map(a -> a.owner().orElseThrow()).distinct().count());
        assertEquals(Set.of("delivery", "support", "product-quality", "account-management", "price", "onboarding"),
                P.truth().effects().keySet());
        assertEquals(Set.of("delivery", "support"), Set.copyOf(P.truth().topAttributes().subList(0, 2)));
        Set<String> rated = new HashSet<>();
        P.responses().forEach(r -> rated.addAll(r.ratings().keySet()));
        assertEquals(P.truth().effects().keySet(), rated);
    }

    @Test
    void aboutSixtyAccountsAcrossTiersWithValidParentLinks() {
        assertEquals(60, P.accounts().size());
        Set<Tier> tiers = P.accounts().stream().map(Account::tier).collect(Collectors.toSet());
        assertEquals(Set.of(Tier.DIRECT, Tier.DISTRIBUTOR, Tier.RETAILER, Tier.END_USER), tiers);
        AccountHierarchy h = AccountHierarchy.of(P.accounts());
        Map<String, Account> byId = P.portfolio().accountsById();
        for (Account a : P.accounts()) {
            if (a.tier().equals(Tier.RETAILER)) {
                assertEquals(Tier.DISTRIBUTOR, byId.get(a.parentId().orElseThrow()).tier(), a.id());
            } else if (a.tier().equals(Tier.END_USER)) {
                assertTrue(a.parentId().isPresent(), a.id());
            } else {
                assertTrue(a.parentId().isEmpty(), a.id());
            }
        }
        assertFalse(h.roots().isEmpty());
        assertTrue(P.accounts().stream().allMatch(a -> a.id().matches("A\\d{3}")));
        assertTrue(P.contacts().stream().allMatch(c -> c.id().matches("C\\d{4}")));
        assertTrue(P.responses().stream().allMatch(r -> r.id().matches("R\\d{5}")));
    }

    @Test
    void accountSizesAreHeavyTailed() {
        Map<String, Long> sizes = P.contacts().stream()
                .collect(Collectors.groupingBy(Contact::accountId, Collectors.counting()));
        assertEquals(60, sizes.size(), "every account has contacts");
        List<Long> sorted = sizes.values().stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        assertTrue(P.contacts().size() >= 300 && P.contacts().size() <= 1500, "several hundred contacts");
        assertTrue(sorted.get(sorted.size() - 1) >= 100, "a few accounts with hundreds of contacts");
        assertTrue(median <= 8, "many accounts with a handful: median " + median);
        assertTrue(sorted.stream().filter(s -> s >= 100).count() <= 5, "only a few large accounts");
    }

    @Test
    void deciderRarerThanUsersAndEveryAccountHasOne() {
        long deciders = P.contacts().stream().filter(c -> c.role().equals(Role.DECISION_MAKER)).count();
        long users = P.contacts().stream().filter(c -> c.role().equals(Role.USER)).count();
        assertTrue(deciders * 3 < users, deciders + " deciders vs " + users + " users");
        Set<String> withDecider = P.contacts().stream().filter(c -> c.role().equals(Role.DECISION_MAKER))
                .map(Contact::accountId).collect(Collectors.toSet());
        assertEquals(60, withDecider.size());
    }

    @Test
    void fourQuartersOfRelationshipAnswersAndEpisodesOverTime() {
        Set<String> quarters = P.responses().stream().filter(r -> r.episode().equals(EpisodeType.RELATIONSHIP))
                .map(r -> PeriodUnit.QUARTER.label(r.answeredOn())).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(List.of("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"), List.copyOf(quarters));
        Set<EpisodeType> episodes = P.responses().stream().map(Response::episode).collect(Collectors.toSet());
        assertTrue(episodes.containsAll(List.of(EpisodeType.SERVICE_EVENT, EpisodeType.RENEWAL,
                EpisodeType.ONBOARDING, EpisodeType.DELIVERY)), episodes.toString());
        assertEquals(LocalDate.of(2026, 9, 30), P.truth().asOf());
        assertTrue(P.responses().stream().noneMatch(r -> r.answeredOn().isAfter(P.truth().asOf())));
    }

    @Test
    void everyAnswerHasAnInvitationAndSomeInvitationsAreUnanswered() {
        Set<String> keys = new HashSet<>();
        for (Invitation i : P.invitations()) {
            keys.add(i.contactId() + "|" + i.episode());
        }
        Map<String, List<Invitation>> byContact = P.invitations().stream()
                .collect(Collectors.groupingBy(Invitation::contactId));
        for (Response r : P.responses()) {
            assertTrue(byContact.getOrDefault(r.contactId(), List.of()).stream().anyMatch(i -> i.episode()
                    .equals(r.episode()) && !i.invitedAt().isAfter(r.answeredOn())), "no invitation for " + r.id());
        }
        assertTrue(P.invitations().size() > P.responses().size() * 3 / 2, "unanswered invitations exist");
        assertEquals(P.invitations().size(), new HashSet<>(P.invitations()).size(), "no duplicate invitations");
    }

    @Test
    void ownersSegmentsAndValues() {
        Set<String> owners = P.accounts().stream().map(a -> a.owner().orElseThrow()).collect(Collectors.toSet());
        assertTrue(owners.size() >= 3 && owners.size() <= 5, owners.toString());
        assertTrue(P.accounts().stream().allMatch(a -> a.segment("region").isPresent()
                && a.segment("industry").isPresent()));
        List<Double> values = P.accounts().stream().map(a -> a.annualValue().orElseThrow()).sorted().toList();
        assertTrue(values.get(values.size() - 1) > 10 * values.get(values.size() / 2), "heavy-tailed values");
    }

    @Test
    void aboutFivePercentOfRatingsMissing() {
        long ratings = P.responses().stream().mapToLong(r -> r.ratings().size()).sum();
        long possible = (long) P.responses().size() * P.truth().effects().size();
        double missing = 1.0 - (double) ratings / possible;
        assertTrue(missing > 0.03 && missing < 0.07, "missing share " + missing);
        assertTrue(P.responses().stream().allMatch(r -> r.ratings().values().stream()
                .allMatch(v -> v >= 1 && v <= 10 && v == Math.rint(v))));
    }

    @Test
    void hostileCommentsArePresentOnce() {
        List<String> hostile = P.truth().hostileCommentResponseIds();
        assertEquals(HostileText.comments().size(), hostile.size());
        Set<String> texts = P.responses().stream().filter(r -> hostile.contains(r.id()))
                .map(r -> r.comment().orElseThrow()).collect(Collectors.toSet());
        assertEquals(Set.copyOf(HostileText.comments()), texts);
        assertTrue(texts.stream().anyMatch(t -> t.contains("<script>")));
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("=HYPERLINK(")));
        assertTrue(texts.stream().anyMatch(t -> t.contains("\n")));
        assertTrue(texts.stream().anyMatch(t -> t.codePoints().anyMatch(cp -> cp > 0x3000)));
        assertTrue(P.accounts().stream().anyMatch(a -> a.name().contains(",") && a.name().contains("\"")));
        long themed = P.truth().commentThemes().values().stream().mapToLong(Integer::longValue).sum();
        long commented = P.responses().stream().filter(r -> r.comment().isPresent()).count();
        assertEquals(commented, themed + hostile.size());
    }
}
