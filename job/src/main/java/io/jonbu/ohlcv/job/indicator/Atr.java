package io.jonbu.ohlcv.job.indicator;

/**
 * Average true range (TA-Lib ATR, default 14), Wilder's smoothing: seeded with the SMA of the
 * first {@code period} true ranges (the first candle has none: it has no previous close), then
 * {@code atr = (atr * (period - 1) + tr) / period}. First value after {@code period + 1} inputs.
 *
 * <p>TA-Lib's unstable period for ATR is 0 by default, so its first output is the seed, as here.
 */
public class Atr {
    public int period;
    /** Inputs seen. */
    public int count;
    public double previousClose;
    public double value = Double.NaN;
    /** The sum of the first true ranges, until the seed. */
    public double seedSum;

    /** For Flink's serializer only. */
    public Atr() {}

    public Atr(int period) {
        this.period = period;
    }

    public double update(double high, double low, double close) {
        double previous = previousClose;
        previousClose = close;
        if (count++ == 0) {
            return value;
        }
        double tr = TrueRange.of(high, low, previous);
        if (count <= period + 1) {
            seedSum += tr;
            if (count == period + 1) {
                value = seedSum / period;
            }
        } else {
            value = ((value * (period - 1)) + tr) / period;
        }
        return value;
    }
}
