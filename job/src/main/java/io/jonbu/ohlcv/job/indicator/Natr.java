package io.jonbu.ohlcv.job.indicator;

/**
 * Normalized average true range (TA-Lib NATR, default 14): {@code atr / close * 100}, 0 when the
 * close is within TA-Lib's 1e-8 of zero. Same warm-up as {@link Atr}, which it exposes, so one
 * instance serves both outputs.
 */
public class Natr {
    public Atr atr;
    public double value = Double.NaN;

    /** For Flink's serializer only. */
    public Natr() {}

    public Natr(int period) {
        atr = new Atr(period);
    }

    public double update(double high, double low, double close) {
        double a = atr.update(high, low, close);
        if (!Double.isNaN(a)) {
            value = Numbers.isZero(close) ? 0.0 : (a / close) * 100.0;
        }
        return value;
    }
}
