package io.github.nps4j.core.internal;

import io.github.nps4j.core.Contact;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * Responses held as columns instead of objects, seen as an immutable {@code List<Response>} that makes each
 * {@link Response} on {@link #get(int)} (short-lived objects; account and contact ids, roles and episode types are
 * shared). The CSV reader fills it through a {@link Builder}; {@link io.github.nps4j.core.Portfolio} keeps it as is.
 *
 * <p>Layout per response: the id's characters (one byte each when Latin-1) and a 4-byte offset; account and contact
 * as 4-byte codes into shared id arrays; role and episode as 1-byte codes (4 bytes past 255 distinct values); the
 * answer time as seconds (8 bytes; nanoseconds in a separate column only when some answer has them); the score as a
 * byte; the comment's characters and a 4-byte offset; 8 bytes per attribute rating (NaN = skipped) and 1 byte per
 * competitor score (-1 = not rated). About 34 bytes plus ids and comments, against about 1 KB as objects.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class CompactResponses extends AbstractList<Response> implements RandomAccess {
    private static final int SECONDS_PER_DAY = 86_400;

    private final int size;
    private final TextColumn ids;
    private final String[] accountIds;
    private final int[] accounts;
    private final String[] contactIds;
    private final int[] contacts;
    private final List<Optional<Role>> roleValues;
    private final Codes roles;
    private final EpisodeType[] episodeValues;
    private final Codes episodes;
    private final long[] seconds;
    private final int @org.jspecify.annotations.Nullable [] nanos;
    private final byte[] scores;
    private final TextColumn comments;
    private final String[] attributes;
    private final double[][] ratings;
    private final String[] competitors;
    private final byte[][] competitorScores;
    /**
     * The contacts by code that every row was checked against as it was added ({@link Builder#contactsChecked}),
     * or null.
     */
    private final Contact @org.jspecify.annotations.Nullable [] checkedContacts;

    /** An index's keys by code, one string each, shared by every response made. */
    private static String[] keys(StringIndex index) {
        String[] out = new String[index.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = index.key(c);
        }
        return out;
    }

    /** The keys given to the builder when they are still its index's keys, else the index's keys made anew. */
    private static String[] keys(StringIndex index, String @org.jspecify.annotations.Nullable [] given) {
        return given != null && given.length == index.size() ? given : keys(index);
    }

    private CompactResponses(Builder b, Codes roles) {
        this.size = b.size;
        this.ids = b.ids;
        this.accountIds = keys(b.accountCodes, b.accountKeys);
        this.accounts = b.accounts;
        this.contactIds = keys(b.contactCodes, b.contactKeys);
        this.contacts = b.contacts;
        this.roleValues = List.copyOf(b.roleValues);
        this.roles = roles;
        this.episodeValues = b.episodeValues.toArray(EpisodeType[]::new);
        this.episodes = b.episodes;
        this.seconds = b.seconds;
        this.nanos = b.nanos;
        this.scores = b.scores;
        this.comments = b.comments;
        this.attributes = b.attributes;
        this.ratings = b.ratings;
        this.competitors = b.competitors;
        this.competitorScores = b.competitorScores;
        this.checkedContacts = b.checkedContacts != null && b.checkedContacts.length == contactIds.length
                ? b.checkedContacts : null;
    }

    private CompactResponses(CompactResponses o, Codes roles, List<Optional<Role>> roleValues) {
        this.size = o.size;
        this.ids = o.ids;
        this.accountIds = o.accountIds;
        this.accounts = o.accounts;
        this.contactIds = o.contactIds;
        this.contacts = o.contacts;
        this.roleValues = List.copyOf(roleValues);
        this.roles = roles;
        this.episodeValues = o.episodeValues;
        this.episodes = o.episodes;
        this.seconds = o.seconds;
        this.nanos = o.nanos;
        this.scores = o.scores;
        this.comments = o.comments;
        this.attributes = o.attributes;
        this.ratings = o.ratings;
        this.competitors = o.competitors;
        this.competitorScores = o.competitorScores;
        this.checkedContacts = null;
    }

    /**
     * Starts a builder.
     *
     * @param attributes the attribute names of the ratings columns (distinct)
     * @param competitors the competitor names of the competitor-score columns (distinct)
     * @return an empty builder
     */
    public static Builder builder(List<String> attributes, List<String> competitors) {
        return new Builder(attributes, competitors, null, null, null, null);
    }

    /**
     * Starts a builder whose account and contact codes are those of indexes the caller has already filled (the
     * accounts and contacts files, in their order), so that they are not hashed again. The builder adds no key to
     * them: every account and contact of a row must be known to them ({@link Builder#knownAccount},
     * {@link Builder#knownContact}).
     *
     * @param attributes the attribute names of the ratings columns (distinct)
     * @param competitors the competitor names of the competitor-score columns (distinct)
     * @param accountCodes the account ids by code, or null to code them as rows come
     * @param accountKeys the keys of {@code accountCodes} by code as strings (shared by the list, not copied)
     * @param contactCodes the contact ids by code, or null to code them as rows come
     * @param contactKeys the keys of {@code contactCodes} by code as strings (shared, not copied)
     * @return an empty builder
     */
    public static Builder builder(List<String> attributes, List<String> competitors,
            @org.jspecify.annotations.Nullable StringIndex accountCodes, String @org.jspecify.annotations.Nullable []
            accountKeys, @org.jspecify.annotations.Nullable StringIndex contactCodes,
            String @org.jspecify.annotations.Nullable [] contactKeys) {
        return new Builder(attributes, competitors, accountCodes, accountKeys, contactCodes, contactKeys);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Response get(int i) {
        Objects.checkIndex(i, size);
        return get(i, roleValues.get(roles.get(i)));
    }

    /**
     * Makes the response of a row with another role: equal to {@code get(i).withRole(..)}, one object made.
     *
     * @param i the row
     * @param role the role
     * @return the response
     */
    Response get(int i, Optional<Role> role) {
        Objects.checkIndex(i, size);
        String comment = comments.length(i) == 0 ? null : comments.get(i);
        return new Response(ids.get(i), accountIds[accounts[i]], contactIds[contacts[i]], role,
                episodeValues[episodes.get(i)], answeredAt(i), scores[i],
                comment == null ? Optional.empty() : Optional.of(comment),
                attributes.length == 0 ? Map.of() : new RowMap.Ratings(attributes, ratings, i),
                competitors.length == 0 ? Map.of() : new RowMap.Scores(competitors, competitorScores, i));
    }

    /**
     * Returns the attribute names of the rating columns, sorted by {@link String#compareTo} (the order in which each
     * response's {@link Response#ratings()} iterates them).
     *
     * @return the names, index = the column of {@link #ratingColumn(int)}
     */
    public List<String> attributeNames() {
        return List.of(attributes);
    }

    /**
     * Returns one attribute's ratings by row, NaN where the respondent skipped it: {@code ratingColumn(k)[i]} is
     * {@code get(i).ratings().get(attributeNames().get(k))}, or NaN when that is absent. The column itself, shared and
     * not copied, so that a large portfolio's ratings are analysed without a second copy: callers must never write it.
     *
     * @param attribute the index into {@link #attributeNames()}
     * @return the column (length {@link #size()})
     */
    public double[] ratingColumn(int attribute) {
        return ratings[attribute];
    }

    /**
     * Returns the codes view of these columns (shared, not copied).
     *
     * @return the codes
     */
    ResponseCodes codes() {
        return new ResponseCodes(this, accountIds, accounts, contactIds, contacts, seconds, nanos, scores,
                episodeValues, episodes, roleValues, roles);
    }

    private LocalDateTime answeredAt(int i) {
        long s = seconds[i];
        int nano = nanos == null ? 0 : nanos[i];
        if (nano == 0 && Math.floorMod(s, SECONDS_PER_DAY) == 0) {
            return LocalDate.ofEpochDay(Math.floorDiv(s, SECONDS_PER_DAY)).atStartOfDay();
        }
        return LocalDateTime.ofEpochSecond(s, nano, ZoneOffset.UTC);
    }

    /**
     * Returns the response id of one row without making the response.
     *
     * @param i the row
     * @return its id
     */
    public String id(int i) {
        return ids.get(i);
    }

    /**
     * Compares the response ids of two rows as {@code id(a).compareTo(id(b))}, without making them.
     *
     * @param a a row
     * @param b another row
     * @return negative, zero or positive as row {@code a}'s id sorts before, equal to or after row {@code b}'s
     */
    int compareIds(int a, int b) {
        return ids.compare(a, b);
    }

    /**
     * Returns the day of the latest answer, from the time column.
     *
     * @return the latest answer day, or empty when there are no rows
     */
    public Optional<LocalDate> latestAnswerDate() {
        if (size == 0) {
            return Optional.empty();
        }
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, seconds[i]);
        }
        return Optional.of(LocalDate.ofEpochDay(Math.floorDiv(max, SECONDS_PER_DAY)));
    }

    /**
     * Returns the rows answered on a day in a window, from the time column (no response is made to decide).
     *
     * @param window the window
     * @return an immutable view of those rows, in list order
     */
    public List<Response> answeredIn(io.github.nps4j.core.DateWindow window) {
        int[] rows = new int[16];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (window.containsEpochDay(Math.floorDiv(seconds[i], SECONDS_PER_DAY))) {
                if (n == rows.length) {
                    rows = Arrays.copyOf(rows, n * 2);
                }
                rows[n++] = i;
            }
        }
        int[] picked = Arrays.copyOf(rows, n);
        return new Rows(picked);
    }

    /** An immutable view of some rows, each made on access. */
    private final class Rows extends AbstractList<Response> implements RandomAccess {
        private final int[] rows;

        Rows(int[] rows) {
            this.rows = rows;
        }

        @Override
        public Response get(int index) {
            return CompactResponses.this.get(rows[Objects.checkIndex(index, rows.length)]);
        }

        @Override
        public int size() {
            return rows.length;
        }
    }

    /**
     * Fills each row without a role from its contact and refuses a row whose account is not its contact's: what
     * {@code Portfolio}'s constructor does to a list of responses, done once per distinct contact instead of once
     * per row.
     *
     * @param contactsById the portfolio's contacts
     * @return this list when nothing changes, else a copy with the roles filled
     * @throws IllegalArgumentException at the first row (in list order) whose contact belongs to another account
     */
    public CompactResponses withRolesFrom(Map<String, Contact> contactsById) {
        if (contactsById.isEmpty() || size == 0 || checkedAgainst(contactsById)) {
            return this;
        }
        int[] accountOfContact = new int[contactIds.length];
        Contact[] contact = new Contact[contactIds.length];
        Map<String, Integer> accountCode = new HashMap<>();
        for (int a = 0; a < accountIds.length; a++) {
            accountCode.put(accountIds[a], a);
        }
        for (int c = 0; c < contactIds.length; c++) {
            Contact k = contactsById.get(contactIds[c]);
            contact[c] = k;
            Integer a = k == null ? null : accountCode.get(k.accountId());
            accountOfContact[c] = a == null ? -1 : a;
        }
        int emptyRole = roleValues.indexOf(Optional.<Role>empty());
        Codes filled = null;
        List<Optional<Role>> values = new ArrayList<>(roleValues);
        for (int i = 0; i < size; i++) {
            int c = contacts[i];
            Contact k = contact[c];
            if (k == null) {
                continue;
            }
            if (accountOfContact[c] != accounts[i]) {
                throw new IllegalArgumentException("response " + ids.get(i) + " names account "
                        + accountIds[accounts[i]] + " but its contact " + k.id() + " belongs to account "
                        + k.accountId());
            }
            if (roles.get(i) == emptyRole) {
                if (filled == null) {
                    filled = roles.copy();
                }
                Optional<Role> r = Optional.of(k.role());
                int code = values.indexOf(r);
                if (code < 0) {
                    code = values.size();
                    values.add(r);
                }
                filled.set(i, code);
            }
        }
        return filled == null ? this : new CompactResponses(this, filled, values);
    }

    /**
     * Whether every row was checked against exactly these contacts as it was added — each code's contact is the
     * very object the map holds for its id — so that filling roles and checking accounts would change nothing.
     */
    private boolean checkedAgainst(Map<String, Contact> contactsById) {
        Contact[] checked = checkedContacts;
        if (checked == null) {
            return false;
        }
        for (int c = 0; c < checked.length; c++) {
            if (contactsById.get(contactIds[c]) != checked[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the bytes of the columns (not the shared account and contact id arrays), for memory accounting.
     *
     * @return the bytes held per this list's arrays
     */
    public long bytes() {
        long b = ids.bytes() + 4L * accounts.length + 4L * contacts.length + roles.bytes() + episodes.bytes()
                + 8L * seconds.length + (nanos == null ? 0 : 4L * nanos.length) + scores.length + comments.bytes();
        for (double[] r : ratings) {
            b += 8L * r.length;
        }
        for (byte[] c : competitorScores) {
            b += c.length;
        }
        return b;
    }

    /**
     * Fills the columns row by row, checking that response ids are unique. Not thread-safe.
     */
    public static final class Builder {
        private int size;
        private final TextColumn ids = new TextColumn();
        /** Open addressing: (mixed hash << 32) | (row + 1) per slot, 0 = empty. */
        private long[] idSlots = new long[1 << 10];
        private long[] lines = new long[16];
        /**
         * The id of the last {@link #lineOf} that found no row, its hash and free slot: the table changes only in
         * {@link #add}, which clears it, so {@code add} of that same string needs no second probe.
         */
        private @org.jspecify.annotations.Nullable String lookedUp;
        private int lookedUpHash;
        private int lookedUpSlot;
        /** The bytes of the last {@link #lineOfAscii} that found no row (then {@link #lookedUp} is null). */
        private byte @org.jspecify.annotations.Nullable [] lookedUpBytes;
        private int lookedUpFrom;
        private int lookedUpTo;
        private final StringIndex accountCodes;
        private final String @org.jspecify.annotations.Nullable [] accountKeys;
        private int[] accounts = new int[16];
        private final StringIndex contactCodes;
        private final String @org.jspecify.annotations.Nullable [] contactKeys;
        private int[] contacts = new int[16];
        private final List<Optional<Role>> roleValues = new ArrayList<>();
        private final Map<Optional<Role>, Integer> roleCodes = new HashMap<>();
        private final Codes roles = new Codes();
        private final List<EpisodeType> episodeValues = new ArrayList<>();
        private final Map<EpisodeType, Integer> episodeCodes = new HashMap<>();
        private final Codes episodes = new Codes();
        private long[] seconds = new long[16];
        /** The next row at which {@link #add} grows the arrays or starts a block of ratings. */
        private int nextCheck;
        private int @org.jspecify.annotations.Nullable [] nanos;
        private byte[] scores = new byte[16];
        private final TextColumn comments = new TextColumn();
        private final String[] attributes;
        private final int[] attributeColumn;
        /**
         * The ratings while rows are added: per attribute, blocks of {@link #BLOCK} rows, so that a growing portfolio
         * never holds a column and its doubled copy (8 bytes per rating: with six attributes at 5 M rows the doubled
         * columns alone were 400 MB); each column is made at its exact length by {@link #build()}.
         */
        private double[][][] ratingBlocks;
        private double[][] ratings = new double[0][];
        private final String[] competitors;
        private final int[] competitorColumn;
        private byte[][] competitorScores;
        private boolean built;
        private Contact @org.jspecify.annotations.Nullable [] checkedContacts;

        private Builder(List<String> attributeNames, List<String> competitorNames,
                @org.jspecify.annotations.Nullable StringIndex accountCodes,
                String @org.jspecify.annotations.Nullable [] accountKeys,
                @org.jspecify.annotations.Nullable StringIndex contactCodes,
                String @org.jspecify.annotations.Nullable [] contactKeys) {
            this.accountCodes = accountCodes != null ? accountCodes : new StringIndex(1024);
            this.accountKeys = accountCodes != null ? accountKeys : null;
            this.contactCodes = contactCodes != null ? contactCodes : new StringIndex(1024);
            this.contactKeys = contactCodes != null ? contactKeys : null;
            attributes = attributeNames.stream().sorted().toArray(String[]::new);
            attributeColumn = new int[attributeNames.size()];
            for (int k = 0; k < attributeColumn.length; k++) {
                attributeColumn[k] = Arrays.binarySearch(attributes, attributeNames.get(k));
            }
            ratingBlocks = new double[attributes.length][0][];
            competitors = competitorNames.stream().sorted().toArray(String[]::new);
            competitorColumn = new int[competitorNames.size()];
            for (int k = 0; k < competitorColumn.length; k++) {
                competitorColumn[k] = Arrays.binarySearch(competitors, competitorNames.get(k));
            }
            competitorScores = new byte[competitors.length][16];
        }

        /**
         * Returns the code of an account id, adding it when new.
         *
         * @param id the account id (stripped, non-blank)
         * @return its code
         */
        public int account(String id) {
            int c = accountCodes.indexOf(id);
            if (c < 0) {
                c = accountCodes.add(id);
            }
            return c;
        }

        /**
         * Returns the code of an account id already {@link #account(String) added}.
         *
         * @param id the account id
         * @return its code, or -1 when unknown
         */
        public int knownAccount(String id) {
            return accountCodes.indexOf(id);
        }

        /**
         * Returns the index of the account codes added so far, for lookups on a file's bytes ({@link
         * StringIndex#indexOfAscii}); the caller adds keys only through {@link #account(String)}.
         *
         * @return the account index (live, not a copy)
         */
        public StringIndex accountIndex() {
            return accountCodes;
        }

        /**
         * Returns the index of the contact codes added so far, for lookups on a file's bytes; the caller adds keys
         * only through {@link #contact(String)}.
         *
         * @return the contact index (live, not a copy)
         */
        public StringIndex contactIndex() {
            return contactCodes;
        }

        /**
         * Returns the code of a contact id, adding it when new.
         *
         * @param id the contact id (stripped, non-blank)
         * @return its code
         */
        public int contact(String id) {
            int c = contactCodes.indexOf(id);
            if (c < 0) {
                c = contactCodes.add(id);
            }
            return c;
        }

        /**
         * Declares that every row is checked against these contacts as it is added: its contact code is one of
         * theirs, its account is that contact's account, and a row without a role has its contact's. Then {@link
         * CompactResponses#withRolesFrom} with a map holding these same objects needs no pass over the rows.
         *
         * @param byCode the contacts by contact code (all the codes; shared, not copied)
         */
        public void contactsChecked(Contact[] byCode) {
            this.checkedContacts = byCode;
        }

        /**
         * Returns the code of a contact id already {@link #contact(String) added}.
         *
         * @param id the contact id
         * @return its code, or -1 when unknown
         */
        public int knownContact(String id) {
            return contactCodes.indexOf(id);
        }

        /**
         * Returns the code of a role (or of no role).
         *
         * @param role the role, or empty
         * @return its code
         */
        public int role(Optional<Role> role) {
            Integer c = roleCodes.get(role);
            if (c == null) {
                c = roleValues.size();
                roleValues.add(role);
                roleCodes.put(role, c);
            }
            return c;
        }

        /**
         * Returns the code of an episode type.
         *
         * @param episode the episode type
         * @return its code
         */
        public int episode(EpisodeType episode) {
            Integer c = episodeCodes.get(episode);
            if (c == null) {
                c = episodeValues.size();
                episodeValues.add(episode);
                episodeCodes.put(episode, c);
            }
            return c;
        }

        /**
         * Returns the line of the row that has a response id, if any.
         *
         * @param id the response id
         * @return the line passed to {@link #add} with it, or -1 when no row has that id
         */
        public long lineOf(String id) {
            int hash = idHash(id);
            int slot = find(id, hash);
            int row = (int) idSlots[slot] - 1;
            if (row < 0) {
                // remembered for the add of this id that usually follows: its slot is still the free one
                lookedUp = id;
                lookedUpBytes = null;
                lookedUpHash = hash;
                lookedUpSlot = slot;
                return -1;
            }
            return lines[row];
        }

        /** The slot holding {@code id}, or the empty slot where it would go. */
        private int find(String id, int h) {
            int mask = idSlots.length - 1;
            int slot = h & mask;
            while (true) {
                long s = idSlots[slot];
                if (s == 0 || (int) (s >>> 32) == h && ids.equalsAt((int) s - 1, id)) {
                    return slot;
                }
                slot = (slot + 1) & mask;
            }
        }

        /**
         * The table's hash of an id: its text but the last character hashed and mixed, plus that character. Ids that
         * differ in their last character only — consecutive numbers, R1230 … R1239 — go to neighbouring slots, so a
         * file whose ids count up touches the table a cache line at a time instead of once per id at random (at
         * 5 M rows the table is 128 MB). The text but the last character's {@link String#hashCode} is found from
         * the id's own: {@code h = 31 p + last}, and 31 has an inverse modulo 2^32.
         */
        private static int idHash(String id) {
            int n = id.length();
            if (n == 0) {
                return mix(0);
            }
            char last = id.charAt(n - 1);
            return mix((id.hashCode() - last) * INVERSE_OF_31) + last;
        }

        /** 31 × INVERSE_OF_31 = 1 modulo 2^32. */
        private static final int INVERSE_OF_31 = 0xBDEF7BDF;

        private static int mix(int h) {
            int x = h * 0x9E3779B9;
            return x ^ (x >>> 16);
        }

        /**
         * Appends one row. The caller has validated every value as {@link Response}'s constructor would.
         *
         * @param id the response id, not yet in a row ({@link #lineOf} is -1)
         * @param line the source line, for duplicate messages
         * @param account the account code
         * @param contact the contact code
         * @param role the role code
         * @param episode the episode code
         * @param answeredAt the answer time
         * @param score the score, 0–10
         * @param comment the comment, {@code ""} when none
         * @param rowRatings per attribute in the order given to {@link #builder}, the rating or NaN when skipped
         * @param rowCompetitors per competitor in the order given to {@link #builder}, the score or -1
         * @throws IllegalStateException if the id is already in a row or the builder was built
         */
        public void add(String id, long line, int account, int contact, int role, int episode,
                LocalDateTime answeredAt, int score, String comment, double[] rowRatings, int[] rowCompetitors) {
            add(id, line, account, contact, role, episode, answeredAt.toEpochSecond(ZoneOffset.UTC),
                    answeredAt.getNano(), score, comment, rowRatings, rowCompetitors);
        }

        /**
         * Appends one row whose answer time is given as UTC epoch seconds and nanoseconds (what {@link
         * LocalDateTime#toEpochSecond} and {@link LocalDateTime#getNano} give): otherwise as {@link #add(String, long,
         * int, int, int, int, LocalDateTime, int, String, double[], int[])}.
         *
         * @param id the response id, not yet in a row ({@link #lineOf} is -1)
         * @param line the source line, for duplicate messages
         * @param account the account code
         * @param contact the contact code
         * @param role the role code
         * @param episode the episode code
         * @param epochSecond the answer time's seconds since 1970-01-01T00:00 (as UTC)
         * @param nano the answer time's nanoseconds within the second, 0–999,999,999
         * @param score the score, 0–10
         * @param comment the comment, {@code ""} when none
         * @param rowRatings per attribute in the order given to {@link #builder}, the rating or NaN when skipped
         * @param rowCompetitors per competitor in the order given to {@link #builder}, the score or -1
         * @throws IllegalStateException if the id is already in a row or the builder was built
         */
        public void add(String id, long line, int account, int contact, int role, int episode, long epochSecond,
                int nano, int score, String comment, double[] rowRatings, int[] rowCompetitors) {
            if (built) {
                throw new IllegalStateException("already built");
            }
            int hash;
            int slot;
            if (id == lookedUp) {
                hash = lookedUpHash;
                slot = lookedUpSlot;
            } else {
                hash = idHash(id);
                slot = find(id, hash);
            }
            lookedUp = null;
            lookedUpBytes = null;
            if (idSlots[slot] != 0) {
                throw new IllegalStateException("duplicate response id " + id);
            }
            int i = nextRow();
            ids.add(id);
            append(i, hash, slot, line, account, contact, role, episode, epochSecond, nano, score, comment,
                    rowRatings, rowCompetitors);
        }

        /**
         * Returns the line of the row whose response id is the ASCII text {@code bytes[from, to)}, as {@link
         * #lineOf(String)} of that text does (the same table: ids added either way are found either way).
         *
         * @param bytes the bytes, each below 0x80
         * @param from first index
         * @param to index after the last
         * @return the line passed to {@code add} with that id, or -1 when no row has it
         */
        public long lineOfAscii(byte[] bytes, int from, int to) {
            int hash = to == from ? mix(0) : mix(asciiHash(bytes, from, to - 1)) + bytes[to - 1];
            int mask = idSlots.length - 1;
            int slot = hash & mask;
            while (true) {
                long s = idSlots[slot];
                if (s == 0) {
                    // remembered for the addAscii of these bytes that usually follows
                    lookedUp = null;
                    lookedUpBytes = bytes;
                    lookedUpFrom = from;
                    lookedUpTo = to;
                    lookedUpHash = hash;
                    lookedUpSlot = slot;
                    return -1;
                }
                if ((int) (s >>> 32) == hash && ids.equalsAscii((int) s - 1, bytes, from, to)) {
                    return lines[(int) s - 1];
                }
                slot = (slot + 1) & mask;
            }
        }

        /** {@link String#hashCode} of the ASCII text {@code bytes[from, to)}. */
        private static int asciiHash(byte[] bytes, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + bytes[i];
            }
            return h;
        }

        /**
         * Appends one row whose response id is the ASCII text {@code bytes[from, to)}, without making it a string:
         * otherwise as {@link #add(String, long, int, int, int, int, long, int, int, String, double[], int[])}.
         *
         * @param bytes the bytes of the id, each below 0x80 (read before this returns, not kept)
         * @param from first index
         * @param to index after the last
         * @param line the source line, for duplicate messages
         * @param account the account code
         * @param contact the contact code
         * @param role the role code
         * @param episode the episode code
         * @param epochSecond the answer time's seconds since 1970-01-01T00:00 (as UTC)
         * @param nano the answer time's nanoseconds within the second
         * @param score the score, 0–10
         * @param comment the comment, {@code ""} when none
         * @param rowRatings per attribute in the order given to {@link #builder}, the rating or NaN when skipped
         * @param rowCompetitors per competitor in the order given to {@link #builder}, the score or -1
         * @throws IllegalStateException if the id is already in a row or the builder was built
         */
        public void addAscii(byte[] bytes, int from, int to, long line, int account, int contact, int role,
                int episode, long epochSecond, int nano, int score, String comment, double[] rowRatings,
                int[] rowCompetitors) {
            if (built) {
                throw new IllegalStateException("already built");
            }
            if ((bytes != lookedUpBytes || from != lookedUpFrom || to != lookedUpTo
                    || idSlots[lookedUpSlot] != 0) && lineOfAscii(bytes, from, to) >= 0) {
                throw new IllegalStateException("duplicate response id "
                        + new String(bytes, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            int hash = lookedUpHash;
            int slot = lookedUpSlot;
            lookedUp = null;
            lookedUpBytes = null;
            int i = nextRow();
            ids.addAscii(bytes, from, to);
            append(i, hash, slot, line, account, contact, role, episode, epochSecond, nano, score, comment,
                    rowRatings, rowCompetitors);
        }

        /** The index of the row being added, the arrays grown (or a block of ratings started) when due. */
        private int nextRow() {
            int i = size;
            if (i == nextCheck) {
                // one test per row for both the arrays' growth and a new block of ratings, taken at every power of
                // two early on: a branch the JIT has seen taken, so reaching 2^17 rows costs no recompile
                if (i == seconds.length) {
                    grow();
                }
                if ((i & BLOCK_MASK) == 0 && attributes.length > 0) {
                    addRatingBlock(i >>> BLOCK_BITS);
                }
                nextCheck = Math.min(seconds.length, (i | BLOCK_MASK) + 1);
            }
            return i;
        }

        private void append(int i, int hash, int slot, long line, int account, int contact, int role, int episode,
                long epochSecond, int nano, int score, String comment, double[] rowRatings, int[] rowCompetitors) {
            idSlots[slot] = (long) hash << 32 | (i + 1);
            lines[i] = line;
            accounts[i] = account;
            contacts[i] = contact;
            roles.add(role);
            episodes.add(episode);
            seconds[i] = epochSecond;
            if (nano != 0 && nanos == null) {
                nanos = new int[seconds.length];
            }
            if (nanos != null) {
                nanos[i] = nano;
            }
            scores[i] = (byte) score;
            comments.add(comment);
            for (int k = 0; k < attributeColumn.length; k++) {
                ratingBlocks[attributeColumn[k]][i >>> BLOCK_BITS][i & BLOCK_MASK] = rowRatings[k];
            }
            for (int k = 0; k < competitorColumn.length; k++) {
                competitorScores[competitorColumn[k]][i] = (byte) rowCompetitors[k];
            }
            size++;
            if (size * 2L > idSlots.length) {
                rehash();
            }
        }

        /**
         * Makes room for {@code rows} rows in all — the columns at that length, the id table at the size it would
         * reach — so that a read whose number of rows can be estimated (from a file's size and its first rows) does
         * not grow them by doubling, each time copying them and leaving the old ones to the collector (at 5 M rows
         * about 0.4 s of young collections copying columns, and a rehash of 4 M ids). A hint: past it the columns
         * grow by a quarter at a time.
         *
         * @param rows the rows expected in all
         */
        public void expectRows(long rows) {
            if (built) {
                throw new IllegalStateException("already built");
            }
            int n = (int) Math.min(rows, Integer.MAX_VALUE - 8);
            if (n <= seconds.length) {
                return;
            }
            expected = n;
            resize(n);
            // the next check is still due at the next block of ratings: row `size` itself when it starts one
            nextCheck = Math.min(seconds.length, (size + BLOCK_MASK) & ~BLOCK_MASK);
            roles.reserve(n);
            episodes.reserve(n);
            ids.reserve(n);
            comments.reserve(n);
            long slots = Long.highestOneBit(Math.max(1, 2L * n - 1)) << 1;
            if (slots > idSlots.length && slots <= 1 << 30) {
                rehash((int) slots);
            }
        }

        /** The rows {@link #expectRows} announced, 0 if none. */
        private int expected;

        private void grow() {
            long len = seconds.length;
            // doubling until rows were announced; past an estimate, a quarter more at a time
            resize((int) Math.min(expected > 0 ? len + (len >> 2) + 16 : len * 2, Integer.MAX_VALUE - 8));
        }

        private void resize(int n) {
            lines = Arrays.copyOf(lines, n);
            accounts = Arrays.copyOf(accounts, n);
            contacts = Arrays.copyOf(contacts, n);
            seconds = Arrays.copyOf(seconds, n);
            if (nanos != null) {
                nanos = Arrays.copyOf(nanos, n);
            }
            scores = Arrays.copyOf(scores, n);
            for (int k = 0; k < competitorScores.length; k++) {
                competitorScores[k] = Arrays.copyOf(competitorScores[k], n);
            }
        }

        private static final int BLOCK_BITS = 16;
        private static final int BLOCK = 1 << BLOCK_BITS;
        private static final int BLOCK_MASK = BLOCK - 1;

        /** Adds block {@code b} to every attribute's ratings. */
        private void addRatingBlock(int b) {
            for (int k = 0; k < ratingBlocks.length; k++) {
                if (b == ratingBlocks[k].length) {
                    ratingBlocks[k] = Arrays.copyOf(ratingBlocks[k], Math.max(8, 2 * b));
                }
                ratingBlocks[k][b] = new double[BLOCK];
            }
        }

        /** One attribute's ratings at their exact length, its blocks released. */
        private double[] ratingColumn(int k) {
            double[] c = new double[size];
            double[][] blocks = ratingBlocks[k];
            for (int from = 0; from < size; from += BLOCK) {
                System.arraycopy(blocks[from >>> BLOCK_BITS], 0, c, from, Math.min(BLOCK, size - from));
            }
            ratingBlocks[k] = new double[0][];
            return c;
        }

        private void rehash(int length) {
            lookedUp = null; // the slots remembered by lineOf and lineOfAscii move
            lookedUpBytes = null;
            long[] slots = new long[length];
            int mask = slots.length - 1;
            for (long s : idSlots) {
                if (s != 0) {
                    int slot = (int) (s >>> 32) & mask;
                    while (slots[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    slots[slot] = s;
                }
            }
            idSlots = slots;
        }

        private void rehash() {
            rehash(idSlots.length * 2);
        }

        /**
         * Returns the list; the builder cannot be used afterwards (its transient id table and lines are dropped).
         *
         * @return the responses
         */
        public CompactResponses build() {
            built = true;
            idSlots = new long[0];
            lines = new long[0];
            accounts = Arrays.copyOf(accounts, size);
            contacts = Arrays.copyOf(contacts, size);
            seconds = Arrays.copyOf(seconds, size);
            if (nanos != null) {
                nanos = Arrays.copyOf(nanos, size);
            }
            scores = Arrays.copyOf(scores, size);
            ratings = new double[ratingBlocks.length][];
            for (int k = 0; k < ratings.length; k++) {
                ratings[k] = ratingColumn(k);
            }
            for (int k = 0; k < competitorScores.length; k++) {
                competitorScores[k] = Arrays.copyOf(competitorScores[k], size);
            }
            ids.trim();
            comments.trim();
            episodes.trim();
            return new CompactResponses(this, roles.trim());
        }
    }
}
