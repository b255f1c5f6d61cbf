package io.github.nps4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the quick-start example and checks what it prints against the arithmetic the README explains. */
class QuickStartTest {
    @Test
    void printsNpsByRoleAndOverall() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(old);
        }
        // role+account-equal: Acme = (3·(−1) + 1·(+1))/4 = −0.5, Globex = (3·(+1) + 1·0)/4 = +0.75 → (−0.5+0.75)/2.
        // By role each account has one answer: decision-makers −1 and +1 → 0; users +1 and 0 → 50.
        assertEquals(String.join(System.lineSeparator(),
                "decision-maker  NPS    0.0  n=2",
                "user            NPS   50.0  n=2",
                "overall         NPS   12.5", ""), buf.toString(StandardCharsets.UTF_8));
    }
}
