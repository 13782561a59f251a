package io.jonbu.ohlcv.job.pattern.chart;

/**
 * A candle with the support and resistance of the candles before it, which a CEP condition cannot
 * see on its own: it looks at one event and at the events already in its match, never at the
 * series before the match began. With the high and low of the candle right before it too: a
 * condition could find that one in its match, but only by rebuilding the match from CEP's shared
 * buffer, once per partial match and candle, the most of a CEP operator's time in profiles.
 *
 * @param resistance   the highest high of the previous candles, this one excluded; NaN until there are enough
 * @param support      the lowest low of the previous candles, this one excluded; NaN until there are enough
 * @param previousHigh the high of the candle before this one in its series; NaN for the first
 * @param previousLow  the low of the candle before this one in its series; NaN for the first
 */
public record CandleWithLevels(ChartCandle candle, double resistance, double support, double previousHigh, double previousLow) {
    /** The previous candle's price furthest that way: its high going up, its low going down. */
    double previous(Direction direction) {
        return direction == Direction.UP ? previousHigh : previousLow;
    }
}
