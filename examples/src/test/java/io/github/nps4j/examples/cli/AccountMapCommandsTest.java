package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nps accounts}, {@code followups} and {@code plan} on the shipped sample data. */
class AccountMapCommandsTest {
    private static final String[] FILES = {"--responses", "data/responses.csv", "--accounts", "data/accounts.csv",
        "--contacts", "data/contacts.csv", "--invitations", "data/invitations.csv"};

    private static String[] args(String... more) {
        List<String> a = new ArrayList<>(List.of(more).subList(0, 1));
        a.addAll(List.of(FILES));
        a.addAll(List.of(more).subList(1, more.length));
        return a.toArray(String[]::new);
    }

    @Test
    void accountsJsonHasTheContractShape(@TempDir Path svg) throws Exception {
        CliTestSupport.Run r = CliTestSupport.run(args("accounts", "--as-of", "2026-06-30", "--format", "json",
                "--svg", svg.toString()));
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = r.json();
        assertEquals("2026-06-30", j.get("asOf").asText());
        assertTrue(j.get("rule").asText().contains("decider-detractor"), j.get("rule").asText());
        JsonNode accounts = j.get("accounts");
        assertEquals(6, accounts.size());
        double atRisk = 0;
        for (JsonNode a : accounts) {
            for (String field : List.of("account", "name", "tier", "owner", "annualValue", "nps", "meanScore",
                    "category", "flags", "roles")) {
                assertTrue(a.has(field), "account lacks " + field + ": " + a);
            }
            Set<String> flags = new TreeSet<>();
            a.get("flags").forEach(f -> flags.add(f.asText()));
            boolean risky = "detractor".equals(a.get("category").asText()) || flags.contains("decider-detractor");
            if (risky && !a.get("annualValue").isNull()) {
                atRisk += a.get("annualValue").asDouble();
            }
            a.get("roles").forEach(role -> {
                long responded = role.get("responded").asLong();
                assertEquals(responded, role.get("promoters").asLong() + role.get("passives").asLong()
                        + role.get("detractors").asLong());
                assertTrue(responded <= role.get("invited").asLong() && role.get("invited").asLong()
                        <= role.get("mapped").asLong(), role.toString());
            });
            Path file = svg.resolve(a.get("account").asText() + ".svg");
            assertTrue(Files.exists(file), file.toString());
            parseXml(file);
        }
        // revenue at risk = Σ annual value of accounts that are detractors or carry decider-detractor
        assertEquals(atRisk, j.get("revenueAtRisk").asDouble(), 1e-6);
        parseXml(svg.resolve("portfolio.svg"));
    }

    private static void parseXml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void csvOutputsAreGuardedAgainstFormulaInjection(@TempDir Path dir) throws Exception {
        for (String f : List.of("responses.csv", "contacts.csv", "invitations.csv")) {
            java.nio.file.Files.copy(Path.of("data", f), dir.resolve(f));
        }
        String accounts = java.nio.file.Files.readString(Path.of("data", "accounts.csv"))
                .replace("Acme Industrial GmbH", "=HYPERLINK(\"http://x\")").replace(",maria,", ",@maria,");
        java.nio.file.Files.writeString(dir.resolve("accounts.csv"), accounts);
        String responses = java.nio.file.Files.readString(dir.resolve("responses.csv"))
                .replace("Prices went up again", "+cmd|' /C calc'!A0");
        java.nio.file.Files.writeString(dir.resolve("responses.csv"), responses);
        String[] files = {"--responses", dir.resolve("responses.csv").toString(), "--accounts",
            dir.resolve("accounts.csv").toString(), "--contacts", dir.resolve("contacts.csv").toString(),
            "--as-of", "2026-06-30", "--format", "csv"};
        for (String command : List.of("accounts", "followups")) {
            String[] a = new String[files.length + 1];
            a[0] = command;
            System.arraycopy(files, 0, a, 1, files.length);
            CliTestSupport.Run r = CliTestSupport.run(a);
            assertEquals(0, r.exitCode(), r.err());
            for (String line : r.out().lines().toList()) {
                for (String cell : line.split(",")) {
                    String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                    assertTrue(c.isEmpty() || "=+@".indexOf(c.charAt(0)) < 0, command + ": " + line);
                }
            }
            assertTrue(r.out().contains("'@maria") || r.out().contains("'=HYPERLINK") || r.out().contains("'+cmd"),
                    r.out());
        }
    }

