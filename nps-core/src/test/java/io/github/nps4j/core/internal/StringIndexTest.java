package io.github.nps4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** {@link StringIndex} interns exactly like a {@code HashMap<String, Integer>} that numbers keys in first-seen order. */
class StringIndexTest {
    @Property(tries = 300)
    void internsLikeAHashMap(@ForAll @Size(max = 3000) List<@StringLength(max = 6) String> keys) {
        StringIndex index = new StringIndex(4);
        Map<String, Integer> expected = new HashMap<>();
        for (String k : keys) {
            int code = index.add(k);
            assertEquals(expected.computeIfAbsent(k, x -> expected.size()), code, k);
        }
        assertEquals(expected.size(), index.size());
        expected.forEach((k, code) -> {
            assertEquals(code, index.indexOf(k));
            assertEquals(k, index.key(code));
        });
        assertEquals(-1, index.indexOf("\u0000not-a-key-\u0001"));
    }

    @Test
    void keysWithEqualHashCodesStayApart() {
        // "Aa" and "BB" have the same String.hashCode
        StringIndex index = new StringIndex(1);
        assertEquals(0, index.add("Aa"));
        assertEquals(1, index.add("BB"));
        assertEquals(0, index.indexOf("Aa"));
        assertEquals(1, index.indexOf("BB"));
        assertEquals(2, index.add(""));
        assertEquals(2, index.indexOf(""));
    }
}
