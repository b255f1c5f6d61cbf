package io.github.nps4j.accountmap.followup;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.DateWindow;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.internal.ResponseCodes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The follow-up queue for closing the loop: one case per detractor answer in the look-back window (by default the
 * last {@value FollowUpOptions#DEFAULT_LOOKBACK_DAYS} days; optionally per passive answer of a decision-maker), owned
 * by the account's owner, ordered by priority.
 *
 * <ul>
 * <li>Window: answers on days {@code (asOf − lookbackDays, asOf]}; every answer counts (not only a contact's latest):
 * each detractor answer is a conversation to have.</li>
 * <li>Role: the contact's role in the contact list; else the answer's role; else {@code unknown}.</li>
 * <li>Due: answer day + the role's SLA (decision-maker 2 days, influencer 5, gatekeeper 5, user 7).</li>
 * <li>Priority: role weight (decision-maker 3, influencer 2, others 1) × the account's annual value; an account
 * without a known value gives priority 0.</li>
 * <li>Order: priority descending, then answer time ascending (the longest waiting first), then response id.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe: {@link #transition} returns a new queue. Example usage:
 * <pre>{@code
 * FollowUpQueue q = FollowUpQueue.of(portfolio, LocalDate.of(2026, 6, 30), FollowUpOptions.defaults());
 * FollowUpCase first = q.cases().get(0);
 * q = q.transition(first.responseId(), CaseState.IN_PROGRESS);
 * }</pre>
 *
 * @param asOf the as-of day
 * @param cases the cases, in queue order
 * @since 0.1.0
 */
public record FollowUpQueue(LocalDate asOf, List<FollowUpCase> cases) {

    /** Orders cases by priority descending, then answer time, then response id. */
    public static final Comparator<FollowUpCase> ORDER = Comparator.comparingDouble(FollowUpCase::priority)
            .reversed().thenComparing(FollowUpCase::answeredAt).thenComparing(FollowUpCase::responseId);

    /**
     * Copies the cases and puts them in queue order.
     *
     * @throws IllegalArgumentException if two cases share a response id
     */
    public FollowUpQueue {
        Objects.requireNonNull(asOf, "asOf");
        Set<String> responseIds = new HashSet<>();
        for (FollowUpCase c : cases) {
            if (!responseIds.add(c.responseId())) {
                throw new IllegalArgumentException("duplicate case response id '" + c.responseId() + "'");
            }
        }
        List<FollowUpCase> sorted = new ArrayList<>(cases);
        sorted.sort(ORDER);
        cases = List.copyOf(sorted);
    }

    /**
     * Builds the queue with the default rules.
     *
     * @param portfolio the portfolio
     * @param asOf the as-of day
     * @return the queue, every case open
     * @throws IllegalArgumentException as {@link #of(Portfolio, LocalDate, FollowUpOptions)}
     */
    public static FollowUpQueue of(Portfolio portfolio, LocalDate asOf) {
        return of(portfolio, asOf, FollowUpOptions.defaults());
    }

    /**
     * Builds the queue.
     *
     * @param portfolio the portfolio (not modified)
     * @param asOf the as-of day
     * @param options the rules
     * @return the queue, every case open
     * @throws IllegalArgumentException if an answer in the window names an account that is not in the portfolio,
     *         or a contact of another account
     */
    public static FollowUpQueue of(Portfolio portfolio, LocalDate asOf, FollowUpOptions options) {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(options, "options");
        Map<String, Account> accounts = portfolio.accountsById();
        Map<String, Contact> contacts = portfolio.contactsById();
        DateWindow window = DateWindow.lastDays(asOf, options.lookbackDays());
        // by code: each distinct account, contact and episode is looked up once, and a response is made only for
        // an answer that opens a case
        ResponseCodes codes = ResponseCodes.of(portfolio.responses());
        Account[] accountOf = new Account[codes.accounts()];
        for (int a = 0; a < accountOf.length; a++) {
            accountOf[a] = accounts.get(codes.accountId(a));
        }
        Contact[] contactOf = new Contact[codes.contacts()];
        for (int c = 0; c < contactOf.length; c++) {
            contactOf[c] = contacts.get(codes.contactId(c));
        }
        boolean[] countedEpisode = new boolean[codes.episodeCodes()];
        for (int e = 0; e < countedEpisode.length; e++) {
            EpisodeType episode = codes.episodeValue(e);
            countedEpisode[e] = options.episodes().map(set -> set.contains(episode)).orElse(true);
        }
        long after = window.start().toEpochDay();
        long last = window.end().toEpochDay();
        Role unknown = Role.of("unknown");
        List<FollowUpCase> cases = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            long day = codes.epochDay(i);
            if (day <= after || day > last || !countedEpisode[codes.episodeCode(i)]) {
                continue;
            }
            String accountId = codes.accountId(codes.account(i));
            Contact contact = contactOf[codes.contact(i)];
            if (contact != null && !contact.accountId().equals(accountId)) {
                throw new IllegalArgumentException("response " + codes.id(i) + " names account " + accountId
                        + " but its contact " + contact.id() + " belongs to account " + contact.accountId());
            }
            Role role = contact != null ? contact.role() : codes.roleValue(codes.roleCode(i)).orElse(unknown);
            Category c = Category.of(codes.score(i));
            boolean opens = c == Category.DETRACTOR || (c == Category.PASSIVE
                    && options.includePassiveDecisionMakers() && options.rolePolicy().isDecider(role));
            if (!opens) {
                continue;
            }
            Account a = accountOf[codes.account(i)];
            if (a == null) {
                throw new IllegalArgumentException("response " + codes.id(i) + " names account " + accountId
                        + ", which is not in the portfolio");
            }
            Response r = codes.response(i);
            double priority = options.rolePolicy().weightOf(role) * a.annualValue().orElse(0);
            cases.add(new FollowUpCase(r.id(), a.id(), r.contactId(), role, r.score(), r.comment(), a.owner(),
                    priority, r.answeredAt(), r.answeredOn().plusDays(options.slaDays(role)), CaseState.OPEN));
        }
        return new FollowUpQueue(asOf, cases);
    }

    /**
     * Looks up a case.
     *
     * @param responseId the response that opened it
     * @return the case, if in the queue
     */
    public Optional<FollowUpCase> find(String responseId) {
        return cases.stream().filter(c -> c.responseId().equals(responseId)).findFirst();
    }

    /**
     * Returns a queue in which one case has moved to another state.
     *
     * @param responseId the case's response id
     * @param next the next state
     * @return the new queue (this one is unchanged)
     * @throws IllegalArgumentException if no case has that response id
     * @throws IllegalStateException if the transition is not allowed
     */
    public FollowUpQueue transition(String responseId, CaseState next) {
        FollowUpCase c = find(responseId).orElseThrow(() -> new IllegalArgumentException(
                "no follow-up case for response " + responseId));
        List<FollowUpCase> updated = new ArrayList<>(cases.size());
        FollowUpCase moved = c.moveTo(next);
        for (FollowUpCase x : cases) {
            updated.add(x == c ? moved : x);
        }
        return new FollowUpQueue(asOf, updated);
    }

    /**
     * Returns the cases in one state.
     *
     * @param state the state
     * @return those cases, in queue order
     */
    public List<FollowUpCase> inState(CaseState state) {
        return cases.stream().filter(c -> c.state() == state).toList();
    }

    /**
     * Returns the cases not closed whose due date is before a day.
     *
     * @param day the day
     * @return the overdue cases, in queue order
     */
    public List<FollowUpCase> overdue(LocalDate day) {
        return cases.stream().filter(c -> c.isOverdue(day)).toList();
    }
}
