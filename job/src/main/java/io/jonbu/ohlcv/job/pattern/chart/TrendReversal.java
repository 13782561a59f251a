package io.jonbu.ohlcv.job.pattern.chart;

import java.util.ArrayList;
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
 * {@code length} candles, because the turn must come right after them. One pattern finds both: a
 * trend candle must continue the run in a direction all the candles before it ran in, and the turn
 * must go against such a direction; a run of outside candles (a higher high and a lower low each)
 * can complete both, and then makes both events.
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
                .next(TREND).where(new Continues(false)).times(length).consecutive()
                .next(TURN).where(new Continues(true));
    }

    @Override
    public boolean holds(Direction trend, Map<String, List<CandleWithLevels>> match) {
        return reverses(trend, run(match.get(BASE), match.get(TREND)), match.get(TURN).get(0).candle());
    }

    @Override
    public double level(Direction trend, Map<String, List<CandleWithLevels>> match) {
        List<CandleWithLevels> run = match.get(TREND);
        return trend.extreme(run.get(run.size() - 1).candle());
    }

    private static List<ChartCandle> run(Iterable<CandleWithLevels> base, Iterable<CandleWithLevels> trend) {
        List<ChartCandle> run = new ArrayList<>();
        base.forEach(c -> run.add(c.candle()));
        trend.forEach(c -> run.add(c.candle()));
        return run;
    }

    /** Whether each candle of the run has its extreme going {@code trend} beyond that of the one before it. */
    private static boolean runs(Direction trend, List<ChartCandle> run) {
        for (int i = 1; i < run.size(); i++) {
            if (!trend.beyond(trend.extreme(run.get(i)), trend.extreme(run.get(i - 1)))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the run trends {@code trend} and the candle after it turns: beyond its last candle the other way. */
    private static boolean reverses(Direction trend, List<ChartCandle> run, ChartCandle turn) {
        Direction back = trend.opposite();
        return runs(trend, run) && back.beyond(back.extreme(turn), back.extreme(run.get(run.size() - 1)));
    }

    /**
     * A candle that continues the base and trend matched so far in a direction all of them ran in,
     * or, for the turn, goes back against it.
     */
    private static final class Continues extends IterativeCondition<CandleWithLevels> {
        private static final long serialVersionUID = 1L;

        private final boolean turn;

        Continues(boolean turn) {
            this.turn = turn;
        }

        @Override
        public boolean filter(CandleWithLevels candle, Context<CandleWithLevels> ctx) throws Exception {
            List<ChartCandle> run = run(ctx.getEventsForPattern(BASE), ctx.getEventsForPattern(TREND));
            if (!turn) {
                run.add(candle.candle());
            }
            for (Direction trend : Direction.BOTH) {
                if (turn ? reverses(trend, run, candle.candle()) : runs(trend, run)) {
                    return true;
                }
            }
            return false;
        }
    }
}