    @Test
    void followupsAreOrderedByPriorityAndDueBySla() {
        CliTestSupport.Run r = CliTestSupport.run(args("followups", "--as-of", "2026-06-30", "--format", "json"));
        assertEquals(0, r.exitCode(), r.err());
        JsonNode cases = r.json().get("cases");
        assertTrue(cases.size() > 0, r.out());
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode c : cases) {
            assertTrue(c.get("score").asInt() <= 6, "only detractors by default: " + c);
            assertTrue(c.get("priority").asDouble() <= previous, "priority descending");
            previous = c.get("priority").asDouble();
            // past due (and not closed) on the as-of day: the derived state overdue, in every format
            String expected = java.time.LocalDate.parse(c.get("due").asText()).isBefore(
                    java.time.LocalDate.parse("2026-06-30")) ? "overdue" : "open";
            assertEquals(expected, c.get("state").asText(), c::toString);
        }
        assertEquals(90, r.json().get("lookbackDays").asInt());
        CliTestSupport.Run csv = CliTestSupport.run(args("followups", "--as-of", "2026-06-30", "--format", "csv"));
        assertTrue(csv.out().lines().skip(1).allMatch(l -> l.endsWith(",overdue") || l.endsWith(",open")), csv.out());
        CliTestSupport.Run text = CliTestSupport.run(args("followups", "--as-of", "2026-06-30"));
        assertTrue(text.out().lines().anyMatch(l -> l.matches("#\\s+due\\s+state\\s+account.*")), text.out());
        assertTrue(text.out().contains(" overdue "), text.out());
        CliTestSupport.Run shorter = CliTestSupport.run(args("followups", "--as-of", "2026-06-30", "--lookback-days",
                "5", "--format", "json"));
        assertTrue(shorter.json().get("cases").size() < cases.size(), shorter.out());
    }

    @Test
    void planRespectsTheCapAndGivesReasons() {
        CliTestSupport.Run r = CliTestSupport.run(args("plan", "--as-of", "2026-10-01", "--max-per-account", "1",
                "--format", "json"));
        assertEquals(0, r.exitCode(), r.err());
        Set<String> accounts = new TreeSet<>();
        for (JsonNode i : r.json().get("invitations")) {
            assertTrue(accounts.add(i.get("account").asText()), "cap of 1 per account broken: " + r.out());
            assertTrue(!i.get("reason").asText().isBlank());
        }
        assertTrue(!accounts.isEmpty(), r.out());
    }

    @Test
    void withoutAsOfEveryCommandTakesTheLatestAnswerAndSaysSo() throws Exception {
        java.time.LocalDate latest = io.github.nps4j.core.csv.PortfolioReader.builder().build()
                .read(Path.of("data/responses.csv"), Path.of("data/accounts.csv"), Path.of("data/contacts.csv"), null)
                .portfolio().latestAnswerDate().orElseThrow();
        String said = "as of " + latest + " (the latest answer in the data; --as-of to change)";
        for (String command : List.of("accounts", "followups", "plan")) {
            CliTestSupport.Run text = CliTestSupport.run(args(command));
            assertEquals(0, text.exitCode(), text.err());
            assertTrue(text.out().lines().findFirst().orElseThrow().contains(said), command + ": " + text.out());
            CliTestSupport.Run csv = CliTestSupport.run(args(command, "--format", "csv"));
            assertEquals(0, csv.exitCode(), csv.err());
            assertTrue(csv.err().contains(said), command + ": " + csv.err());
            CliTestSupport.Run given = CliTestSupport.run(args(command, "--as-of", latest.toString(), "--format", "csv"));
            assertEquals(csv.out(), given.out(), command);
            assertTrue(given.err().isEmpty(), given.err());
        }
        JsonNode followups = CliTestSupport.run(args("followups", "--format", "json")).json();
        assertEquals(latest.toString(), followups.get("asOf").asText());
    }

    @Test
    void svgFileNamesAreUniqueSafeAndIndexed(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("accounts.csv"), "account_id,name\nA/1,Slash\nA_1,Underscore\na_1,Lower\n"
                + "../up,Dots\n");
        Files.writeString(data.resolve("responses.csv"), "response_id,account_id,contact_id,role,answered_at,score\n"
                + "R1,A/1,C1,user,2026-01-05,9\nR2,A_1,C2,user,2026-01-05,3\nR3,a_1,C3,user,2026-01-05,7\n"
                + "R4,../up,C4,user,2026-01-05,10\n");
        Path out = dir.resolve("maps");
        CliTestSupport.Run r = CliTestSupport.run("accounts", "--responses", data.resolve("responses.csv").toString(),
                "--accounts", data.resolve("accounts.csv").toString(), "--svg", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> index = Files.readAllLines(out.resolve("index.csv"));
        assertEquals(5, index.size(), index.toString());
        java.util.Set<String> files = new java.util.HashSet<>();
        for (String line : index.subList(1, index.size())) {
            String file = line.substring(line.lastIndexOf(',') + 1);
            assertTrue(files.add(file.toLowerCase(java.util.Locale.ROOT)), "unique: " + index);
            assertTrue(file.matches("[A-Za-z0-9_][A-Za-z0-9._-]*\\.svg"), file);
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertTrue(Files.isRegularFile(out.resolve("portfolio.svg")));
        // a second run replaces the files and says so
        CliTestSupport.Run again = CliTestSupport.run("accounts", "--responses",
                data.resolve("responses.csv").toString(), "--accounts", data.resolve("accounts.csv").toString(),
                "--svg", out.toString());
        assertTrue(again.err().contains("replaced 6 existing file(s)"), again.err());
        // a symbolic link is never written through
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep");
        Files.delete(out.resolve("portfolio.svg"));
        Files.createSymbolicLink(out.resolve("portfolio.svg"), victim);
        CliTestSupport.Run link = CliTestSupport.run("accounts", "--responses",
                data.resolve("responses.csv").toString(), "--accounts", data.resolve("accounts.csv").toString(),
                "--svg", out.toString());
        assertEquals(1, link.exitCode());
        assertEquals("keep", Files.readString(victim));
        assertTrue(link.out().isEmpty(), "no result is printed before an error: " + link.out());
    }

    @Test
    void anUnwritableSvgFolderFailsBeforeAnyResultIsPrinted(@TempDir Path dir) throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        CliTestSupport.Run r = CliTestSupport.run(args("accounts", "--as-of", "2026-06-30", "--svg",
                notADir.resolve("maps").toString()));
        assertEquals(1, r.exitCode());
        assertTrue(r.out().isEmpty(), r.out());
        assertTrue(r.err().contains("cannot write SVG files"), r.err());
    }

    @Test
    void badAsOfIsAUsageError() {
        assertEquals(2, CliTestSupport.run(args("accounts", "--as-of", "June")).exitCode());
        assertEquals(2, CliTestSupport.run(args("plan", "--as-of", "2026-06-30", "--quiet-days", "-1")).exitCode());
    }
}
