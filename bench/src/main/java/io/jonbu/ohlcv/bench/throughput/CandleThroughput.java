package io.jonbu.ohlcv.bench.throughput;

import io.jonbu.ohlcv.bench.report.BenchArgs;
import io.jonbu.ohlcv.bench.report.Figure;
import io.jonbu.ohlcv.bench.report.Figures;
import io.jonbu.ohlcv.bench.run.Alternation;
import io.jonbu.ohlcv.bench.run.LocalFlink;
import io.jonbu.ohlcv.bench.tape.TapeSpan;
import io.jonbu.ohlcv.bench.tape.TradeTape;
import io.jonbu.ohlcv.job.CandleJobConfig;
import io.jonbu.ohlcv.model.Candle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.configuration.Configuration;

/**
 * Figure 1 of issue 7, candle throughput: the same seeded trades through the candle job (candles
 * only), a Flink SQL job doing the same candles, and a plain loop; at 100 and 5,000 symbols.
 * Before the timed runs at each point, one untimed run of each job keeps its candles and compares
 * them with the exact candles (which also warms the JIT up).
 *
 * <p>Usage: {@code CandleThroughput [--quick] [--out DIR]}
 */
public final class CandleThroughput {
    static final List<Integer> SYMBOLS = List.of(100, 5_000);
    static final String JOB = "jonbu candle job";
    private static final String SQL = "Flink SQL TUMBLE";
    private static final String LOOP = "plain Java loop";

