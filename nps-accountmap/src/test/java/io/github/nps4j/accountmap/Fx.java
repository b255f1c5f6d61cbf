package io.github.nps4j.accountmap;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Hand-built portfolios for the tests: a small mutable builder, then an immutable {@link Portfolio}. */
public final class Fx {
    /** The as-of day of most tests. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private final List<Account> accounts = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final List<Response> responses = new ArrayList<>();
    private final List<Invitation> invitations = new ArrayList<>();
    private int next;

    /** @return a new builder */
    public static Fx portfolio() {
        return new Fx();
    }

    /** Adds a direct account with value 1000 and owner "olga". */
    public Fx account(String id) {
        return account(Account.builder(id).name("Account " + id).annualValue(1000).owner("olga").build());
    }

    /** Adds an account. */
    public Fx account(Account a) {
        accounts.add(a);
        return this;
    }

    /** Adds a contact. */
    public Fx contact(String id, String accountId, Role role) {
        contacts.add(Contact.of(id, accountId, role));
        return this;
    }

    /** Adds {@code n} contacts named prefix1..prefixN. */
    public Fx contacts(String prefix, int n, String accountId, Role role) {
        for (int i = 1; i <= n; i++) {
            contact(prefix + i, accountId, role);
        }
        return this;
    }

    /** Adds a relationship answer {@code daysAgo} days before {@link #AS_OF}. */
    public Fx answer(String contactId, String accountId, int daysAgo, int score) {
        return answer(contactId, accountId, AS_OF.minusDays(daysAgo), score, EpisodeType.RELATIONSHIP);
    }

    /** Adds an answer. */
    public Fx answer(String contactId, String accountId, LocalDate on, int score, EpisodeType episode) {
        responses.add(Response.builder("R" + (++next), accountId, contactId).answeredAt(on).score(score)
                .episode(episode).comment("why " + next).build());
        return this;
    }

    /** Adds an invitation. */
    public Fx invitation(String contactId, LocalDate on, EpisodeType episode) {
        invitations.add(new Invitation(contactId, on, episode));
        return this;
    }

    /** @return the portfolio */
    public Portfolio build() {
        return Portfolio.of(accounts, contacts, responses, invitations);
    }

    /** @return a direct account builder helper */
    public static Account account(String id, String name, Tier tier, String parent, double value, String owner) {
        return Account.builder(id).name(name).tier(tier).parent(parent).annualValue(value).owner(owner).build();
    }
}
