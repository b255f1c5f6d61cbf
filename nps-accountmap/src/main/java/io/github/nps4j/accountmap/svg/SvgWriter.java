package io.github.nps4j.accountmap.svg;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A tiny writer of well-formed SVG: elements are closed in order, every attribute value and every piece of text is
 * escaped ({@code & < > " '}), and characters XML 1.0 does not allow (control characters, lone surrogates) become
 * U+FFFD. Element and attribute names are fixed strings of this package, never caller data.
 */
final class SvgWriter {
    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<String> open = new ArrayDeque<>();

    SvgWriter() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /** Opens an element; {@code attributes} are name/value pairs. */
    SvgWriter open(String name, Object... attributes) {
        tag(name, attributes);
        out.append(">");
        open.push(name);
        return this;
    }

    /** Writes an empty element. */
    SvgWriter empty(String name, Object... attributes) {
        tag(name, attributes);
        out.append("/>");
        return this;
    }

    /** Writes an element holding only text. */
    SvgWriter text(String name, String text, Object... attributes) {
        tag(name, attributes);
        out.append(">");
        escape(text, out);
        out.append("</").append(name).append(">");
        return this;
    }

    /** Closes the innermost open element. */
    SvgWriter close() {
        out.append("</").append(open.pop()).append(">");
        return this;
    }

    /** Closes everything and returns the document. */
    String finish() {
        while (!open.isEmpty()) {
            close();
        }
        out.append('\n');
        return out.toString();
    }

    private void tag(String name, Object... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes of " + name + " must come in name/value pairs");
        }
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"");
            Object v = attributes[i + 1];
            escape(v instanceof Double d ? number(d) : String.valueOf(v), out);
            out.append('"');
        }
    }

    /** Formats a coordinate without exponent and with at most two decimals. */
    static String number(double d) {
        String s = String.format(Locale.ROOT, "%.2f", d);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s;
    }

    /** Escapes text for element content and attribute values alike. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        escape(s, sb);
        return sb.toString();
    }

    private static void escape(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\t', '\n', '\r' -> sb.append("&#").append((int) c).append(';');
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF
                            || isBidiControl(c)) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    /**
     * Tells whether a character is a bidirectional embedding, override or isolate control (U+202A–U+202E,
     * U+2066–U+2069): drawn text must not be able to reorder what follows it, so these become U+FFFD.
     */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
