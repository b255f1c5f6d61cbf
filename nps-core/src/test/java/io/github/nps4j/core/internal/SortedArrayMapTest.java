package io.github.nps4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The array-backed sorted map behaves as a TreeMap holding the same entries. */
class SortedArrayMapTest {

    @Property(tries = 300)
    void behavesAsATreeMap(@ForAll @Size(max = 30) List<@AlphaChars @StringLength(max = 3) String> raw,
            @ForAll @AlphaChars @StringLength(max = 3) String a, @ForAll @AlphaChars @StringLength(max = 3) String b) {
        List<String> keys = new ArrayList<>(new TreeSet<>(raw));
        Integer[] values = new Integer[keys.size()];
        TreeMap<String, Integer> expected = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 7;
            expected.put(keys.get(i), values[i]);
        }
        SortedArrayMap<Integer> map = SortedArrayMap.of(keys.toArray(String[]::new), values);
        same(expected, map);
        assertEquals(expected.get(a), map.get(a));
        assertEquals(expected.containsKey(b), map.containsKey(b));
        String lo = a.compareTo(b) <= 0 ? a : b;
        String hi = a.compareTo(b) <= 0 ? b : a;
        same(expected.subMap(lo, hi), map.subMap(lo, hi));
        same(expected.headMap(a), map.headMap(a));
        same(expected.tailMap(b), map.tailMap(b));
        same(expected.tailMap(lo).headMap(hi), map.tailMap(lo).headMap(hi));
        assertEquals(new TreeMap<>(expected), new TreeMap<>(map));
    }

    private static void same(SortedMap<String, Integer> expected, SortedMap<String, Integer> actual) {
        assertEquals(expected, actual);
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
        assertEquals(expected.size(), actual.size());
        if (expected.isEmpty()) {
            assertThrows(NoSuchElementException.class, actual::firstKey);
            assertThrows(NoSuchElementException.class, actual::lastKey);
        } else {
            assertEquals(expected.firstKey(), actual.firstKey());
            assertEquals(expected.lastKey(), actual.lastKey());
        }
    }

    @Test
    void refusesKeysOutOfOrderAndIsUnmodifiable() {
        assertThrows(IllegalArgumentException.class, () -> SortedArrayMap.of(new String[] {"b", "a"},
                new Integer[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> SortedArrayMap.of(new String[] {"a", "a"},
                new Integer[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> SortedArrayMap.of(new String[] {"a"}, new Integer[0]));
        SortedArrayMap<Integer> map = SortedArrayMap.of(new String[] {"a", "b"}, new Integer[] {1, 2});
        assertThrows(UnsupportedOperationException.class, () -> map.put("c", 3));
        assertThrows(IllegalArgumentException.class, () -> map.subMap("b", "a"));
    }
}
