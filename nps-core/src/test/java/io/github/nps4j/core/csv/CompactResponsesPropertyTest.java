package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nps4j.core.DateWindow;
import io.github.nps4j.core.Dedupe;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.internal.CompactResponses;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The reader's columns ({@link CompactResponses}, read with the fast tokenizer) against the reader as it was (a
 * {@link Response} object per row, Commons CSV): on random files, valid or not, both give equal portfolios (the same
 * responses in the same order, field by field), the same skipped rows in lenient mode and the same first error in
 * strict mode.
 */
class CompactResponsesPropertyTest {

    /** The text of up to three files; {@code null} = not given. */
    record Files(@Nullable String accounts, @Nullable String contacts, String responses) {
    }

    /** Reads either way; the result, or the refusal. */
    record Outcome(@Nullable ReadResult result, @Nullable String error) {
    }

    static Outcome read(Files files, PortfolioReader.Mode mode, boolean reference) {
        ReadOptions options = ReadOptions.builder().mode(mode).build();
        ReadSession session = new ReadSession(options);
        if (reference) {
            session.objectResponses();
        } else {
            session.fastTokenizer();
        }
        try {
            return new Outcome(session.read(CsvSource.of("responses.csv", new StringReader(files.responses())),
                    files.accounts() == null ? null : CsvSource.of("accounts.csv", new StringReader(files.accounts())),
                    files.contacts() == null ? null : CsvSource.of("contacts.csv", new StringReader(files.contacts())),
                    null), null);
        } catch (CsvFormatException e) {
            return new Outcome(null, e.error().toString() + " | " + e.getMessage());
        }
    }

    @Property(tries = 400)
    void strictReadsTheSameOrFailsAtTheSameRow(@ForAll("files") Files files) {
        assertSame(files, PortfolioReader.Mode.STRICT);
    }

    @Property(tries = 400)
    void lenientReadsTheSameAndSkipsTheSameRows(@ForAll("files") Files files) {
        assertSame(files, PortfolioReader.Mode.LENIENT);
    }

    private static void assertSame(Files files, PortfolioReader.Mode mode) {
        Outcome expected = read(files, mode, true);
        Outcome actual = read(files, mode, false);
        assertEquals(expected.error(), actual.error());
        if (expected.result() != null) {
            Portfolio e = expected.result().portfolio();
            Portfolio a = actual.result().portfolio();
            assertInstanceOf(CompactResponses.class, a.responses());
            assertEquals(e.responses().size(), a.responses().size());
            for (int i = 0; i < e.responses().size(); i++) {
                Response re = e.responses().get(i);
                Response ra = a.responses().get(i);
                assertEquals(re, ra);
                assertEquals(re.toString(), ra.toString());
                assertEquals(List.copyOf(re.ratings().keySet()), List.copyOf(ra.ratings().keySet()));
                assertEquals(re.hashCode(), ra.hashCode());
            }
            assertEquals(e, a);
            assertEquals(e.hashCode(), a.hashCode());
            assertEquals(e.latestAnswerDate(), a.latestAnswerDate());
            assertEquals(e.withRoles(), a.withRoles());
            assertEquals(Dedupe.LATEST_PER_CONTACT.apply(e.responses()), Dedupe.LATEST_PER_CONTACT.apply(a.responses()));
            assertEquals(Dedupe.NONE.apply(e.responses()), Dedupe.NONE.apply(a.responses()));
            if (!e.responses().isEmpty()) {
                DateWindow w = DateWindow.lastDays(e.latestAnswerDate().orElseThrow(), 40);
                assertEquals(e.responsesAnsweredIn(w), a.responsesAnsweredIn(w));
            }
            assertEquals(expected.result().errors(), actual.result().errors());
            assertEquals(expected.result().report(), actual.result().report());
        }
    }

    @Provide
    Arbitrary<Files> files() {
        Arbitrary<Boolean> withAccounts = Arbitraries.of(true, true, false);
        Arbitrary<Boolean> withContacts = Arbitraries.of(true, true, false);
        Arbitrary<Integer> attrs = Arbitraries.integers().between(0, 3);
        Arbitrary<Boolean> competitor = Arbitraries.of(false, false, true);
        Arbitrary<List<List<String>>> rows = row().list().ofMaxSize(30);
        return Combinators.combine(withAccounts, withContacts, attrs, competitor, rows)
                .as((acc, con, p, comp, rs) -> files(acc, con, p, comp, rs));
    }

    private static final List<String> ATTRS = List.of("price", "delivery", "b-support");

