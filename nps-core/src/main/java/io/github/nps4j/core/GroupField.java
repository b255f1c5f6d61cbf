package io.github.nps4j.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A field that responses can be grouped by: {@link #ACCOUNT}, {@link #ROLE}, {@link #EPISODE}, {@link #TIER}, a
 * {@link #period(PeriodUnit) period} or a {@link #segment(String) segment tag}; combine several for cross-tabs.
 *
 * <p>A response whose value is unknown (no role, an account without that segment tag) falls in the group
 * {@value #NONE}. Grouping by tier or segment needs the accounts; an unknown account is an error.
 *
 * <p>Immutable, value-based. Example usage:
 * <pre>{@code
 * GroupField f = GroupField.parse("period:quarter");
 * String key = f.valueOf(response, accountsById);   // "2026-Q1"
 * }</pre>
 *
 * @since 0.1.0
 */
public final class GroupField {
    /** The value of a response that has none for the field: {@value}. */
    public static final String NONE = "(none)";

    private enum Kind {
        ACCOUNT, ROLE, EPISODE, TIER, PERIOD, SEGMENT
    }

    /** The response's account id. */
    public static final GroupField ACCOUNT = new GroupField(Kind.ACCOUNT, "account", null, null);
    /** The response's role. */
    public static final GroupField ROLE = new GroupField(Kind.ROLE, "role", null, null);
    /** The response's episode type. */
    public static final GroupField EPISODE = new GroupField(Kind.EPISODE, "episode", null, null);
    /** The channel tier of the response's account. */
    public static final GroupField TIER = new GroupField(Kind.TIER, "tier", null, null);

    private final Kind kind;
    private final String name;
    private final PeriodUnit unit;
    private final String segment;

    private GroupField(Kind kind, String name, PeriodUnit unit, String segment) {
        this.kind = kind;
        this.name = name;
        this.unit = unit;
        this.segment = segment;
    }

    /**
     * Groups by calendar period of the answer date.
     *
     * @param unit month, quarter or year
     * @return the field, named {@code period:<unit>}
     */
    public static GroupField period(PeriodUnit unit) {
        Objects.requireNonNull(unit, "unit");
        return new GroupField(Kind.PERIOD, "period:" + unit.name().toLowerCase(java.util.Locale.ROOT), unit, null);
    }

    /**
     * Groups by a segment tag of the response's account.
     *
     * @param segment the tag name, e.g. {@code region}
     * @return the field, named {@code seg:<segment>}
     */
    public static GroupField segment(String segment) {
        String s = Ids.require(segment, "segment name");
        return new GroupField(Kind.SEGMENT, "seg:" + s, null, s);
    }

    /**
     * Parses a field as the command line spells it.
     *
     * @param text {@code account}, {@code role}, {@code episode}, {@code tier}, {@code period:month|quarter|year} or
     *        {@code seg:<name>}
     * @return the field
     * @throws IllegalArgumentException on anything else, listing the valid spellings
     */
    public static GroupField parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (t.startsWith("period:")) {
            return period(PeriodUnit.parse(t.substring(7)));
        }
        if (t.startsWith("seg:")) {
            return segment(t.substring(4));
        }
        return switch (t) {
            case "account" -> ACCOUNT;
            case "role" -> ROLE;
            case "episode" -> EPISODE;
            case "tier" -> TIER;
            default -> throw new IllegalArgumentException("unknown group field '" + text
                    + "'; expected account, role, episode, tier, period:month|quarter|year or seg:<name>");
        };
    }

    /**
     * Returns the field's name as {@link #parse} reads it and as JSON keys spell it.
     *
     * @return e.g. {@code role}, {@code period:quarter}, {@code seg:region}
     */
    public String name() {
        return name;
    }

    /**
     * Tells whether this field needs the responses' accounts.
     *
     * @return true for tier and segment fields
     */
    public boolean needsAccounts() {
        return kind == Kind.TIER || kind == Kind.SEGMENT;
    }

    /**
     * Returns the period unit of a period field.
     *
     * @return the unit, or empty for other fields
     */
    public Optional<PeriodUnit> periodUnit() {
        return Optional.ofNullable(unit);
    }

    /**
     * Returns a response's value for this field.
     *
     * @param r the response
     * @param accounts accounts by id (used by tier and segment fields)
     * @return the value, {@value #NONE} when the response has none
     * @throws IllegalArgumentException when a tier or segment field meets an account that is not in {@code accounts}
     */
    public String valueOf(Response r, Map<String, Account> accounts) {
        return switch (kind) {
            case ACCOUNT -> r.accountId();
            case ROLE -> r.role().map(Role::name).orElse(NONE);
            case EPISODE -> r.episode().name();
            case PERIOD -> unit.label(r.answeredOn());
            case TIER -> account(r, accounts).tier().name();
            case SEGMENT -> account(r, accounts).segment(segment).orElse(NONE);
        };
    }

    private Account account(Response r, Map<String, Account> accounts) {
        Account a = accounts.get(r.accountId());
        if (a == null) {
            throw new IllegalArgumentException("grouping by " + name + " needs account " + r.accountId()
                    + " of response " + r.id() + ", which is not among the accounts given");
        }
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupField f && f.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
