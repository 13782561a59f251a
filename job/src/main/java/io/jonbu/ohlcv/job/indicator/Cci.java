package io.jonbu.ohlcv.job.indicator;

/**
 * Commodity channel index (TA-Lib CCI, default 14, we use 20) of the typical price
 * {@code (h + l + c) / 3}: {@code (tp - mean) / (0.015 * meanAbsoluteDeviation)}, 0 when either
 * is 0. First value after {@code period} inputs.
 *
 * <p>O(period) per candle, not O(1): the mean absolute deviation around the current mean has no
 * running form. The mean is also re-summed, in the ring's storage order, because that is TA-Lib's
 * arithmetic and a running sum would differ from it in the last bits.
 */
public class Cci {
    public Window typical;
    public double value = Double.NaN;

    /** For Flink's serializer only. */
    public Cci() {}

    public Cci(int period) {
        typical = new Window(period);
    }

    public double update(double high, double low, double close) {
        double tp = (high + low + close) / 3;
        typical.add(tp);
        if (!typical.isFull()) {
            return value;
        }
        double[] v = typical.values;
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double deviation = 0;
        for (double x : v) {
            deviation += Math.abs(x - mean);
        }
        double distance = tp - mean;
        value = distance != 0.0 && deviation != 0.0 ? distance / (0.015 * (deviation / v.length)) : 0.0;
        return value;
    }
}
