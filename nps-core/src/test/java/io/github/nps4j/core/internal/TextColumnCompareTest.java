package io.github.nps4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** {@link TextColumn#compare} orders entries as {@link String#compareTo}, Latin-1 and wide alike. */
class TextColumnCompareTest {

    @Property(tries = 300)
    void comparesAsStrings(@ForAll @Size(max = 8) List<@StringLength(max = 4) @CharRange(from = 'a', to = 'd')
            @CharRange(from = '\u00e0', to = '\u00e2') @CharRange(from = '\u0100', to = '\u0101') String> strings) {
        TextColumn column = new TextColumn();
        strings.forEach(column::add);
        column.trim();
        for (int a = 0; a < strings.size(); a++) {
            for (int b = 0; b < strings.size(); b++) {
                assertEquals(Integer.signum(strings.get(a).compareTo(strings.get(b))),
                        Integer.signum(column.compare(a, b)), strings.get(a) + " vs " + strings.get(b));
            }
        }
    }
}
