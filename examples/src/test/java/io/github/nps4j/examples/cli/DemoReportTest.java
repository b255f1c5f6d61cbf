package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code nps demo} and {@code nps report}: the readout's sections, and a report page that is safe and parses. */
class DemoReportTest {
    private static final String HOSTILE = "<script>alert('x')</script> & \"Quote\" Co <b>";

    @Test
    void demoPrintsEverySectionWithoutStackTraces() {
        CliTestSupport.Run r = CliTestSupport.run("demo");
        assertEquals(0, r.exitCode(), r.err());
        for (String section : List.of("1. Relationship NPS", "Account-count NPS", "Revenue-weighted NPS",
                "2. Trend by quarter", "3. Accounts at risk", "Revenue at risk", "4. Key drivers", "What if",
                "5. Why customers say what they say", "6. Against competitors", "7. What loyalty is worth",
                "8. Call back first", "9. Invite next", "nps report")) {
            assertTrue(r.out().contains(section), () -> "demo output lacks '" + section + "':\n" + r.out());
        }
        for (String flag : List.of("decider-detractor", "no-decider-heard", "polarised")) {
            assertTrue(r.out().contains(flag), flag);
        }
        assertFalse(r.out().contains("Exception") || r.err().contains("Exception"), r.err());
    }

    @Test
    void demoTextsAgreeWithTheirFigures() {
        CliTestSupport.Run r = CliTestSupport.run("demo");
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        // "the N highest risk scores of M accounts, K of them flagged": N <= M and K <= M
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("the (\\d+) highest risk scores of (\\d+) accounts, (\\d+) of them flagged").matcher(out);
        assertTrue(m.find(), out);
        int n = Integer.parseInt(m.group(1));
        int all = Integer.parseInt(m.group(2));
        assertTrue(n <= all && Integer.parseInt(m.group(3)) <= all, m.group());
        assertFalse(out.matches("(?s).*\\b1 invitations.*"), out);
        assertTrue(out.contains("unweighted (every contact counts once)"), out);
        assertTrue(out.contains("answers the model uses"), out);
        assertTrue(out.contains("risk score") && out.contains("role-weighted mean"), out);
        // every table column has a header: the follow-up table's last one is the state
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+due\\s+account.*priority\\s+state")), out);
        // planner reasons are whole
        assertFalse(out.lines().anyMatch(l -> l.endsWith("…") && l.contains("role ")), out);
        // the category beside its figure: a role-weighted mean >= 7 is never shown as detractor
        for (String line : out.lines().filter(l -> l.matches("\\s+A\\d{3}\\s.*")).toList()) {
            java.util.regex.Matcher x = java.util.regex.Pattern
                    .compile("\\s(\\d+\\.\\d)\\s+(promoter|passive|detractor)\\s").matcher(line);
            if (x.find()) {
                double mean = Double.parseDouble(x.group(1));
                String expected = mean >= 9 ? "promoter" : mean >= 7 ? "passive" : "detractor";
                assertEquals(expected, x.group(2), line);
            }
        }
    }

