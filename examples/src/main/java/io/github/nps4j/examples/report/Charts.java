package io.github.nps4j.examples.report;

import static io.github.nps4j.examples.report.Markup.esc;
import static io.github.nps4j.examples.report.Markup.one;
import static io.github.nps4j.examples.report.Markup.px;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Small self-contained SVG charts for the report: interval bars (NPS or a difference of two NPS), share bars, a trend
 * line and the importance–performance map.
 *
 * <p>Every chart is {@value #WIDTH} user units wide, sized by its {@code viewBox} so the page can scale it to the
 * screen, and draws its text at {@value #FONT_SIZE} units: on a 420 px phone the chart is about 370 px wide, so the
 * smallest text renders at about 10 px (the browser test asserts at least 9 px). Each has a {@code <title>} and an
 * {@code aria-label}; axes are scaled to the data, always include zero and mark it with a darker line.
 */
public final class Charts {
    /** The width of every chart, in SVG user units. */
    static final int WIDTH = 480;
    /** The size of every text drawn, in SVG user units. */
    static final int FONT_SIZE = 13;
    /** Approximate width of one character at {@link #FONT_SIZE}, for layout only. */
    private static final double CHAR = 7.2;
    private static final String NPS_COLOUR = "#1565c0";
    private static final String SIGNIFICANT_COLOUR = "#e65100";

    private Charts() {
    }

    /**
     * One row of an interval chart.
     *
     * @param label the group label
     * @param nps the NPS, empty for an empty group
     * @param lower the interval's lower bound
     * @param upper the interval's upper bound
     * @param n the number of answers
     */
    public record IntervalRow(String label, OptionalDouble nps, OptionalDouble lower, OptionalDouble upper, long n) {
    }

    /**
     * One period of a trend chart.
     *
     * @param period the period label
     * @param nps the NPS, empty for an empty period
     * @param lower the interval's lower bound
     * @param upper the interval's upper bound
     * @param significant whether the change from the previous period is significant
     */
    public record TrendRow(String period, OptionalDouble nps, OptionalDouble lower, OptionalDouble upper,
            boolean significant) {
    }

    /**
     * One attribute on the importance–performance map.
     *
     * @param name the attribute
     * @param importance its importance (share of R², %)
     * @param performance its mean rating
     * @param quadrant its quadrant's name
     */
    public record IpPoint(String name, double importance, double performance, String quadrant) {
    }

    /** A linear axis over nice round ticks that always include zero, clipped to the NPS range −100..100. */
    record Axis(double lo, double hi, double step) {
        static Axis nps(double min, double max) {
            return of(min, max, 100);
        }

        /** An axis over [−limit, limit] at most: NPS (100) or a difference of two NPS (200). */
        static Axis of(double min, double max, double limit) {
            double lo = Math.min(0, min);
            double hi = Math.max(0, max);
            double step = 5;
            for (double s : new double[] {5, 10, 20, 25, 50, 100}) {
                step = s;
                if ((Math.ceil(hi / s) - Math.floor(lo / s)) <= 6) {
                    break;
                }
            }
            lo = Math.max(-limit, Math.floor(lo / step) * step);
            hi = Math.min(limit, Math.ceil(hi / step) * step);
            if (hi - lo < step) {
                hi = lo + step;
            }
            return new Axis(lo, hi, step);
        }

        double at(double v, double from, double length) {
            return from + (v - lo) / (hi - lo) * length;
        }

        List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            for (double v = lo; v <= hi + 1e-9; v += step) {
                t.add(v);
            }
            return t;
        }
    }

    private static StringBuilder open(String title, double height) {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"").append(esc(title))
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(px(height))
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(px(height))
                .append("\" font-family=\"system-ui, sans-serif\" font-size=\"").append(FONT_SIZE).append("\">\n");
        s.append("<title>").append(esc(title)).append("</title>\n");
        return s;
    }

    private static void text(StringBuilder s, double x, double y, String anchor, String fill, String text) {
        s.append("<text x=\"").append(px(x)).append("\" y=\"").append(px(y)).append('"');
        if (!anchor.equals("start")) {
            s.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (!fill.isEmpty()) {
            s.append(" fill=\"").append(fill).append('"');
        }
        s.append('>').append(esc(text)).append("</text>\n");
    }

    private static void line(StringBuilder s, double x1, double y1, double x2, double y2, String stroke,
            String extra) {
        s.append("<line x1=\"").append(px(x1)).append("\" y1=\"").append(px(y1)).append("\" x2=\"").append(px(x2))
                .append("\" y2=\"").append(px(y2)).append("\" stroke=\"").append(stroke).append('"').append(extra)
                .append("/>\n");
    }

    private static String tick(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : one(v);
    }

    /**
     * Horizontal NPS bars from zero with interval whiskers, on an axis scaled to the bars and whiskers; a legend
     * under the axis explains bar and whisker.
     *
     * @param title the chart's title (for screen readers)
     * @param level the interval level, e.g. {@code 95 %}, for the legend
     * @param rows the rows
     * @return an {@code <svg>} element
     */
    public static String intervalBars(String title, String level, List<IntervalRow> rows) {
        return bars(title, level, rows, 100, "NPS");
    }

    /**
     * Horizontal bars of a difference of two NPS (−200..200) from zero with interval whiskers, as
     * {@link #intervalBars}; the bar is green when the difference is positive, red when negative.
     *
     * @param title the chart's title (for screen readers)
     * @param level the interval level, e.g. {@code 95 %}, for the legend
     * @param legend what a bar is, e.g. {@code difference}
     * @param rows the rows ({@code nps} holds the difference, {@code n} the count shown beside it)
     * @return an {@code <svg>} element
     */
    public static String differenceBars(String title, String level, String legend, List<IntervalRow> rows) {
        return bars(title, level, rows, 200, legend);
    }

    private static String bars(String title, String level, List<IntervalRow> rows, double limit, String legend) {
        double min = 0;
        double max = 0;
        int longest = 4;
        for (IntervalRow r : rows) {
            for (OptionalDouble v : List.of(r.nps(), r.lower(), r.upper())) {
                if (v.isPresent()) {
                    min = Math.min(min, v.getAsDouble());
                    max = Math.max(max, v.getAsDouble());
                }
            }
            longest = Math.max(longest, r.label().length());
        }
        Axis axis = Axis.of(min, max, limit);
        // wide letters (m, w) run past CHAR: differences carry theme names such as "account management"
        double left = limit > 100 ? Math.min(170, 16 + longest * 7.8) : Math.min(150, 12 + longest * CHAR);
        double right = limit > 100 ? 112 : 100;
        double width = WIDTH - left - right - 8;
        double rowH = 30;
        double top = 8;
        double axisY = top + Math.max(1, rows.size()) * rowH;
        double h = axisY + 22 + 30;
        StringBuilder s = open(title, h);
        for (double t : axis.ticks()) {
            double gx = axis.at(t, left, width);
            line(s, gx, top, gx, axisY + 4, t == 0 ? "#333" : "#ddd", t == 0 ? " stroke-width=\"1.5\"" : "");
            text(s, gx, axisY + 18, "middle", "#555", tick(t));
        }
        for (int i = 0; i < rows.size(); i++) {
            IntervalRow r = rows.get(i);
            double cy = top + i * rowH + rowH / 2;
            text(s, left - 8, cy + 4.5, "end", "", r.label());
            if (r.nps().isEmpty()) {
                text(s, axis.at(0, left, width) + 6, cy + 4.5, "start", "#666", "no answers");
                continue;
            }
            double v = r.nps().getAsDouble();
            double x0 = axis.at(0, left, width);
            double xv = axis.at(v, left, width);
            s.append("<rect x=\"").append(px(Math.min(x0, xv))).append("\" y=\"").append(px(cy - 8))
                    .append("\" width=\"").append(px(Math.max(1, Math.abs(xv - x0)))).append("\" height=\"16\" fill=\"")
                    .append(v >= 0 ? "#2e7d32" : "#c62828").append("\" fill-opacity=\"0.7\"/>\n");
            if (r.lower().isPresent() && r.upper().isPresent()) {
                whisker(s, axis.at(r.lower().getAsDouble(), left, width), axis.at(r.upper().getAsDouble(), left,
                        width), cy);
            }
            text(s, WIDTH - right + 4, cy + 4.5, "start", "", (limit > 100 && v > 0 ? "+" : "") + one(v) + " (n="
                    + r.n() + ")");
        }
        // Legend: a sample bar and a sample whisker.
        double ly = h - 12;
        s.append("<rect x=\"").append(px(left)).append("\" y=\"").append(px(ly - 10)).append("\" width=\"22\" "
                + "height=\"12\" fill=\"#2e7d32\" fill-opacity=\"0.7\"/>\n");
        text(s, left + 28, ly, "start", "#333", legend);
        double wx = left + 36 + legend.length() * CHAR;
        whisker(s, wx, wx + 30, ly - 4);
        text(s, wx + 36, ly, "start", "#333", level + " interval");
        return s.append("</svg>\n").toString();
    }

    /**
     * One bar of a share chart.
     *
     * @param label the bar's label
     * @param share the share (0..1), empty when unknown
     * @param note what is written beside the bar, e.g. {@code 9 of 10}
     */
    public record ShareRow(String label, OptionalDouble share, String note) {
    }

    /**
     * Horizontal bars of shares on a 0–100 % axis, with a note beside each bar; an unknown share says so.
     *
     * @param title the chart's title (for screen readers)
     * @param rows the rows
     * @return an {@code <svg>} element
     */
    public static String shareBars(String title, List<ShareRow> rows) {
        int longest = 4;
        for (ShareRow r : rows) {
            longest = Math.max(longest, r.label().length());
        }
        double left = Math.min(150, 12 + longest * CHAR);
        double right = 150;
        double width = WIDTH - left - right - 8;
        double rowH = 30;
        double top = 8;
        double axisY = top + Math.max(1, rows.size()) * rowH;
        double h = axisY + 26;
        StringBuilder s = open(title, h);
        for (int t = 0; t <= 100; t += 25) {
            double gx = left + t / 100.0 * width;
            line(s, gx, top, gx, axisY + 4, t == 0 ? "#333" : "#ddd", t == 0 ? " stroke-width=\"1.5\"" : "");
            text(s, gx, axisY + 18, "middle", "#555", t + " %");
        }
        for (int i = 0; i < rows.size(); i++) {
            ShareRow r = rows.get(i);
            double cy = top + i * rowH + rowH / 2;
            text(s, left - 8, cy + 4.5, "end", "", r.label());
            if (r.share().isEmpty()) {
                text(s, left + 6, cy + 4.5, "start", "#666", "unknown");
                continue;
            }
            double v = Math.max(0, Math.min(1, r.share().getAsDouble()));
            s.append("<rect x=\"").append(px(left)).append("\" y=\"").append(px(cy - 8)).append("\" width=\"")
                    .append(px(Math.max(1, v * width))).append("\" height=\"16\" fill=\"").append(NPS_COLOUR)
                    .append("\" fill-opacity=\"0.75\"/>\n");
            text(s, WIDTH - right + 4, cy + 4.5, "start", "", one(100 * v) + " % (" + r.note() + ")");
        }
        return s.append("</svg>\n").toString();
    }

    private static void whisker(StringBuilder s, double xl, double xu, double cy) {
        line(s, xl, cy, xu, cy, "#111", " stroke-width=\"1.5\"");
        line(s, xl, cy - 6, xl, cy + 6, "#111", " stroke-width=\"1.5\"");
        line(s, xu, cy - 6, xu, cy + 6, "#111", " stroke-width=\"1.5\"");
    }

    /**
     * NPS by period as a line with its interval as a band at each period, on an axis scaled to the intervals (zero
     * included and marked); significant changes from the previous period are ringed. A legend explains the marks.
     *
     * @param title the chart's title
     * @param level the interval level, e.g. {@code 95 %}, for the legend
     * @param rows the periods in order
     * @return an {@code <svg>} element
     */
    public static String trend(String title, String level, List<TrendRow> rows) {
        double min = 0;
        double max = 0;
        for (TrendRow r : rows) {
            for (OptionalDouble v : List.of(r.nps(), r.lower(), r.upper())) {
                if (v.isPresent()) {
                    min = Math.min(min, v.getAsDouble());
                    max = Math.max(max, v.getAsDouble());
                }
            }
        }
        Axis axis = Axis.nps(min, max);
        double left = 44;
        double top = 14;
        double width = WIDTH - left - 34;
        double height = 210;
        double h = top + height + 30 + 28;
        StringBuilder s = open(title, h);
        for (double t : axis.ticks()) {
            double gy = top + height - axis.at(t, 0, height);
            line(s, left, gy, left + width, gy, t == 0 ? "#333" : "#e3e3e3", t == 0 ? " stroke-width=\"1.5\"" : "");
            text(s, left - 6, gy + 4.5, "end", "#555", tick(t));
        }
        int n = rows.size();
        double step = n > 1 ? width / (n - 1) : 0;
        int every = (int) Math.max(1, Math.ceil(n * 60 / (width + 60)));
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < n; i++) {
            TrendRow r = rows.get(i);
            double cx = left + (n > 1 ? i * step : width / 2);
            if ((n - 1 - i) % every == 0) {
                text(s, cx, top + height + 20, i == 0 && n > 1 ? "start" : i == n - 1 && n > 1 ? "end" : "middle",
                        "", r.period());
            }
            if (r.nps().isEmpty()) {
                continue;
            }
            double cy = top + height - axis.at(r.nps().getAsDouble(), 0, height);
            if (r.lower().isPresent() && r.upper().isPresent()) {
                double yl = top + height - axis.at(r.lower().getAsDouble(), 0, height);
                double yu = top + height - axis.at(r.upper().getAsDouble(), 0, height);
                line(s, cx, yl, cx, yu, NPS_COLOUR, " stroke-width=\"8\" stroke-opacity=\"0.22\"");
            }
            path.append(path.length() == 0 ? "M" : " L").append(px(cx)).append(' ').append(px(cy));
            s.append("<circle cx=\"").append(px(cx)).append("\" cy=\"").append(px(cy))
                    .append("\" r=\"4\" fill=\"").append(NPS_COLOUR).append("\"/>\n");
            if (r.significant()) {
                s.append("<circle cx=\"").append(px(cx)).append("\" cy=\"").append(px(cy)).append("\" r=\"9\" "
                        + "fill=\"none\" stroke=\"").append(SIGNIFICANT_COLOUR).append("\" stroke-width=\"2\"/>\n");
            }
            boolean lastRight = i == n - 1 && n > 1;
            text(s, lastRight ? cx - 8 : cx + 8, cy - 9, lastRight ? "end" : "start", "#0d3c78",
                    one(r.nps().getAsDouble()));
        }
        if (path.length() > 0) {
            s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(NPS_COLOUR)
                    .append("\" stroke-width=\"2\"/>\n");
        }
        double ly = h - 10;
        s.append("<circle cx=\"").append(px(left + 6)).append("\" cy=\"").append(px(ly - 4)).append("\" r=\"4\" "
                + "fill=\"").append(NPS_COLOUR).append("\"/>\n");
        text(s, left + 14, ly, "start", "#333", "NPS");
        line(s, left + 60, ly - 11, left + 60, ly + 3, NPS_COLOUR, " stroke-width=\"8\" stroke-opacity=\"0.22\"");
        text(s, left + 70, ly, "start", "#333", level + " interval");
        s.append("<circle cx=\"").append(px(left + 190)).append("\" cy=\"").append(px(ly - 4)).append("\" r=\"7\" "
                + "fill=\"none\" stroke=\"").append(SIGNIFICANT_COLOUR).append("\" stroke-width=\"2\"/>\n");
        text(s, left + 202, ly, "start", "#333", "significant change");
        return s.append("</svg>\n").toString();
    }

    /**
     * The importance–performance map: importance up, performance right, split at the means into four named
     * quadrants. Point labels are placed so they neither overlap each other nor the quadrant names, nor leave the
     * chart.
     *
     * @param title the chart's title
     * @param points the attributes
     * @return an {@code <svg>} element
     */
    public static String importancePerformance(String title, List<IpPoint> points) {
        double left = 46;
        double top = 28;
        double width = WIDTH - left - 12;
        double height = 300;
        double h = top + height + 24 + 26;
        double minP = Math.floor(points.stream().mapToDouble(IpPoint::performance).min().orElse(0) - 0.3);
        double maxP = Math.ceil(points.stream().mapToDouble(IpPoint::performance).max().orElse(10) + 0.3);
        double maxI = Math.ceil(points.stream().mapToDouble(IpPoint::importance).max().orElse(10) * 1.1 / 10) * 10;
        double meanP = points.stream().mapToDouble(IpPoint::performance).average().orElse(0);
        double meanI = points.stream().mapToDouble(IpPoint::importance).average().orElse(0);
        StringBuilder s = open(title, h);
        s.append("<rect x=\"").append(px(left)).append("\" y=\"").append(px(top)).append("\" width=\"")
                .append(px(width)).append("\" height=\"").append(px(height))
                .append("\" fill=\"none\" stroke=\"#999\"/>\n");
        for (double p = minP; p <= maxP + 1e-9; p += 1) {
            double gx = left + (p - minP) / (maxP - minP) * width;
            text(s, gx, top + height + 16, "middle", "#555", tick(p));
        }
        for (double i = 0; i <= maxI + 1e-9; i += maxI / 2) {
            double gy = top + height - i / maxI * height;
            text(s, left - 6, gy + 4.5, "end", "#555", tick(i));
        }
        double mx = left + (meanP - minP) / (maxP - minP) * width;
        double my = top + height - meanI / maxI * height;
        line(s, mx, top, mx, top + height, "#bbb", " stroke-dasharray=\"4 3\"");
        line(s, left, my, left + width, my, "#bbb", " stroke-dasharray=\"4 3\"");
        // Quadrant names sit in the band above and below the plot, so points never cover them.
        text(s, left, top - 10, "start", "#c62828", "↖ fix first");
        text(s, left + width, top - 10, "end", "#2e7d32", "maintain ↗");
        List<double[]> placed = new ArrayList<>();
        List<double[]> dots = new ArrayList<>();
        for (IpPoint p : points) {
            double cx = left + (p.performance() - minP) / (maxP - minP) * width;
            double cy = top + height - p.importance() / maxI * height;
            dots.add(new double[] {cx, cy});
        }
        for (int k = 0; k < points.size(); k++) {
            IpPoint p = points.get(k);
            double cx = dots.get(k)[0];
            double cy = dots.get(k)[1];
            s.append("<circle cx=\"").append(px(cx)).append("\" cy=\"").append(px(cy))
                    .append("\" r=\"5\" fill=\"").append(NPS_COLOUR).append("\"/>\n");
            String label = p.name();
            double lw = label.length() * CHAR;
            double[] best = null;
            boolean far = false;
            // Candidates: right, left, above, below the point, then further away (with a leader line); first fit wins.
            for (int shift = 0; shift < 14 && best == null; shift++) {
                double dy = shift * 15;
                for (double[] c : new double[][] {{cx + 9, cy + 4.5 + dy}, {cx - 9 - lw, cy + 4.5 + dy},
                        {cx + 9, cy + 4.5 - dy}, {cx - 9 - lw, cy + 4.5 - dy}, {cx - lw / 2, cy - 9 - dy},
                        {cx - lw / 2, cy + 19 + dy}}) {
                    if (fits(c[0], c[1], lw, left, top, width, height, placed, dots)) {
                        best = c;
                        far = shift > 0;
                        break;
                    }
                }
            }
            if (best == null) {
                best = new double[] {Math.min(cx + 9, left + width - lw - 2), cy + 4.5};
            }
            placed.add(new double[] {best[0], best[1], lw});
            if (far) {
                double lx = Math.max(best[0], Math.min(cx, best[0] + lw));
                double ly = cy < best[1] - 11 ? best[1] - 11 : cy > best[1] + 3 ? best[1] + 3 : best[1] - 4;
                line(s, cx, cy, lx, ly, "#888", " stroke-width=\"1\"");
            }
            text(s, best[0], best[1], "start", "", label);
        }
        text(s, left, top + height + 34, "start", "#666", "↙ secondary");
        text(s, left + width, top + height + 34, "end", "#666", "overperforming ↘");
        text(s, left + width / 2, top + height + 34, "middle", "", "mean rating →");
        s.append("<text x=\"14\" y=\"").append(px(top + height / 2)).append("\" transform=\"rotate(-90 14 ")
                .append(px(top + height / 2)).append(")\" text-anchor=\"middle\">importance, % of R² →</text>\n");
        return s.append("</svg>\n").toString();
    }

    /** Whether a label box (baseline {@code y}, 13 units tall) stays inside the plot and clear of others and dots. */
    private static boolean fits(double x, double y, double w, double left, double top, double width, double height,
            List<double[]> placed, List<double[]> dots) {
        if (x < left + 2 || x + w > left + width - 2 || y - 11 < top + 2 || y + 3 > top + height - 2) {
            return false;
        }
        for (double[] b : placed) {
            if (x < b[0] + b[2] + 4 && b[0] < x + w + 4 && Math.abs(y - b[1]) < 15) {
                return false;
            }
        }
        for (double[] d : dots) {
            if (d[0] + 5 > x && d[0] - 5 < x + w && d[1] + 5 > y - 11 && d[1] - 5 < y + 3) {
                return false;
            }
        }
        return true;
    }
}
