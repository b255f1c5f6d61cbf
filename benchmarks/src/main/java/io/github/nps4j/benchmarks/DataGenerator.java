package io.github.nps4j.benchmarks;

import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.table.ResponseTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic data for the benchmarks: {@code accounts} accounts, four roles, scores drawn around a per-account
 * tendency, rows in random order. The same seed gives the same rows whether they go to a table or to CSV.
 */
public final class DataGenerator {
    /** The four roles, by code. */
    public static final List<Role> ROLES = List.of(Role.DECISION_MAKER, Role.INFLUENCER, Role.GATEKEEPER, Role.USER);
    /** Contacts per account and role. */
    static final int CONTACTS_PER_ROLE = 4;
    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final int DAYS = 730;

    private final int accounts;
    private final long seed;

    /**
     * Creates a generator.
     *
     * @param accounts the number of accounts
     * @param seed the seed
     */
    public DataGenerator(int accounts, long seed) {
        this.accounts = accounts;
        this.seed = seed;
    }

    /** One generated row, as codes. */
    record Row(int account, int role, int contact, int score, int day) {
    }

    /** Generates rows one by one. */
    final class Rows {
        private final SplittableRandom rnd = new SplittableRandom(seed);
        private final int[] tendency = new int[accounts];

        Rows() {
            SplittableRandom t = new SplittableRandom(seed ^ 0x5DEECE66DL);
            for (int a = 0; a < accounts; a++) {
                tendency[a] = 4 + t.nextInt(6);
            }
        }

        Row next() {
            int a = rnd.nextInt(accounts);
            int x = rnd.nextInt(10);
            int role = x == 0 ? 0 : x < 3 ? 1 : x == 3 ? 2 : 3;
            int s = tendency[a] + rnd.nextInt(5) - 2 + (role == 0 ? -1 : 0);
            s = Math.max(0, Math.min(10, s));
            int contact = (a * ROLES.size() + role) * CONTACTS_PER_ROLE + rnd.nextInt(CONTACTS_PER_ROLE);
            return new Row(a, role, contact, s, rnd.nextInt(DAYS));
        }
    }

    static String accountId(int a) {
        return String.format("A%05d", a);
    }

    static String contactId(int c) {
        return String.format("C%07d", c);
    }

    /**
     * Builds a table of {@code rows} rows directly through the appender.
     *
     * @param rows the number of rows
     * @return the table
     */
    public ResponseTable table(int rows) {
        ResponseTable.Appender app = ResponseTable.appender(List.of(), rows);
        int[] accountCode = new int[accounts];
        for (int a = 0; a < accounts; a++) {
            accountCode[a] = app.account(accountId(a));
        }
        int[] roleCode = new int[ROLES.size()];
        for (int r = 0; r < ROLES.size(); r++) {
            roleCode[r] = app.role(ROLES.get(r));
        }
        int contacts = accounts * ROLES.size() * CONTACTS_PER_ROLE;
        int[] contactCode = new int[contacts];
        for (int c = 0; c < contacts; c++) {
            contactCode[c] = app.contact(contactId(c));
        }
        int episode = app.episode(EpisodeType.RELATIONSHIP);
        long start = START.toEpochDay();
        Rows g = new Rows();
        for (int i = 0; i < rows; i++) {
            Row r = g.next();
            app.append(r.score(), accountCode[r.account()], contactCode[r.contact()], roleCode[r.role()], episode,
                    start + r.day());
        }
        return app.build();
    }

    /**
     * Writes the compact file of the pandas comparison: {@code account,role,score}.
     *
     * @param file the file
     * @param rows the number of rows
     */
    public void writeCompact(Path file, int rows) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("account,role,score\n");
            Rows g = new Rows();
            for (int i = 0; i < rows; i++) {
                Row r = g.next();
                w.write(accountId(r.account()));
                w.write(',');
                w.write(ROLES.get(r.role()).name());
                w.write(',');
                w.write(Integer.toString(r.score()));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the files of the command-line contract: {@code responses.csv}, {@code accounts.csv} and
     * {@code contacts.csv}.
     *
     * @param dir the directory
     * @param rows the number of responses
     */
    public void writeContract(Path dir, int rows) {
        try {
            Files.createDirectories(dir);
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("accounts.csv"), StandardCharsets.UTF_8)) {
                w.write("account_id,name,tier,parent_id,annual_value,owner\n");
                for (int a = 0; a < accounts; a++) {
                    w.write(accountId(a) + ",Account " + a + "," + (a % 5 == 0 ? "distributor" : "direct") + ",,"
                            + (1000 + a * 7 % 9000) + ",owner" + a % 17 + "\n");
                }
            }
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("contacts.csv"), StandardCharsets.UTF_8)) {
                w.write("contact_id,account_id,role,function\n");
                int contacts = accounts * ROLES.size() * CONTACTS_PER_ROLE;
                for (int c = 0; c < contacts; c++) {
                    int a = c / (ROLES.size() * CONTACTS_PER_ROLE);
                    int role = c / CONTACTS_PER_ROLE % ROLES.size();
                    w.write(contactId(c) + "," + accountId(a) + "," + ROLES.get(role).name() + ",\n");
                }
            }
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("responses.csv"), StandardCharsets.UTF_8)) {
                w.write("response_id,account_id,contact_id,role,episode,answered_at,score,comment\n");
                Rows g = new Rows();
                for (int i = 0; i < rows; i++) {
                    Row r = g.next();
                    w.write("R" + i + "," + accountId(r.account()) + "," + contactId(r.contact()) + ","
                            + ROLES.get(r.role()).name() + ",relationship," + START.plusDays(r.day()) + ","
                            + r.score() + "," + (i % 10 == 0 ? "\"good, fast\"" : "") + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
