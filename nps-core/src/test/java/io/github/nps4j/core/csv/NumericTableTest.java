package io.github.nps4j.core.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumericTableTest {
    private static NumericTable read(String text, ReadOptions options, List<String> columns, List<String> notBlank) {
        return NumericTable.read(CsvSource.of("t.csv", new StringReader(text)), options, columns, notBlank);
    }

    @Test
    void readsTheNamedColumnsWithBlankCellsAsMissing() {
        NumericTable t = read("id,y,x,w\na,1.5,2,1\nb,,3e1,2\n\nc,-4,,0.5\n", ReadOptions.defaults(),
                List.of("y", "x", "w"), List.of("w"));
        assertEquals(List.of("y", "x", "w"), t.columns());
        assertEquals(3, t.rowCount());
        assertArrayEquals(new double[] {1.5, Double.NaN, -4}, t.column("y"));
        assertArrayEquals(new double[] {2, 30, Double.NaN}, t.column("x"));
        assertEquals(5, t.line(2), "the blank line is not a row, but it is counted as a line");
        t.column("y")[0] = 99;
        assertEquals(1.5, t.column("y")[0], "column() is a copy");
        assertTrue(t.toString().contains("3 rows") && !t.toString().contains("1.5"), t.toString());
    }

    @Test
    void aEuropeanExcelExportIsReadWithItsOptions(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, "Kunde;Weiterempfehlung (0–10);Preis/Leistung\nMüller;9;1.200,5\nBäcker;6;7,25\n",
                Charset.forName("windows-1252"));
        ReadOptions options = ReadOptions.builder().charset(Charset.forName("windows-1252"))
                .numberLocale(Locale.GERMANY)
                .columnMapping(ColumnMapping.of(Map.of("table.nps", "Weiterempfehlung (0–10)",
                        "table.price", "Preis/Leistung")))
                .build();
        NumericTable t = NumericTable.read(file, options, List.of("nps", "price"), List.of());
        assertArrayEquals(new double[] {9, 6}, t.column("nps"));
        assertArrayEquals(new double[] {1200.5, 7.25}, t.column("price"));
    }

    @Test
    void badCellsNameTheFileLineColumnAndValue() {
        CsvFormatException bad = assertThrows(CsvFormatException.class, () -> read("y,x\n1,2\n3,Infinity\n",
                ReadOptions.defaults(), List.of("y", "x"), List.of()));
        assertEquals(new RowError("t.csv", 3, "x", "Infinity", bad.error().reason()), bad.error());
        CsvFormatException comma = assertThrows(CsvFormatException.class, () -> read("y,x\n\"7,5\",2\n",
                ReadOptions.defaults(), List.of("y", "x"), List.of()));
        assertTrue(comma.getMessage().contains("--locale de-DE"), comma.getMessage());
        CsvFormatException blank = assertThrows(CsvFormatException.class, () -> read("y,w\n1,\n",
                ReadOptions.defaults(), List.of("y", "w"), List.of("w")));
        assertEquals("w", blank.error().field());
        assertEquals(2, blank.error().line());
        CsvFormatException width = assertThrows(CsvFormatException.class, () -> read("y,x\n1,2,3\n",
                ReadOptions.defaults(), List.of("y"), List.of()));
        assertTrue(width.getMessage().contains("3 fields but the header has 2"), width.getMessage());
        CsvFormatException missing = assertThrows(CsvFormatException.class, () -> read("y,x\n1,2\n",
                ReadOptions.defaults(), List.of("nps"), List.of()));
        assertTrue(missing.getMessage().contains("missing column 'nps'")
                && missing.getMessage().contains("--columns \"table.nps="), missing.getMessage());
    }

    @Test
    void theColumnsAskedForMustMakeSense() {
        assertThrows(IllegalArgumentException.class, () -> read("y\n1\n", ReadOptions.defaults(), List.of(),
                List.of()));
        assertThrows(IllegalArgumentException.class, () -> read("y\n1\n", ReadOptions.defaults(),
                List.of("y", "y"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> read("y\n1\n", ReadOptions.defaults(), List.of("y"),
                List.of("w")));
        NumericTable t = read("y\n1\n", ReadOptions.defaults(), List.of("y"), List.of());
        assertThrows(IllegalArgumentException.class, () -> t.column("x"));
        assertThrows(IndexOutOfBoundsException.class, () -> t.line(1));
    }
}
