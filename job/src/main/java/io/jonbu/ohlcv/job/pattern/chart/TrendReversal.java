package io.jonbu.ohlcv.job.pattern.chart;

import java.util.List;
import java.util.Map;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;

/**
 * A short trend that turns. <b>bearish_reversal</b>: {@code length} consecutive higher highs (each
 * candle's high above the one before), then a lower low (the next candle's low below the low of the
 * last candle of the trend). <b>bullish_reversal</b> is the mirror: {@code length} lower lows, then a
 * higher high. A match is {@code length + 2} consecutive candles: the base the first higher high
 * (lower low) is measured from, the trend, and the turn; its level is the high (low) of the trend's
 * last candle, the peak (trough) it turned from. A longer trend matches once, with its last
 * {@code length} candles, because the turn must come right after them.
 */
final class TrendReversal implements ChartPattern {
    private static final long serialVersionUID = 1L;
    private static final String BASE = "base";
    private static final String TREND = "trend";
    private static final String TURN = "turn";

    private final Direction trend;
    private final int length;

    /** @param trend the way the trend runs before it turns: up for a bearish reversal */
    TrendReversal(Direction trend, int length) {
        this.trend = trend;
        this.length = length;
    }

    @Override
    public String name() {
        return trend == Direction.UP ? "bearish_reversal" : "bullish_reversal";
    }

    @Override
    public Pattern<CandleWithLevels, ?> pattern() {
        return Pattern.<CandleWithLevels>begin(BASE)
                .next(TREND).where(new BeyondPrevious(trend, TREND, BASE)).times(length).consecutive()
                .next(TURN).where(new BeyondPrevious(trend.opposite(), TREND));
    }

    @Override
    public double level(Map<String, List<CandleWithLevels>> match) {
        List<CandleWithLevels> run = match.get(TREND);
        return trend.extreme(run.get(run.size() - 1).ohlcv());
    }

    /**
     * Whether the candle's extreme in a direction lies beyond that of the candle before it: the
     * latest one already matched under the first of {@code previousIn} that has any.
     */
    private static final class BeyondPrevious extends IterativeCondition<CandleWithLevels> {
        private static final long serialVersionUID = 1L;

        private final Direction direction;
        private final String[] previousIn;

        BeyondPrevious(Direction direction, String... previousIn) {
            this.direction = direction;
            this.previousIn = previousIn;
        }

        @Override
        public boolean filter(CandleWithLevels candle, Context<CandleWithLevels> ctx) throws Exception {
            for (String name : previousIn) {
                CandleWithLevels previous = null;
                for (CandleWithLevels c : ctx.getEventsForPattern(name)) {
                    previous = c;
                }
                if (previous != null) {
                    return direction.beyond(direction.extreme(candle.ohlcv()), direction.extreme(previous.ohlcv()));
                }
            }
            return false;
        }
    }
}
