package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.GroupField;
import io.github.nps4j.core.GroupedEstimates;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.RoleWeights;
import io.github.nps4j.core.ScoringSpec;
import io.github.nps4j.core.Weighting;
import io.github.nps4j.core.table.RandomPortfolios;
import io.github.nps4j.core.table.TableScorer;
import java.io.StringReader;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The streaming scorer gives the reader + object scorer's results and rejects bad rows like the strict reader. */
class StreamingScorerTest {

    static String responsesCsv(RandomPortfolios.Data d) {
        StringBuilder sb = new StringBuilder("response_id,account_id,contact_id,role,episode,answered_at,score,comment\n");
        for (Response r : d.responses()) {
            sb.append(r.id()).append(',').append(r.accountId()).append(',').append(r.contactId()).append(',')
                    .append(r.role().map(Object::toString).orElse("")).append(',').append(r.episode()).append(',')
                    .append(r.answeredAt()).append(',').append(r.score()).append(",\"a, comment\"\n");
        }
        return sb.toString();
    }

    static String accountsCsv(RandomPortfolios.Data d) {
        StringBuilder sb = new StringBuilder("account_id,name,tier,parent_id,annual_value,owner\n");
        for (Account a : d.accounts()) {
            sb.append(a.id()).append(",n,").append(a.tier()).append(",,").append(a.annualValue().getAsDouble())
                    .append(",\n");
        }
        return sb.toString();
    }

    static String contactsCsv(RandomPortfolios.Data d) {
        StringBuilder sb = new StringBuilder("contact_id,account_id,role,function\n");
        for (Contact c : d.contacts()) {
            sb.append(c.id()).append(',').append(c.accountId()).append(',').append(c.role()).append(",\n");
        }
        return sb.toString();
    }

    @Property(tries = 400)
    void streamingEqualsReaderAndObjectScorer(@ForAll long seed) {
        Random rnd = new Random(seed);
        RandomPortfolios.Data d = RandomPortfolios.data(rnd, 80);
        RandomPortfolios.Options o = RandomPortfolios.options(rnd);
        String responses = responsesCsv(d);
        String accounts = accountsCsv(d);
        String contacts = contactsCsv(d);
        Portfolio p = PortfolioReader.builder().build().read(CsvSource.of("responses.csv", new StringReader(responses)),
                CsvSource.of("accounts.csv", new StringReader(accounts)),
                CsvSource.of("contacts.csv", new StringReader(contacts)), null).portfolio();
        GroupedEstimates expected;
        try {
            expected = GroupedEstimates.of(RandomPortfolios.objectScorer(o, p.accounts()).score(p.responses()));
        } catch (IllegalArgumentException e) {
            assertThrows(IllegalArgumentException.class, () -> stream(o, responses, accounts, contacts));
            return;
        }
        RandomPortfolios.assertSame(expected, stream(o, responses, accounts, contacts));
    }

    private static GroupedEstimates stream(RandomPortfolios.Options o, String responses, String accounts,
            String contacts) {
        return StreamingScorer.of(RandomPortfolios.spec(o)).score(
                CsvSource.of("responses.csv", new StringReader(responses)),
                CsvSource.of("accounts.csv", new StringReader(accounts)),
                CsvSource.of("contacts.csv", new StringReader(contacts)));
    }

    /** Both readers read the same years, so they never disagree on a period; outside them both refuse. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"+999999999-12-31", "1899-12-31", "2201-01-01",
        "0026-03-14", "1899-12-31T23:59", "+999999999-12-31T00:00"})
    void bothReadersRefuseYearsOutsideTheDocumentedRange(String day) {
        String csv = "response_id,account_id,contact_id,answered_at,score\nR1,A1,C1," + day + ",9\n";
        CsvFormatException streamed = assertThrows(CsvFormatException.class, () -> StreamingScorer
                .of(ScoringSpec.defaults()).score(CsvSource.of("responses.csv", new StringReader(csv)), null, null));
        CsvFormatException read = assertThrows(CsvFormatException.class, () -> PortfolioReader.builder().build()
                .read(CsvSource.of("responses.csv", new StringReader(csv)), null, null, null));
        assertEquals("answered_at", streamed.error().field());
        assertEquals(read.error(), streamed.error());
        assertTrue(streamed.getMessage().contains("1900-2200"), streamed.getMessage());
    }

    @Test
    void theEdgesOfTheRangeAreRead() {
        String csv = "response_id,account_id,contact_id,answered_at,score\nR1,A1,C1,1900-01-01,9\n"
                + "R2,A1,C2,2200-12-31T23:59,0\n";
        GroupedEstimates e = StreamingScorer.of(ScoringSpec.builder().groupBy(io.github.nps4j.core.GroupField
                .period(io.github.nps4j.core.PeriodUnit.YEAR)).build())
                .score(CsvSource.of("responses.csv", new StringReader(csv)), null, null);
        assertEquals(java.util.List.of("1900", "2200"), e.groups().stream().map(g -> g.key().values().get(0)).toList());
    }

    @Test
    void badScoreNamesFileLineFieldAndValue() {
        String csv = "response_id,account_id,contact_id,answered_at,score\n"
                + "R1,A1,C1,2026-01-05,9\n"
                + "\n"
                + "R2,A1,C2,2026-01-06,11\n";
        ScoringSpec options = ScoringSpec.defaults();
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> StreamingScorer.of(options)
                .score(CsvSource.of("responses.csv", new StringReader(csv)), null, null));
        assertEquals("responses.csv", e.error().file());
        assertEquals(4, e.error().line());
        assertEquals("score", e.error().field());
        assertEquals("11", e.error().value());
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @Test
    void unknownAccountAndBadDateAreRejected() {
        String accounts = "account_id\nA1\n";
        String unknown = "response_id,account_id,contact_id,answered_at,score\nR1,A9,C1,2026-01-05,9\n";
        ScoringSpec options = ScoringSpec.defaults();
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> StreamingScorer.of(options).score(
                CsvSource.of("responses.csv", new StringReader(unknown)),
                CsvSource.of("accounts.csv", new StringReader(accounts)), null));
        assertEquals("account_id", e.error().field());
        assertEquals("A9", e.error().value());
        String badDate = "response_id,account_id,contact_id,answered_at,score\nR1,A1,C1,05.01.2026,9\n";
        CsvFormatException d = assertThrows(CsvFormatException.class, () -> StreamingScorer.of(options).score(
                CsvSource.of("responses.csv", new StringReader(badDate)), null, null));
        assertEquals("answered_at", d.error().field());
        assertEquals(2, d.error().line());
    }

    @Test
    void valueWeightingWithoutAccountsIsRefused() {
        ScoringSpec options = ScoringSpec.builder().weighting(Weighting.roleAccountValue(RoleWeights.defaults()))
                .groupBy(GroupField.ROLE).build();
        assertThrows(IllegalArgumentException.class, () -> StreamingScorer.of(options).score(
                CsvSource.of("responses.csv", new StringReader("response_id,account_id,contact_id,answered_at,score\n")),
                null, null));
    }
}
