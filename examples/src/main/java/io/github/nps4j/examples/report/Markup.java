package io.github.nps4j.examples.report;

import io.github.nps4j.accountmap.svg.SvgRenderer;
import java.util.Locale;

/** Escaping and number formatting for the HTML/SVG report. Everything drawn goes through {@link #esc}. */
public final class Markup {
    private Markup() {
    }

    /**
     * Escapes text for HTML/XML element content and attribute values, exactly as the account-map SVGs are escaped.
     *
     * @param s any text
     * @return the escaped text
     */
    public static String esc(String s) {
        return SvgRenderer.escape(s);
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
