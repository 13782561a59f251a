package io.jonbu.ohlcv.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.List;

/**
 * Latency CDFs: per series its pooled quantiles ({@link Figure.Series#distribution()}), latency on a
 * logarithmic x axis, the quantile from 0 to 1 up the y axis; dashed lines mark p50 and p99.
 */
final class CdfPlot {
    private CdfPlot() {}

    static void draw(Graphics2D g, Figure figure) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Figure.Series s : figure.series()) {
            for (double v : s.distribution()) {
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (max == 0) {
            min = 1;
            max = 10;
        }
        Axis x = Axis.log(min, max, Chart.LEFT, Chart.WIDTH - Chart.RIGHT);
        Axis y = new Axis(0, 1, false, Chart.HEIGHT - Chart.BOTTOM, Chart.TOP + 20);
        Chart.yAxis(g, y, "quantile");
        for (double tick : x.ticks()) {
            int px = x.pixel(tick);
            g.setColor(new Color(0xe8e8e8));
            g.drawLine(px, Chart.TOP + 20, px, Chart.HEIGHT - Chart.BOTTOM);
            g.setColor(Color.BLACK);
            String label = Chart.number(tick);
            g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, Chart.HEIGHT - Chart.BOTTOM + 18);
        }
        String unit = figure.unit() + " (log scale)";
        g.drawString(unit, (Chart.LEFT + Chart.WIDTH - Chart.RIGHT - g.getFontMetrics().stringWidth(unit)) / 2, Chart.HEIGHT - 24);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {4, 4}, 0));
        g.setColor(Color.GRAY);
        for (double q : new double[] {0.5, 0.99}) {
            g.drawLine(Chart.LEFT, y.pixel(q), Chart.WIDTH - Chart.RIGHT, y.pixel(q));
            g.drawString(q == 0.5 ? "p50" : "p99", Chart.WIDTH - Chart.RIGHT - 26, y.pixel(q) - 3);
        }
        g.setStroke(new BasicStroke(2.5f));
        for (int si = 0; si < figure.series().size(); si++) {
            List<Double> d = figure.series().get(si).distribution();
            g.setColor(Chart.colour(figure, si));
            for (int i = 1; i < d.size(); i++) {
                double q0 = (i - 1) / (double) (d.size() - 1);
                double q1 = i / (double) (d.size() - 1);
                g.drawLine(x.pixel(d.get(i - 1)), y.pixel(q0), x.pixel(d.get(i)), y.pixel(q1));
            }
        }
        g.setStroke(new BasicStroke(1));
    }
}
