package io.github.nps4j.core.table;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Score;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * An immutable columnar table of responses: primitive arrays, one entry per response, with dictionary-encoded
 * account, contact, role, episode and tier columns and the answer day. It holds exactly
 * {@value #BYTES_PER_ROW} bytes per response ({@link #memoryBytesPerRow()}):
 *
 * <table>
 * <caption>Columns</caption>
 * <tr><th>column</th><th>type</th><th>bytes</th></tr>
 * <tr><td>score 0–10</td><td>{@code byte}</td><td>1</td></tr>
 * <tr><td>account code</td><td>{@code int}</td><td>4</td></tr>
 * <tr><td>contact code</td><td>{@code int}</td><td>4</td></tr>
 * <tr><td>role code (the role {@value GroupField#NONE} when unknown)</td><td>{@code byte}</td><td>1</td></tr>
 * <tr><td>episode code</td><td>{@code byte}</td><td>1</td></tr>
 * <tr><td>tier code, from the account ({@code -1} when the account is not among the accounts given)</td>
 * <td>{@code byte}</td><td>1</td></tr>
 * <tr><td>answer day (epoch day; periods are derived from it per unit)</td><td>{@code int}</td><td>4</td></tr>
 * </table>
 *
 * <p>Dictionaries (ids and names by code) and per-account facts (known or not, annual value) are held once, not per
 * row. Response ids, times of day, comments and ratings are not kept. Weights are not stored: the
 * {@link TableScorer} computes them from the weighting at scoring time.
 *
 * <p><b>Order within a day.</b> {@link Dedupe#LATEST_PER_CONTACT} keeps a contact's latest answer: the one with the
 * greatest day and, among answers of that day, the one stored last. {@link #of(Collection, Collection)} stores
 * responses sorted by {@link Dedupe#LATEST_ORDER} (answer time, then response id), so the table keeps exactly the
 * answers that {@link io.github.nps4j.core.NpsScorer} keeps; with an {@link Appender}, rows appended later count as
 * later on the same day.
 *
 * <p>Limits: at most 256 distinct roles (including {@value GroupField#NONE}), 256 episode types and 255 tiers; rows
 * and dictionary entries up to {@code Integer.MAX_VALUE - 8}.
 *
 * <p>Immutable and thread-safe. Example usage:
 * <pre>{@code
 * ResponseTable.Appender app = ResponseTable.appender(accounts, 10_000_000);
 * int role = app.role(Role.DECISION_MAKER);
 * int episode = app.episode(EpisodeType.RELATIONSHIP);
 * app.append(9, app.account("A1"), app.contact("C1"), role, episode, LocalDate.of(2026, 3, 14).toEpochDay());
 * ResponseTable table = app.build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ResponseTable {
    /** Bytes held per response by the columns. */
    public static final int BYTES_PER_ROW = 16;
    /** The tier code of a row whose account is not among the accounts given. */
    public static final int UNKNOWN_TIER = -1;

    final int size;
    final byte[] score;
    final int[] account;
    final int[] contact;
    final byte[] role;
    final byte[] episode;
    final byte[] tier;
    final int[] day;
    final String[] accountIds;
    final boolean[] accountKnown;
    final double[] accountValue;
    final String[] contactIds;
    final String[] roleNames;
    final String[] episodeNames;
    final String[] tierNames;
    final boolean[] episodePresent;
    final int minDay;
    final int maxDay;

    private ResponseTable(Appender a) {
        size = a.size;
        score = trim(a.score, size);
        account = trim(a.account, size);
        contact = trim(a.contact, size);
        role = trim(a.role, size);
        episode = trim(a.episode, size);
        tier = trim(a.tier, size);
        day = trim(a.day, size);
        accountIds = a.accountIds.toArray(new String[0]);
        accountKnown = Arrays.copyOf(a.accountKnown, accountIds.length);
        accountValue = Arrays.copyOf(a.accountValue, accountIds.length);
        contactIds = a.contactIds.toArray(new String[0]);
        roleNames = a.roleNames.toArray(new String[0]);
        episodeNames = a.episodeNames.toArray(new String[0]);
        tierNames = a.tierNames.toArray(new String[0]);
        episodePresent = new boolean[episodeNames.length];
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            episodePresent[episode[i] & 0xFF] = true;
            int d = day[i];
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        minDay = size == 0 ? 0 : lo;
        maxDay = size == 0 ? 0 : hi;
    }

    private static byte[] trim(byte[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }

    private static int[] trim(int[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }

    /**
     * Builds a table from response objects. Rows are stored in {@link Dedupe#LATEST_ORDER} (answer time, then
     * response id), so that de-duplication on the table keeps the same answers as on the objects. A response whose
     * role is unknown gets the role {@value GroupField#NONE}; tiers and annual values come from the accounts.
     *
     * @param responses the responses (not modified)
     * @param accounts the accounts (may be empty; a response's account need not be among them)
     * @return the table
     * @throws IllegalArgumentException on duplicate account ids or when a dictionary limit is exceeded
     */
    public static ResponseTable of(Collection<Response> responses, Collection<Account> accounts) {
        Objects.requireNonNull(responses, "responses");
        Objects.requireNonNull(accounts, "accounts");
        List<Response> sorted = new ArrayList<>(responses);
        sorted.sort(Dedupe.LATEST_ORDER);
        Appender app = appender(accounts, sorted.size());
        for (Response r : sorted) {
            int roleCode = r.role().isPresent() ? app.role(r.role().get()) : app.noRole();
            app.append(r.score(), app.account(r.accountId()), app.contact(r.contactId()), roleCode,
                    app.episode(r.episode()), r.answeredOn().toEpochDay());
        }
        return app.build();
    }

    /**
     * Starts an appender: the fast way to fill a table from primitive codes.
     *
     * @param accounts the accounts, registered first (their codes are their positions); more may be added by id
     * @param expectedRows the expected number of rows (the arrays are sized for it; exceeding it is allowed)
     * @return an appender
     * @throws IllegalArgumentException on duplicate account ids or a negative expected size
     */
    public static Appender appender(Collection<Account> accounts, int expectedRows) {
        Objects.requireNonNull(accounts, "accounts");
        return new Appender(accounts, expectedRows);
    }

    /**
     * Returns the number of bytes the columns hold per response.
     *
     * @return {@value #BYTES_PER_ROW}
     */
    public static int memoryBytesPerRow() {
        return BYTES_PER_ROW;
    }

    /**
     * Returns an estimate of the memory held: the columns plus the dictionaries (ids counted at 40 bytes plus 2 per
     * character).
     *
     * @return bytes
     */
    public long memoryBytes() {
        long bytes = (long) BYTES_PER_ROW * size;
        for (String[] dict : List.of(accountIds, contactIds, roleNames, episodeNames, tierNames)) {
            for (String s : dict) {
                bytes += 8 + 40 + 2L * s.length();
            }
        }
        return bytes + 9L * accountIds.length;
    }

    /**
     * Returns the number of responses.
     *
     * @return the row count
     */
    public int size() {
        return size;
    }

    /**
     * Returns a row's score.
     *
     * @param row the row, {@code 0 <= row < size()}
     * @return the score 0–10
     */
    public int score(int row) {
        return score[Objects.checkIndex(row, size)];
    }

    /**
     * Returns a row's account code.
     *
     * @param row the row
     * @return an index into {@link #accountIds()}
     */
    public int account(int row) {
        return account[Objects.checkIndex(row, size)];
    }

    /**
     * Returns a row's contact code.
     *
     * @param row the row
     * @return an index into {@link #contactIds()}
     */
    public int contact(int row) {
        return contact[Objects.checkIndex(row, size)];
    }

    /**
     * Returns a row's role code.
     *
     * @param row the row
     * @return an index into {@link #roles()}
     */
    public int role(int row) {
        return role[Objects.checkIndex(row, size)] & 0xFF;
    }

    /**
     * Returns a row's episode code.
     *
     * @param row the row
     * @return an index into {@link #episodes()}
     */
    public int episode(int row) {
        return episode[Objects.checkIndex(row, size)] & 0xFF;
    }

    /**
     * Returns a row's tier code.
     *
     * @param row the row
     * @return an index into {@link #tiers()}, or {@link #UNKNOWN_TIER} when the account was not given
     */
    public int tier(int row) {
        return tier[Objects.checkIndex(row, size)];
    }

    /**
     * Returns a row's answer day.
     *
     * @param row the row
     * @return the epoch day
     */
    public int epochDay(int row) {
        return day[Objects.checkIndex(row, size)];
    }

    /**
     * Returns a row's answer day as a date.
     *
     * @param row the row
     * @return the date
     */
    public LocalDate answeredOn(int row) {
        return LocalDate.ofEpochDay(epochDay(row));
    }

    /**
     * Returns the account ids by code.
     *
     * @return an unmodifiable list
     */
    public List<String> accountIds() {
        return List.of(accountIds);
    }

    /**
     * Returns the contact ids by code.
     *
     * @return an unmodifiable list
     */
    public List<String> contactIds() {
        return List.of(contactIds);
    }

    /**
     * Returns the role names by code; {@value GroupField#NONE} stands for an unknown role.
     *
     * @return an unmodifiable list
     */
    public List<String> roles() {
        return List.of(roleNames);
    }

    /**
     * Returns the episode type names by code.
     *
     * @return an unmodifiable list
     */
    public List<String> episodes() {
        return List.of(episodeNames);
    }

    /**
     * Returns the tier names by code.
     *
     * @return an unmodifiable list
     */
    public List<String> tiers() {
        return List.of(tierNames);
    }

    /**
     * Tells whether an account code belongs to one of the accounts given (rather than to an id only seen in a row).
     *
     * @param accountCode the code
     * @return true if the account was given
     */
    public boolean isKnownAccount(int accountCode) {
        return accountKnown[Objects.checkIndex(accountCode, accountIds.length)];
    }

    /**
     * Returns an account's annual value.
     *
     * @param accountCode the code
     * @return the value, or empty when unknown
     */
    public OptionalDouble annualValue(int accountCode) {
        double v = accountValue[Objects.checkIndex(accountCode, accountIds.length)];
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * Finds an account's code.
     *
     * @param id the account id
     * @return its code, or empty if no row or given account has it
     */
    public OptionalInt accountCode(String id) {
        for (int i = 0; i < accountIds.length; i++) {
            if (accountIds[i].equals(id)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public String toString() {
        return "ResponseTable[rows=" + size + ", accounts=" + accountIds.length + ", contacts=" + contactIds.length
                + ", roles=" + roleNames.length + ", episodes=" + episodeNames.length + "]";
    }

    /**
     * Fills a {@link ResponseTable} from primitive codes. Codes come from its dictionary methods
     * ({@link #account}, {@link #contact}, {@link #role}, {@link #noRole}, {@link #episode}), which return the
     * existing code of a known id or name and register new ones. Not thread-safe; single use.
     */
    public static final class Appender {
        private int size;
        private byte[] score;
        private int[] account;
        private int[] contact;
        private byte[] role;
        private byte[] episode;
        private byte[] tier;
        private int[] day;
        private final List<String> accountIds = new ArrayList<>();
        private final Map<String, Integer> accountCodes = new HashMap<>();
        private boolean[] accountKnown = new boolean[16];
        private double[] accountValue = new double[16];
        private byte[] accountTier = new byte[16];
        private final List<String> contactIds = new ArrayList<>();
        private final Map<String, Integer> contactCodes = new HashMap<>();
        private final List<String> roleNames = new ArrayList<>();
        private final Map<String, Integer> roleCodes = new HashMap<>();
        private final List<String> episodeNames = new ArrayList<>();
        private final Map<String, Integer> episodeCodes = new HashMap<>();
        private final List<String> tierNames = new ArrayList<>();
        private final Map<String, Integer> tierCodes = new HashMap<>();
        private boolean built;

        private Appender(Collection<Account> accounts, int expectedRows) {
            if (expectedRows < 0) {
                throw new IllegalArgumentException("expected rows " + expectedRows + " must be >= 0");
            }
            int cap = Math.max(16, expectedRows);
            score = new byte[cap];
            account = new int[cap];
            contact = new int[cap];
            role = new byte[cap];
            episode = new byte[cap];
            tier = new byte[cap];
            day = new int[cap];
            for (Account a : accounts) {
                if (accountCodes.containsKey(a.id())) {
                    throw new IllegalArgumentException("account id " + a.id() + " is given twice");
                }
                int code = newAccount(a.id());
                accountKnown[code] = true;
                accountValue[code] = a.annualValue().isPresent() ? a.annualValue().getAsDouble() : Double.NaN;
                accountTier[code] = (byte) code(tierNames, tierCodes, a.tier().name(), 255, "tiers");
            }
        }

        private int newAccount(String id) {
            int code = accountIds.size();
            accountIds.add(id);
            accountCodes.put(id, code);
            if (code == accountKnown.length) {
                int n = code * 2;
                accountKnown = Arrays.copyOf(accountKnown, n);
                accountValue = Arrays.copyOf(accountValue, n);
                accountTier = Arrays.copyOf(accountTier, n);
            }
            accountValue[code] = Double.NaN;
            accountTier[code] = (byte) UNKNOWN_TIER;
            return code;
        }

        private static int code(List<String> names, Map<String, Integer> codes, String name, int limit,
                String what) {
            Integer c = codes.get(name);
            if (c != null) {
                return c;
            }
            int code = names.size();
            if (code >= limit) {
                throw new IllegalArgumentException("too many distinct " + what + ": at most " + limit + " ('" + name
                        + "' is one more)");
            }
            names.add(name);
            codes.put(name, code);
            return code;
        }

        /**
         * Returns the code of an account id, registering an account not among those given (unknown tier and
         * value).
         *
         * @param id the account id
         * @return its code
         */
        public int account(String id) {
            Integer c = accountCodes.get(Objects.requireNonNull(id, "id"));
            return c != null ? c : newAccount(id);
        }

        /**
         * Returns the code of a contact id, registering it if new.
         *
         * @param id the contact id
         * @return its code
         */
        public int contact(String id) {
            return code(contactIds, contactCodes, Objects.requireNonNull(id, "id"), Integer.MAX_VALUE - 8,
                    "contacts");
        }

        /**
         * Returns the code of a role, registering it if new.
         *
         * @param r the role
         * @return its code
         * @throws IllegalArgumentException past 256 distinct roles
         */
        public int role(Role r) {
            return code(roleNames, roleCodes, r.name(), 256, "roles");
        }

        /**
         * Returns the code of the unknown role {@value GroupField#NONE}, which weighs the role weights' default.
         *
         * @return its code
         * @throws IllegalArgumentException past 256 distinct roles
         */
        public int noRole() {
            return code(roleNames, roleCodes, GroupField.NONE, 256, "roles");
        }

        /**
         * Returns the code of an episode type, registering it if new.
         *
         * @param e the episode type
         * @return its code
         * @throws IllegalArgumentException past 256 distinct episode types
         */
        public int episode(EpisodeType e) {
            return code(episodeNames, episodeCodes, e.name(), 256, "episode types");
        }

        /**
         * Appends one response; its tier is its account's.
         *
         * @param scoreValue the score, 0–10
         * @param accountCode an account code from {@link #account}
         * @param contactCode a contact code from {@link #contact}
         * @param roleCode a role code from {@link #role} or {@link #noRole}
         * @param episodeCode an episode code from {@link #episode}
         * @param epochDay the answer day as an epoch day ({@link LocalDate#toEpochDay()})
         * @throws IllegalArgumentException on a score outside 0–10 or a code that was not handed out, naming the row
         * @throws IllegalStateException after {@link #build()}
         */
        public void append(int scoreValue, int accountCode, int contactCode, int roleCode, int episodeCode,
                long epochDay) {
            if (built) {
                throw new IllegalStateException("the table was already built");
            }
            if (scoreValue < Score.MIN || scoreValue > Score.MAX) {
                throw new IllegalArgumentException("row " + size + ": score " + scoreValue
                        + " is out of range; expected an integer 0-10");
            }
            check(accountCode, accountIds.size(), "account");
            check(contactCode, contactIds.size(), "contact");
            check(roleCode, roleNames.size(), "role");
            check(episodeCode, episodeNames.size(), "episode");
            if (epochDay < Integer.MIN_VALUE || epochDay > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("row " + size + ": epoch day " + epochDay + " is out of range");
            }
            if (size == score.length) {
                grow();
            }
            int i = size++;
            score[i] = (byte) scoreValue;
            account[i] = accountCode;
            contact[i] = contactCode;
            role[i] = (byte) roleCode;
            episode[i] = (byte) episodeCode;
            tier[i] = accountTier[accountCode];
            day[i] = (int) epochDay;
        }

        private void check(int code, int limit, String what) {
            if (code < 0 || code >= limit) {
                throw new IllegalArgumentException("row " + size + ": " + what + " code " + code
                        + " was not handed out by this appender (it has " + limit + ")");
            }
        }

        private void grow() {
            if (size >= Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a table holds at most " + (Integer.MAX_VALUE - 8) + " rows");
            }
            int n = (int) Math.min(Integer.MAX_VALUE - 8L, size + (size >> 1) + 16L);
            score = Arrays.copyOf(score, n);
            account = Arrays.copyOf(account, n);
            contact = Arrays.copyOf(contact, n);
            role = Arrays.copyOf(role, n);
            episode = Arrays.copyOf(episode, n);
            tier = Arrays.copyOf(tier, n);
            day = Arrays.copyOf(day, n);
        }

        /**
         * Returns the number of rows appended.
         *
         * @return the count
         */
        public int size() {
            return size;
        }

        /**
         * Builds the table. The appender cannot be used afterwards. When exactly the expected number of rows was
         * appended the arrays are handed over without copying.
         *
         * @return the table
         * @throws IllegalStateException if called twice
         */
        public ResponseTable build() {
            if (built) {
                throw new IllegalStateException("the table was already built");
            }
            built = true;
            ResponseTable t = new ResponseTable(this);
            score = new byte[0];
            account = new int[0];
            contact = new int[0];
            role = new byte[0];
            episode = new byte[0];
            tier = new byte[0];
            day = new int[0];
            return t;
        }
    }
}
