package io.jonbu.ohlcv.bench.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Collections;
import java.util.List;

/** Grouped bars: a group per x, a bar per series at its median, a whisker from its fastest to its slowest run. */
final class BarPlot {
    private BarPlot() {}

    static void draw(Graphics2D g, Figure figure) {
        List<String> xs = Chart.xs(figure);
        double max = figure.series().stream().flatMap(s -> s.points().stream())
                .mapToDouble(p -> Collections.max(p.runs())).max().orElse(1);
        double min = figure.series().stream().flatMap(s -> s.points().stream())
                .mapToDouble(p -> Collections.min(p.runs())).filter(v -> v > 0).min().orElse(max);
        // values two decades apart would leave the small ones as slivers: a log scale shows both
        boolean log = max / min > 100;
        Axis y = log ? Axis.log(min, max, Chart.HEIGHT - Chart.BOTTOM, Chart.TOP + 20)
                : Axis.linear(max, Chart.HEIGHT - Chart.BOTTOM, Chart.TOP + 20);
        Chart.yAxis(g, y, figure.unit() + (log ? ", log scale" : "") + (figure.higherIsBetter() ? " (higher is better)" : " (lower is better)"));
        int plotWidth = Chart.WIDTH - Chart.LEFT - Chart.RIGHT;
        int group = plotWidth / xs.size();
        int bars = figure.series().size();
        int bar = Math.max(4, Math.min(60, (group - 30) / bars));
        for (int gi = 0; gi < xs.size(); gi++) {
            int groupLeft = Chart.LEFT + gi * group + (group - bar * bars) / 2;
            for (int si = 0; si < bars; si++) {
                int left = groupLeft + si * bar;
                for (Figure.Point p : figure.series().get(si).points()) {
                    if (!p.x().equals(xs.get(gi))) {
                        continue;
                    }
                    double median = Figures.median(p.runs());
                    int top = y.pixel(median);
                    g.setColor(Chart.colour(figure, si));
                    g.fillRect(left + 2, top, bar - 4, y.pixel(y.low()) - top);
                    int centre = left + bar / 2;
                    g.setColor(Color.BLACK);
                    g.drawLine(centre, y.pixel(Collections.min(p.runs())), centre, y.pixel(Collections.max(p.runs())));
                    g.drawLine(centre - 4, y.pixel(Collections.max(p.runs())), centre + 4, y.pixel(Collections.max(p.runs())));
                    g.drawLine(centre - 4, y.pixel(Collections.min(p.runs())), centre + 4, y.pixel(Collections.min(p.runs())));
                    String label = Chart.number(median);
                    g.drawString(label, centre - g.getFontMetrics().stringWidth(label) / 2,
                            Math.min(top, y.pixel(Collections.max(p.runs()))) - 4);
                }
            }
            String x = xs.get(gi);
            g.drawString(x, Chart.LEFT + gi * group + (group - g.getFontMetrics().stringWidth(x)) / 2, Chart.HEIGHT - Chart.BOTTOM + 20);
        }
    }
}
