package io.github.nps4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
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

    /**
     * Lookups on bytes ({@code indexOfAscii}, {@code matchesAscii}) — packed into one or two words for keys of up to
     * 16 characters, hashed beyond — agree with the string lookup, wherever the text sits in its array (at its end
     * the word reads are not possible), and refuse text with a byte outside ASCII; {@code packedHash} is the same
     * on bytes and on characters, and 0 exactly for text it does not pack.
     */
    @Property(tries = 500)
    void byteLookupsAgreeWithStrings(
            @ForAll @Size(max = 60) List<@StringLength(max = 20) @CharRange(from = 'a', to = 'd')
                    @CharRange(from = '\u0000', to = '\u0001') @CharRange(from = '\u00e9', to = '\u00e9') String> keys,
            @ForAll @Size(max = 30) List<@StringLength(max = 20) @CharRange(from = 'a', to = 'd')
                    @CharRange(from = '\u0000', to = '\u0001') @CharRange(from = '\u00e9', to = '\u00e9') String> probes,
            @ForAll @IntRange(max = 9) int padBefore, @ForAll @IntRange(max = 9) int padAfter) {
        StringIndex index = new StringIndex(2);
        for (String k : keys) {
            index.add(k);
        }
        for (String probe : concat(keys, probes)) {
            byte[] text = probe.getBytes(StandardCharsets.ISO_8859_1);
            byte[] bytes = new byte[padBefore + text.length + padAfter];
            java.util.Arrays.fill(bytes, (byte) 'x');
            System.arraycopy(text, 0, bytes, padBefore, text.length);
            int from = padBefore;
            int to = padBefore + text.length;
            boolean ascii = probe.chars().allMatch(c -> c < 0x80);
            int expected = ascii ? index.indexOf(probe) : -1;
            assertEquals(expected, index.indexOfAscii(bytes, from, to), probe);
            char[] chars = ("x" + probe).toCharArray();
            long hash = StringIndex.packedHash(bytes, from, to);
            assertEquals(StringIndex.packedHash(chars, 1, chars.length), hash, probe);
            assertEquals(ascii && !probe.isEmpty() && probe.length() <= 16 && probe.indexOf('\u0000') < 0,
                    hash != 0, probe);
            for (int code = 0; code < index.size(); code++) {
                assertEquals(ascii && index.key(code).equals(probe), index.matchesAscii(code, bytes, from, to),
                        probe + " vs " + index.key(code));
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
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
