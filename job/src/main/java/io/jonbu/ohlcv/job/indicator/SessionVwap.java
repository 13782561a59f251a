package io.jonbu.ohlcv.job.indicator;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Timeframe;

/**
 * Volume-weighted average price of the New York session so far, reset on the first candle of each
 * New York day ({@link Timeframe#D1} alignment). TA-Lib has none.
 *
 * <p>Each candle is weighted by its own trade VWAP times its volume, i.e. by the notional actually
 * traded, rather than by the typical price {@code (h + l + c) / 3}: we have the trades, so the
 * session VWAP is the exact trade-weighted price (up to rounding), the number a trader compares
 * against, and does not depend on the candle width. A candle without volume adds nothing; before
 * any volume in the session the value is NaN. First value after 1 input.
 */
public class SessionVwap {
    /** Start of the current session, epoch nanoseconds UTC; MIN_VALUE before the first candle. */
    public long sessionStart = Long.MIN_VALUE;
    public double notional;
    public double volume;
    public double value = Double.NaN;

    public double update(Candle c) {
        long session = Timeframe.D1.start(c.start());
        if (session != sessionStart) {
            sessionStart = session;
            notional = 0.0;
            volume = 0.0;
            value = Double.NaN;
        }
        if (c.volume() > 0) {
            notional += c.vwap() * c.volume();
            volume += c.volume();
            value = notional / volume;
        }
        return value;
    }
}
