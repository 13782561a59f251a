package io.jonbu.ohlcv.job.pattern.chart;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;

/**
 * A close beyond the range of the previous candles on heavy volume. <b>breakout</b> (up): close above
 * the resistance, the highest high of the previous {@code lookback} candles
 * ({@link SupportResistanceFunction}); <b>breakdown</b> (down): close below the support, their lowest
 * low. Either way the candle's volume must exceed {@code volumeFactor} times its 20-candle average
 * volume ({@code volume_sma_20}), the usual confirmation that the move is not noise. One candle is the
 * whole match; it fires again on a following candle only if that one closes beyond the new, higher
 * resistance (lower support) on heavy volume too. Nothing fires before the lookback and the volume
 * average have warmed up.
 */
final class LevelBreak implements ChartPattern {
    private static final long serialVersionUID = 1L;
    private static final String BREAK = "break";

    private final Direction direction;
    private final double volumeFactor;

    LevelBreak(Direction direction, double volumeFactor) {
        this.direction = direction;
        this.volumeFactor = volumeFactor;
    }

    @Override
    public String name() {
        return direction == Direction.UP ? "breakout" : "breakdown";
    }

    @Override
    public Pattern<CandleWithLevels, ?> pattern() {
        return Pattern.<CandleWithLevels>begin(BREAK).where(SimpleCondition.of(this::breaks));
    }

    @Override
    public double level(Map<String, List<CandleWithLevels>> match) {
        return levelOf(match.get(BREAK).get(0));
    }

    private boolean breaks(CandleWithLevels c) {
        double level = levelOf(c);
        double averageVolume = c.enriched().indicator(IndicatorKey.VOLUME_SMA_20);
        Candle candle = c.ohlcv();
        return Double.isFinite(level) && Double.isFinite(averageVolume)
                && direction.beyond(candle.close(), level)
                && candle.volume() > volumeFactor * averageVolume;
    }

    private double levelOf(CandleWithLevels c) {
        return direction == Direction.UP ? c.resistance() : c.support();
    }
}
