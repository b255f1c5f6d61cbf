package io.github.nps4j.testkit;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One-line fixtures for hand-written tests: responses and small portfolios from {@link Answer}s.
 *
 * <p>Ids are predictable: the i-th answer (1-based) of account {@code A1} becomes response {@code A1-R<i>}, given by
 * contact {@code A1-C<i>} unless the answer names its {@linkplain Answer#contact contact}. Answers without a time are
 * given on {@link #DEFAULT_DATE}. Every response carries its role.
 *
 * <p>Example usage — "an account with a detractor decision-maker and two promoter users":
 * <pre>{@code
 * import static io.github.nps4j.testkit.Answer.*;
 *
 * List<Response> rs = Responses.of("A1", decisionMaker(3), user(9), user(10));
 * Portfolio p = Responses.portfolio()
 *         .account("A1", decisionMaker(3), user(9), user(10))
 *         .account("A2", influencer(8).on(LocalDate.of(2026, 2, 1)))
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Responses {
    /** The day of answers that do not name one: {@value}. */
    public static final String DEFAULT_DAY = "2026-01-15";
    /** The day of answers that do not name one, as a date. */
    public static final LocalDate DEFAULT_DATE = LocalDate.parse(DEFAULT_DAY);

    private Responses() {
    }

    /**
     * Returns the responses of one account.
     *
     * @param accountId the account id
     * @param answers the answers, in order
     * @return one response per answer
     * @throws IllegalArgumentException on a blank account id
     */
    public static List<Response> of(String accountId, Answer... answers) {
        List<Response> out = new ArrayList<>(answers.length);
        for (int i = 0; i < answers.length; i++) {
            out.add(response(accountId, i + 1, answers[i]));
        }
        return List.copyOf(out);
    }

    /**
     * Returns users' relationship responses in account {@code A1} with the given scores — the quickest way to an
     * estimate: {@code NpsScorer.scoreAll(Responses.scores(9, 10, 3))}.
     *
     * @param scores scores 0–10
     * @return one response per score
     * @throws IllegalArgumentException if a score is out of range
     */
    public static List<Response> scores(int... scores) {
        Answer[] answers = new Answer[scores.length];
        for (int i = 0; i < scores.length; i++) {
            answers[i] = Answer.user(scores[i]);
        }
        return of("A1", answers);
    }

    /**
     * Starts a portfolio of hand-written accounts.
     *
     * @return an empty builder
     */
    public static PortfolioBuilder portfolio() {
        return new PortfolioBuilder();
    }

    private static Response response(String accountId, int i, Answer a) {
        Objects.requireNonNull(a, "answer");
        String contact = a.contactId().orElse(accountId + "-C" + i);
        return new Response(accountId + "-R" + i, accountId, contact, Optional.of(a.role()), a.episode(),
                a.answeredAt().orElse(DEFAULT_DATE.atStartOfDay()), a.score(), a.comment(), a.ratings());
    }

    /**
     * Builds a {@link Portfolio} account by account: contacts are derived from the answers (one per contact id, with
     * the answer's role), and every response gets an invitation on its answer day. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class PortfolioBuilder {
        private final List<Account> accounts = new ArrayList<>();
        private final Map<String, Contact> contacts = new LinkedHashMap<>();
        private final List<Response> responses = new ArrayList<>();
        private final List<Invitation> invitations = new ArrayList<>();

        private PortfolioBuilder() {
        }

        /**
         * Adds a direct account named after its id, with its answers.
         *
         * @param accountId the account id
         * @param answers its answers
         * @return this builder
         * @throws IllegalArgumentException on a duplicate account id or a contact answering in two roles
         */
        public PortfolioBuilder account(String accountId, Answer... answers) {
            return account(Account.of(accountId, accountId), answers);
        }

        /**
         * Adds an account with its answers.
         *
         * @param account the account (with tier, parent, value, owner, segments as the test needs)
         * @param answers its answers
         * @return this builder
         * @throws IllegalArgumentException on a duplicate account id or a contact answering in two roles
         */
        public PortfolioBuilder account(Account account, Answer... answers) {
            Objects.requireNonNull(account, "account");
            if (accounts.stream().anyMatch(a -> a.id().equals(account.id()))) {
                throw new IllegalArgumentException("account " + account.id() + " was already added");
            }
            accounts.add(account);
            for (Response r : of(account.id(), answers)) {
                Role role = r.role().orElseThrow();
                Contact c = contacts.get(r.contactId());
                if (c == null) {
                    contacts.put(r.contactId(), Contact.of(r.contactId(), account.id(), role));
                } else if (!c.role().equals(role) || !c.accountId().equals(account.id())) {
                    throw new IllegalArgumentException("contact " + r.contactId() + " answers as " + role + " in "
                            + account.id() + " but was " + c.role() + " in " + c.accountId());
                }
                responses.add(r);
                invitations.add(new Invitation(r.contactId(), r.answeredOn(), r.episode()));
            }
            return this;
        }

        /**
         * Adds a contact who was mapped (and invited on {@link Responses#DEFAULT_DATE}) but did not answer.
         *
         * @param accountId the account id (added as a direct account if not yet present)
         * @param contactId the contact id
         * @param role the contact's role
         * @return this builder
         * @throws IllegalArgumentException if the contact id is already used
         */
        public PortfolioBuilder silentContact(String accountId, String contactId, Role role) {
            if (accounts.stream().noneMatch(a -> a.id().equals(accountId))) {
                accounts.add(Account.of(accountId, accountId));
            }
            if (contacts.containsKey(contactId)) {
                throw new IllegalArgumentException("contact " + contactId + " already exists");
            }
            contacts.put(contactId, Contact.of(contactId, accountId, role));
            invitations.add(new Invitation(contactId, DEFAULT_DATE, io.github.nps4j.core.EpisodeType.RELATIONSHIP));
            return this;
        }

        /**
         * Builds the portfolio.
         *
         * @return the portfolio
         */
        public Portfolio build() {
            return Portfolio.of(accounts, List.copyOf(contacts.values()), responses, invitations);
        }
    }
}
