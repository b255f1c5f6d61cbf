package io.github.nps4j.accountmap;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.AccountView;
import io.github.nps4j.core.Category;
import io.github.nps4j.core.DateWindow;
import io.github.nps4j.core.Role;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One account's map as of a date: who in each role promotes or detracts (Bain's "deciders, influencers, users"),
 * coverage, the account-level figures, the trend, the flags and the risk score.
 *
 * <p>The account NPS ({@link #view()}{@code .accountNps()}) is the <em>unweighted</em> NPS of the contacts' latest
 * answers in the window — every heard contact counts once; the mean score, waterfall answer and account category
 * come from the same answers through the core's {@link io.github.nps4j.core.AccountViews}. Value-based and
 * immutable.
 *
 * @param account the account
 * @param window the map window {@code (asOf − windowDays, asOf]}
 * @param contacts the account's contacts, in seniority order of their roles, then by id
 * @param roles coverage per role, in seniority order (roles outside the seniority list after, by name)
 * @param view account NPS, mean score, waterfall answer and category of the latest answers in the window
 * @param trend the NPS of the window vs the window before
 * @param decline the two-group test behind {@link Flag#DECLINING}
 * @param flags the flags raised
 * @param lastAnswer the day of the account's latest answer up to the as-of day, if any
 * @param riskSeverity the sum of the risk weights of the flags and of the account category
 * @param riskScore {@code riskSeverity ×} annual value (0 when the value is unknown)
 * @since 0.1.0
 */
public record MappedAccount(Account account, DateWindow window, List<ContactEntry> contacts,
        Map<Role, RoleCoverage> roles, AccountView view, AccountTrend trend, DeclineCheck decline, Set<Flag> flags,
        Optional<LocalDate> lastAnswer, double riskSeverity, double riskScore) {

    /**
     * Copies the collections.
     *
     * @throws IllegalArgumentException if the view is of another account
     */
    public MappedAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(window, "window");
        contacts = List.copyOf(contacts);
        roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        Objects.requireNonNull(view, "view");
        if (!view.accountId().equals(account.id())) {
            throw new IllegalArgumentException("view of account " + view.accountId() + " given for " + account.id());
        }
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(decline, "decline");
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        Objects.requireNonNull(lastAnswer, "lastAnswer");
    }

    /**
     * Returns the account id.
     *
     * @return {@code account().id()}
     */
    public String accountId() {
        return account.id();
    }

    /**
     * Returns the account NPS: unweighted, of the contacts' latest answers in the window.
     *
     * @return NPS points, or empty if nobody answered in the window
     */
    public OptionalDouble nps() {
        return view.accountNps().nps();
    }

    /**
     * Returns the plain mean 0–10 score of the contacts' latest answers in the window (a mean score, not an NPS).
     *
     * @return the mean, or empty if nobody answered
     */
    public OptionalDouble meanScore() {
        return view.meanScore();
    }

    /**
     * Returns the mean score the account category is classified from ({@link AccountView#categoryScore()}): the
     * role-weighted mean, or the waterfall score, as the rule says — the figure to show beside the category.
     *
     * @return the mean score, or empty if nobody answered
     */
    public OptionalDouble categoryScore() {
        return view.categoryScore();
    }

    /**
     * Returns the account's category as one customer, under {@link AccountView#rule()}.
     *
     * @return the category, or empty if nobody answered
     */
    public Optional<Category> category() {
        return view.category();
    }

    /**
     * Tells whether a flag is raised.
     *
     * @param flag the flag
     * @return true if raised
     */
    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /**
     * Returns the contacts in one role.
     *
     * @param role the role
     * @return its contacts, by id (empty if none)
     */
    public List<ContactEntry> contacts(Role role) {
        return contacts.stream().filter(c -> c.role().equals(role)).toList();
    }

    /**
     * Returns the account's totals over all roles.
     *
     * @return mapped, invited, responded and categories summed over roles, under the role name {@code all}
     */
    public RoleCoverage total() {
        RoleCoverage sum = RoleCoverage.empty(Role.of("all"));
        for (RoleCoverage c : roles.values()) {
            sum = sum.merge(new RoleCoverage(sum.role(), c.mapped(), c.invited(), c.responded(), c.promoters(),
                    c.passives(), c.detractors()));
        }
        return sum;
    }
}
