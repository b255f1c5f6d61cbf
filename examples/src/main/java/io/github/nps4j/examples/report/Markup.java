package io.github.nps4j.examples.report;

import java.util.Locale;

/** Escaping and number formatting for the HTML/SVG report. Everything drawn goes through {@link #esc}. */
public final class Markup {
    private Markup() {
    }

    /**
     * Escapes text for HTML/XML element content and attribute values (both quote kinds).
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
                default -> {
                    // Control characters other than tab/newline are not allowed in XML 1.0: drop them.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
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
