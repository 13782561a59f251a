package io.jonbu.ohlcv.job.pattern.chart;

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
 * average have warmed up. A candle cannot break both ways: the support is never above the resistance.
 */
final class LevelBreak implements ChartPattern {
    private static final long serialVersionUID = 1L;
    private static final String BREAK = "break";

    private final double volumeFactor;

    LevelBreak(double volumeFactor) {
        this.volumeFactor = volumeFactor;
    }

    @Override
    public String kind() {
        return "level-break";
    }

    @Override
    public String name(Direction direction) {
        return direction == Direction.UP ? "breakout" : "breakdown";
    }

    @Override
    public Pattern<CandleWithLevels, ?> pattern() {
        return Pattern.<CandleWithLevels>begin(BREAK).where(SimpleCondition.of(c -> breaks(Direction.UP, c) || breaks(Direction.DOWN, c)));
    }

    @Override
    public boolean holds(Direction direction, Map<String, List<CandleWithLevels>> match) {
        return breaks(direction, match.get(BREAK).get(0));
    }

    @Override
    public double level(Direction direction, Map<String, List<CandleWithLevels>> match) {
        return levelOf(direction, match.get(BREAK).get(0));
    }

    private boolean breaks(Direction direction, CandleWithLevels c) {
        double level = levelOf(direction, c);
        ChartCandle candle = c.candle();
        return Double.isFinite(level) && Double.isFinite(candle.volumeSma20())
                && direction.beyond(candle.close(), level)
                && candle.volume() > volumeFactor * candle.volumeSma20();
    }

    private static double levelOf(Direction direction, CandleWithLevels c) {
        return direction == Direction.UP ? c.resistance() : c.support();
    }
}
