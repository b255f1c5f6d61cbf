package io.github.nps4j.accountmap;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.AccountOutcome;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Tier;
import io.github.nps4j.core.internal.CompactResponses;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random portfolios for the properties that compare the account map, follow-up queue and survey planner, which walk
 * the responses by code, with the per-response computation they replaced: each portfolio both as response objects
 * and as the reader's columns ({@link CompactResponses}, every listed account and contact coded first, as the reader
 * does). Answers cluster on few days (ties broken by time of day, nanoseconds and response id, which is not in list
 * order), some come after the as-of day, some are from contacts missing from the contact list (with or without a
 * role), some name a role other than their contact's.
 */
public final class RandomPortfolios {
    /** The as-of day of every sample. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final List<Role> ROLES = List.of(Role.DECISION_MAKER, Role.INFLUENCER, Role.GATEKEEPER,
            Role.USER, Role.of("buyer"));
    private static final List<EpisodeType> EPISODES = List.of(EpisodeType.RELATIONSHIP, EpisodeType.RELATIONSHIP,
            EpisodeType.RELATIONSHIP, EpisodeType.SERVICE_EVENT, EpisodeType.RENEWAL);

    private RandomPortfolios() {
    }

    /**
     * One portfolio in both forms.
     *
     * @param objects the responses as objects
     * @param columns the same responses as columns
     */
    public record Sample(Portfolio objects, Portfolio columns) {
        @Override
        public String toString() {
            return objects.accounts().size() + " accounts, " + objects.contacts().size() + " contacts, "
                    + objects.responses().size() + " responses, " + objects.invitations().size() + " invitations";
        }
    }

    /**
     * Returns random samples.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Sample> samples() {
        return Arbitraries.longs().map(RandomPortfolios::sample);
    }

    /**
     * Makes the sample of a seed.
     *
     * @param seed the seed
     * @return the sample
     */
    public static Sample sample(long seed) {
        Random rnd = new Random(seed);
        int accountCount = 1 + rnd.nextInt(5);
        List<Account> accounts = new ArrayList<>();
        for (int a = 0; a < accountCount; a++) {
            accounts.add(new Account("A" + a, "Account " + a, rnd.nextBoolean() ? Tier.DIRECT : Tier.DISTRIBUTOR,
                    a > 0 && rnd.nextInt(3) == 0 ? Optional.of("A" + rnd.nextInt(a)) : Optional.empty(),
                    rnd.nextInt(4) == 0 ? OptionalDouble.empty() : OptionalDouble.of(100 * (1 + rnd.nextInt(50))),
                    rnd.nextBoolean() ? Optional.of("owner" + rnd.nextInt(3)) : Optional.empty(), Map.of(),
                    AccountOutcome.none()));
        }
        int contactCount = 1 + rnd.nextInt(14);
        List<Contact> contacts = new ArrayList<>();
        for (int c = 0; c < contactCount; c++) {
            contacts.add(Contact.of("C" + c, "A" + rnd.nextInt(accountCount), ROLES.get(rnd.nextInt(ROLES.size()))));
        }
        int responseCount = rnd.nextInt(80);
        List<Integer> idNumbers = new ArrayList<>();
        for (int i = 0; i < responseCount; i++) {
            idNumbers.add(i);
        }
        Collections.shuffle(idNumbers, rnd);
        // a few days only, far and near, so that contacts answer several times on one day
        int[] dayPool = new int[1 + rnd.nextInt(6)];
        for (int k = 0; k < dayPool.length; k++) {
            dayPool[k] = rnd.nextInt(900) - 20;
        }
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < responseCount; i++) {
            String contactId;
            String accountId;
            Optional<Role> role;
            if (rnd.nextInt(6) == 0) { // a contact missing from the contact list
                contactId = "X" + rnd.nextInt(4);
                accountId = "A" + Math.floorMod(contactId.hashCode(), accountCount);
                role = rnd.nextBoolean() ? Optional.empty() : Optional.of(ROLES.get(rnd.nextInt(ROLES.size())));
            } else {
                Contact c = contacts.get(rnd.nextInt(contactCount));
                contactId = c.id();
                accountId = c.accountId();
                role = rnd.nextInt(4) == 0 ? Optional.of(ROLES.get(rnd.nextInt(ROLES.size()))) : Optional.empty();
            }
            LocalDateTime at = AS_OF.minusDays(dayPool[rnd.nextInt(dayPool.length)]).atStartOfDay();
            if (rnd.nextInt(4) == 0) {
                at = at.plusHours(rnd.nextInt(3)).plusNanos(rnd.nextInt(3) * 1000L);
            }
            Response.Builder b = Response.builder("R" + idNumbers.get(i), accountId, contactId).answeredAt(at)
                    .score(rnd.nextInt(11)).episode(EPISODES.get(rnd.nextInt(EPISODES.size())))
                    .comment(rnd.nextBoolean() ? "why " + i : null);
            role.ifPresent(b::role);
            responses.add(b.build());
        }
        List<Invitation> invitations = new ArrayList<>();
        int invitationCount = rnd.nextInt(10);
        for (int i = 0; i < invitationCount; i++) {
            invitations.add(new Invitation(contacts.get(rnd.nextInt(contactCount)).id(),
                    AS_OF.minusDays(rnd.nextInt(400) - 10), EPISODES.get(rnd.nextInt(EPISODES.size()))));
        }
        return new Sample(Portfolio.of(accounts, contacts, responses, invitations),
                Portfolio.of(accounts, contacts, columns(accounts, contacts, responses), invitations));
    }

    /** The responses as the reader's columns. */
    private static List<Response> columns(List<Account> accounts, List<Contact> contacts, List<Response> responses) {
        CompactResponses.Builder b = CompactResponses.builder(List.of(), List.of());
        accounts.forEach(a -> b.account(a.id()));
        contacts.forEach(c -> b.contact(c.id()));
        long line = 2;
        for (Response r : responses) {
            b.add(r.id(), line++, b.account(r.accountId()), b.contact(r.contactId()), b.role(r.role()),
                    b.episode(r.episode()), r.answeredAt(), r.score(), r.comment().orElse(""), new double[0],
                    new int[0]);
        }
        return b.build();
    }
}
