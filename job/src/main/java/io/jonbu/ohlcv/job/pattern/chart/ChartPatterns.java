package io.jonbu.ohlcv.job.pattern.chart;

import io.jonbu.ohlcv.model.enriched.ChartPatternEvent;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import java.util.List;
import org.apache.flink.cep.CEP;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;

/**
 * Finds chart patterns in the enriched candles of each symbol and timeframe with Flink CEP: breakout
 * and breakdown ({@link LevelBreak}), bullish and bearish reversal ({@link TrendReversal}), golden and
 * death cross ({@link SmaCross}).
 *
 * <pre>
 *   enriched -> keyBy(series) -> support and resistance -> keyBy(series) -> one CEP operator per pattern -> union
 * </pre>
 *
 * CEP runs in event time, as the rest of the job: it holds candles until the watermark passes them
 * and matches them in timestamp order, so the timestamps and watermarks the enrichment forwards decide
 * the order, not the arrival. Every operator has a stable uid.
 *
 * @param lookback     candles before the current one whose highest high (lowest low) is the
 *                     resistance (support) a breakout (breakdown) closes beyond; default 20
 * @param volumeFactor how many times its 20-candle average volume a breakout candle must trade; default 1.5
 * @param trendLength  consecutive higher highs (lower lows) before a reversal; default 3
 */
public record ChartPatterns(int lookback, double volumeFactor, int trendLength) {
    public ChartPatterns {
        if (lookback < 1) {
            throw new IllegalArgumentException("lookback: must be at least 1, got " + lookback);
        }
        if (!(volumeFactor >= 0)) {
            throw new IllegalArgumentException("volumeFactor: must be zero or more, got " + volumeFactor);
        }
        if (trendLength < 1) {
            throw new IllegalArgumentException("trendLength: must be at least 1, got " + trendLength);
        }
    }

    public static ChartPatterns defaults() {
        return new ChartPatterns(20, 1.5, 3);
    }

    /** One event per match of each pattern, in no particular order across series and patterns. */
    public DataStream<ChartPatternEvent> detect(DataStream<EnrichedCandle> enriched) {
        KeyedStream<CandleWithLevels, String> candles = enriched
                .keyBy(SupportResistanceFunction.BY_SERIES)
                .process(new SupportResistanceFunction(lookback))
                .uid("chart-support-resistance")
                .name("support and resistance " + lookback)
                .keyBy(c -> SupportResistanceFunction.BY_SERIES.getKey(c.enriched()));

        DataStream<ChartPatternEvent> events = null;
        for (ChartPattern pattern : patterns()) {
            DataStream<ChartPatternEvent> found = CEP.pattern(candles, pattern.pattern())
                    .inEventTime()
                    .process(new ChartPatternMatch(pattern))
                    .uid("chart-pattern-" + pattern.name())
                    .name("chart pattern " + pattern.name());
            events = events == null ? found : events.union(found);
        }
        return events;
    }

    private List<ChartPattern> patterns() {
        return List.of(
                new LevelBreak(Direction.UP, volumeFactor),
                new LevelBreak(Direction.DOWN, volumeFactor),
                new TrendReversal(Direction.DOWN, trendLength),
                new TrendReversal(Direction.UP, trendLength),
                new SmaCross(Direction.UP),
                new SmaCross(Direction.DOWN));
    }
}
