package io.github.nps4j.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Output helpers shared by the commands: JSON, aligned text tables and spreadsheet-safe CSV. */
final class Output {
    /** Jackson, loaded only by the commands that print JSON (about 0.15 s of a one-core start-up otherwise). */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private Output() {
    }

    static ObjectNode object() {
        return Mapper.JSON.createObjectNode();
    }

    static ArrayNode array() {
        return Mapper.JSON.createArrayNode();
    }

    static void put(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, value.getAsDouble());
        } else {
            node.putNull(field);
        }
    }

    /**
     * Says on standard error how the as-of day was chosen, for outputs (CSV) that have no header to say it in; silent
     * when the user gave the day.
     */
    static void noteAsOf(picocli.CommandLine cl, AsOf.Day day) {
        if (!day.given()) {
            cl.getErr().println("nps: " + day.describe());
            cl.getErr().flush();
        }
    }

    static void printJson(PrintWriter out, Object tree) {
        try {
            out.println(Mapper.JSON.writer(new DefaultPrettyPrinter()).writeValueAsString(tree));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.flush();
    }

    /** One decimal, or an en dash for an undefined value. */
    static String oneDecimal(OptionalDouble v) {
        return v.isPresent() ? oneDecimal(v.getAsDouble()) : "–";
    }

    /** A category score as shown beside its category: rounded down to one decimal, so the two agree. */
    static String categoryScore(OptionalDouble mean) {
        return mean.isPresent()
                ? oneDecimal(io.github.nps4j.core.AccountCategoryRule.shownScore(mean.getAsDouble())) : "–";
    }

    /** A full-precision number for CSV, or empty. */
    static String plain(OptionalDouble v) {
        return v.isPresent() ? Double.toString(v.getAsDouble()) : "";
    }

    /** A money amount with thousands separators and no decimals (text output only). */
    static String money(OptionalDouble v) {
        return v.isPresent() ? money(v.getAsDouble()) : "–";
    }

    /**
     * {@code String.format(Locale.ROOT, "%,.0f", v)}: the format's rounding (half up on the shortest decimal digits
     * of {@code v}, as {@link Double#toString}) done by {@link java.math.BigDecimal} for finite values ≥ 0, which
     * spares parsing the format string on every row of a long table; anything else goes through the format.
     */
    static String money(double v) {
        if (!(v >= 0) || Double.isInfinite(v) || (v == 0 && 1 / v < 0)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        String digits = new java.math.BigDecimal(Double.toString(v)).setScale(0, java.math.RoundingMode.HALF_UP)
                .toPlainString();
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    /** Shortens free text for a table column. */
    static String clip(String s, int max) {
        String one = WHITESPACE.matcher(s).replaceAll(" ");
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    /** A level such as 0.95 as "95 %". */
    /** {@code 1 invitation}, {@code 2 invitations}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String percent(double level) {
        String s = new java.math.BigDecimal(Double.toString(level * 100)).stripTrailingZeros().toPlainString();
        return s + " %";
    }

    /**
     * {@code String.format(Locale.ROOT, "%.1f", v)}: the format's rounding (half up on the shortest decimal digits
     * of {@code v}, as {@link #money(double)}) done by {@link java.math.BigDecimal} for finite values, the sign kept
     * as the format keeps it ({@code -0.04} prints {@code -0.0}); NaN and infinities go through the format. Tables
     * print two of these per row.
     */
    static String oneDecimal(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        String digits = new java.math.BigDecimal(Double.toString(Math.abs(v)))
                .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
        return v < 0 || (v == 0 && 1 / v < 0) ? "-" + digits : digits;
    }

    /**
     * Quotes a CSV field per RFC 4180 and guards it against formula injection: a field a spreadsheet would run as a
     * formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe, unless it is a plain
     * number.
     */
    static String csvField(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String csvLine(List<String> fields) {
        List<String> out = new ArrayList<>(fields.size());
        fields.forEach(f -> out.add(csvField(f)));
        return String.join(",", out);
    }

    /** A text table with right-aligned numeric columns. */
    static final class Table {
        private final List<String> header;
        private final boolean[] numeric;
        private final List<List<String>> rows = new ArrayList<>();
        private String indent = "";

        /** Indents the whole table, rule included. */
        Table indent(int spaces) {
            this.indent = " ".repeat(spaces);
            return this;
        }

        Table(List<String> header, boolean... numeric) {
            this.header = List.copyOf(header);
            this.numeric = numeric.clone();
        }

        Table row(List<String> cells) {
            rows.add(List.copyOf(cells));
            return this;
        }

        void print(PrintWriter out) {
            int[] width = new int[header.size()];
            for (int i = 0; i < width.length; i++) {
                width[i] = header.get(i).length();
                for (List<String> r : rows) {
                    width[i] = Math.max(width[i], r.get(i).length());
                }
            }
            out.println(indent + line(header, width));
            StringBuilder rule = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
            }
            out.println(indent + rule);
            rows.forEach(r -> out.println(indent + line(r, width)));
            out.flush();
        }

        private String line(List<String> cells, int[] width) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                String c = cells.get(i);
                String pad = " ".repeat(width[i] - c.length());
                sb.append(i == 0 ? "" : "  ").append(numeric.length > i && numeric[i] ? pad + c : c + pad);
            }
            return sb.toString().stripTrailing();
        }
    }

    /**
     * Writes a file of a folder through a temporary file moved into place, so a failed run leaves no half-written
     * file; a symbolic link at the name is replaced, never written through.
     *
     * @return 1 if it replaced a file, else 0
     */
    static int writeAtomically(java.nio.file.Path dir, String name, String text) throws java.io.IOException {
        java.nio.file.Path target = dir.resolve(name);
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile(dir, ".nps-", ".tmp");
        try {
            java.nio.file.Files.writeString(tmp, text, java.nio.charset.StandardCharsets.UTF_8);
            int replaced = java.nio.file.Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? 1 : 0;
            java.nio.file.Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return replaced;
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }
}
