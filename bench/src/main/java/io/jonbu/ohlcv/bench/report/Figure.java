package io.jonbu.ohlcv.bench.report;

import java.util.List;

/**
 * One figure of BENCHMARKS.md, as a benchmark program measured it: each series is one contender
 * (ours, or an anchor it is compared with, run in the same invocation on the same data), with every
 * run's value at each point on the x axis. The report takes medians and min-max of the runs, ratios
 * against the anchors, and draws the plot; the program that measured states the goals it checked.
 *
 * @param id             file name stem: {@code bench/target/results/<id>.json} and {@code bench/plots/<id>.png}; the report orders figures by it
 * @param title          the figure's heading
 * @param method         how it was measured: data, machine setup, what a run is
 * @param unit           of the values, e.g. {@code trades/s} or {@code ms}
 * @param higherIsBetter true for rates, false for times
 * @param plot           how to draw it
 * @param series         the contenders; at least one
 * @param goals          the goals for this figure, each with whether this invocation met it
 * @param notes          findings worth a sentence (what a setting did, why a goal is missed)
 */
public record Figure(String id, String title, String method, String unit, boolean higherIsBetter, Plot plot,
        List<Series> series, List<Goal> goals, List<String> notes) {

    public enum Plot {
        /** grouped bars: one group per x, one bar per series (medians, with min-max whiskers) */
        BARS,
        /** one line per series over the x values, read as numbers (e.g. clients or symbols) */
        LINES,
        /** a latency CDF per series from its {@link Series#distribution()} */
        CDF
    }

    /**
     * @param name         what ran, e.g. {@code jonbu candle job} or {@code Flink SQL TUMBLE}
     * @param anchor       true for a peer or limit the others are compared with
     * @param points       per x, every run's value
     * @param distribution for {@link Plot#CDF}: the pooled samples' quantiles at 0, 0.1, ... 100 %
     *                     (1001 values, ascending); empty otherwise
     */
    public record Series(String name, boolean anchor, List<Point> points, List<Double> distribution) {
        public Series(String name, boolean anchor, List<Point> points) {
            this(name, anchor, points, List.of());
        }
    }

    /** @param x the x label (e.g. {@code 100 symbols}, {@code p99}); @param runs each run's value, in run order */
    public record Point(String x, List<Double> runs) {}

    /** @param text the goal as the issue states it; @param measured the figure it was judged on */
    public record Goal(String text, boolean met, String measured) {}
}
