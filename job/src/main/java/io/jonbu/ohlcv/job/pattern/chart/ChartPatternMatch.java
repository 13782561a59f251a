package io.jonbu.ohlcv.job.pattern.chart;

import io.jonbu.ohlcv.model.enriched.ChartPatternEvent;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns each match of a {@link ChartPattern} into one {@link ChartPatternEvent} per direction it
 * holds in: from the start of its first candle to the end of its last, with the last candle's close,
 * volume and averages, since that candle completed the pattern.
 */
final class ChartPatternMatch extends PatternProcessFunction<CandleWithLevels, ChartPatternEvent> {
    private static final long serialVersionUID = 1L;

    private final ChartPattern pattern;

    ChartPatternMatch(ChartPattern pattern) {
        this.pattern = pattern;
    }

    @Override
    public void processMatch(Map<String, List<CandleWithLevels>> match, Context ctx, Collector<ChartPatternEvent> out) {
        ChartCandle first = null;
        ChartCandle last = null;
        for (List<CandleWithLevels> events : match.values()) {
            for (CandleWithLevels e : events) {
                if (first == null || e.candle().start() < first.start()) {
                    first = e.candle();
                }
                if (last == null || e.candle().start() > last.start()) {
                    last = e.candle();
                }
            }
        }
        for (Direction direction : Direction.BOTH) {
            if (pattern.holds(direction, match)) {
                out.collect(new ChartPatternEvent(last.symbol(), last.timeframe(), pattern.name(direction), first.start(), last.end(),
                        pattern.level(direction, match), last.close(), last.volume(), last.volumeSma20(), last.sma50(), last.sma200()));
            }
        }
    }
}
