package io.jonbu.ohlcv.job.pattern.chart;

import java.util.List;
import java.util.Map;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;

/**
 * A short trend that turns. <b>bearish_reversal</b>: {@code length} consecutive higher highs (each
 * candle's high above the one before), then a lower low (the next candle's low below the low of the
 * last candle of the trend). <b>bullish_reversal</b> is the mirror: {@code length} lower lows, then a
 * higher high. A match is {@code length + 2} consecutive candles: the base the first higher high
 * (lower low) is measured from, the trend, and the turn; its level is the high (low) of the trend's
 * last candle, the peak (trough) it turned from. A longer trend matches once, with its last
 * {@code length} candles, because the turn must come right after them.
 *
 * <p>One pattern finds both. The candles of a match are consecutive in their series, so the candle
 * before each in the match is the one before it in the series, whose high and low
 * {@link CandleWithLevels} carries: a trend candle steps beyond it one way or the other, and only the
 * turn looks back at the trend in its match, to find a way all of it stepped and the turn goes
 * against. A run of outside candles (a higher high and a lower low each) can complete both, and then
 * makes both events.
 */
final class TrendReversal implements ChartPattern {
    private static final long serialVersionUID = 1L;
    private static final String BASE = "base";
    private static final String TREND = "trend";
    private static final String TURN = "turn";

    private final int length;

    TrendReversal(int length) {
        this.length = length;
    }

    @Override
    public String kind() {
        return "trend-reversal";
    }

    /** @param trend the way the trend runs before it turns: up for a bearish reversal */
    @Override
    public String name(Direction trend) {
        return trend == Direction.UP ? "bearish_reversal" : "bullish_reversal";
    }

    @Override
    public Pattern<CandleWithLevels, ?> pattern() {
        return Pattern.<CandleWithLevels>begin(BASE)
                .next(TREND).where(SimpleCondition.of(c -> steps(Direction.UP, c) || steps(Direction.DOWN, c))).times(length).consecutive()
                .next(TURN).where(new Turns());
    }

    @Override
    public boolean holds(Direction trend, Map<String, List<CandleWithLevels>> match) {
        return reverses(trend, match.get(TREND), match.get(TURN).get(0));
    }

    @Override
    public double level(Direction trend, Map<String, List<CandleWithLevels>> match) {
        List<CandleWithLevels> run = match.get(TREND);
        return trend.extreme(run.get(run.size() - 1).candle());
    }

    /** Whether the candle's extreme going {@code direction} lies beyond that of the candle before it. */
    private static boolean steps(Direction direction, CandleWithLevels c) {
        return direction.beyond(direction.extreme(c.candle()), c.previous(direction));
    }

    /** Whether every candle of the trend stepped {@code trend} and the turn, right after them, steps back. */
    private static boolean reverses(Direction trend, Iterable<CandleWithLevels> run, CandleWithLevels turn) {
        for (CandleWithLevels c : run) {
            if (!steps(trend, c)) {
                return false;
            }
        }
        return steps(trend.opposite(), turn);
    }

    /** A candle that turns back against a way the whole trend matched before it stepped. */
    private static final class Turns extends IterativeCondition<CandleWithLevels> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(CandleWithLevels candle, Context<CandleWithLevels> ctx) throws Exception {
            // the candle first: looking the trend up rebuilds it from CEP's shared buffer
            for (Direction trend : Direction.BOTH) {
                if (steps(trend.opposite(), candle) && reverses(trend, ctx.getEventsForPattern(TREND), candle)) {
                    return true;
                }
            }
            return false;
        }
    }
}
