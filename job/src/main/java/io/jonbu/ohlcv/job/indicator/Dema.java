package io.jonbu.ohlcv.job.indicator;

/**
 * Double exponential moving average (TA-Lib DEMA): {@code 2 * ema(x) - ema(ema(x))}, the second
 * EMA fed with the first one's values from its first value on. First value after
 * {@code 2 * period - 1} inputs.
 */
public class Dema {
    public Ema first;
    public Ema second;
    public double value = Double.NaN;

    /** For Flink's serializer only. */
    public Dema() {}

    public Dema(int period) {
        first = new Ema(period);
        second = new Ema(period);
    }

    public double update(double x) {
        double e1 = first.update(x);
        if (Double.isNaN(e1)) {
            return value;
        }
        double e2 = second.update(e1);
        if (!Double.isNaN(e2)) {
            value = (2.0 * e1) - e2;
        }
        return value;
    }
}
