package io.jonbu.ohlcv.job.pattern.chart;

import io.jonbu.ohlcv.model.enriched.ChartPatternEvent;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.CEP;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Finds chart patterns in the enriched candles of each symbol and timeframe with Flink CEP: breakout
 * and breakdown ({@link LevelBreak}), bullish and bearish reversal ({@link TrendReversal}), golden and
 * death cross ({@link SmaCross}).
 *
 * <pre>
 *   enriched -> chart candles -> keyBy(series) -> support and resistance -> one CEP operator per kind -> union
 * </pre>
 *
 * Only the few values the patterns read cross the shuffle ({@link ChartCandle}), and once: the
 * support and resistance come out on the subtask of their key, so the CEP operators take them over a
 * forward exchange (a CEP operator always heads a chain of its own), without hashing keys again.
 * Each CEP operator finds one kind of pattern going both ways ({@link ChartPattern}).
 *
 * CEP matches the candles of a series in the order they arrive, as the support and resistance
 * before it already must: the enrichment emits each series in candle order, on one subtask, and
 * nothing between it and CEP reorders one (a batch run sorts each key's candles by timestamp). CEP in
 * event time would buffer every candle in state, set a timer for it and sort the buffer when the
 * watermark passes: three fifths of the CEP operators' time in profiles, for an order the candles
 * already have. No pattern has a time window, so the processing time CEP stamps on the candles
 * decides nothing; it is the timestamp of the events too, which no sink reads. Every operator has a
 * stable uid. The uids of the CEP operators name the
 * kind ({@code chart-pattern-level-break}); versions before them ran one operator per pattern
 * ({@code chart-pattern-breakout}, ...), whose state (partial matches) a savepoint of such a version
 * still holds: start from it with {@code --allow-non-restored-state}.
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
        // beside the enrichment, chained to it: a different parallelism would rebalance, and reorder a series
        SingleOutputStreamOperator<CandleWithLevels> levels = enriched
                .map(ChartCandle::of, TypeInformation.of(ChartCandle.class))
                .setParallelism(enriched.getParallelism())
                .uid("chart-candles")
                .name("chart candles")
                .keyBy(ChartCandle.BY_SERIES)
                .process(new SupportResistanceFunction(lookback), TypeInformation.of(CandleWithLevels.class))
                .uid("chart-support-resistance")
                .name("support and resistance " + lookback);
        // each candle comes out on the subtask of its key, so the CEP operators keep that partitioning
        KeyedStream<CandleWithLevels, String> candles = DataStreamUtils.reinterpretAsKeyedStream(levels,
                c -> ChartCandle.BY_SERIES.getKey(c.candle()), Types.STRING);

        DataStream<ChartPatternEvent> events = null;
        for (ChartPattern pattern : patterns()) {
            DataStream<ChartPatternEvent> found = CEP.pattern(candles, pattern.pattern())
                    .inProcessingTime()
                    .process(new ChartPatternMatch(pattern))
                    .uid("chart-pattern-" + pattern.kind())
                    .name("chart pattern " + pattern.kind());
            events = events == null ? found : events.union(found);
        }
        return events;
    }

    private List<ChartPattern> patterns() {
        return List.of(new LevelBreak(volumeFactor), new TrendReversal(trendLength), new SmaCross());
    }
}
