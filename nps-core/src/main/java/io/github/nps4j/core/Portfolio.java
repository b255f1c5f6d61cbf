package io.github.nps4j.core;

import io.github.nps4j.core.internal.CompactResponses;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a B2B feedback program knows at one time: its accounts, contacts, responses and survey invitations.
 * The lists keep the order they were given in; lookups by id are indexed.
 *
 * <p>A portfolio read by {@link io.github.nps4j.core.csv.PortfolioReader} holds its responses as columns (about 35
 * bytes per response instead of about 1 KB of objects): {@link #responses()} is then an immutable list that makes
 * each {@link Response} when it is read, so two reads of one position give equal, not identical, responses. Code
 * that needs only some answers can ask for them by date ({@link #responsesAnsweredIn(DateWindow)}).
 *
 * <p>Immutable and thread-safe. Example usage:
 * <pre>{@code
 * Portfolio p = Portfolio.of(accounts, contacts, responses, List.of()); // roles filled from the contacts
 * Optional<Account> a = p.account("A1");
 * }</pre>
 *
 * @param accounts the accounts (ids unique)
 * @param contacts the contacts (ids unique)
 * @param responses the responses (ids unique)
 * @param invitations the invitations sent
 * @since 0.1.0
 */
public record Portfolio(List<Account> accounts, List<Contact> contacts, List<Response> responses,
        List<Invitation> invitations) {

    /**
     * Copies the lists, checks that ids are unique, that the accounts' parent links form no cycle (a parent that is
     * not among the accounts is allowed here: a portfolio may hold part of a larger hierarchy), and fills each
     * response's role from its contact when the response has none (so grouping by role needs no extra step).
     *
     * @throws IllegalArgumentException on a duplicate account, contact or response id, a cycle of parent links (the
     *         message lists the cycle), or a response whose account is not its contact's account
     */
    public Portfolio {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(responses, "responses");
        Objects.requireNonNull(invitations, "invitations");
        accounts = List.copyOf(accounts);
        contacts = List.copyOf(contacts);
        invitations = List.copyOf(invitations);
        requireNoParentCycle(index(accounts, Account::id, "account"));
        Map<String, Contact> byId = index(contacts, Contact::id, "contact");
        if (responses instanceof CompactResponses compact) {
            // the reader's columns: immutable, ids unique by construction; roles filled and accounts checked once
            // per distinct contact
            responses = compact.withRolesFrom(byId);
        } else {
            responses = fillRoles(List.copyOf(responses), byId);
            index(responses, Response::id, "response");
        }
    }

    /** Follows parent links from every account once (linear time); a path that returns to itself is a cycle. */
    private static void requireNoParentCycle(Map<String, Account> byId) {
        Map<String, Boolean> done = new java.util.HashMap<>();
        for (String start : byId.keySet()) {
            java.util.LinkedHashSet<String> path = new java.util.LinkedHashSet<>();
            String cur = start;
            while (cur != null && !done.containsKey(cur)) {
                if (!path.add(cur)) {
                    List<String> ids = new java.util.ArrayList<>(path);
                    List<String> cycle = new java.util.ArrayList<>(ids.subList(ids.indexOf(cur), ids.size()));
                    cycle.add(cur);
                    throw new IllegalArgumentException("the accounts' parent_id links form a cycle: "
                            + String.join(" -> ", cycle.size() > 12 ? cycle.subList(0, 12) : cycle)
                            + (cycle.size() > 12 ? " -> ... (" + (cycle.size() - 1) + " accounts)" : ""));
                }
                Account a = byId.get(cur);
                cur = a == null ? null : a.parentId().orElse(null);
            }
            path.forEach(id -> done.put(id, Boolean.TRUE));
        }
    }

    /**
     * Gives every response without a role its contact's role, and refuses a response whose account is not its
     * contact's (the checks {@link NpsScorer#of(ScoringSpec, java.util.Collection, java.util.Collection)} applies
     * too).
     */
    static List<Response> fillRoles(List<Response> responses, Map<String, Contact> contactsById) {
        if (contactsById.isEmpty()) {
            return responses;
        }
        List<Response> out = null;
        for (int i = 0; i < responses.size(); i++) {
            Response r = responses.get(i);
            Contact c = contactsById.get(r.contactId());
            if (c == null) {
                continue;
            }
            if (!c.accountId().equals(r.accountId())) {
                throw new IllegalArgumentException("response " + r.id() + " names account " + r.accountId()
                        + " but its contact " + c.id() + " belongs to account " + c.accountId());
            }
            if (r.role().isEmpty()) {
                if (out == null) {
                    out = new ArrayList<>(responses);
                }
                out.set(i, r.withRole(c.role()));
            }
        }
        return out == null ? responses : List.copyOf(out);
    }

    /**
     * Returns a portfolio of the given lists.
     *
     * @param accounts accounts
     * @param contacts contacts
     * @param responses responses
     * @param invitations invitations
     * @return the portfolio
     */
    public static Portfolio of(List<Account> accounts, List<Contact> contacts, List<Response> responses,
            List<Invitation> invitations) {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(responses, "responses");
        Objects.requireNonNull(invitations, "invitations");
        return new Portfolio(accounts, contacts, responses, invitations);
    }

    /**
     * Indexes a list by id (shared by the model classes of this package).
     *
     * @param <T> element type
     * @param items the items
     * @param id how to get an item's id
     * @param what the kind of item, for the error message
     * @return an unmodifiable insertion-ordered map
     * @throws IllegalArgumentException on a duplicate id
     */
    static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> id, String what) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T t : items) {
            T previous = map.put(id.apply(t), t);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate " + what + " id '" + id.apply(t) + "'");
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Returns the day of the latest answer: the natural as-of date of a readout of these data. nps4j never reads the
     * clock; a caller that has no as-of date of its own can take this one (and should say so).
     *
     * @return the latest {@link Response#answeredOn()} day, or empty when there are no responses
     */
    public Optional<LocalDate> latestAnswerDate() {
        if (responses instanceof CompactResponses compact) {
            return compact.latestAnswerDate();
        }
        return responses.stream().map(Response::answeredOn).max(java.util.Comparator.naturalOrder());
    }

    /**
     * Returns the responses answered on a day in a window, in portfolio order: the same as filtering {@link
     * #responses()} by {@link DateWindow#contains(java.time.LocalDateTime) window.contains(r.answeredAt())}, but a
     * portfolio read from CSV (which holds its responses as columns) makes only those responses.
     *
     * @param window the window of answer days
     * @return an immutable list
     * @since 0.1.0
     */
    public List<Response> responsesAnsweredIn(DateWindow window) {
        Objects.requireNonNull(window, "window");
        if (responses instanceof CompactResponses compact) {
            return compact.answeredIn(window);
        }
        return responses.stream().filter(r -> window.contains(r.answeredAt())).toList();
    }

    /**
     * Returns the accounts by id.
     *
     * @return an unmodifiable map
     */
    public Map<String, Account> accountsById() {
        return index(accounts, Account::id, "account");
    }

    /**
     * Returns the contacts by id.
     *
     * @return an unmodifiable map
     */
    public Map<String, Contact> contactsById() {
        return index(contacts, Contact::id, "contact");
    }

    /**
     * Looks up an account.
     *
     * @param id the account id
     * @return the account, if present
     */
    public Optional<Account> account(String id) {
        Objects.requireNonNull(id, "id");
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * Returns a copy in which every response without a role takes its contact's role. Responses whose contact is
     * unknown keep an empty role. Since every portfolio fills roles when it is made, this returns an equal
     * portfolio; it is kept for code written before.
     *
     * @return the portfolio with roles filled in
     */
    public Portfolio withRoles() {
        if (responses instanceof CompactResponses) {
            return new Portfolio(accounts, contacts, responses, invitations); // the constructor fills them
        }
        Map<String, Contact> byId = contactsById();
        List<Response> filled = new ArrayList<>(responses.size());
        for (Response r : responses) {
            Contact c = byId.get(r.contactId());
            filled.add(r.role().isEmpty() && c != null ? r.withRole(c.role()) : r);
        }
        return new Portfolio(accounts, contacts, filled, invitations);
    }
}
