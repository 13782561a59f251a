package io.jonbu.ohlcv.job.pattern.chart;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.enriched.ChartPatternEvent;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns each match of a {@link ChartPattern} into one {@link ChartPatternEvent}: from the start of its
 * first candle to the end of its last, with the last candle's close, volume and averages, since
 * that candle completed the pattern.
 */
final class ChartPatternMatch extends PatternProcessFunction<CandleWithLevels, ChartPatternEvent> {
    private static final long serialVersionUID = 1L;

    private final ChartPattern pattern;

    ChartPatternMatch(ChartPattern pattern) {
        this.pattern = pattern;
    }

    @Override
    public void processMatch(Map<String, List<CandleWithLevels>> match, Context ctx, Collector<ChartPatternEvent> out) {
        Candle first = null;
        EnrichedCandle last = null;
        for (List<CandleWithLevels> events : match.values()) {
            for (CandleWithLevels e : events) {
                if (first == null || e.ohlcv().start() < first.start()) {
                    first = e.ohlcv();
                }
                if (last == null || e.ohlcv().start() > last.ohlcv().start()) {
                    last = e.enriched();
                }
            }
        }
        Candle c = last.ohlcv();
        out.collect(new ChartPatternEvent(c.symbol(), c.timeframe(), pattern.name(), first.start(), c.end(),
                pattern.level(match), c.close(), c.volume(), last.indicator(IndicatorKey.VOLUME_SMA_20),
                last.indicator(IndicatorKey.SMA_50), last.indicator(IndicatorKey.SMA_200)));
    }
}
