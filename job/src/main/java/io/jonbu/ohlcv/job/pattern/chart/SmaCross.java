package io.jonbu.ohlcv.job.pattern.chart;

import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;

/**
 * The 50-candle simple moving average crossing the 200-candle one, on two consecutive candles with
 * both averages warmed up. <b>golden_cross</b>: {@code sma_50 <= sma_200} on the first, {@code >} on
 * the second; <b>death_cross</b>: {@code sma_50 >= sma_200}, then {@code <}. The match is
 * those two candles; it has no price level (NaN), the event carries both averages.
 */
final class SmaCross implements ChartPattern {
    private static final long serialVersionUID = 1L;

    private final Direction direction;

    SmaCross(Direction direction) {
        this.direction = direction;
    }

    @Override
    public String name() {
        return direction == Direction.UP ? "golden_cross" : "death_cross";
    }

    @Override
    public Pattern<CandleWithLevels, ?> pattern() {
        return Pattern.<CandleWithLevels>begin("before").where(SimpleCondition.of(c -> warmedUp(c) && !fastBeyondSlow(c)))
                .next("after").where(SimpleCondition.of(c -> warmedUp(c) && fastBeyondSlow(c)));
    }

    @Override
    public double level(Map<String, List<CandleWithLevels>> match) {
        return Double.NaN;
    }

    private boolean fastBeyondSlow(CandleWithLevels c) {
        return direction.beyond(c.enriched().indicator(IndicatorKey.SMA_50), c.enriched().indicator(IndicatorKey.SMA_200));
    }

    private static boolean warmedUp(CandleWithLevels c) {
        return Double.isFinite(c.enriched().indicator(IndicatorKey.SMA_50)) && Double.isFinite(c.enriched().indicator(IndicatorKey.SMA_200));
    }
}
