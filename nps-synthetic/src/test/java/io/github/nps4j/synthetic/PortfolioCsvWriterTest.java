package io.github.nps4j.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.core.Account;
import io.github.nps4j.core.Contact;
import io.github.nps4j.core.EpisodeType;
import io.github.nps4j.core.Invitation;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Response;
import io.github.nps4j.core.Role;
import io.github.nps4j.core.Tier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN §6 formats, byte for byte. */
class PortfolioCsvWriterTest {

    @Test
    void quotesAsRfc4180AndKeepsFormulasVerbatim() {
        assertEquals("plain", PortfolioCsvWriter.field("plain"));
        assertEquals("\"a,b\"", PortfolioCsvWriter.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", PortfolioCsvWriter.field("say \"hi\""));
        assertEquals("\"two\nlines\"", PortfolioCsvWriter.field("two\nlines"));
        assertEquals("\"cr\rlf\"", PortfolioCsvWriter.field("cr\rlf"));
        assertEquals("\" padded \"", PortfolioCsvWriter.field(" padded "));
        assertEquals("=HYPERLINK(\"\"x\"\")".length() + 2,
                PortfolioCsvWriter.field("=HYPERLINK(\"x\")").length(), "quoted because of quotes, no apostrophe");
        assertEquals("=1+2", PortfolioCsvWriter.field("=1+2"), "no formula-injection prefix in data files");
        assertEquals("<script>", PortfolioCsvWriter.field("<script>"));
        assertEquals("", PortfolioCsvWriter.field(""));
    }

    @Test
    void numbersReadBackExactly() {
        assertEquals("7", PortfolioCsvWriter.number(7.0));
        assertEquals("0.25", PortfolioCsvWriter.number(0.25));
        assertEquals("125300", PortfolioCsvWriter.number(125300.0));
        assertEquals("0.1", PortfolioCsvWriter.number(0.1));
        assertEquals("-0.0", PortfolioCsvWriter.number(-0.0));
        for (double d : new double[] {1e-7, 123456789.123, 1.0 / 3, 1e22, 4.9e-324}) {
            assertEquals(d, Double.parseDouble(PortfolioCsvWriter.number(d)));
            assertFalse(PortfolioCsvWriter.number(d).contains("E"), "plain notation");
        }
    }

    @Test
    void writesTheFourFilesInDesignFormat(@TempDir Path dir) throws IOException {
        Account parent = Account.builder("D1").name("Smith, Jones & \"Partners\"").tier(Tier.DISTRIBUTOR)
                .annualValue(400000).owner("maria").segment("region", "emea").build();
        Account child = Account.builder("R1").tier(Tier.RETAILER).parent("D1").segment("industry", "retail").build();
        // what the testkit's Responses.portfolio() builds from decisionMaker(3) and user(10) answers
        LocalDateTime answered = LocalDateTime.of(2026, 3, 14, 9, 27, 5);
        LocalDate defaultDay = LocalDate.of(2026, 1, 15);
        Portfolio p = Portfolio.of(List.of(parent, child),
                List.of(Contact.of("D1-C1", "D1", Role.DECISION_MAKER), Contact.of("R1-C1", "R1", Role.USER)),
                List.of(new Response("D1-R1", "D1", "D1-C1", Optional.of(Role.DECISION_MAKER), EpisodeType.RELATIONSHIP,
                                answered, 3, Optional.of("=HYPERLINK(\"http://x\",\"y\")"), Map.of("delivery", 2.0)),
                        new Response("R1-R1", "R1", "R1-C1", Optional.of(Role.USER), EpisodeType.SERVICE_EVENT,
                                defaultDay.atStartOfDay(), 10, Optional.of("配送\nOK"), Map.of("price", 7.5))),
                List.of(new Invitation("D1-C1", answered.toLocalDate(), EpisodeType.RELATIONSHIP),
                        new Invitation("R1-C1", defaultDay, EpisodeType.SERVICE_EVENT)));
        PortfolioCsvWriter.write(p, dir);
        assertEquals("""
                account_id,name,tier,parent_id,annual_value,owner,seg:industry,seg:region
                D1,"Smith, Jones & ""Partners\"\"\",distributor,,400000,maria,,emea
                R1,R1,retailer,D1,,,retail,
                """, read(dir, "accounts.csv"));
        assertEquals("""
                contact_id,account_id,role,function
                D1-C1,D1,decision-maker,
                R1-C1,R1,user,
                """, read(dir, "contacts.csv"));
        assertEquals("""
                response_id,account_id,contact_id,role,episode,answered_at,score,comment,attr:delivery,attr:price
                D1-R1,D1,D1-C1,decision-maker,relationship,2026-03-14T09:27:05,3,"=HYPERLINK(""http://x"",""y"")",2,
                R1-R1,R1,R1-C1,user,service-event,2026-01-15T00:00:00,10,"配送
                OK",,7.5
                """, read(dir, "responses.csv"));
        assertEquals("""
                contact_id,invited_at,episode
                D1-C1,2026-03-14,relationship
                R1-C1,2026-01-15,service-event
                """, read(dir, "invitations.csv"));
    }

    @Test
    void utf8WithoutBomAndLfOnly(@TempDir Path dir) throws IOException {
        SyntheticPortfolio.ofSeed(42).writeCsv(dir);
        for (String f : new String[] {"accounts.csv", "contacts.csv", "responses.csv", "invitations.csv"}) {
            byte[] bytes = Files.readAllBytes(dir.resolve(f));
            assertFalse(bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB, f + " has a BOM");
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertArrayEquals(bytes, text.getBytes(StandardCharsets.UTF_8), f + " is valid UTF-8");
            assertFalse(text.contains("\r"), f + " has CR");
            assertTrue(text.endsWith("\n"), f);
        }
        String responses = read(dir, "responses.csv");
        assertTrue(responses.startsWith("response_id,account_id,contact_id,role,episode,answered_at,score,comment,"
                + "attr:account-management,attr:delivery,attr:onboarding,attr:price,attr:product-quality,"
                + "attr:support,competitor:kessler,competitor:orbis\n"));
        assertTrue(responses.contains("\"=HYPERLINK(\"\"http://evil.example/"), "formula verbatim, quoted");
        assertTrue(responses.contains("<script>alert('nps')</script>"));
        assertTrue(read(dir, "accounts.csv").startsWith(
                "account_id,name,tier,parent_id,annual_value,owner,seg:industry,seg:region,outcome:renewed,"
                + "outcome:revenue_growth\n"));
    }

    @Test
    void truthJsonIsDeterministicAndEscaped() {
        Truth t = SyntheticPortfolio.ofSeed(42).truth();
        String json = t.toJson();
        assertEquals(json, SyntheticPortfolio.ofSeed(42).truth().toJson());
        assertTrue(json.startsWith("{\n  \"seed\": 42,\n  \"asOf\": \"2026-09-30\",\n  \"windowDays\": 365,\n"
                + "  \"silentDays\": 180,\n  \"model\": {\n    \"intercept\": 8.4,"), json);
        assertTrue(json.contains("\"effects\": {\n      \"account-management\": 0.2,\n      \"delivery\": 0.9,"));
        assertTrue(json.contains("\"topAttributes\": [\"delivery\", \"support\","));
        assertTrue(json.contains("\"decider-detractor\": [\"" + t.planted(PlantedSituation.DECIDER_DETRACTOR).get(0)
                + "\"]"));
        assertEquals("\"a\\\"b\\\\c\\nd\\u003cscript\\u003e\\u0001\"", Json.quote("a\"b\\c\nd<script>\u0001"));
    }

    private static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
