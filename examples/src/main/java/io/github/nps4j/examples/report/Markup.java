package io.github.nps4j.examples.report;

import java.util.Locale;

/** Escaping and number formatting for the HTML/SVG report. Everything drawn goes through {@link #esc}. */
public final class Markup {
    private Markup() {
    }

    /**
     * Escapes text for HTML/XML element content and attribute values, by the rules the account-map SVGs follow:
     * {@code & < > " '} become entities, tab and line breaks character references, and characters XML 1.0 cannot hold
     * (other control characters, lone surrogates) as well as bidirectional overrides and isolates (which could
     * reorder the text after them) become U+FFFD.
     *
     * @param s any text
     * @return the escaped text
     */
    public static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
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
                            || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * Formats a coordinate with two decimals (SVG geometry only; never a reported figure).
     *
     * @param v the coordinate
     * @return the text
     */
    public static String px(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * Formats a figure with one decimal, as every text output of nps4j does.
     *
     * @param v the figure
     * @return the text
     */
    public static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
