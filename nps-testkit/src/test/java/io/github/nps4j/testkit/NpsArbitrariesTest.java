package io.github.nps4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.AccountHierarchy;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Score;
import io.github.nps4j.core.Tier;
import io.github.nps4j.synthetic.SyntheticPortfolio;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/** The arbitraries generate only valid data, also while shrinking. */
class NpsArbitrariesTest {

    @Property
    void scoresAreValid(@ForAll("scores") int score) {
        assertEquals(score, Score.requireValid(score));
    }

    @net.jqwik.api.Provide
    Arbitrary<Integer> scores() {
        return NpsArbitraries.scores();
    }

    @Property
    @Domain(NpsDomain.class)
    @Domain(DomainContext.Global.class)
    void vocabulariesAreNormalised(@ForAll Role role, @ForAll Tier tier, @ForAll EpisodeType episode,
            @ForAll Category category, @ForAll int anyInt) {
        assertEquals(role, Role.of(role.name()));
        assertEquals(tier, Tier.of(tier.name()));
        assertEquals(episode, EpisodeType.of(episode.name()));
        assertEquals(category.sign(), category == Category.PROMOTER ? 1 : category == Category.PASSIVE ? 0 : -1);
    }

    @Property
    @Domain(NpsDomain.class)
    void responsesAreValid(@ForAll Response r) {
        assertValid(r);
    }

    @Property
    @Domain(NpsDomain.class)
    void accountsAreValid(@ForAll Account a) {
        assertTrue(a.id().matches("A\\d+"));
        assertTrue(a.parentId().isEmpty());
        assertTrue(a.annualValue().isEmpty() || a.annualValue().getAsDouble() >= 0);
    }

    @Property(tries = 300)
    @Domain(NpsDomain.class)
    void portfoliosAreConsistent(@ForAll Portfolio p) {
        assertConsistent(p);
    }

    @Property(tries = 5)
    @Domain(NpsDomain.class)
    void syntheticPortfoliosAreConsistent(@ForAll SyntheticPortfolio p) {
        assertConsistent(p.portfolio());
    }

    @Example
    void shrinkingKeepsPortfoliosValid() {
        walkShrinks(NpsArbitraries.portfolios(), NpsArbitrariesTest::assertConsistent);
    }

    @Example
    void shrinkingKeepsResponsesValid() {
        walkShrinks(NpsArbitraries.responses(), NpsArbitrariesTest::assertValid);
    }

    @Example
    void shrinkingKeepsRolesValid() {
        walkShrinks(NpsArbitraries.roles(), r -> assertEquals(r, Role.of(r.name())));
    }

    /** Generates values (on a jqwik thread: {@code @Example}) and follows their shrinking candidates a few levels deep, checking every candidate. */
    private static <T> void walkShrinks(Arbitrary<T> arbitrary, Consumer<T> check) {
        Random random = new Random(4711);
        AtomicInteger checked = new AtomicInteger();
        for (int i = 0; i < 30; i++) {
            Shrinkable<T> s = arbitrary.generator(100).next(random);
            for (int depth = 0; depth < 6; depth++) {
                check.accept(s.value());
                checked.incrementAndGet();
                Shrinkable<T>[] next = candidates(s, check, checked);
                if (next.length == 0) {
                    break;
                }
                s = next[0];
            }
        }
        assertTrue(checked.get() > 100, "checked " + checked.get() + " values");
    }

    @SuppressWarnings("unchecked")
    private static <T> Shrinkable<T>[] candidates(Shrinkable<T> s, Consumer<T> check, AtomicInteger checked) {
        return s.shrink().limit(20).peek(c -> {
            check.accept(c.value());
            checked.incrementAndGet();
        }).toArray(Shrinkable[]::new);
    }

    static void assertValid(Response r) {
        assertTrue(r.score() >= 0 && r.score() <= 10);
        assertEquals(r.episode(), EpisodeType.of(r.episode().name()));
        r.comment().ifPresent(c -> assertTrue(!c.isBlank() && c.strip().equals(c), "comment '" + c + "'"));
        r.ratings().values().forEach(v -> assertTrue(v >= 1 && v <= 10));
        assertTrue(NpsArbitraries.ATTRIBUTES.containsAll(r.ratings().keySet()));
    }

    static void assertConsistent(Portfolio p) {
        Map<String, Account> accounts = p.accountsById();
        Map<String, Contact> contacts = p.contactsById();
        AccountHierarchy.of(p.accounts()); // parents exist, no cycles
        for (Contact c : contacts.values()) {
            assertTrue(accounts.containsKey(c.accountId()), c.id());
        }
        for (Response r : p.responses()) {
            assertValid(r);
            Contact c = contacts.get(r.contactId());
            assertTrue(c != null, "contact of " + r.id());
            assertEquals(c.accountId(), r.accountId(), r.id());
            assertEquals(c.role(), r.role().orElseThrow(), r.id());
            assertTrue(p.invitations().contains(new Invitation(r.contactId(), r.answeredOn(), r.episode()))
                    || p.invitations().stream().anyMatch(i -> i.contactId().equals(r.contactId())
                            && i.episode().equals(r.episode()) && !i.invitedAt().isAfter(r.answeredOn())),
                    "invitation for " + r.id());
        }
        for (Invitation i : p.invitations()) {
            assertTrue(contacts.containsKey(i.contactId()), "invited contact " + i.contactId());
        }
    }
}
