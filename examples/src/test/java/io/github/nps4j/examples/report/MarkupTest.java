package io.github.nps4j.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkupTest {
    @Test
    void escapesMarkupControlsAndBidiOverrides() {
        assertEquals("&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot; &#39;", Markup.esc("<script>x</script> & \"q\" '"));
        assertEquals("a&#10;b&#9;c\uFFFDd", Markup.esc("a\nb\tc\u0007d"));
        assertEquals("invoice\uFFFDfdp.exe \uFFFDx\uFFFD", Markup.esc("invoice\u202Efdp.exe \u2067x\u2069"));
        assertEquals("\uD83D\uDE00 \uFFFD", Markup.esc("\uD83D\uDE00 \uD83D"));
    }
}