    private CandleThroughput() {}

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args);
        int trades = tradeCount(options);
        TapeSpan span = span(options);
        CandleJobConfig candlesOnly = CandleJobConfig.defaults().withEnrichment(false);
        List<String> notes = new ArrayList<>();
        List<String> xs = new ArrayList<>();
        Alternation<TradeTape> runs;
        try (LocalFlink flink = new LocalFlink(new Configuration())) {
            runs = new Alternation<TradeTape>("trades/s")
                    .contender(JOB, false, tape -> JonbuCandles.tradesPerSecond(flink, tape, candlesOnly))
                    .contender(SQL, true, tape -> FlinkSqlCandles.tradesPerSecond(flink, tape))
                    .contender(LOOP, true, PlainLoopCandles::tradesPerSecond);
            for (int symbols : SYMBOLS) {
                try (TradeTape tape = TradeTape.generate(symbols, trades, span)) {
                    System.out.println(tape.label() + ": checking candles");
                    List<Candle> exact = exact(tape);
                    notes.add(tape.label() + ": " + JOB + ": " + CandleDiff.of(JonbuCandles.candles(flink, tape, candlesOnly), exact)
                            + "; " + SQL + ": " + CandleDiff.of(FlinkSqlCandles.candles(flink, tape), exact) + ".");
                    System.out.println("  " + notes.get(notes.size() - 1));
                    runs.point(tape.label(), tape, BenchArgs.RUNS);
                    xs.add(tape.label());
                }
            }
        }
        notes.add(SQL + " takes open and close in arrival order (FIRST_VALUE/LAST_VALUE), not by event time: wrong whenever a "
                + "symbol's trades arrive out of order, here both from the tape's 1 s of disorder and from the two source readers "
                + "running unaligned, as the readers of a split feed do. 1.20 has no ARG_MIN/ARG_MAX to fix it without a "
                + "user-defined aggregate.");
        List<Figure.Goal> goals = List.of(
                atLeast("jonbu candle job >= 2M trades/s", runs, xs, JOB, null, 2_000_000, "/s"),
                atLeast("jonbu candle job >= 3x the Flink SQL peer", runs, xs, JOB, SQL, 3, "x"),
                atLeast("jonbu candle job >= 25% of the plain loop", runs, xs, JOB, LOOP, 0.25, "x"));
        Figure figure = new Figure("candle-throughput", "Candle throughput: 5 timeframes, in memory, parallelism 2",
                method(trades, span, "the candle job (CandleJob with enrichment off: feed -> FeedSplitter -> keyBy(symbol) -> "
                        + "CandleAggregator, 1m 5m 15m 1h 1d)")
                        + (options.quick() ? " Quick run: a fifth of the full run's trades over a fifth of its four days, so "
                                + "each symbol-minute holds as many trades." : "")
                        + " The Flink SQL peer: one TUMBLE window TVF per timeframe, FIRST_VALUE/LAST_VALUE for open and close, the "
                        + "1d window on the New York day (TIMESTAMP_LTZ row time, table.local-time-zone America/New_York), fed by "
                        + "fromDataStream with the same source and watermarks (SOURCE_WATERMARK()), into blackhole tables, "
                        + "default settings. The plain loop: one thread over the same List<Trade>, a HashMap per timeframe from "
                        + "symbol to its forming candle (and the one before, for trades up to 1 s late), timed with System.nanoTime. "
                        + "Before each point's runs, one untimed run of each job keeps its candles to compare with the exact ones.",
                "trades/s", true, Figure.Plot.BARS, runs.series(), goals, notes);
        System.out.println("wrote " + Figures.write(figure, options.out()));
    }

    /**
     * The exact candles of the tape: the plain loop's, which {@code PlainLoopCandlesTest} holds equal
     * to the job tests' oracle (the oracle itself takes a minute on millions of trades).
     */
    static List<Candle> exact(TradeTape tape) {
        List<Candle> candles = new ArrayList<>();
        PlainLoopCandles.run(tape.trades(), candles::add);
        return candles;
    }

    /** Quick: 1M trades, so the Flink SQL peer's runs (100-200k trades/s) fit the time budget; full: 5M, as ANCHORS.md. */
    static int tradeCount(BenchArgs options) {
        return options.trades(1_000_000, 5_000_000);
    }

    /**
     * Quick: a fifth of the full run's four days, so with a fifth of its trades each symbol-minute holds
     * as many (about 8.7 at 100 symbols): the figure measures trades per candle as the full run does,
     * not mostly candles opened and emitted.
     */
    static TapeSpan span(BenchArgs options) {
        return options.quick() ? TapeSpan.FIFTH : TapeSpan.FOUR_DAYS;
    }

    /** How the throughput figures are measured, for the figure's method: {@code trades} over {@code span}; {@code what} names the job measured. */
    static String method(int trades, TapeSpan span, String what) {
        double perSymbolMinute = trades / span.minutes();
        return String.format(Locale.ROOT, "%,d seeded random-walk trades (one seed per symbol count), spread evenly %s (across "
                + "a New York midnight and the spring DST change, 2024-03-10 07:00 UTC; %.1f trades per symbol-minute at %,d "
                + "symbols, %.2f at %,d), each displaced up to 1 s "
                + "out of order, built in memory before any clock starts and read by a FLIP-27 source over the array, two "
                + "readers each walking one interleaved stripe of it. Flink jobs run streaming at parallelism 2 on one "
                + "MiniCluster (1 task manager, 2 slots) started once per program, 2 s bounded out-of-orderness watermarks, "
                + "sinks discarding; a run's time is Flink's own: from the first of its tasks running to the job finished "
                + "(no planning, submission or deployment). Measured: %s. %d runs per contender per point, contenders "
                + "alternated (A B C A B C ...) so drift on the shared 2-core machine hits all alike.", trades, span.describe(),
                perSymbolMinute / SYMBOLS.get(0), SYMBOLS.get(0), perSymbolMinute / SYMBOLS.get(1), SYMBOLS.get(1), what, BenchArgs.RUNS);
    }

    /**
     * A goal on the median of {@code ours} at every point: at least {@code target}, as a rate or, with
     * {@code versus}, as the ratio of the two medians; met if it holds at every point.
     */
    static Figure.Goal atLeast(String text, Alternation<TradeTape> runs, List<String> xs, String ours, String versus, double target,
            String unit) {
        boolean met = true;
        List<String> measured = new ArrayList<>();
        for (String x : xs) {
            double value = runs.median(ours, x) / (versus == null ? 1 : runs.median(versus, x));
            met &= value >= target;
            measured.add(x + ": " + (versus == null ? String.format(Locale.ROOT, "%,.0f%s", value, unit)
                    : String.format(Locale.ROOT, "%.2f%s", value, unit)));
        }
        return new Figure.Goal(text, met, String.join(", ", measured));
    }
}
