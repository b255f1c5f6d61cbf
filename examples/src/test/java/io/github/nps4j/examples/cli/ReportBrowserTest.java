package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * {@code nps report} in a real browser: Debian's {@code chromium} driven headless through {@code chromedriver} (no
 * Selenium Manager, nothing downloaded), the demo page and a page from the sample CSVs in {@code data/}, each at a
 * phone width (420 px, emulated as a mobile device so the viewport meta is honoured) and a desktop width (1400 px).
 *
 * <p>Asserted at both widths: no horizontal overflow of the page ({@code scrollWidth ≤ clientWidth}) and none inside
 * any table (tables fit on desktop and stack into one card per row on the phone; only the account maps scroll sideways
 * in their own box); every SVG has a {@code <title>} or {@code aria-label} and a visible, non-empty caption; no console
 * message at level SEVERE (errors, including Content-Security-Policy violations); no resource fetched. At 420 px:
 * every SVG text renders at a font size of at least {@value #MIN_SVG_FONT_PX} px (its font size times the SVG's
 * scale) with a box at least {@value #MIN_SVG_TEXT_BOX_PX} px tall, and the page's own text is at least
 * {@value #MIN_HTML_FONT_PX} px. Full-page screenshots go to {@code target/screenshots/} for a person to look at.
 *
 * <p>Browser and driver: {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's {@code chromium} and
 * {@code chromium-driver} packages, which {@code .ci/run} installs), or {@code -Dnps.chromium=PATH} and
 * {@code -Dnps.chromedriver=PATH}. When they are missing the tests FAIL, saying how to install them; a developer
 * without a browser can skip them explicitly with {@code -Dnps.browserTests=skip}, and Surefire then counts them as
 * skipped (never a silent pass).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {
    /** Smallest font size of chart text at 420 px: 9 px, the smallest that stays legible on a phone. */
    static final double MIN_SVG_FONT_PX = 9.0;
    /** Smallest rendered height of a chart text's box at 420 px (a 9 px font's box is about 11 px tall). */
    static final double MIN_SVG_TEXT_BOX_PX = 10.0;
    /** Smallest font size of the page's own text at 420 px. */
    static final double MIN_HTML_FONT_PX = 12.0;

    private static final Path CHROMIUM = Path.of(System.getProperty("nps.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("nps.chromedriver", "/usr/bin/chromedriver"));
    private static final Path OUT = Path.of("target", "browser-report");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private ChromeDriver driver;
    private ChromeDriverService service;

    @BeforeAll
    void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "the browser tests need chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER
                    + " (Debian: apt-get install -y chromium chromium-driver; elsewhere -Dnps.chromium=PATH "
                    + "-Dnps.chromedriver=PATH); skip them explicitly with -Dnps.browserTests=skip";
            if ("skip".equals(System.getProperty("nps.browserTests"))) {
                Assumptions.abort("-Dnps.browserTests=skip: " + why);
            }
            fail(why);
        }
        Files.createDirectories(SCREENSHOTS);
        render("demo", "--currency", "EUR");
        render("sample-csv", "--responses", "data/responses.csv", "--accounts", "data/accounts.csv", "--contacts",
                "data/contacts.csv", "--invitations", "data/invitations.csv");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-extensions", "--disable-background-networking", "--mute-audio",
                "--force-device-scale-factor=1", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("nps-chromium").toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    private static void render(String name, String... args) {
        List<String> all = new ArrayList<>(List.of("report", "--out", OUT.resolve(name).toString()));
        all.addAll(List.of(args));
        CliTestSupport.Run r = CliTestSupport.run(all.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
    }

    static Stream<Arguments> pages() {
        return Stream.of(Arguments.of("demo", 420), Arguments.of("demo", 1400), Arguments.of("sample-csv", 420),
                Arguments.of("sample-csv", 1400));
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @MethodSource("pages")
    void reportReadsAtThisWidth(String page, int width) throws IOException {
        boolean phone = width < 700;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                "deviceScaleFactor", 1, "mobile", phone));
        driver.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
        driver.get(OUT.resolve(page).resolve("report.html").toAbsolutePath().toUri().toString());

        assertEquals((long) width, js("return window.innerWidth"), "the layout viewport is the device width "
                + "(viewport meta honoured)");
        long scrollWidth = js("return document.documentElement.scrollWidth");
        long clientWidth = js("return document.documentElement.clientWidth");
        assertTrue(scrollWidth <= clientWidth, "no horizontal overflow: the page is " + scrollWidth
                + " px wide in a " + clientWidth + " px window; widest elements: " + widest());
        assertEquals(List.of(), strings("return [...document.querySelectorAll('.tbl')]"
                + ".filter(t => t.scrollWidth > t.clientWidth + 1)"
                + ".map(t => (t.closest('section')||{}).id + ': ' + t.scrollWidth + ' > ' + t.clientWidth)"),
                "tables fit (desktop) or stack (phone), never scroll");

        assertEquals(List.of(), strings("return [...document.querySelectorAll('svg')]"
                + ".filter(s => !((s.querySelector(':scope > title')||{}).textContent||'').trim()"
                + " && !(s.getAttribute('aria-label')||'').trim()).map(s => s.outerHTML.slice(0, 80))"),
                "every chart has a <title> or aria-label");
        assertEquals(List.of(), strings("return [...document.querySelectorAll('svg')].filter(s => {"
                + " const f = s.closest('figure'); const c = f && f.querySelector('figcaption');"
                + " return !c || !c.innerText.trim() || c.getBoundingClientRect().height < 1; })"
                + ".map(s => ((s.querySelector('title')||{}).textContent||'?'))"), "every chart has a visible caption");

        if (phone) {
            @SuppressWarnings("unchecked")
            List<List<Object>> texts = (List<List<Object>>) driver.executeScript(
                    "return [...document.querySelectorAll('svg text')].map(t => {"
                            + " const m = t.getScreenCTM(); const r = t.getBoundingClientRect();"
                            + " return [parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),"
                            + " r.height, t.textContent.slice(0, 40)]; })");
            assertTrue(texts.size() > 20, "the page draws chart text: " + texts.size());
            List<String> small = new ArrayList<>();
            double minFont = Double.MAX_VALUE;
            double minBox = Double.MAX_VALUE;
            for (List<Object> t : texts) {
                double font = ((Number) t.get(0)).doubleValue();
                double box = ((Number) t.get(1)).doubleValue();
                if (String.valueOf(t.get(2)).isBlank()) {
                    continue;
                }
                minFont = Math.min(minFont, font);
                minBox = Math.min(minBox, box);
                if (font < MIN_SVG_FONT_PX || box < MIN_SVG_TEXT_BOX_PX) {
                    small.add(String.format(java.util.Locale.ROOT, "'%s' %.1f px font, %.1f px box", t.get(2),
                            font, box));
                }
            }
            System.out.printf(java.util.Locale.ROOT, "%s at %d px: %d SVG texts, smallest font %.1f px, smallest "
                    + "box %.1f px%n", page, width, texts.size(), minFont, minBox);
            assertEquals(List.of(), small, "SVG text at least " + MIN_SVG_FONT_PX + " px (box "
                    + MIN_SVG_TEXT_BOX_PX + " px) at " + width + " px");
            assertEquals(List.of(), strings("return [...document.querySelectorAll('body *')]"
                    + ".filter(e => !(e instanceof SVGElement) && e.getClientRects().length"
                    + " && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())"
                    + " && parseFloat(getComputedStyle(e).fontSize) < " + MIN_HTML_FONT_PX + ")"
                    + ".map(e => e.tagName + ' ' + e.className + ': ' + e.textContent.trim().slice(0, 30))"),
                    "page text at least " + MIN_HTML_FONT_PX + " px");
        }

        assertEquals(0L, js("return performance.getEntriesByType('resource').length"), "nothing fetched");
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        assertEquals(List.of(), errors, "no console errors");

        screenshot(page + "-" + width + ".png");
    }

    private long js(String script) {
        return ((Number) driver.executeScript(script)).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String script) {
        return (List<String>) driver.executeScript(script);
    }

    /** The elements that reach furthest right, to say what overflows. */
    private List<String> widest() {
        return strings("return [...document.querySelectorAll('body *')]"
                + ".map(e => [e.getBoundingClientRect().right, e.tagName + '.' + e.className])"
                + ".filter(x => x[0] > document.documentElement.clientWidth).sort((a, b) => b[0] - a[0])"
                + ".slice(0, 5).map(x => x[1] + ' to ' + Math.round(x[0]))");
    }

    /** A full-page screenshot (beyond the viewport), as a person would scroll through it. */
    private void screenshot(String name) throws IOException {
        long height = js("return document.documentElement.scrollHeight");
        long width = js("return document.documentElement.clientWidth");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height,
                        "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
