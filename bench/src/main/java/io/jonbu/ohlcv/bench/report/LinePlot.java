package io.jonbu.ohlcv.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line per series through its medians, with min-max whiskers. The x labels are read as the numbers
 * they start with ({@code 5000 clients}, {@code 1,000 symbols}) and placed proportionally; when one is
 * not a number, they are spaced evenly in order.
 */
final class LinePlot {
    private static final Pattern NUMBER = Pattern.compile("^\\s*([0-9][0-9,_]*(?:\\.[0-9]+)?)\\s*([kKmM]?)");

    private LinePlot() {}

    static void draw(Graphics2D g, Figure figure) {
        List<String> xs = Chart.xs(figure);
        double[] at = positions(xs);
        double max = figure.series().stream().flatMap(s -> s.points().stream())
                .mapToDouble(p -> Collections.max(p.runs())).max().orElse(1);
        Axis y = Axis.linear(max, Chart.HEIGHT - Chart.BOTTOM, Chart.TOP + 20);
        Chart.yAxis(g, y, figure.unit() + (figure.higherIsBetter() ? " (higher is better)" : " (lower is better)"));
        double lo = at[0];
        double hi = at[at.length - 1];
        int left = Chart.LEFT + 40;
        int right = Chart.WIDTH - Chart.RIGHT - 40;
        int[] px = new int[xs.size()];
        for (int i = 0; i < xs.size(); i++) {
            px[i] = hi == lo ? (left + right) / 2 : (int) Math.round(left + (at[i] - lo) / (hi - lo) * (right - left));
            g.setColor(Color.BLACK);
            g.drawLine(px[i], Chart.HEIGHT - Chart.BOTTOM, px[i], Chart.HEIGHT - Chart.BOTTOM + 4);
            g.drawString(xs.get(i), px[i] - g.getFontMetrics().stringWidth(xs.get(i)) / 2, Chart.HEIGHT - Chart.BOTTOM + 20);
        }
        for (int si = 0; si < figure.series().size(); si++) {
            g.setColor(Chart.colour(figure, si));
            g.setStroke(new BasicStroke(2.5f));
            int lastX = -1;
            int lastY = -1;
            for (int i = 0; i < xs.size(); i++) {
                for (Figure.Point p : figure.series().get(si).points()) {
                    if (!p.x().equals(xs.get(i))) {
                        continue;
                    }
                    int py = y.pixel(Figures.median(p.runs()));
                    if (lastX >= 0) {
                        g.drawLine(lastX, lastY, px[i], py);
                    }
                    g.fillOval(px[i] - 4, py - 4, 8, 8);
                    g.setStroke(new BasicStroke(1));
                    g.drawLine(px[i], y.pixel(Collections.min(p.runs())), px[i], y.pixel(Collections.max(p.runs())));
                    g.setStroke(new BasicStroke(2.5f));
                    lastX = px[i];
                    lastY = py;
                }
            }
        }
        g.setStroke(new BasicStroke(1));
    }

    /** Each label's number, or its index when any label is not one. */
    private static double[] positions(List<String> xs) {
        double[] at = new double[xs.size()];
        for (int i = 0; i < xs.size(); i++) {
            Matcher m = NUMBER.matcher(xs.get(i));
            if (!m.find()) {
                for (int j = 0; j < at.length; j++) {
                    at[j] = j;
                }
                return at;
            }
            double scale = switch (m.group(2)) {
                case "k", "K" -> 1e3;
                case "m", "M" -> 1e6;
                default -> 1;
            };
            at[i] = Double.parseDouble(m.group(1).replace(",", "").replace("_", "")) * scale;
        }
        return at;
    }
}
