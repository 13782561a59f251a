package io.jonbu.ohlcv.job.pattern.chart;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;

/**
 * The 50-candle simple moving average crossing the 200-candle one, on two consecutive candles with
 * both averages warmed up. <b>golden_cross</b>: {@code sma_50 <= sma_200} on the first, {@code >} on
 * the second; <b>death_cross</b>: {@code sma_50 >= sma_200}, then {@code <}. The match is
 * those two candles; it has no price level (NaN), the event carries both averages. Two candles cannot
 * cross both ways: the second would have to be both above and below.
 */
final class SmaCross implements ChartPattern {
    private static final long serialVersionUID = 1L;
    private static final String BEFORE = "before";
    private static final String AFTER = "after";

    @Override
    public String kind() {
        return "sma-cross";
    }

    @Override
    public String name(Direction direction) {
        return direction == Direction.UP ? "golden_cross" : "death_cross";
    }

    @Override
    public Pattern<CandleWithLevels, ?> pattern() {
        return Pattern.<CandleWithLevels>begin(BEFORE).where(SimpleCondition.of(c -> warmedUp(c.candle())))
                .next(AFTER).where(new Crossing());
    }

    @Override
    public boolean holds(Direction direction, Map<String, List<CandleWithLevels>> match) {
        return crosses(direction, match.get(BEFORE).get(0).candle(), match.get(AFTER).get(0).candle());
    }

    @Override
    public double level(Direction direction, Map<String, List<CandleWithLevels>> match) {
        return Double.NaN;
    }

    /** Whether the fast average goes from not beyond the slow one to beyond it, from one candle to the next. */
    private static boolean crosses(Direction direction, ChartCandle before, ChartCandle after) {
        return !direction.beyond(before.sma50(), before.sma200()) && direction.beyond(after.sma50(), after.sma200());
    }

    private static boolean warmedUp(ChartCandle c) {
        return Double.isFinite(c.sma50()) && Double.isFinite(c.sma200());
    }

    /** A warmed-up candle whose averages cross, either way, from those of the candle matched before it. */
    private static final class Crossing extends IterativeCondition<CandleWithLevels> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(CandleWithLevels candle, Context<CandleWithLevels> ctx) throws Exception {
            ChartCandle after = candle.candle();
            if (!warmedUp(after)) {
                return false;
            }
            Iterator<CandleWithLevels> matched = ctx.getEventsForPattern(BEFORE).iterator();
            if (!matched.hasNext()) {
                return false;
            }
            ChartCandle before = matched.next().candle();
            return crosses(Direction.UP, before, after) || crosses(Direction.DOWN, before, after);
        }
    }
}
