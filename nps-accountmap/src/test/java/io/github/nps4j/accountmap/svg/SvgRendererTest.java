package io.github.nps4j.accountmap.svg;

import static io.github.nps4j.accountmap.Fx.AS_OF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.accountmap.AccountMap;
import io.github.nps4j.accountmap.Fx;
import io.github.nps4j.core.Account;
import io.github.nps4j.core.Portfolio;
import io.github.nps4j.core.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

class SvgRendererTest {
    private static final String HOSTILE = "<script>alert('x')</script> & \"Co\" ]]> <!-- --> &amp; Müller's \uD83D\uDE00";

    private static Portfolio portfolio(String name) {
        return Fx.portfolio().account(Account.builder("A&1").name(name).annualValue(500).owner("o<w>ner").build())
                .account("B")
                .contact("dm\"1", "A&1", Role.DECISION_MAKER).contact("u1", "A&1", Role.USER)
                .contact("b1", "B", Role.of("procurement <lead>".replace("<", "").replace(">", "")))
                .answer("dm\"1", "A&1", 3, 2).answer("u1", "A&1", 3, 9).answer("b1", "B", 3, 8).build();
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setNamespaceAware(true);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertSafe(Document d) {
        assertEquals("svg", d.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getNamespaceURI());
        assertEquals(0, d.getElementsByTagNameNS("*", "script").getLength());
        assertEquals(0, d.getElementsByTagNameNS("*", "foreignObject").getLength());
        assertEquals(0, d.getElementsByTagNameNS("*", "image").getLength());
        assertTrue(d.getElementsByTagNameNS("*", "title").getLength() > 0);
        NodeList all = d.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attrs = ((Element) all.item(i)).getAttributes();
            for (int k = 0; k < attrs.getLength(); k++) {
                String n = attrs.item(k).getNodeName().toLowerCase(java.util.Locale.ROOT);
                assertFalse(n.startsWith("on"), "event attribute " + n);
                assertFalse(n.contains("href"), "reference attribute " + n);
            }
        }
    }

    private static boolean anyTextEquals(Document d, String expected) {
        NodeList all = d.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getChildNodes().getLength() == 1 && expected.equals(e.getTextContent())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void accountMapParsesAndShowsTheHostileNameVerbatim() throws Exception {
        AccountMap map = AccountMap.of(portfolio(HOSTILE), AS_OF);
        String svg = SvgRenderer.account(map.account("A&1").orElseThrow());
        Document d = parse(svg);
        assertSafe(d);
        assertTrue(anyTextEquals(d, HOSTILE), "name drawn verbatim");
        assertEquals("Account map: " + HOSTILE, d.getElementsByTagNameNS("*", "title").item(0).getTextContent());
        assertFalse(svg.contains("<script"));
        assertTrue(svg.contains(SvgRenderer.DETRACTOR_COLOUR) && svg.contains(SvgRenderer.PROMOTER_COLOUR));
        assertTrue(d.getDocumentElement().getTextContent().contains("decider-detractor"));
        assertTrue(d.getDocumentElement().getTextContent().contains("o<w>ner"));
    }

    @Test
    void portfolioParsesAndShowsTheHostileNameVerbatim() throws Exception {
        AccountMap map = AccountMap.of(portfolio(HOSTILE), AS_OF);
        Document d = parse(SvgRenderer.portfolio(map));
        assertSafe(d);
        assertTrue(anyTextEquals(d, HOSTILE));
        assertTrue(d.getDocumentElement().getTextContent().contains("decision-maker"));
    }

    @Test
    void charactersXmlCannotHoldAreReplacedNotPassedThrough() throws Exception {
        String name = "bad\u0000\u0001\u001b name \uD800 end";
        AccountMap map = AccountMap.of(portfolio(name), AS_OF);
        Document d = parse(SvgRenderer.account(map.account("A&1").orElseThrow()));
        assertTrue(anyTextEquals(d, "bad\uFFFD\uFFFD\uFFFD name \uFFFD end"));
        parse(SvgRenderer.portfolio(map));
    }

    @Test
    void emptyPortfolioStillRenders() throws Exception {
        AccountMap map = AccountMap.of(Portfolio.of(java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of()), AS_OF);
        assertSafe(parse(SvgRenderer.portfolio(map)));
        AccountMap one = AccountMap.of(Fx.portfolio().account("A").build(), AS_OF);
        assertSafe(parse(SvgRenderer.account(one.accounts().get(0))));
    }

    @Test
    void bidiOverridesCannotReorderDrawnText() {
        assertEquals("evil\uFFFDtxt.exe \uFFFDx\uFFFD", SvgWriter.escape("evil\u202Etxt.exe \u2066x\u2069"));
    }

    @Test
    void escapeCoversAllFiveCharacters() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", SvgWriter.escape("<a href=\"x\">&'"));
    }
}
