package io.jonbu.ohlcv.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Draws a {@link Figure} as a PNG with Java2D, headless: the frame every plot shares (title, y axis
 * with its unit, legend) around the plot its {@link Figure.Plot} asks for.
 */
public final class Chart {
    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    static final int LEFT = 90;
    static final int RIGHT = 30;
    static final int TOP = 60;
    static final int BOTTOM = 70;
    /** Ours in colour; anchors in greys, so the eye finds the contender first. */
    private static final Color[] OURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xd62728), new Color(0x8c564b)};
    private static final Color[] ANCHORS = {new Color(0x7f7f7f), new Color(0xb0b0b0), new Color(0x505050), new Color(0xd0d0d0)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Chart() {}

    /** Writes {@code figure} as {@code <dir>/<id>.png}; returns the file. */
    public static Path draw(Figure figure, Path dir) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(figure.title(), LEFT, 28);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            switch (figure.plot()) {
                case BARS -> BarPlot.draw(g, figure);
                case LINES -> LinePlot.draw(g, figure);
                case CDF -> CdfPlot.draw(g, figure);
            }
            legend(g, figure);
        } finally {
            g.dispose();
        }
        Files.createDirectories(dir);
        Path file = dir.resolve(figure.id() + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** The colour of the i-th series: ours by their order among ours, anchors by theirs among anchors. */
    static Color colour(Figure figure, int i) {
        int rank = 0;
        for (int j = 0; j < i; j++) {
            if (figure.series().get(j).anchor() == figure.series().get(i).anchor()) {
                rank++;
            }
        }
        Color[] palette = figure.series().get(i).anchor() ? ANCHORS : OURS;
        return palette[rank % palette.length];
    }

    /** The x labels in the order the series first name them. */
    static List<String> xs(Figure figure) {
        Set<String> xs = new LinkedHashSet<>();
        figure.series().forEach(s -> s.points().forEach(p -> xs.add(p.x())));
        return List.copyOf(xs);
    }

    /** The y axis: a line, ticks with labels, light grid lines and the unit. */
    static void yAxis(Graphics2D g, Axis axis, String label) {
        int bottom = HEIGHT - BOTTOM;
        for (double tick : axis.ticks()) {
            int y = axis.pixel(tick);
            g.setColor(new Color(0xe8e8e8));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.BLACK);
            String text = number(tick);
            g.drawString(text, LEFT - 8 - g.getFontMetrics().stringWidth(text), y + 4);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(LEFT, TOP, LEFT, bottom);
        g.drawLine(LEFT, bottom, WIDTH - RIGHT, bottom);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(label, -(TOP + (bottom - TOP) / 2) - g.getFontMetrics().stringWidth(label) / 2, 20);
        rotated.dispose();
    }

    /** A short label for an axis value: 1.5k, 2M, 0.25. */
    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (a >= 1e4) {
            return trim(v / 1e3) + "k";
        }
        return trim(v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, Math.abs(v) >= 100 || v == Math.rint(v) ? "%.0f" : Math.abs(v) >= 1 ? "%.1f" : "%.3g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static void legend(Graphics2D g, Figure figure) {
        int x = LEFT + 10;
        int y = 46;
        for (int i = 0; i < figure.series().size(); i++) {
            Figure.Series s = figure.series().get(i);
            String name = s.name() + (s.anchor() ? " (anchor)" : "");
            g.setColor(colour(figure, i));
            g.fillRect(x, y - 9, 12, 10);
            g.setColor(Color.BLACK);
            g.drawString(name, x + 16, y);
            x += 16 + g.getFontMetrics().stringWidth(name) + 18;
            if (x > WIDTH - 200 && i + 1 < figure.series().size()) {
                x = LEFT + 10;
                y += 14;
            }
        }
    }
}
