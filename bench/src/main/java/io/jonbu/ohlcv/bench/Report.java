package io.jonbu.ohlcv.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jonbu.ohlcv.bench.report.Chart;
import io.jonbu.ohlcv.bench.report.Figure;
import io.jonbu.ohlcv.bench.report.Figures;
import io.jonbu.ohlcv.bench.report.FigureMarkdown;
import io.jonbu.ohlcv.bench.report.JmhTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Writes BENCHMARKS.md from what {@code scripts/bench} measured: the machine, the method, per figure
 * (the figure programs' JSON) a table of medians, min-max and ratios to its anchors, the goals met and
 * not, notes and a PNG plot; then JMH's micro-benchmarks, and {@code bench/optimizations.md} verbatim
 * when it exists. Medians, not means: the machine is shared, and a noisy neighbour shows up as an
 * outlier, not as a shift of every run.
 *
 * <p>Usage: {@code Report <jmh.json> <resultsDir> <BENCHMARKS.md> <pngDir>}; a missing jmh.json or
 * results directory leaves its part out.
 */
public final class Report {
    private Report() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: Report <jmh.json> <resultsDir> <BENCHMARKS.md> <pngDir>");
        }
        Path jmh = Path.of(args[0]);
        Path markdown = Path.of(args[2]).toAbsolutePath();
        Path pngDir = Path.of(args[3]).toAbsolutePath();
        List<Figure> figures = Figures.readAll(Path.of(args[1]));
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append("Written by `scripts/bench` on ").append(LocalDate.now()).append(": ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vm.name")).append("), ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", load average ")
                .append(String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(" as it ended.\n\n");
        md.append("""
                Method: every figure is measured by its own program in its own JVM, one after the other, on the
                same machine in the same invocation; each compares ours with an anchor (a peer, or the practical
                limit) run on the same data in the same program. A figure's value is the median of its runs, with
                the fastest and slowest run beside it: the machine may be shared, and a noisy neighbour shows up as
                an outlier rather than as a shift of every run. `scripts/bench --quick` runs fewer, shorter rounds
                on less data. The goals are the issue's; each program judges them on its medians.

                """);
        md.append(FigureMarkdown.goals(figures));
        for (Figure f : figures) {
            Path png = Chart.draw(f, pngDir);
            md.append(FigureMarkdown.of(f, markdown.getParent().relativize(png).toString()));
        }
        if (Files.exists(jmh)) {
            md.append(JmhTable.of(new ObjectMapper().readTree(jmh.toFile())));
        }
        Path optimizations = markdown.getParent().resolve("bench/optimizations.md");
        if (Files.exists(optimizations)) {
            md.append(Files.readString(optimizations));
        }
        Files.writeString(markdown, md.toString());
    }
}
