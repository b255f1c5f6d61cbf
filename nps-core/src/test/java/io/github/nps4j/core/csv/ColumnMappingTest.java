package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    @Test
    void parsesPairsAndStripsBlanks() {
        ColumnMapping m = ColumnMapping.parse(" score = Q1_NPS ,account_id=ExternalReference,attr:delivery=Q3 ");
        assertEquals(Map.of("score", "Q1_NPS", "account_id", "ExternalReference", "attr:delivery", "Q3"), m.columns());
        assertEquals("Q1_NPS", m.exportName("score"));
        assertEquals("comment", m.exportName("comment"));
        assertEquals(ColumnMapping.none(), ColumnMapping.parse(" "));
        assertEquals(m, ColumnMapping.of(Map.of("score", "Q1_NPS", "account_id", "ExternalReference",
                "attr:delivery", "Q3")));
    }

    @Test
    void rejectsUnknownColumnsMalformedPairsAndDuplicates() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.parse("scroe=Q1"));
        assertTrue(unknown.getMessage().contains("unknown column 'scroe'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("score"));
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("score=a=b"));
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("score="));
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("score=a,score=b"));
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("attr:=Q3"));
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("score=a,"));
    }
}
