package io.github.nps4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** {@link LongIntMap} behaves like a {@code HashMap<Long, Integer>}. */
class LongIntMapTest {
    @Property(tries = 300)
    void behavesLikeAHashMap(@ForAll @Size(max = 2000) List<Long> keys, @ForAll @Size(max = 2000) List<Integer> values) {
        LongIntMap map = new LongIntMap(2);
        Map<Long, Integer> expected = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            long k = keys.get(i);
            int v = values.isEmpty() ? i : values.get(i % values.size());
            if (i % 3 == 0) {
                map.put(k, v);
                expected.put(k, v);
            } else {
                assertEquals((int) expected.computeIfAbsent(k, x -> v), map.getOrPut(k, v));
            }
        }
        assertEquals(expected.size(), map.size());
        expected.forEach((k, v) -> assertEquals((int) v, map.get(k)));
        assertArrayEquals(expected.keySet().stream().mapToLong(Long::longValue).sorted().toArray(), map.sortedKeys());
        assertArrayEquals(expected.values().stream().mapToInt(Integer::intValue).sorted().toArray(),
                java.util.Arrays.stream(map.values()).sorted().toArray());
        if (!expected.containsKey(Long.MIN_VALUE + 7)) {
            assertEquals(LongIntMap.ABSENT, map.get(Long.MIN_VALUE + 7));
        }
    }
}
