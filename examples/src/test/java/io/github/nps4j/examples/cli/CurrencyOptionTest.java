package io.github.nps4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nps4j.examples.report.Money;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --currency}: an ISO 4217 code used in the text of {@code demo} and in {@code report}; never guessed. */
class CurrencyOptionTest {
    @Test
    void moneyIsWrittenWithTheCodeOrAsAPlainNumberWithANote() {
        assertEquals("EUR 1,250,000", Money.of("eur").format(1_250_000));
        assertEquals("1,250,000", Money.PLAIN.format(1_250_000));
        assertTrue(Money.PLAIN.note().contains("--currency"), Money.PLAIN.note());
        assertTrue(Money.of("USD").note().contains("USD"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("XYZ"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("euro"));
    }

    @Test
    void demoWritesAmountsInTheCurrencyAndTheShareAtRisk() {
        CliTestSupport.Run r = CliTestSupport.run("demo", "--currency", "EUR");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*Revenue at risk EUR [0-9,]+ \\([0-9.]+ % of the total annual value EUR "
                + "[0-9,]+\\).*"), r.out());
        assertTrue(r.out().contains("amounts in EUR"), r.out());
        CliTestSupport.Run plain = CliTestSupport.run("demo");
        assertFalse(plain.out().contains("EUR "), "no currency is guessed");
        assertTrue(plain.out().contains("none named"), plain.out());
    }

    @Test
    void anUnknownCodeIsAUsageError(@TempDir Path dir) {
        CliTestSupport.Run r = CliTestSupport.run("report", "--currency", "XYZ", "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--currency 'XYZ' is not an ISO 4217 currency code"), r.err());
        assertFalse(Files.exists(dir.resolve("report.html")));
    }

    @Test
    void reportShowsTheCurrencyInTheHeadline(@TempDir Path dir) throws Exception {
        CliTestSupport.Run r = CliTestSupport.run("report", "--currency", "EUR", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("Revenue at risk (EUR)"), "headline card names the currency");
        assertTrue(html.contains("% of the total annual value EUR "), "revenue at risk as a share of total value");
        assertTrue(html.matches("(?s).*Showing \\d+ of \\d+ open cases.*"), "truncated lists say so");
        assertTrue(html.matches("(?s).*vs 20\\d\\d-Q\\d: (not )?significant \\(p [=<] .*"), "headline delta");
    }
}
