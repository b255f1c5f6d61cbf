package io.github.nps4j.examples.report;

import static io.github.nps4j.examples.report.Markup.esc;
import static io.github.nps4j.examples.report.Markup.one;
import static io.github.nps4j.examples.report.Markup.px;

import java.util.List;
import java.util.OptionalDouble;

/** Small self-contained SVG charts for the report: interval bars, a trend line and the importance–performance map. */
public final class Charts {
    private static final String FONT = "font-family=\"system-ui, sans-serif\" font-size=\"12\"";

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

    private static double x(double nps, double left, double width) {
        return left + (nps + 100) / 200 * width;
    }

    /**
     * Horizontal NPS bars on a −100..100 axis with interval whiskers.
     *
     * @param title the chart's title (for screen readers)
     * @param rows the rows
     * @return an {@code <svg>} element
     */
    public static String intervalBars(String title, List<IntervalRow> rows) {
        double left = 150;
        double width = 420;
        double rowH = 28;
        double top = 24;
        double h = top + rows.size() * rowH + 30;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"640\" height=\"").append(px(h))
                .append("\" viewBox=\"0 0 640 ").append(px(h)).append("\" ").append(FONT).append(">\n");
        s.append("<title>").append(esc(title)).append("</title>\n");
        for (int t = -100; t <= 100; t += 50) {
            double gx = x(t, left, width);
            s.append("<line x1=\"").append(px(gx)).append("\" y1=\"").append(px(top - 6)).append("\" x2=\"")
                    .append(px(gx)).append("\" y2=\"").append(px(h - 24)).append("\" stroke=\"")
                    .append(t == 0 ? "#444" : "#ddd").append("\"/>\n");
            s.append("<text x=\"").append(px(gx)).append("\" y=\"").append(px(h - 8))
                    .append("\" text-anchor=\"middle\" fill=\"#666\">").append(t).append("</text>\n");
        }
        for (int i = 0; i < rows.size(); i++) {
            IntervalRow r = rows.get(i);
            double cy = top + i * rowH + rowH / 2;
            s.append("<text x=\"").append(px(left - 8)).append("\" y=\"").append(px(cy + 4))
                    .append("\" text-anchor=\"end\">").append(esc(r.label())).append("</text>\n");
            if (r.nps().isEmpty()) {
                s.append("<text x=\"").append(px(x(0, left, width) + 6)).append("\" y=\"").append(px(cy + 4))
                        .append("\" fill=\"#888\">no answers</text>\n");
                continue;
            }
            double v = r.nps().getAsDouble();
            double x0 = x(0, left, width);
            double xv = x(v, left, width);
            s.append("<rect x=\"").append(px(Math.min(x0, xv))).append("\" y=\"").append(px(cy - 8))
                    .append("\" width=\"").append(px(Math.abs(xv - x0))).append("\" height=\"16\" fill=\"")
                    .append(v >= 0 ? "#2e7d32" : "#c62828").append("\" fill-opacity=\"0.75\"/>\n");
            if (r.lower().isPresent() && r.upper().isPresent()) {
                double xl = x(r.lower().getAsDouble(), left, width);
                double xu = x(r.upper().getAsDouble(), left, width);
                s.append("<line x1=\"").append(px(xl)).append("\" y1=\"").append(px(cy)).append("\" x2=\"")
                        .append(px(xu)).append("\" y2=\"").append(px(cy)).append("\" stroke=\"#111\"/>\n");
                for (double xe : new double[] {xl, xu}) {
                    s.append("<line x1=\"").append(px(xe)).append("\" y1=\"").append(px(cy - 5)).append("\" x2=\"")
                            .append(px(xe)).append("\" y2=\"").append(px(cy + 5)).append("\" stroke=\"#111\"/>\n");
                }
            }
            s.append("<text x=\"").append(px(left + width + 8)).append("\" y=\"").append(px(cy + 4)).append("\">")
                    .append(esc(one(v))).append(" (n=").append(r.n()).append(")</text>\n");
        }
        return s.append("</svg>\n").toString();
    }

    /**
     * NPS by period as a line with interval band; significant changes are marked with a ring.
     *
     * @param title the chart's title
     * @param rows the periods in order
     * @return an {@code <svg>} element
     */
    public static String trend(String title, List<TrendRow> rows) {
        double left = 50;
        double top = 20;
        double width = 520;
        double height = 200;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"640\" height=\"260\" "
                + "viewBox=\"0 0 640 260\" ").append(FONT).append(">\n");
        s.append("<title>").append(esc(title)).append("</title>\n");
        for (int t = -100; t <= 100; t += 50) {
            double gy = top + (100 - t) / 200.0 * height;
            s.append("<line x1=\"").append(px(left)).append("\" y1=\"").append(px(gy)).append("\" x2=\"")
                    .append(px(left + width)).append("\" y2=\"").append(px(gy)).append("\" stroke=\"")
                    .append(t == 0 ? "#444" : "#ddd").append("\"/>\n");
            s.append("<text x=\"").append(px(left - 6)).append("\" y=\"").append(px(gy + 4))
                    .append("\" text-anchor=\"end\" fill=\"#666\">").append(t).append("</text>\n");
        }
        int n = rows.size();
        double step = n > 1 ? width / (n - 1) : 0;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            TrendRow r = rows.get(i);
            double cx = left + (n > 1 ? i * step : width / 2);
            s.append("<text x=\"").append(px(cx)).append("\" y=\"").append(px(top + height + 20))
                    .append("\" text-anchor=\"middle\">").append(esc(r.period())).append("</text>\n");
            if (r.nps().isEmpty()) {
                continue;
            }
            double cy = top + (100 - r.nps().getAsDouble()) / 200 * height;
            if (r.lower().isPresent() && r.upper().isPresent()) {
                double yl = top + (100 - r.lower().getAsDouble()) / 200 * height;
                double yu = top + (100 - r.upper().getAsDouble()) / 200 * height;
                s.append("<line x1=\"").append(px(cx)).append("\" y1=\"").append(px(yl)).append("\" x2=\"")
                        .append(px(cx)).append("\" y2=\"").append(px(yu))
                        .append("\" stroke=\"#1565c0\" stroke-width=\"6\" stroke-opacity=\"0.25\"/>\n");
            }
            line.append(line.length() == 0 ? "M" : " L").append(px(cx)).append(' ').append(px(cy));
            s.append("<circle cx=\"").append(px(cx)).append("\" cy=\"").append(px(cy))
                    .append("\" r=\"4\" fill=\"#1565c0\"/>\n");
            if (r.significant()) {
                s.append("<circle cx=\"").append(px(cx)).append("\" cy=\"").append(px(cy))
                        .append("\" r=\"9\" fill=\"none\" stroke=\"#e65100\" stroke-width=\"2\"/>\n");
            }
            s.append("<text x=\"").append(px(cx + 8)).append("\" y=\"").append(px(cy - 8)).append("\">")
                    .append(esc(one(r.nps().getAsDouble()))).append("</text>\n");
        }
        if (line.length() > 0) {
            s.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\"/>\n");
        }
        return s.append("</svg>\n").toString();
    }

    /**
     * The importance–performance map: importance up, performance right, split at the means.
     *
     * @param title the chart's title
     * @param points the attributes
     * @return an {@code <svg>} element
     */
    public static String importancePerformance(String title, List<IpPoint> points) {
        double left = 60;
        double top = 20;
        double width = 480;
        double height = 300;
        double minP = points.stream().mapToDouble(IpPoint::performance).min().orElse(0) - 0.5;
        double maxP = points.stream().mapToDouble(IpPoint::performance).max().orElse(10) + 0.5;
        double maxI = points.stream().mapToDouble(IpPoint::importance).max().orElse(1) * 1.15 + 1e-9;
        double meanP = points.stream().mapToDouble(IpPoint::performance).average().orElse(0);
        double meanI = points.stream().mapToDouble(IpPoint::importance).average().orElse(0);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"640\" height=\"370\" "
                + "viewBox=\"0 0 640 370\" ").append(FONT).append(">\n");
        s.append("<title>").append(esc(title)).append("</title>\n");
        s.append("<rect x=\"").append(px(left)).append("\" y=\"").append(px(top)).append("\" width=\"")
                .append(px(width)).append("\" height=\"").append(px(height))
                .append("\" fill=\"none\" stroke=\"#999\"/>\n");
        double mx = left + (meanP - minP) / (maxP - minP) * width;
        double my = top + height - meanI / maxI * height;
        s.append("<line x1=\"").append(px(mx)).append("\" y1=\"").append(px(top)).append("\" x2=\"").append(px(mx))
                .append("\" y2=\"").append(px(top + height)).append("\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>\n");
        s.append("<line x1=\"").append(px(left)).append("\" y1=\"").append(px(my)).append("\" x2=\"")
                .append(px(left + width)).append("\" y2=\"").append(px(my))
                .append("\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>\n");
        s.append("<text x=\"").append(px(left + 6)).append("\" y=\"").append(px(top + 14))
                .append("\" fill=\"#c62828\">fix first</text>\n");
        s.append("<text x=\"").append(px(left + width - 6)).append("\" y=\"").append(px(top + 14))
                .append("\" text-anchor=\"end\" fill=\"#2e7d32\">maintain</text>\n");
        s.append("<text x=\"").append(px(left + 6)).append("\" y=\"").append(px(top + height - 6))
                .append("\" fill=\"#666\">secondary</text>\n");
        s.append("<text x=\"").append(px(left + width - 6)).append("\" y=\"").append(px(top + height - 6))
                .append("\" text-anchor=\"end\" fill=\"#666\">overperforming</text>\n");
        for (IpPoint p : points) {
            double cx = left + (p.performance() - minP) / (maxP - minP) * width;
            double cy = top + height - p.importance() / maxI * height;
            s.append("<circle cx=\"").append(px(cx)).append("\" cy=\"").append(px(cy))
                    .append("\" r=\"5\" fill=\"#1565c0\"/>\n");
            s.append("<text x=\"").append(px(cx + 8)).append("\" y=\"").append(px(cy + 4)).append("\">")
                    .append(esc(p.name())).append(" (").append(esc(one(p.importance()))).append(" %)</text>\n");
        }
        s.append("<text x=\"").append(px(left + width / 2)).append("\" y=\"").append(px(top + height + 30))
                .append("\" text-anchor=\"middle\">performance (mean rating) →</text>\n");
        s.append("<text x=\"16\" y=\"").append(px(top + height / 2))
                .append("\" transform=\"rotate(-90 16 ").append(px(top + height / 2))
                .append(")\" text-anchor=\"middle\">importance (share of R², %) →</text>\n");
        return s.append("</svg>\n").toString();
    }
}
