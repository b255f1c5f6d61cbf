package io.github.nps4j.core.internal;

import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * A list of responses seen by position as codes and numbers — account and contact codes, answer day and time, score,
 * episode and role codes — so that code walking every response of a large portfolio needs neither a {@link Response}
 * per row nor a hash lookup per row: it looks each distinct account, contact, episode and role up once, by code.
 *
 * <p>Of a {@link CompactResponses} (a portfolio read from CSV) it is a view on the columns, made without a pass over
 * the rows; of any other list it is built in one pass over the responses (each made once). {@link #response(int)}
 * returns the list's own response at a position, so results that hold responses hold the same ones as code that
 * walks the list.
 *
 * <p>Codes are dense, {@code 0 .. accounts() − 1} and {@code 0 .. contacts() − 1}; distinct codes have distinct ids.
 * A code may have no row (the reader codes every listed account and contact before the responses).
 *
 * <p>Immutable and thread-safe (the arrays are never written after construction). Not API: used by the account map,
 * follow-up queue and survey planner of {@code nps-accountmap}, to which this package is exported.
 */
public final class ResponseCodes {
    private static final int SECONDS_PER_DAY = 86_400;

    private final List<Response> list;
    private final int size;
    private final String[] accountIds;
    private final int[] accounts;
    private final String[] contactIds;
    private final int[] contacts;
    private final long[] seconds;
    private final int @org.jspecify.annotations.Nullable [] nanos;
    private final byte[] scores;
    private final EpisodeType[] episodeValues;
    private final Codes episodes;
    private final List<Optional<Role>> roleValues;
    private final Codes roles;
    private final @org.jspecify.annotations.Nullable CompactResponses compact;

    /** The view of a {@link CompactResponses}' columns (shared, not copied). */
    ResponseCodes(CompactResponses compact, String[] accountIds, int[] accounts, String[] contactIds, int[] contacts,
            long[] seconds, int @org.jspecify.annotations.Nullable [] nanos, byte[] scores,
            EpisodeType[] episodeValues, Codes episodes, List<Optional<Role>> roleValues, Codes roles) {
        this.list = compact;
        this.compact = compact;
        this.size = compact.size();
        this.accountIds = accountIds;
        this.accounts = accounts;
        this.contactIds = contactIds;
        this.contacts = contacts;
        this.seconds = seconds;
        this.nanos = nanos;
        this.scores = scores;
        this.episodeValues = episodeValues;
        this.episodes = episodes;
        this.roleValues = roleValues;
        this.roles = roles;
    }

    /** One pass over a list of response objects. */
    private ResponseCodes(List<Response> list) {
        this.list = list;
        this.compact = null;
        this.size = list.size();
        Map<String, Integer> accountCodes = new HashMap<>();
        Map<String, Integer> contactCodes = new HashMap<>();
        Map<EpisodeType, Integer> episodeCodes = new HashMap<>();
        Map<Optional<Role>, Integer> roleCodes = new HashMap<>();
        List<String> accountList = new ArrayList<>();
        List<String> contactList = new ArrayList<>();
        List<EpisodeType> episodeList = new ArrayList<>();
        List<Optional<Role>> roleList = new ArrayList<>();
        accounts = new int[size];
        contacts = new int[size];
        seconds = new long[size];
        int[] nano = null;
        scores = new byte[size];
        episodes = new Codes();
        roles = new Codes();
        for (int i = 0; i < size; i++) {
            Response r = list.get(i);
            accounts[i] = code(accountCodes, accountList, r.accountId());
            contacts[i] = code(contactCodes, contactList, r.contactId());
            LocalDateTime at = r.answeredAt();
            seconds[i] = at.toEpochSecond(ZoneOffset.UTC);
            if (at.getNano() != 0) {
                if (nano == null) {
                    nano = new int[size];
                }
                nano[i] = at.getNano();
            }
            scores[i] = (byte) r.score();
            episodes.add(code(episodeCodes, episodeList, r.episode()));
            roles.add(code(roleCodes, roleList, r.role()));
        }
        nanos = nano;
        accountIds = accountList.toArray(String[]::new);
        contactIds = contactList.toArray(String[]::new);
        episodeValues = episodeList.toArray(EpisodeType[]::new);
        roleValues = List.copyOf(roleList);
    }

    private static <K> int code(Map<K, Integer> codes, List<K> values, K key) {
        Integer c = codes.get(key);
        if (c == null) {
            c = values.size();
            values.add(key);
            codes.put(key, c);
        }
        return c;
    }

    /**
     * Returns the codes of a list of responses: a view on the columns of a {@link CompactResponses}, else built in
     * one pass.
     *
     * @param responses the responses (not modified; an immutable list, as a portfolio's)
     * @return the codes
     */
    public static ResponseCodes of(List<Response> responses) {
        Objects.requireNonNull(responses, "responses");
        if (responses instanceof CompactResponses compact) {
            return compact.codes();
        }
        return new ResponseCodes(responses);
    }

    /**
     * Returns the number of rows.
     *
     * @return the list's size
     */
    public int size() {
        return size;
    }

    /**
     * Returns the number of account codes.
     *
     * @return codes are {@code 0 ..} this − 1
     */
    public int accounts() {
        return accountIds.length;
    }

    /**
     * Returns a row's account code.
     *
     * @param row the row
     * @return its account code
     */
    public int account(int row) {
        return accounts[row];
    }

    /**
     * Returns the account id of a code.
     *
     * @param code an account code
     * @return its id
     */
    public String accountId(int code) {
        return accountIds[code];
    }

    /**
     * Returns the account codes by id (a new map).
     *
     * @return id → code
     */
    public Map<String, Integer> accountCodes() {
        Map<String, Integer> m = new HashMap<>(accountIds.length * 2);
        for (int c = 0; c < accountIds.length; c++) {
            m.put(accountIds[c], c);
        }
        return m;
    }

    /**
     * Returns the number of contact codes.
     *
     * @return codes are {@code 0 ..} this − 1
     */
    public int contacts() {
        return contactIds.length;
    }

    /**
     * Returns a row's contact code.
     *
     * @param row the row
     * @return its contact code
     */
    public int contact(int row) {
        return contacts[row];
    }

    /**
     * Returns the contact id of a code.
     *
     * @param code a contact code
     * @return its id
     */
    public String contactId(int code) {
        return contactIds[code];
    }

    /**
     * Returns the day a row was answered, as {@code response(row).answeredOn().toEpochDay()}.
     *
     * @param row the row
     * @return the epoch day
     */
    public long epochDay(int row) {
        return Math.floorDiv(seconds[row], SECONDS_PER_DAY);
    }

    /**
     * Returns a row's score.
     *
     * @param row the row
     * @return 0–10
     */
    public int score(int row) {
        return scores[row];
    }

    /**
     * Returns the number of episode codes.
     *
     * @return codes are {@code 0 ..} this − 1
     */
    public int episodeCodes() {
        return episodeValues.length;
    }

    /**
     * Returns a row's episode code.
     *
     * @param row the row
     * @return its episode code
     */
    public int episodeCode(int row) {
        return episodes.get(row);
    }

    /**
     * Returns the episode type of a code.
     *
     * @param code an episode code
     * @return the episode type
     */
    public EpisodeType episodeValue(int code) {
        return episodeValues[code];
    }

    /**
     * Returns the number of role codes.
     *
     * @return codes are {@code 0 ..} this − 1
     */
    public int roleCodes() {
        return roleValues.size();
    }

    /**
     * Returns a row's role code.
     *
     * @param row the row
     * @return its role code
     */
    public int roleCode(int row) {
        return roles.get(row);
    }

    /**
     * Returns the role of a code, as {@link Response#role()}.
     *
     * @param code a role code
     * @return the role, or empty
     */
    public Optional<Role> roleValue(int code) {
        return roleValues.get(code);
    }

    /**
     * Returns a row's response id.
     *
     * @param row the row
     * @return the id
     */
    public String id(int row) {
        return compact != null ? compact.id(row) : list.get(row).id();
    }

    /**
     * Returns the response at a row: the list's own ({@code responses.get(row)}).
     *
     * @param row the row
     * @return the response
     */
    public Response response(int row) {
        return list.get(row);
    }

    /**
     * Returns the response at a row read in another role: equal to {@code response(row).withRole(role)}, made once
     * (not made and then copied) when the list holds columns.
     *
     * @param row the row
     * @param role the role
     * @return the response with that role
     */
    public Response response(int row, Role role) {
        return compact != null ? compact.get(row, Optional.of(role)) : list.get(row).withRole(role);
    }

    /**
     * Tells whether one row comes after another in {@link Dedupe#LATEST_ORDER} (answer time, then response id), as
     * {@code LATEST_ORDER.compare(response(b), response(a)) < 0}: whether {@code a} replaces {@code b} as a
     * contact's latest answer.
     *
     * @param a a row
     * @param b another row
     * @return true if {@code a} comes after {@code b}
     */
    public boolean isLater(int a, int b) {
        if (seconds[a] != seconds[b]) {
            return seconds[a] > seconds[b];
        }
        int na = nanos == null ? 0 : nanos[a];
        int nb = nanos == null ? 0 : nanos[b];
        if (na != nb) {
            return na > nb;
        }
        return (compact != null ? compact.compareIds(a, b) : id(a).compareTo(id(b))) > 0;
    }

    /**
     * Groups rows by account code, keeping each account's rows in list order.
     *
     * @param keep which rows to keep
     * @return per account code, the rows kept (an empty array for an account without one)
     */
    public int[][] rowsByAccount(IntPredicate keep) {
        int[] counts = new int[accountIds.length];
        boolean[] kept = new boolean[size];
        for (int i = 0; i < size; i++) {
            if (keep.test(i)) {
                kept[i] = true;
                counts[accounts[i]]++;
            }
        }
        int[][] out = new int[accountIds.length][];
        for (int a = 0; a < out.length; a++) {
            out[a] = new int[counts[a]];
            counts[a] = 0;
        }
        for (int i = 0; i < size; i++) {
            if (kept[i]) {
                int a = accounts[i];
                out[a][counts[a]++] = i;
            }
        }
        return out;
    }
}
