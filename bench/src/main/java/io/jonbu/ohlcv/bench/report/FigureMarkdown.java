package io.jonbu.ohlcv.bench.report;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** One figure's section of BENCHMARKS.md: method, the table of medians and ratios, goals, notes and the plot. */
public final class FigureMarkdown {
    private FigureMarkdown() {}

    /** @param png the plot's path relative to BENCHMARKS.md */
    public static String of(Figure f, String png) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(f.title()).append("\n\n");
        md.append(f.method()).append("\n\n");
        List<Figure.Series> anchors = f.series().stream().filter(Figure.Series::anchor).toList();
        md.append("| series | x | median | min - max | runs |");
        anchors.forEach(a -> md.append(" vs ").append(a.name()).append(" |"));
        md.append("\n|---|---|---|---|---|").append("---|".repeat(anchors.size())).append('\n');
        for (Figure.Series s : f.series()) {
            for (Figure.Point p : s.points()) {
                double median = Figures.median(p.runs());
                md.append("| ").append(s.name()).append(s.anchor() ? " (anchor)" : "").append(" | ").append(p.x())
                        .append(" | ").append(value(median)).append(' ').append(f.unit())
                        .append(" | ").append(value(Collections.min(p.runs()))).append(" - ").append(value(Collections.max(p.runs())))
                        .append(" | ").append(p.runs().size()).append(" |");
                for (Figure.Series a : anchors) {
                    md.append(' ').append(a == s ? "-" : ratio(median, a, p.x())).append(" |");
                }
                md.append('\n');
            }
        }
        if (!anchors.isEmpty()) {
            md.append("\nA ratio is this row's median over the anchor's median at the same x; ")
                    .append(f.higherIsBetter() ? "higher is better" : "lower is better").append(" (").append(f.unit()).append(").\n");
        }
        if (!f.goals().isEmpty()) {
            md.append("\nGoals:\n");
            f.goals().forEach(g -> md.append("- ").append(g.met() ? "**met**" : "**not met**").append(": ").append(g.text())
                    .append(" (measured: ").append(g.measured()).append(")\n"));
        }
        if (!f.notes().isEmpty()) {
            md.append("\nNotes:\n");
            f.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        }
        md.append("\n![").append(f.title()).append("](").append(png).append(")\n\n");
        return md.toString();
    }

    /** Every figure's goals in one table, so the reader sees at once which are met. */
    public static String goals(List<Figure> figures) {
        StringBuilder md = new StringBuilder("| figure | goal | met | measured |\n|---|---|---|---|\n");
        for (Figure f : figures) {
            f.goals().forEach(g -> md.append("| ").append(f.title()).append(" | ").append(g.text()).append(" | ")
                    .append(g.met() ? "yes" : "**no**").append(" | ").append(g.measured()).append(" |\n"));
        }
        return md.append('\n').toString();
    }

    private static String ratio(double median, Figure.Series anchor, String x) {
        for (Figure.Point p : anchor.points()) {
            if (p.x().equals(x)) {
                double theirs = Figures.median(p.runs());
                return theirs == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", median / theirs);
            }
        }
        return "-";
    }

    /** Three significant digits, grouped thousands: 0.214, 21.6, 2,310, 1,250,000. */
    static String value(double v) {
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
    }
}