    @Test
    void demoReadsTheUsersCsvFiles() {
        CliTestSupport.Run r = CliTestSupport.run("demo", "--responses", "data/responses.csv", "--accounts",
                "data/accounts.csv", "--contacts", "data/contacts.csv", "--invitations", "data/invitations.csv");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("data/responses.csv"), r.out());
    }

    @Test
    void reportIsOneWellFormedPageWithEscapedTextAndNoScript(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("accounts.csv"), "account_id,name,tier,parent_id,annual_value,owner\n"
                + "A1,\"" + HOSTILE.replace("\"", "\"\"") + "\",direct,,500000,\"=HYPERLINK(\"\"x\"\")\"\n"
                + "A2,Plain Ltd,direct,,100000,li\n", StandardCharsets.UTF_8);
        Files.writeString(data.resolve("contacts.csv"), "contact_id,account_id,role,function\n"
                + "C1,A1,decision-maker,\nC2,A1,user,\nC3,A2,decision-maker,\nC4,A2,user,\n", StandardCharsets.UTF_8);
        Files.writeString(data.resolve("responses.csv"),
                "response_id,account_id,contact_id,role,episode,answered_at,score,comment,attr:delivery,attr:support\n"
                        + "R1,A1,C1,,,2026-05-01,3,\"" + HOSTILE.replace("\"", "\"\"") + "\",3,4\n"
                        + "R2,A1,C2,,,2026-05-02,9,,8,9\nR3,A2,C3,,,2026-05-03,10,,9,9\n"
                        + "R4,A2,C4,,,2026-05-04,7,,6,8\nR5,A1,C2,,,2026-02-01,6,,5,5\n"
                        + "R6,A2,C4,,,2026-02-03,8,,7,7\nR7,A2,C3,,,2026-02-05,9,,8,9\n"
                        + "R8,A1,C1,,,2026-02-07,2,,2,3\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliTestSupport.Run r = CliTestSupport.run("report", "--responses", data.resolve("responses.csv").toString(),
                "--accounts", data.resolve("accounts.csv").toString(), "--contacts",
                data.resolve("contacts.csv").toString(), "--as-of", "2026-05-10", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), "no script element");
        assertFalse(html.contains("http://") && html.replace("http://www.w3.org/", "").contains("http://"),
                "no external reference");
        assertFalse(html.contains("https://"), "no external fetch");
        assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), "no event attributes");

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains(HOSTILE), "the hostile account name and comment appear verbatim as text");
        assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength());
        NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertTrue(svgs.getLength() >= 4, "role, tier and trend charts and the account maps are inline SVG: "
                + svgs.getLength());
        for (int i = 0; i < svgs.getLength(); i++) {
            Element svg = (Element) svgs.item(i);
            assertEquals(0, svg.getElementsByTagNameNS("*", "foreignObject").getLength());
            assertEquals(0, svg.getElementsByTagNameNS("*", "image").getLength());
            assertTrue(svg.getElementsByTagNameNS("*", "title").getLength() > 0, "every SVG is titled");
            Element figure = (Element) svg.getParentNode();
            while (!figure.getLocalName().equals("figure")) {
                figure = (Element) figure.getParentNode();
            }
            assertFalse(figure.getElementsByTagNameNS("*", "figcaption").item(0).getTextContent().isBlank(),
                    "every SVG has a visible caption");
        }
        assertTrue(html.contains("<meta name=\"viewport\""), "viewport meta");
        assertTrue(html.contains("default-src 'none'"), "a Content-Security-Policy refuses every fetch");
        assertTrue(html.contains("@media print"), "print CSS");
        assertFalse(html.contains(data.toString()), "no local path: the page names the files only");
        assertTrue(html.contains("responses.csv"), "the page names the responses file");
        assertTrue(html.contains("id=\"glossary\""), "a glossary");
        for (String section : List.of("summary", "groups", "trend", "risk", "drivers", "maps", "followups", "plan",
                "glossary")) {
            assertTrue(html.contains("<section id=\"" + section + "\""), section);
        }
    }

    @Test
    void hostileCommentsAndThemeNamesAreEscapedInTheWhySection(@TempDir Path dir) throws Exception {
        List<String> hostile = io.github.nps4j.synthetic.HostileText.comments();
        StringBuilder responses = new StringBuilder("response_id,account_id,contact_id,role,episode,answered_at,score,"
                + "comment\n");
        StringBuilder contacts = new StringBuilder("contact_id,account_id,role,function\n");
        for (int i = 0; i < hostile.size(); i++) {
            String account = i % 2 == 0 ? "A1" : "A2";
            contacts.append("C").append(i).append(',').append(account).append(",user,\n");
            responses.append("R").append(i).append(',').append(account).append(",C").append(i)
                    .append(",,,2026-05-0").append(1 + i % 9).append(',').append(i % 11).append(",\"")
                    .append(hostile.get(i).replace("\"", "\"\"")).append("\"\n");
        }
        Files.writeString(dir.resolve("responses.csv"), responses, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("contacts.csv"), contacts, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("accounts.csv"), "account_id,name,tier,parent_id,annual_value,owner\n"
                + "A1,One,direct,,100,x\nA2,Two,direct,,200,y\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("codebook.csv"), "theme,pattern\n\"<img src=x>\",alert\nformula,HYPERLINK|cmd\n"
                + "quote,never|backslash\nlines,Line\nrussian,Доставка\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliTestSupport.Run r = CliTestSupport.run("report", "--responses", dir.resolve("responses.csv").toString(),
                "--accounts", dir.resolve("accounts.csv").toString(), "--contacts",
                dir.resolve("contacts.csv").toString(), "--codebook", dir.resolve("codebook.csv").toString(),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), "no script element");
        assertFalse(html.contains("<img"), "no img element from a theme name");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        Element themes = null;
        NodeList sections = doc.getElementsByTagNameNS("*", "section");
        for (int i = 0; i < sections.getLength(); i++) {
            if ("themes".equals(((Element) sections.item(i)).getAttribute("id"))) {
                themes = (Element) sections.item(i);
            }
        }
        assertTrue(themes != null, "a themes section");
        String text = themes.getTextContent();
        assertTrue(text.contains("<img src=x>"), "the theme name appears as text");
        for (String c : hostile) {
            String shown = c.strip().replaceAll("\\s+", " ");
            if (c.contains("alert") || c.contains("HYPERLINK") || c.contains("never") || c.contains("Line ")
                    || c.contains("Доставка")) {
                assertTrue(text.contains(shown), "verbatim as text: " + shown);
            }
        }
        assertTrue(html.contains("codebook.csv") && !html.contains(dir.toString()), "the codebook by name, no path");
    }
}
