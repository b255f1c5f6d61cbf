package io.github.nps4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The regex-free check of an already normalised name agrees with the pattern it replaces on the usual path. */
class VocabularyPropertiesTest {
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Property(tries = 2000)
    void isNormalIsThePattern(@ForAll @StringLength(max = 12) @Chars({'a', 'z', '0', '9', '-', 'A', ' ', '_', 'é', '/'})
            String name) {
        assertEquals(VALID.matcher(name).matches(), Vocabulary.isNormal(name), name);
    }

    @Property(tries = 1000)
    void normaliseIsUnchangedByTheShortcut(@ForAll @StringLength(min = 1, max = 12) @Chars({'a', 'b', '1', '-', 'B',
            ' ', '_'}) String name) {
        String expected;
        try {
            String n = Pattern.compile("[\\s_]+").matcher(name.strip().toLowerCase(java.util.Locale.ROOT))
                    .replaceAll("-");
            expected = VALID.matcher(n).matches() ? n : null;
        } catch (RuntimeException e) {
            expected = null;
        }
        String actual;
        try {
            actual = Vocabulary.normalise("role", name);
        } catch (IllegalArgumentException e) {
            actual = null;
        }
        assertEquals(expected, actual, name);
    }
}
