package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;

/**
 * The reader's paths on a file's bytes — a contact row read without strings when its id, account and role are plain
 * (ASCII, unpadded, seen before), a response id looked up and kept as bytes — against the reader on characters
 * (Commons CSV, a {@link Response} object per row, every contact row through the string path): on random files
 * written to disk, valid or not, both give equal portfolios (accounts, contacts and responses in the same order), the
 * same skipped rows and report in lenient mode and the same first error in strict mode.
 */
class ByteFastPathsPropertyTest {

    record Files3(@Nullable String accounts, String contacts, String responses) {
    }

    record Outcome(@Nullable ReadResult result, @Nullable String error) {
    }

    /** Reads the files written to {@code dir}: on their bytes, or their text on characters (same names). */
    private static Outcome read(Files3 files, Path dir, PortfolioReader.Mode mode, boolean onBytes) {
        ReadOptions options = ReadOptions.builder().mode(mode).build();
        Path r = dir.resolve("responses.csv");
        Path a = dir.resolve("accounts.csv");
        Path c = dir.resolve("contacts.csv");
        try {
            if (!onBytes) {
                ReadSession session = new ReadSession(options).objectResponses();
                return new Outcome(session.read(CsvSource.of(r.toString(), new StringReader(files.responses())),
                        files.accounts() == null ? null
                                : CsvSource.of(a.toString(), new StringReader(files.accounts())),
                        CsvSource.of(c.toString(), new StringReader(files.contacts())), null), null);
            }
            CsvSource rs = CsvSource.of(r);
            assertEquals(true, CsvFile.readsBytes(rs, options));
            return new Outcome(new ReadSession(options).fastTokenizer().read(rs,
                    files.accounts() == null ? null : CsvSource.of(a), CsvSource.of(c), null), null);
        } catch (CsvFormatException e) {
            return new Outcome(null, e.error().toString() + " | " + e.getMessage());
        }
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Property(tries = 300)
    void strictReadsTheSameOrFailsAtTheSameRow(@ForAll("files") Files3 files) {
        assertSame(files, PortfolioReader.Mode.STRICT);
    }

    @Property(tries = 300)
    void lenientReadsTheSameAndSkipsTheSameRows(@ForAll("files") Files3 files) {
        assertSame(files, PortfolioReader.Mode.LENIENT);
    }

    private static void assertSame(Files3 files, PortfolioReader.Mode mode) {
        Path dir;
        try {
            dir = Files.createTempDirectory("nps4j-bytes");
            write(dir, "responses.csv", files.responses());
            if (files.accounts() != null) {
                write(dir, "accounts.csv", files.accounts());
            }
            write(dir, "contacts.csv", files.contacts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Outcome expected;
        Outcome actual;
        try {
            expected = read(files, dir, mode, false);
            actual = read(files, dir, mode, true);
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
                Files.delete(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertEquals(expected.error(), actual.error());
        if (expected.result() != null) {
            Portfolio e = expected.result().portfolio();
            Portfolio a = actual.result().portfolio();
            assertEquals(e.accounts(), a.accounts());
            assertEquals(e.contacts(), a.contacts());
            assertEquals(e.responses().size(), a.responses().size());
            for (int i = 0; i < e.responses().size(); i++) {
                assertEquals(e.responses().get(i), a.responses().get(i));
                assertEquals(e.responses().get(i).toString(), a.responses().get(i).toString());
            }
            assertEquals(e, a);
            assertEquals(e.withRoles(), a.withRoles());
            assertEquals(expected.result().errors(), actual.result().errors());
            assertEquals(expected.result().report(), actual.result().report());
        }
    }

    /**
     * A file long enough for the reader to estimate its rows from its first records ({@code expectRows}), whose
     * first records add no row (skipped questions, bad rows) and whose later ones do, with ratings: the same as on
     * characters.
     */
    @Test
    void rowsEstimatedBeforeAnyRowIsKept() {
        String contacts = "contact_id,account_id,role,function\nC1,A1,user,\nC2,A2,decision-maker,\n";
        String accounts = "account_id,name,tier,parent_id,annual_value,owner\nA1,One,direct,,100,o1\n"
                + "A2,Two,distributor,,,\n";
        for (boolean bad : new boolean[] {false, true}) {
            StringBuilder r = new StringBuilder(
                    "response_id,account_id,contact_id,role,episode,answered_at,score,comment,attr:speed\n");
            for (int i = 0; i < 70_000; i++) {
                boolean early = i < 9_000;
                String score = early ? (bad ? "11" : "") : String.valueOf(i % 11);
                r.append("R").append(i).append(i % 2 == 0 ? ",A1,C1," : ",A2,C2,").append(i % 3 == 0 ? "" : "user")
                        .append(",,2025-01-").append(10 + i % 20).append(',').append(score).append(",,")
                        .append(i % 4 == 0 ? "" : String.valueOf(i % 7)).append('\n');
            }
            Files3 files = new Files3(accounts, contacts, r.toString());
            assertSame(files, PortfolioReader.Mode.LENIENT);
            if (!bad) {
                assertSame(files, PortfolioReader.Mode.STRICT);
            }
        }
    }

    /** Contact rows shorter than the table's size estimate assumes, so that it grows past it: the same as on characters. */
    @Test
    void moreContactsThanEstimated() {
        String accounts = "account_id,name,tier,parent_id,annual_value,owner\nA1,One,direct,,100,o1\n"
                + "A2,Two,distributor,,,\n";
        StringBuilder c = new StringBuilder("contact_id,account_id,role,function\n");
        for (int i = 0; i < 3000; i++) {
            c.append('C').append(i).append(i % 2 == 0 ? ",A1," : ",A2,").append(i % 3 == 0 ? "user" : "influencer")
                    .append(",\n");
        }
        c.append("C7,A1,user,\n"); // a repeated id after the growth: its first line
        StringBuilder r = new StringBuilder("response_id,account_id,contact_id,role,episode,answered_at,score,comment\n");
        for (int i = 0; i < 5000; i++) {
            int k = i * 7 % 3000;
            r.append('R').append(i).append(k % 2 == 0 ? ",A1,C" : ",A2,C").append(k).append(",,,2025-02-")
                    .append(10 + i % 15).append(',').append(i % 11).append(",\n");
        }
        Files3 files = new Files3(accounts, c.toString(), r.toString());
        assertSame(files, PortfolioReader.Mode.LENIENT);
        assertSame(files, PortfolioReader.Mode.STRICT);
    }

    @Provide
    Arbitrary<Files3> files() {
        Arbitrary<Boolean> withAccounts = Arbitraries.of(true, true, true, false);
        Arbitrary<List<List<String>>> contacts = contactRow().list().ofMaxSize(25);
        Arbitrary<List<List<String>>> responses = responseRow().list().ofMaxSize(25);
        return Combinators.combine(withAccounts, contacts, responses).as(ByteFastPathsPropertyTest::files);
    }

    private static Files3 files(boolean withAccounts, List<List<String>> contactRows,
            List<List<String>> responseRows) {
        String accounts = "account_id,name,tier,parent_id,annual_value,owner\nA1,One,direct,,100,o1\n"
                + "A2,Two,distributor,,,\nA3,Three,retailer,A1,5,o2\nÄ4,Four,direct,,,\n";
        StringBuilder c = new StringBuilder("contact_id,account_id,role,function\n");
        for (List<String> row : contactRows) {
            List<String> f = new ArrayList<>(row.subList(0, 4));
            if (!row.get(4).isEmpty()) {
                f.add(row.get(4));
            }
            c.append(String.join(",", f)).append('\n');
        }
        StringBuilder r = new StringBuilder("response_id,account_id,contact_id,role,episode,answered_at,score,comment\n");
        for (List<String> row : responseRows) {
            r.append(String.join(",", row)).append('\n');
        }
        return new Files3(withAccounts ? accounts : null, c.toString(), r.toString());
    }

    private static Arbitrary<List<String>> contactRow() {
        Arbitrary<String> id = Arbitraries.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", " C9", "C10 ", "Cé11",
                "", "C1", "C2", "C12345678901234567", "\"C13\"", "C\t14", " C1", "C2 ");
        Arbitrary<String> account = Arbitraries.of("A1", "A1", "A2", "A3", " A2", "A3 ", "AX", "", "Ä4", "\"A1\"");
        Arbitrary<String> role = Arbitraries.of("user", "user", "decision-maker", "influencer", "Chief Buyer",
                " user", "user ", "", "!!", "champion", "Économiste", "gatekeeper");
        Arbitrary<String> function = Arbitraries.of("", "", "IT", " Finance ", "  ");
        Arbitrary<String> extra = Arbitraries.of("", "", "", "", "", "", "", "surplus");
        return Combinators.combine(List.of(id, account, role, function, extra)).as(l -> l);
    }

    private static Arbitrary<List<String>> responseRow() {
        Arbitrary<String> id = Arbitraries.of("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R1", "R2", " R9",
                "R10 ", "Ré11", "", "R\t12", "\"R13\"", "R13", "R123456789012345678", " R1", "R2 ");
        Arbitrary<String> account = Arbitraries.of("A1", "A1", "A2", "A3", " A2", "AX", "", "Ä4");
        Arbitrary<String> contact = Arbitraries.of("C1", "C2", "C3", "C4", "C5", "C9", "Cé11", "", "C6", " C1");
        Arbitrary<String> role = Arbitraries.of("", "user", "decision-maker", "Chief Buyer", "!!", " user");
        Arbitrary<String> episode = Arbitraries.of("", "relationship", "renewal", "?");
        Arbitrary<String> at = Arbitraries.of("2025-01-02", "2025-03-04", "2024-12-31T23:59:59", "2025-13-01", "",
                "2024-02-29", "1899-12-31");
        Arbitrary<String> score = Arbitraries.of("0", "7", "9", "10", "11", "", "x");
        Arbitrary<String> comment = Arbitraries.of("", "ok", "\"a, b\"");
        return Combinators.combine(List.of(id, account, contact, role, episode, at, score, comment)).as(l -> l);
    }
}