    private static Files files(boolean withAccounts, boolean withContacts, int p, boolean competitor,
            List<List<String>> rows) {
        String accounts = "account_id,name,tier,parent_id,annual_value,owner\nA1,One,direct,,100,o1\n"
                + "A2,Two,distributor,,,\nA3,Three,retailer,A1,5,o2\n";
        String contacts = "contact_id,account_id,role,function\nC1,A1,decision-maker,\nC2,A1,user,\n"
                + "C3,A2,influencer,\nC4,A3,Chief Buyer,\nC5,A2,user,\n";
        StringBuilder r = new StringBuilder("response_id,account_id,contact_id,role,episode,answered_at,score,comment");
        for (int k = 0; k < p; k++) {
            r.append(",attr:").append(ATTRS.get(k));
        }
        if (competitor) {
            r.append(",competitor:rival");
        }
        r.append('\n');
        for (List<String> row : rows) {
            // row: id, account, contact, role, episode, at, score, comment, a0, a1, a2, comp, extra
            List<String> f = new ArrayList<>(row.subList(0, 8));
            for (int k = 0; k < p; k++) {
                f.add(row.get(8 + k));
            }
            if (competitor) {
                f.add(row.get(11));
            }
            if (!row.get(12).isEmpty()) {
                f.add(row.get(12));
            }
            r.append(String.join(",", f)).append('\n');
        }
        return new Files(withAccounts ? accounts : null, withContacts ? contacts : null, r.toString());
    }

    private static Arbitrary<List<String>> row() {
        Arbitrary<String> id = Arbitraries.of("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11",
                "R12", " R13 ", "", "Ré14", "日本15", " R1", "R13");
        Arbitrary<String> account = Arbitraries.of("A1", "A1", "A2", "A3", " A2", "AX", "");
        Arbitrary<String> contact = Arbitraries.of("C1", "C2", "C3", "C4", "C5", "C9", "");
        Arbitrary<String> role = Arbitraries.of("", "", "user", "decision-maker", "Influencer", "Chief Buyer", "!!",
                " user");
        Arbitrary<String> episode = Arbitraries.of("", "relationship", "renewal", "Service Event", "?");
        Arbitrary<String> at = Arbitraries.of("2025-01-02", "2025-03-04", "2024-12-31T23:59:59",
                "2025-01-02T00:00", "2025-02-03T10:15:30.123456789", "1969-07-20T20:17:40", "2025-13-01", "", "x",
                "1899-12-31", "2201-01-01", "2025-02-29", "2024-02-29", " 2025-01-02");
        Arbitrary<String> score = Arbitraries.of("0", "6", "7", "8", "9", "10", "11", "-1", "", "7.5", "x", "05",
                " 9", "99");
        Arbitrary<String> comment = Arbitraries.of("", "", "ok", "\"a, b\"", "  ", "\"line\nbreak\"", "é");
        Arbitrary<String> rating = Arbitraries.of("", "5", "7.25", "-0.0", "1e3", "NaN", "Infinity", "x", "0");
        Arbitrary<String> comp = Arbitraries.of("", "3", "10", "12", "x");
        Arbitrary<String> extra = Arbitraries.of("", "", "", "", "", "", "surplus");
        return Combinators.combine(List.of(id, account, contact, role, episode, at, score, comment, rating, rating,
                rating, comp, extra)).as(l -> l);
    }

    @Test
    void aColumnListIsImmutableAndEqualToItsObjects() {
        Files files = files(true, true, 2, true, List.of(
                List.of("R1", "A1", "C1", "", "", "2025-01-02", "9", "ok", "5", "", "", "3", ""),
                List.of("R2", "A2", "C3", "user", "renewal", "2025-01-03T10:00", "3", "", "", "7.5", "", "", "")));
        Portfolio p = read(files, PortfolioReader.Mode.STRICT, false).result().portfolio();
        List<Response> rs = p.responses();
        assertInstanceOf(CompactResponses.class, rs);
        assertThrows(UnsupportedOperationException.class, () -> rs.remove(0));
        assertThrows(UnsupportedOperationException.class, () -> rs.get(0).ratings().put("x", 1.0));
        assertThrows(UnsupportedOperationException.class, () -> rs.get(0).ratings().clear());
        assertThrows(IndexOutOfBoundsException.class, () -> rs.get(2));
        assertEquals(Map.of("price", 5.0), rs.get(0).ratings());
        assertEquals(Map.of("delivery", 7.5), rs.get(1).ratings());
        assertEquals(Map.of("rival", 3), rs.get(0).competitorScores());
        assertEquals(Map.of(), rs.get(1).competitorScores());
        assertEquals(Optional.of("ok"), rs.get(0).comment());
        assertEquals(List.copyOf(rs), new ArrayList<>(rs));
        assertNotEquals(rs.get(0), rs.get(1));
        // a portfolio of the same responses as objects is equal
        assertEquals(p, Portfolio.of(p.accounts(), p.contacts(), new ArrayList<>(rs), p.invitations()));
    }
}
