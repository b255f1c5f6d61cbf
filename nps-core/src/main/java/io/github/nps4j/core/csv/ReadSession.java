package io.github.nps4j.core.csv;

import static io.github.nps4j.core.csv.ColumnNames.ACCOUNT_ID;
import static io.github.nps4j.core.csv.ColumnNames.ANNUAL_VALUE;
import static io.github.nps4j.core.csv.ColumnNames.ANSWERED_AT;
import static io.github.nps4j.core.csv.ColumnNames.CONTACT_ID;
import static io.github.nps4j.core.csv.ColumnNames.EPISODE;
import static io.github.nps4j.core.csv.ColumnNames.FUNCTION;
import static io.github.nps4j.core.csv.ColumnNames.INVITED_AT;
import static io.github.nps4j.core.csv.ColumnNames.NAME;
import static io.github.nps4j.core.csv.ColumnNames.OWNER;
import static io.github.nps4j.core.csv.ColumnNames.PARENT_ID;
import static io.github.nps4j.core.csv.ColumnNames.RESPONSE_ID;
import static io.github.nps4j.core.csv.ColumnNames.ROLE;
import static io.github.nps4j.core.csv.ColumnNames.SCORE;
import static io.github.nps4j.core.csv.ColumnNames.TIER;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.AccountOutcome;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Score;
import io.github.nps4j.core.Tier;
import io.github.nps4j.core.internal.CompactResponses;
import io.github.nps4j.core.internal.StringIndex;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The state of one {@link PortfolioReader#read} call: the rows kept so far, the errors, the vocabulary caches. */
final class ReadSession {
    /**
     * Logs under {@link PortfolioReader}'s name: skipped rows (WARN; their values only at DEBUG, comments never) and
     * vocabulary outside the well-known names (INFO). Nothing per kept row.
     */
    private static final Logger LOG = LoggerFactory.getLogger(PortfolioReader.class);

    /** Skipped rows logged one by one at WARN per file; the rest at DEBUG, all of them in {@link ReadResult}. */
    static final int ROWS_LOGGED_PER_FILE = 10;

    private static final List<String> WELL_KNOWN_ROLES = List.of(Role.DECISION_MAKER.name(), Role.INFLUENCER.name(),
            Role.GATEKEEPER.name(), Role.USER.name());
    private static final List<String> WELL_KNOWN_TIERS = List.of(Tier.DIRECT.name(), Tier.DISTRIBUTOR.name(),
            Tier.RETAILER.name(), Tier.END_USER.name());
    private static final List<String> WELL_KNOWN_EPISODES = List.of(EpisodeType.RELATIONSHIP.name(),
            EpisodeType.ONBOARDING.name(), EpisodeType.CONTRACT_NEGOTIATION.name(), EpisodeType.SERVICE_EVENT.name(),
            EpisodeType.DELIVERY.name(), EpisodeType.PROJECT_COMPLETION.name(), EpisodeType.RENEWAL.name());

    private static final long SECONDS_PER_DAY = 86_400;

    /** A rejected field, thrown within one row and caught by the row loop; no stack trace. */
    private static final class BadField extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;
        final String value;

        BadField(String field, String value, String reason) {
            super(reason, null, false, false);
            this.field = field;
            this.value = value;
        }
    }

    private record Pending<T>(T item, long line) {
    }

    private final PortfolioReader.Mode mode;
    private final ReadOptions options;
    private final Fields fields;
    private final List<RowError> errors = new ArrayList<>();
    /** What lenient skipping left out, in file order. */
    private final List<String> notes = new ArrayList<>();
    /** Vocabulary values by their text as written, so each distinct spelling is validated once. */
    private final Map<String, Role> roles = new HashMap<>();
    private final Map<String, EpisodeType> episodes = new HashMap<>();
    private final Map<String, Tier> tiers = new HashMap<>();

    /** True when the streaming scorer reads its small files: the fast tokenizer instead of Commons CSV. */
    private boolean fastTokenizer;

    /** Reads with the streaming scorer's tokenizer ({@link FastRecords}); same records, lines and errors. */
    ReadSession fastTokenizer() {
        this.fastTokenizer = true;
        return this;
    }

    /** True to read responses into objects, as before the columns: the reference of the tests. */
    private boolean objectResponses;

    /**
     * Reads responses into a list of {@link Response} objects instead of {@link CompactResponses}: the reference
     * the columns are tested against; not used by the library.
     */
    ReadSession objectResponses() {
        this.objectResponses = true;
        return this;
    }

    private CsvFile open(CsvSource source, ReadOptions.FileKind kind) {
        return fastTokenizer ? CsvFile.fast(source, options, kind) : new CsvFile(source, options, kind);
    }

    ReadSession(ReadOptions options) {
        this.mode = options.mode();
        this.options = options;
        this.fields = new Fields(options);
    }

    /** How this session reads. */
    ReadOptions options() {
        return options;
    }

    /** The field reader of this session (its counts go into the report). */
    Fields fields() {
        return fields;
    }

    ReadResult read(CsvSource responses, @Nullable CsvSource accounts, @Nullable CsvSource contacts,
            @Nullable CsvSource invitations) {
        return readFiles(java.util.Objects.requireNonNull(responses, "responses"), accounts, contacts, invitations);
    }

    /**
     * Reads the accounts and contacts files alone, as {@link #read} reads them, into a portfolio without responses
     * (the streaming scorer reads {@code responses.csv} itself).
     */
    ReadResult readSmallFiles(@Nullable CsvSource accounts, @Nullable CsvSource contacts) {
        return readFiles(null, accounts, contacts, null);
    }

    private ReadResult readFiles(@Nullable CsvSource responses, @Nullable CsvSource accounts,
            @Nullable CsvSource contacts, @Nullable CsvSource invitations) {
        Map<String, Account> accountsById = accounts == null ? null : readAccounts(accounts);
        AccountTable accountTable = accountsById == null ? null : new AccountTable(accountsById);
        ContactTable contactTable = contacts == null ? null : readContacts(contacts, accounts, accountTable);
        List<Response> responseList = responses == null ? List.of() : objectResponses
                ? readResponsesAsObjects(responses, accounts, accountsById, contacts,
                        contactTable == null ? null : contactTable.asMap())
                : readResponses(responses, accounts, accountTable, contacts, contactTable);
        List<Invitation> invitationList = invitations == null ? List.of()
                : readInvitations(invitations, contacts, contactTable);
        Portfolio portfolio = Portfolio.of(
                accountsById == null ? List.of() : new ArrayList<>(accountsById.values()),
                contactTable == null ? List.of() : contactTable.list(),
                responseList, invitationList);
        summarise(accounts, "account", "their responses are left out too");
        summarise(contacts, "contact", "their responses are left out too");
        summarise(responses, "response", "the figures leave them out");
        summarise(invitations, "invitation", "coverage and the survey plan leave them out");
        logSkippedRows();
        logCustomVocabulary();
        return new ReadResult(portfolio, errors, fields.report(notes));
    }

    /** A note on the rows of one file that lenient mode skipped. */
    private void summarise(@Nullable CsvSource source, String what, String consequence) {
        if (source == null) {
            return;
        }
        long n = errors.stream().filter(e -> e.file().equals(source.name())).map(RowError::line).distinct().count();
        if (n > 0) {
            notes.add(n + " " + what + " row(s) of " + source.name() + " skipped as bad (--lenient): "
                    + consequence);
        }
    }

    /**
     * WARN for the first {@value #ROWS_LOGGED_PER_FILE} skipped rows of each file (file, line, field, reason — never
     * the value, which may be a person's name) and a WARN summary per file; the value of every skipped row at DEBUG
     * (a comment's value is always empty, see {@link RowError}).
     */
    private void logSkippedRows() {
        if (errors.isEmpty()) {
            return;
        }
        Map<String, Integer> perFile = new LinkedHashMap<>();
        for (RowError e : errors) {
            int seen = perFile.merge(e.file(), 1, Integer::sum);
            if (seen <= ROWS_LOGGED_PER_FILE) {
                if (e.field().isEmpty()) {
                    LOG.warn("Skipped {}, line {}: {}", e.file(), e.line(), e.reason());
                } else {
                    LOG.warn("Skipped {}, line {}, field {}: {}", e.file(), e.line(), e.field(), e.reason());
                }
            }
            LOG.debug("Skipped row: {}", e.message());
        }
        perFile.forEach((file, n) -> LOG.warn("Lenient read of {}: {} row(s) skipped{}; every one is in "
                + "ReadResult.errors()", file, n,
                n > ROWS_LOGGED_PER_FILE ? " (the first " + ROWS_LOGGED_PER_FILE + " logged above)" : ""));
    }

    /** INFO once per read: roles, tiers and episode types outside the well-known names, kept as custom ones. */
    private void logCustomVocabulary() {
        if (LOG.isInfoEnabled()) {
            Set<String> customRoles = new TreeSet<>();
            roles.values().forEach(r -> {
                if (!WELL_KNOWN_ROLES.contains(r.name())) {
                    customRoles.add(r.name());
                }
            });
            Set<String> customTiers = new TreeSet<>();
            tiers.values().forEach(t -> {
                if (!WELL_KNOWN_TIERS.contains(t.name())) {
                    customTiers.add(t.name());
                }
            });
            Set<String> customEpisodes = new TreeSet<>();
            episodes.values().forEach(e -> {
                if (!WELL_KNOWN_EPISODES.contains(e.name())) {
                    customEpisodes.add(e.name());
                }
            });
            if (!customRoles.isEmpty()) {
                LOG.info("Roles outside the well-known {} kept as custom roles: {} (map them with a role map if they "
                        + "are spellings of well-known ones)", WELL_KNOWN_ROLES, customRoles);
            }
            if (!customTiers.isEmpty()) {
                LOG.info("Tiers outside the well-known {} kept as custom tiers: {}", WELL_KNOWN_TIERS, customTiers);
            }
            if (!customEpisodes.isEmpty()) {
                LOG.info("Episode types outside the well-known {} kept as custom episodes: {}",
                        WELL_KNOWN_EPISODES, customEpisodes);
            }
        }
    }

    // ---------------------------------------------------------------- accounts

    private Map<String, Account> readAccounts(CsvSource source) {
        int firstError = errors.size();
        List<Pending<Account>> rows = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        try (CsvFile f = open(source, ReadOptions.FileKind.ACCOUNTS)) {
            int id = f.required(ACCOUNT_ID);
            int name = f.optional(NAME);
            int tier = f.optional(TIER);
            int parent = f.optional(PARENT_ID);
            int value = f.optional(ANNUAL_VALUE);
            int owner = f.optional(OWNER);
            List<CsvFile.Extra> segs = f.extras(ColumnNames.SEG);
            int renewedColumn = -1;
            int growthColumn = -1;
            for (CsvFile.Extra o : f.extras(ColumnNames.OUTCOME)) {
                if (o.name().equals(ColumnNames.RENEWED)) {
                    renewedColumn = o.index();
                } else if (o.name().equals(ColumnNames.REVENUE_GROWTH)) {
                    growthColumn = o.index();
                } else {
                    throw f.fileError(f.headerLine(), o.column(), "unknown outcome column '" + o.column()
                            + "'; expected outcome:renewed or outcome:revenue_growth");
                }
            }
            while (f.next()) {
                String rowId = "";
                try {
                    checkWidth(f);
                    String accountId = requireId(f, id, ACCOUNT_ID);
                    rowId = accountId;
                    Long seen = lines.get(accountId);
                    if (seen != null) {
                        throw new BadField(ACCOUNT_ID, accountId, "duplicate account id; first on line " + seen);
                    }
                    String tierText = f.get(tier).strip();
                    Tier t = tierText.isEmpty() ? Tier.DIRECT : vocabulary(tiers, tierText, fields::tier, TIER);
                    String parentId = f.get(parent).strip();
                    if (parentId.equals(accountId)) {
                        throw new BadField(PARENT_ID, parentId, "an account cannot be its own parent");
                    }
                    OptionalDouble annual = OptionalDouble.empty();
                    String valueText = f.get(value).strip();
                    if (!valueText.isEmpty()) {
                        double v = number(fields, valueText, ANNUAL_VALUE);
                        if (v < 0) {
                            throw new BadField(ANNUAL_VALUE, valueText, "is negative; expected a number >= 0");
                        }
                        annual = OptionalDouble.of(v);
                    }
                    Map<String, String> segments = Map.of();
                    if (!segs.isEmpty()) {
                        segments = new TreeMap<>();
                        for (CsvFile.Extra s : segs) {
                            String v = f.get(s.index()).strip();
                            if (!v.isEmpty()) {
                                segments.put(s.name(), v);
                            }
                        }
                    }
                    AccountOutcome outcome = outcome(fields, renewedColumn < 0 ? "" : f.get(renewedColumn).strip(),
                            growthColumn < 0 ? "" : f.get(growthColumn).strip());
                    Account a = new Account(accountId, f.get(name).strip(), t,
                            parentId.isEmpty() ? Optional.empty() : Optional.of(parentId), annual,
                            optional(f.get(owner)), segments, outcome);
                    lines.put(accountId, f.line());
                    rows.add(new Pending<>(a, f.line()));
                } catch (BadField e) {
                    reject(f, e);
                    accountDropped(rowId, f.name(), f.line(), e.field);
                } catch (IllegalArgumentException e) {
                    reject(f, new BadField("", "", e.getMessage()));
                    accountDropped(rowId, f.name(), f.line(), "");
                }
            }
        }
        // Parents may come after their children in the file: check them once every account is known. In lenient
        // mode an account whose parent was rejected is rejected too, until no unknown parent is left.
        Map<String, Account> byId = new LinkedHashMap<>();
        for (Pending<Account> p : rows) {
            byId.put(p.item().id(), p.item());
        }
        boolean removed = true;
        while (removed) {
            removed = false;
            for (Pending<Account> p : rows) {
                Account a = p.item();
                if (byId.containsKey(a.id()) && a.parentId().isPresent() && !byId.containsKey(a.parentId().get())) {
                    reject(source.name(), p.line(), new BadField(PARENT_ID, a.parentId().get(),
                            "unknown parent account; not an account of " + source.name()));
                    accountDropped(a.id(), source.name(), p.line(), PARENT_ID);
                    byId.remove(a.id());
                    removed = true;
                }
            }
        }
        errors.subList(firstError, errors.size()).sort(Comparator.comparingLong(RowError::line));
        for (Account a : byId.values()) {
            fields.countTier(a.tier());
        }
        return byId;
    }

    /** In lenient mode, names an account that was left out and what that leaves incomplete. */
    private void accountDropped(String accountId, String file, long line, String field) {
        notes.add((accountId.isEmpty() ? "an account" : "account " + accountId) + " (" + file + " line " + line
                + (field.isEmpty() ? "" : ", field " + field) + ") was skipped as bad (--lenient): its contacts and "
                + "responses are left out, and revenue at risk and value-weighted figures are incomplete without it");
    }

    // ---------------------------------------------------------------- contacts

    /**
     * The accounts kept, coded in their order: the codes of the responses' columns, and the index that contact and
     * response rows look their account ids up in (on the file's bytes when they can).
     */
    private static final class AccountTable {
        final StringIndex ids;
        final Account[] byCode;
        /** The ids by code, the accounts' own strings. */
        final String[] keys;

        AccountTable(Map<String, Account> byId) {
            ids = new StringIndex(Math.max(16, byId.size()));
            byCode = byId.values().toArray(Account[]::new);
            keys = new String[byCode.length];
            for (int c = 0; c < byCode.length; c++) {
                keys[c] = byCode[c].id();
                ids.add(keys[c]);
            }
        }
    }

    /**
     * The contacts kept, coded in file order (the order a map of them by id would iterate): the codes of the
     * responses' columns, with each contact's line (for duplicate messages) and account code.
     */
    private static final class ContactTable {
        final StringIndex ids;
        private Contact[] byCode;
        private long[] lines;
        private int[] accountOf;
        private int size;

        /** An empty table sized for about {@code expected} contacts (it grows past them). */
        ContactTable(int expected) {
            int n = Math.max(256, expected);
            ids = new StringIndex(n);
            byCode = new Contact[n];
            lines = new long[n];
            accountOf = new int[n];
        }

        /** Adds a contact whose id is not yet in the table. */
        void add(Contact c, long line, int accountCode) {
            ids.add(c.id());
            if (size == byCode.length) {
                int n = size * 2;
                byCode = java.util.Arrays.copyOf(byCode, n);
                lines = java.util.Arrays.copyOf(lines, n);
                accountOf = java.util.Arrays.copyOf(accountOf, n);
            }
            byCode[size] = c;
            lines[size] = line;
            accountOf[size] = accountCode;
            size++;
        }

        int size() {
            return size;
        }

        Contact contact(int code) {
            return byCode[code];
        }

        long line(int code) {
            return lines[code];
        }

        /** The contacts by code. */
        Contact[] contacts() {
            return java.util.Arrays.copyOf(byCode, size);
        }

        /** Each contact's account code (−1 without an accounts file), by contact code. */
        int[] accountCodes() {
            return java.util.Arrays.copyOf(accountOf, size);
        }

        /** The ids by code, the contacts' own strings. */
        String[] keys() {
            String[] k = new String[size];
            for (int c = 0; c < size; c++) {
                k[c] = byCode[c].id();
            }
            return k;
        }

        List<Contact> list() {
            return java.util.Arrays.asList(contacts());
        }

        /** The contacts by id in table order (for the object reader). */
        Map<String, Contact> asMap() {
            Map<String, Contact> m = new LinkedHashMap<>();
            for (int c = 0; c < size; c++) {
                m.put(byCode[c].id(), byCode[c]);
            }
            return m;
        }
    }

    /**
     * The state of a {@code contacts.csv} read: the first role spellings seen (ASCII, as written after stripping),
     * their roles and whether the role policy knows them, compared with a row's bytes.
     */
    private final class ContactRows {
        private final ContactTable table;

        ContactRows(int expected) {
            table = new ContactTable(expected);
        }
        private final byte[][] roleTexts = new byte[Spellings.SIZE][];
        private final List<Role> roleOfText = new ArrayList<>();
        private final boolean[] roleKnown = new boolean[Spellings.SIZE];
        private int lastRole = -1;
    }

    private ContactTable readContacts(CsvSource source, @Nullable CsvSource accounts,
            @Nullable AccountTable accountTable) {
        ContactRows rows;
        try (CsvFile f = open(source, ReadOptions.FileKind.CONTACTS)) {
            // sized for the file (a contact row is rarely under 24 bytes), so that the ids' index and the arrays are
            // not grown and rehashed as rows come
            rows = new ContactRows(f.onBytes() ? (int) Math.min(1 << 22, f.byteSize() / 24) : 1024);
            int[] cols = f.required(CONTACT_ID, ACCOUNT_ID, ROLE);
            int id = cols[0];
            int account = cols[1];
            int role = cols[2];
            int function = f.optional(FUNCTION);
            while (f.next()) {
                try {
                    if (accountTable == null || !readPlainContact(f, id, account, role, function, rows,
                            accountTable)) {
                        readContact(f, id, account, role, function, rows, accounts, accountTable);
                    }
                } catch (BadField e) {
                    reject(f, e);
                } catch (IllegalArgumentException e) {
                    reject(f, new BadField("", "", e.getMessage()));
                }
            }
        }
        return rows.table;
    }

    /**
     * Adds the contact of the current record when every field can be read on the file's bytes and is right: the
     * width, a plain ASCII id not yet seen, a known account id as written, a role spelling seen before. Returns false,
     * having changed nothing, for any other record, which {@link #readContact} then reads (and refuses, if bad).
     */
    private boolean readPlainContact(CsvFile f, int id, int account, int role, int function, ContactRows rows,
            AccountTable accountTable) {
        if (f.size() != f.width() || f.asciiKey(rows.table.ids, id) != -1) {
            return false;
        }
        int accountCode = f.lookup(accountTable.ids, account);
        if (accountCode < 0) {
            return false;
        }
        int hit = f.spellingOf(rows.roleTexts, rows.roleOfText.size(), role, rows.lastRole);
        if (hit < 0) {
            return false;
        }
        rows.lastRole = hit;
        Role r = rows.roleOfText.get(hit);
        Contact c = new Contact(f.get(id), accountTable.keys[accountCode], r,
                f.isBlank(function) ? Optional.empty() : optional(f.get(function)), OptionalDouble.empty());
        rows.table.add(c, f.line(), accountCode);
        if (!rows.roleKnown[hit]) {
            fields.countRole(r);
        }
        return true;
    }

    /**
     * Checks one {@code contacts.csv} record and adds its contact: a method of its own, called per record, so that
     * the JIT compiles it rather than an on-stack replacement of the whole loop.
     */
    private void readContact(CsvFile f, int id, int account, int role, int function, ContactRows rows,
            @Nullable CsvSource accounts, @Nullable AccountTable accountTable) {
        checkWidth(f);
        String contactId = requireId(f, id, CONTACT_ID);
        ContactTable table = rows.table;
        int seen = table.ids.indexOf(contactId);
        if (seen >= 0) {
            throw new BadField(CONTACT_ID, contactId, "duplicate contact id; first on line " + table.line(seen));
        }
        String accountId = requireId(f, account, ACCOUNT_ID);
        int accountCode = -1;
        if (accountTable != null) {
            accountCode = accountTable.ids.indexOf(accountId);
            if (accountCode < 0) {
                throw unknown(ACCOUNT_ID, accountId, "account", accounts);
            }
        }
        String roleText = f.get(role).strip();
        if (roleText.isEmpty()) {
            throw new BadField(ROLE, roleText, "is blank; every contact needs a role");
        }
        Role r = vocabulary(roles, roleText, fields::role, ROLE);
        Contact c = new Contact(contactId, accountId, r, optional(f.get(function)), OptionalDouble.empty());
        table.add(c, f.line(), accountCode);
        fields.countRole(r);
        int n = rows.roleOfText.size();
        addSpelling(rows.roleTexts, rows.roleOfText, roleText, r);
        if (rows.roleOfText.size() > n) {
            rows.roleKnown[n] = options.roles().knows(r);
        }
    }

    // ---------------------------------------------------------------- responses

    /**
     * Reads the responses into columns ({@link CompactResponses}): the same checks, in the same order, with the same
     * messages as making a {@link Response} of every row, but no object per row is kept.
     */
    private List<Response> readResponses(CsvSource source, @Nullable CsvSource accounts,
            @Nullable AccountTable accountTable, @Nullable CsvSource contacts, @Nullable ContactTable contactTable) {
        try (CsvFile f = open(source, ReadOptions.FileKind.RESPONSES)) {
            ResponseColumns cols = ResponseColumns.of(f);
            List<CsvFile.Extra> attrs = cols.attrs();
            List<CsvFile.Extra> competitors = cols.competitors();
            // the accounts' and contacts' codes are those of their files' tables (same order as coding them here)
            CompactResponses.Builder out = CompactResponses.builder(
                    attrs.stream().map(CsvFile.Extra::name).toList(),
                    competitors.stream().map(CsvFile.Extra::name).toList(),
                    accountTable == null ? null : accountTable.ids, accountTable == null ? null : accountTable.keys,
                    contactTable == null ? null : contactTable.ids, contactTable == null ? null : contactTable.keys());
            boolean blankName = attrs.stream().anyMatch(a -> a.name().isBlank())
                    || competitors.stream().anyMatch(c -> c.name().isBlank());
            Contact[] contactByCode = contactTable == null ? new Contact[0] : contactTable.contacts();
            if (contactTable != null) {
                out.contactsChecked(contactByCode); // each row is, below: Portfolio need not check them again
            }
            // Fast path, when both accounts and contacts are listed: a row's account and contact ids are looked up
            // on the file's bytes (no string made) and checked against each other by code. A field the lookup cannot
            // settle (padded, not ASCII, unknown, or a contact of another account) takes the string path below,
            // which gives every message; so does every other field that the fast path cannot read exactly.
            StringIndex accountIndex = out.accountIndex();
            StringIndex contactIndex = out.contactIndex();
            boolean fastIds = accountTable != null && contactTable != null;
            int[] accountOfContact = contactTable == null ? new int[0] : contactTable.accountCodes();
            ResponseRow row = new ResponseRow(f, cols, out, blankName, accounts, accountTable != null, contacts,
                    contactTable != null, contactByCode, fastIds, accountIndex, contactIndex, accountOfContact);
            boolean estimate = f.onBytes();
            long records = 0;
            while (f.next()) {
                if (estimate && ++records == ESTIMATE_AFTER) {
                    estimate = false;
                    expectRows(f, out, records);
                }
                try {
                    row.read();
                } catch (BadField e) {
                    reject(f, e);
                } catch (IllegalArgumentException e) {
                    reject(f, new BadField("", "", e.getMessage()));
                }
            }
            return out.build();
        }
    }

    /** The records after which {@link #readResponses} estimates how many the file holds. */
    private static final int ESTIMATE_AFTER = 8192;

    /**
     * Tells the columns about how many rows to expect: the records read so far scaled by the file's size over the
     * bytes they took, a few percent more (the ids of later rows are often longer).
     */
    private static void expectRows(CsvFile f, CompactResponses.Builder out, long records) {
        long offset = f.offset();
        if (offset > 0) {
            out.expectRows((long) Math.ceil(records * 1.03 * f.byteSize() / offset) + 1024);
        }
    }

    /**
     * One {@code responses.csv} row at a time for {@link #readResponses}: the loop calls {@link #read} per record, so
     * that the JIT compiles the row's work as a method of its own — an on-stack replacement of a loop this large
     * took over a second of compilation on one core — and keeps the state that rows share (codes, the spellings
     * seen, scratch arrays) in fields.
     */
    private final class ResponseRow {
        private final CsvFile f;
        private final int id;
        private final int account;
        private final int contact;
        private final int role;
        private final int episode;
        private final int answered;
        private final int score;
        private final int comment;
        private final List<CsvFile.Extra> attrs;
        private final List<CsvFile.Extra> competitors;
        private final CompactResponses.Builder out;
        private final boolean blankName;
        private final @Nullable CsvSource accounts;
        private final boolean accountsKnown;
        private final @Nullable CsvSource contacts;
        private final boolean contactsKnown;
        private final Contact[] contactByCode;
        private final boolean fastIds;
        private final StringIndex accountIndex;
        private final StringIndex contactIndex;
        private final int[] accountOfContact;
        // the first role and episode spellings seen (ASCII, as written after stripping) and their values,
        // compared with a row's bytes; the previous row's spelling is tried first
        private final byte[][] roleTexts = new byte[Spellings.SIZE][];
        private final List<Optional<Role>> roleOfText = new ArrayList<>();
        private int lastRole = -1;
        /**
         * Per role spelling: the builder's code of its role, −1 until the first row with it is added (so codes are
         * given in the order rows are added, as {@link CompactResponses.Builder#role} gives them), and whether the role
         * policy knows the role (else each row is counted, as {@link Fields#countRole} does).
         */
        private final int[] roleCodeOfText = new int[Spellings.SIZE];
        private final boolean[] roleKnownOfText = new boolean[Spellings.SIZE];
        private final byte[][] episodeTexts = new byte[Spellings.SIZE][];
        private final List<EpisodeType> episodeOfText = new ArrayList<>();
        /** Per episode spelling: the builder's code of its episode type, −1 until a row with it is added. */
        private final int[] episodeCodeOfText = new int[Spellings.SIZE];
        private int lastEpisode = -1;
        private final Spellings<Optional<Role>> roleSpellings = new Spellings<>();
        private final Spellings<EpisodeType> episodeSpellings = new Spellings<>();
        private final double[] ratings;
        private final boolean[] rated;
        private final int[] competitorScores;

        ResponseRow(CsvFile f, ResponseColumns cols, CompactResponses.Builder out, boolean blankName,
                @Nullable CsvSource accounts, boolean accountsKnown,
                @Nullable CsvSource contacts, boolean contactsKnown, Contact[] contactByCode,
                boolean fastIds, StringIndex accountIndex, StringIndex contactIndex, int[] accountOfContact) {
            this.f = f;
            // the column indexes copied into fields of their own: read on every row
            this.id = cols.id();
            this.account = cols.account();
            this.contact = cols.contact();
            this.role = cols.role();
            this.episode = cols.episode();
            this.answered = cols.answered();
            this.score = cols.score();
            this.comment = cols.comment();
            this.attrs = cols.attrs();
            this.competitors = cols.competitors();
            this.out = out;
            this.blankName = blankName;
            this.accounts = accounts;
            this.accountsKnown = accountsKnown;
            this.contacts = contacts;
            this.contactsKnown = contactsKnown;
            this.contactByCode = contactByCode;
            this.fastIds = fastIds;
            this.accountIndex = accountIndex;
            this.contactIndex = contactIndex;
            this.accountOfContact = accountOfContact;
            this.ratings = new double[attrs.size()];
            this.rated = new boolean[attrs.size()];
            this.competitorScores = new int[competitors.size()];
            java.util.Arrays.fill(roleCodeOfText, -1);
            java.util.Arrays.fill(episodeCodeOfText, -1);
        }

        /**
         * Checks the current record and adds it to the columns (a skipped question is counted, not added).
         *
         * @throws BadField for a bad value, as the reader reports it
         * @throws IllegalArgumentException for a value a response refuses
         */
        void read() {
            checkWidth(f);
            int plainScore = f.smallInt(score);
            if (plainScore < 0 && f.isBlank(score)) {
                fields.blankScores++; // a skipped question: left out and counted
                return;
            }
            // a plain ASCII id is looked up and kept on the file's bytes, made a string only for a message
            byte[] raw = f.rawBytes();
            boolean plainId = raw != null && f.plainAscii(id);
            String responseId = plainId ? null : requireId(f, id, RESPONSE_ID);
            long seen = plainId ? out.lineOfAscii(raw, f.start(id), f.end(id)) : out.lineOf(responseId);
            if (seen >= 0) {
                throw new BadField(RESPONSE_ID, responseId != null ? responseId : f.get(id),
                        "duplicate response id; first on line " + seen);
            }
            int fastAccount = fastIds ? f.lookup(accountIndex, account) : -1;
            int fastContact = fastAccount >= 0 ? f.lookup(contactIndex, contact) : -1;
            String accountId;
            String contactId;
            int accountCode;
            Contact c = null;
            int contactCode = -1;
            if (fastContact >= 0 && accountOfContact[fastContact] == fastAccount) {
                accountCode = fastAccount;
                contactCode = fastContact;
                c = contactByCode[contactCode];
                accountId = c.accountId();
                contactId = c.id();
            } else {
                accountId = requireId(f, account, ACCOUNT_ID);
                contactId = requireId(f, contact, CONTACT_ID);
                if (accountsKnown) {
                    accountCode = out.knownAccount(accountId);
                    if (accountCode < 0) {
                        throw unknown(ACCOUNT_ID, accountId, "account", accounts);
                    }
                } else {
                    accountCode = -1; // coded once the row is accepted
                }
                if (contactsKnown) {
                    contactCode = out.knownContact(contactId);
                    if (contactCode < 0) {
                        throw unknown(CONTACT_ID, contactId, "contact", contacts);
                    }
                    c = contactByCode[contactCode];
                    if (!c.accountId().equals(accountId)) {
                        throw new BadField(ACCOUNT_ID, accountId,
                                "contact " + contactId + " belongs to account " + c.accountId() + " in "
                                        + contacts);
                    }
                }
            }
            // A blank role is the contact's, as Portfolio.withRoles() would fill it (done here to spare a
            // second pass over the responses); without the contact it stays empty.
            Optional<Role> r;
            int roleHit = f.spellingOf(roleTexts, roleOfText.size(), role, lastRole);
            if (roleHit >= 0) {
                r = roleOfText.get(roleHit);
                lastRole = roleHit;
            } else {
                String roleText = f.get(role).strip();
                if (!roleText.isEmpty()) {
                    r = roleSpellings.get(roleText);
                    if (r == null) {
                        r = roleSpellings.put(roleText, Optional.of(vocabulary(roles, roleText, fields::role,
                                ROLE)));
                    }
                    int n = roleOfText.size();
                    addSpelling(roleTexts, roleOfText, roleText, r);
                    if (roleOfText.size() > n) {
                        roleKnownOfText[n] = options.roles().knows(r.get());
                    }
                } else {
                    r = c != null ? Optional.of(c.role()) : Optional.empty();
                }
            }
            EpisodeType e;
            int episodeHit = f.spellingOf(episodeTexts, episodeOfText.size(), episode, lastEpisode);
            if (episodeHit >= 0) {
                e = episodeOfText.get(episodeHit);
                lastEpisode = episodeHit;
            } else {
                String episodeText = f.get(episode).strip();
                if (episodeText.isEmpty()) {
                    e = EpisodeType.RELATIONSHIP;
                } else {
                    e = episodeSpellings.get(episodeText);
                    if (e == null) {
                        e = episodeSpellings.put(episodeText,
                                vocabulary(episodes, episodeText, EpisodeType::of, EPISODE));
                    }
                    addSpelling(episodeTexts, episodeOfText, episodeText, e);
                }
            }
            int ymd = f.plainDate(answered);
            int year = ymd >>> 9;
            long epochSecond;
            int nano;
            LocalDateTime at = null;
            if (ymd >= 0 && year >= FieldParser.FIRST_YEAR && year <= FieldParser.LAST_YEAR) {
                // a plain valid yyyy-mm-dd: midnight of that day, what Fields#dateTime gives it
                epochSecond = StreamingScorer.epochDay(year, (ymd >>> 5) & 0xF, ymd & 0x1F) * SECONDS_PER_DAY;
                nano = 0;
            } else {
                at = dateTime(fields, f.get(answered).strip(), ANSWERED_AT);
                epochSecond = at.toEpochSecond(java.time.ZoneOffset.UTC);
                nano = at.getNano();
            }
            int s = plainScore >= 0 && plainScore <= Score.MAX ? plainScore
                    : score(fields, f.get(score).strip());
            // most comments are empty: no string is made for a blank one (stored as "" either way)
            String commentText = f.isBlank(comment) ? "" : f.get(comment);
            boolean suspicious = blankName;
            for (int k = 0; k < ratings.length; k++) {
                String v = f.get(attrs.get(k).index()).strip();
                rated[k] = !v.isEmpty();
                ratings[k] = v.isEmpty() ? Double.NaN : number(fields, v, attrs.get(k).column());
                suspicious |= rated[k] && !Double.isFinite(ratings[k]);
            }
            for (int k = 0; k < competitorScores.length; k++) {
                String v = f.get(competitors.get(k).index()).strip();
                // blank: the respondent did not rate that competitor
                competitorScores[k] = v.isEmpty() ? -1 : competitorScore(fields, v, competitors.get(k).column());
            }
            if (suspicious) {
                // a value Response refuses: make one, so that the message is exactly its own
                checkAsResponse(responseId != null ? responseId : f.get(id), accountId, contactId, r, e,
                        at != null ? at : LocalDateTime.ofEpochSecond(epochSecond, nano, java.time.ZoneOffset.UTC),
                        s, commentText, attrs, rated, ratings, competitors, competitorScores);
            }
            int roleCode;
            if (roleHit >= 0) {
                roleCode = roleCodeOfText[roleHit];
                if (roleCode < 0) {
                    roleCode = roleCodeOfText[roleHit] = out.role(r);
                }
            } else {
                roleCode = out.role(r);
            }
            int episodeCode;
            if (episodeHit >= 0) {
                episodeCode = episodeCodeOfText[episodeHit];
                if (episodeCode < 0) {
                    episodeCode = episodeCodeOfText[episodeHit] = out.episode(e);
                }
            } else {
                episodeCode = out.episode(e);
            }
            int accountOfRow = accountCode >= 0 ? accountCode : out.account(accountId);
            int contactOfRow = contactCode >= 0 ? contactCode : out.contact(contactId);
            String commentOfRow = commentText.isBlank() ? "" : commentText;
            if (responseId == null) {
                out.addAscii(raw, f.start(id), f.end(id), f.line(), accountOfRow, contactOfRow, roleCode,
                        episodeCode, epochSecond, nano, s, commentOfRow, ratings, competitorScores);
            } else {
                out.add(responseId, f.line(), accountOfRow, contactOfRow, roleCode, episodeCode, epochSecond, nano,
                        s, commentOfRow, ratings, competitorScores);
            }
            if (roleHit < 0) {
                r.ifPresent(fields::countRole);
            } else if (!roleKnownOfText[roleHit]) {
                fields.countRole(r.get());
            }
        }
    }

    /**
     * The first few spellings of a vocabulary column and their values, found by comparing the text (no hashing of a
     * new string per row, as a {@code HashMap} lookup would); beyond {@value #SIZE} spellings {@link #put} stops
     * remembering and the caller's map lookup does the work.
     */
    private static final class Spellings<T> {
        static final int SIZE = 8;
        private final String[] texts = new String[SIZE];
        private final Object[] values = new Object[SIZE];
        private int size;

        @SuppressWarnings("unchecked")
        @Nullable T get(String text) {
            for (int i = 0; i < size; i++) {
                if (texts[i].equals(text)) {
                    return (T) values[i];
                }
            }
            return null;
        }

        T put(String text, T value) {
            if (size < SIZE) {
                texts[size] = text;
                values[size++] = value;
            }
            return value;
        }
    }

    /**
     * Remembers a spelling (stripped text) and its value for {@link CsvFile#spellingOf}: the first {@value
     * Spellings#SIZE} distinct ASCII ones only.
     */
    private static <T> void addSpelling(byte[][] texts, List<T> values, String text, T value) {
        int n = values.size();
        if (n == texts.length) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return;
            }
        }
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        for (int k = 0; k < n; k++) {
            if (java.util.Arrays.equals(texts[k], b)) {
                return;
            }
        }
        texts[n] = b;
        values.add(value);
    }

    /** Makes the {@link Response} of a row as the object reader did, for its exception. */
    private static void checkAsResponse(String responseId, String accountId, String contactId, Optional<Role> r,
            EpisodeType e, LocalDateTime at, int s, String commentText, List<CsvFile.Extra> attrs, boolean[] rated,
            double[] ratings,
            List<CsvFile.Extra> competitors, int[] competitorScores) {
        Map<String, Double> ratingMap = Map.of();
        if (!attrs.isEmpty()) {
            ratingMap = new HashMap<>();
            for (int k = 0; k < ratings.length; k++) {
                if (rated[k]) {
                    ratingMap.put(attrs.get(k).name(), ratings[k]);
                }
            }
        }
        Map<String, Integer> competitorMap = Map.of();
        if (!competitors.isEmpty()) {
            competitorMap = new HashMap<>();
            for (int k = 0; k < competitorScores.length; k++) {
                if (competitorScores[k] >= 0) {
                    competitorMap.put(competitors.get(k).name(), competitorScores[k]);
                }
            }
        }
        new Response(responseId, accountId, contactId, r, e, at, s,
                commentText.isBlank() ? Optional.empty() : Optional.of(commentText), ratingMap, competitorMap);
    }

    /**
     * The reader before the columns: a {@link Response} object per row, kept as the reference that {@link
     * #readResponses} is tested against (same portfolio, same errors). Selected by {@link #objectResponses()}.
     */
    private List<Response> readResponsesAsObjects(CsvSource source, @Nullable CsvSource accounts,
            @Nullable Map<String, Account> accountsById, @Nullable CsvSource contacts,
            @Nullable Map<String, Contact> contactsById) {
        List<Response> responses = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        try (CsvFile f = open(source, ReadOptions.FileKind.RESPONSES)) {
            ResponseColumns cols = ResponseColumns.of(f);
            int id = cols.id();
            int account = cols.account();
            int contact = cols.contact();
            int role = cols.role();
            int episode = cols.episode();
            int answered = cols.answered();
            int score = cols.score();
            int comment = cols.comment();
            List<CsvFile.Extra> attrs = cols.attrs();
            List<CsvFile.Extra> competitors = cols.competitors();
            while (f.next()) {
                try {
                    checkWidth(f);
                    if (f.get(score).isBlank()) {
                        fields.blankScores++; // a skipped question: left out and counted
                        continue;
                    }
                    String responseId = requireId(f, id, RESPONSE_ID);
                    Long seen = lines.get(responseId);
                    if (seen != null) {
                        throw new BadField(RESPONSE_ID, responseId, "duplicate response id; first on line " + seen);
                    }
                    String accountId = requireId(f, account, ACCOUNT_ID);
                    String contactId = requireId(f, contact, CONTACT_ID);
                    if (accountsById != null && !accountsById.containsKey(accountId)) {
                        throw unknown(ACCOUNT_ID, accountId, "account", accounts);
                    }
                    Contact c = null;
                    if (contactsById != null) {
                        c = contactsById.get(contactId);
                        if (c == null) {
                            throw unknown(CONTACT_ID, contactId, "contact", contacts);
                        }
                        if (!c.accountId().equals(accountId)) {
                            throw new BadField(ACCOUNT_ID, accountId,
                                    "contact " + contactId + " belongs to account " + c.accountId() + " in "
                                            + contacts);
                        }
                    }
                    String roleText = f.get(role).strip();
                    // A blank role is the contact's, as Portfolio.withRoles() would fill it (done here to spare a
                    // second pass over the responses); without the contact it stays empty.
                    Optional<Role> r = !roleText.isEmpty() ? Optional.of(vocabulary(roles, roleText, fields::role, ROLE))
                            : c != null ? Optional.of(c.role()) : Optional.empty();
                    String episodeText = f.get(episode).strip();
                    EpisodeType e = episodeText.isEmpty() ? EpisodeType.RELATIONSHIP
                            : vocabulary(episodes, episodeText, EpisodeType::of, EPISODE);
                    LocalDateTime at = dateTime(fields, f.get(answered).strip(), ANSWERED_AT);
                    int s = score(fields, f.get(score).strip());
                    String commentText = f.get(comment);
                    Map<String, Double> ratings = Map.of();
                    if (!attrs.isEmpty()) {
                        ratings = new HashMap<>();
                        for (CsvFile.Extra a : attrs) {
                            String v = f.get(a.index()).strip();
                            if (!v.isEmpty()) {
                                ratings.put(a.name(), number(fields, v, a.column()));
                            }
                        }
                    }
                    Map<String, Integer> competitorScores = Map.of();
                    if (!competitors.isEmpty()) {
                        competitorScores = new HashMap<>();
                        for (CsvFile.Extra c2 : competitors) {
                            String v = f.get(c2.index()).strip();
                            if (!v.isEmpty()) { // blank: the respondent did not rate that competitor
                                competitorScores.put(c2.name(), competitorScore(fields, v, c2.column()));
                            }
                        }
                    }
                    responses.add(new Response(responseId, accountId, contactId, r, e, at, s,
                            commentText.isBlank() ? Optional.empty() : Optional.of(commentText), ratings,
                            competitorScores));
                    lines.put(responseId, f.line());
                    r.ifPresent(fields::countRole);
                } catch (BadField e) {
                    reject(f, e);
                } catch (IllegalArgumentException e) {
                    reject(f, new BadField("", "", e.getMessage()));
                }
            }
        }
        return responses;
    }

    // ---------------------------------------------------------------- invitations

    private List<Invitation> readInvitations(CsvSource source, @Nullable CsvSource contacts,
            @Nullable ContactTable contactTable) {
        List<Invitation> invitations = new ArrayList<>();
        try (CsvFile f = open(source, ReadOptions.FileKind.INVITATIONS)) {
            int[] cols = f.required(CONTACT_ID, INVITED_AT);
            int contact = cols[0];
            int invited = cols[1];
            int episode = f.optional(EPISODE);
            while (f.next()) {
                try {
                    checkWidth(f);
                    String contactId = requireId(f, contact, CONTACT_ID);
                    if (contactTable != null && contactTable.ids.indexOf(contactId) < 0) {
                        throw unknown(CONTACT_ID, contactId, "contact", contacts);
                    }
                    LocalDate on = date(fields, f.get(invited).strip(), INVITED_AT);
                    String episodeText = f.get(episode).strip();
                    EpisodeType e = episodeText.isEmpty() ? EpisodeType.RELATIONSHIP
                            : vocabulary(episodes, episodeText, EpisodeType::of, EPISODE);
                    invitations.add(new Invitation(contactId, on, e));
                } catch (BadField e) {
                    reject(f, e);
                } catch (IllegalArgumentException e) {
                    reject(f, new BadField("", "", e.getMessage()));
                }
            }
        }
        return invitations;
    }

    // ---------------------------------------------------------------- fields

    private static void checkWidth(CsvFile f) {
        String problem = f.widthProblem();
        if (problem != null) {
            throw new BadField("", "", problem);
        }
    }

    private static String requireId(CsvFile f, int index, String column) {
        String id = f.get(index).strip();
        if (id.isEmpty()) {
            throw new BadField(column, id, "is blank; expected an id");
        }
        return id;
    }

    private static BadField unknown(String column, String id, String what, @Nullable CsvSource file) {
        return new BadField(column, id, "unknown " + what + "; not in " + file);
    }

    private static Optional<String> optional(String text) {
        String s = text.strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static <T> T vocabulary(Map<String, T> cache, String text, Function<String, T> of, String column) {
        T t = cache.get(text);
        if (t == null) {
            try {
                t = of.apply(text);
            } catch (IllegalArgumentException e) {
                throw new BadField(column, text, e.getMessage());
            }
            cache.put(text, t);
        }
        return t;
    }

    /** Qualtrics' {@code Q…_NPS_GROUP} helper column (1, 2, 3) is never the score. */
    static void checkScoreColumn(CsvFile f, int score) {
        String name = f.headerName(score);
        if (name.toUpperCase(java.util.Locale.ROOT).endsWith("_NPS_GROUP")) {
            throw f.fileError(f.headerLine(), SCORE, "column '" + name + "' is Qualtrics' NPS group helper (1 detractor, "
                    + "2 passive, 3 promoter), not the 0-10 answer; map score to the question's own column, e.g. "
                    + "--columns \"score=" + name.substring(0, name.length() - "_NPS_GROUP".length()) + "\"");
        }
    }

    private static int score(Fields fields, String text) {
        try {
            return fields.score(text);
        } catch (IllegalArgumentException e) {
            throw new BadField(SCORE, text, e.getMessage());
        }
    }

    /** The outcome columns of one account row; blank = unknown. */
    private static AccountOutcome outcome(Fields fields, String renewedText, String growthText) {
        if (renewedText.isEmpty() && growthText.isEmpty()) {
            return AccountOutcome.none();
        }
        Optional<Boolean> renewed = Optional.empty();
        if (!renewedText.isEmpty()) {
            String v = renewedText.toLowerCase(java.util.Locale.ROOT);
            if (v.equals("true") || v.equals("yes") || v.equals("1")) {
                renewed = Optional.of(true);
            } else if (v.equals("false") || v.equals("no") || v.equals("0")) {
                renewed = Optional.of(false);
            } else {
                throw new BadField(ColumnNames.OUTCOME + ColumnNames.RENEWED, renewedText,
                        "expected true or false (yes/no, 1/0), or blank when unknown");
            }
        }
        OptionalDouble growth = OptionalDouble.empty();
        if (!growthText.isEmpty()) {
            growth = OptionalDouble.of(number(fields, growthText, ColumnNames.OUTCOME + ColumnNames.REVENUE_GROWTH));
        }
        return new AccountOutcome(renewed, growth);
    }

    private static int competitorScore(Fields fields, String text, String column) {
        try {
            return fields.score(text);
        } catch (IllegalArgumentException e) {
            throw new BadField(column, text, e.getMessage());
        }
    }

    private static double number(Fields fields, String text, String column) {
        try {
            return fields.number(text);
        } catch (IllegalArgumentException e) {
            throw new BadField(column, text, e.getMessage());
        }
    }

    private static LocalDateTime dateTime(Fields fields, String text, String column) {
        if (text.isEmpty()) {
            throw new BadField(column, text, "is blank; expected an ISO-8601 date or date-time");
        }
        try {
            return fields.dateTime(text);
        } catch (IllegalArgumentException e) {
            throw new BadField(column, text, e.getMessage());
        }
    }

    private static LocalDate date(Fields fields, String text, String column) {
        if (text.isEmpty()) {
            throw new BadField(column, text, "is blank; expected an ISO-8601 date");
        }
        try {
            return fields.date(text);
        } catch (IllegalArgumentException e) {
            throw new BadField(column, text, e.getMessage());
        }
    }

    private void reject(CsvFile f, BadField e) {
        reject(f.name(), f.line(), e);
    }

    private void reject(String file, long line, BadField e) {
        RowError error = new RowError(file, line, e.field, e.value, e.getMessage());
        if (mode == PortfolioReader.Mode.STRICT) {
            throw new CsvFormatException(error);
        }
        errors.add(error);
    }
}
