package io.jonbu.ohlcv.bench.throughput;

import io.jonbu.ohlcv.bench.report.BenchArgs;
import io.jonbu.ohlcv.bench.report.Figure;
import io.jonbu.ohlcv.bench.report.Figures;
import io.jonbu.ohlcv.bench.run.Alternation;
import io.jonbu.ohlcv.bench.run.LocalFlink;
import io.jonbu.ohlcv.bench.tape.TapeSpan;
import io.jonbu.ohlcv.bench.tape.TradeTape;
import io.jonbu.ohlcv.job.CandleJobConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.configuration.Configuration;

/**
 * Figure 2 of issue 7, full pipeline throughput: the candle job as it runs by default (candles, then
 * per series indicators, candlestick patterns, context and features, and chart patterns), against
 * the same job building candles only, on trades made as figure 1's, as many per symbol-minute (fewer, over
 * a shorter span).
 *
 * <p>Usage: {@code PipelineThroughput [--quick] [--out DIR]}
 */
public final class PipelineThroughput {
    private static final String FULL = "jonbu full pipeline";
    private static final String CANDLES_ONLY = CandleThroughput.JOB + " (candles only)";

    private PipelineThroughput() {}

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args);
        // figure 1's trades per symbol-minute on a fifth of its trades and span (on its quick run's in
        // a full run): the work per candle makes figure 1's own tape too long at 5,000 symbols
        int trades = options.trades(200_000, 1_000_000);
        TapeSpan span = options.quick() ? TapeSpan.TWENTY_FIFTH : TapeSpan.FIFTH;
        CandleJobConfig full = CandleJobConfig.defaults();
        CandleJobConfig candlesOnly = full.withEnrichment(false);
        List<String> xs = new ArrayList<>();
        Alternation<TradeTape> runs;
        try (LocalFlink flink = new LocalFlink(new Configuration())) {
            runs = new Alternation<TradeTape>("trades/s")
                    .contender(FULL, false, tape -> JonbuCandles.tradesPerSecond(flink, tape, full))
                    .contender(CANDLES_ONLY, true, tape -> JonbuCandles.tradesPerSecond(flink, tape, candlesOnly));
            for (int symbols : CandleThroughput.SYMBOLS) {
                try (TradeTape tape = TradeTape.generate(symbols, trades, span)) {
                    JonbuCandles.tradesPerSecond(flink, tape, full); // warm-up, untimed
                    runs.point(tape.label(), tape, BenchArgs.RUNS);
                    xs.add(tape.label());
                }
            }
        }
        List<Figure.Goal> goals = List.of(CandleThroughput.atLeast("full pipeline >= 1M trades/s", runs, xs, FULL, null, 1_000_000, "/s"));
        List<String> notes = new ArrayList<>();
        for (String x : xs) {
            notes.add(String.format(Locale.ROOT, "%s: the enrichment keeps %.0f%% of the candles-only throughput.", x,
                    100 * runs.median(FULL, x) / runs.median(CANDLES_ONLY, x)));
        }
        Figure figure = new Figure("pipeline-throughput", "Full pipeline throughput: candles, indicators, patterns, enrichment",
                CandleThroughput.method(trades, span, "the candle job as it runs by default (CandleJob: candles of 1m 5m 15m 1h 1d, then "
                        + "every final candle keyed by symbol and timeframe through 30 indicators, 13 candlestick patterns, context, "
                        + "features and description, and the enriched series through the chart-pattern detectors), against the same "
                        + "job with enrichment off (CandleJobConfig.withEnrichment(false)) as the anchor; one untimed run of the full "
                        + "job before each point's runs warms the JIT up"),
                "trades/s", true, Figure.Plot.BARS, runs.series(), goals, notes);
        System.out.println("wrote " + Figures.write(figure, options.out()));
    }
}
