package io.jonbu.ohlcv.job.indicator;

/**
 * Exponential moving average (TA-Lib EMA, default compatibility), smoothing factor
 * {@code k = 2 / (period + 1)}. TA-Lib seeds it with the SMA of the first {@code period} values,
 * which is also the first value, after {@code period} inputs; then
 * {@code ema = (x - ema) * k + ema}, in that order.
 *
 * <p>TA-Lib's unstable period for EMA is 0 by default; a non-zero one would only drop leading
 * outputs. Metastock compatibility (seed with the first value) is not what we follow.
 */
public class Ema {
    public int period;
    public double k;
    public int count;
    public double seedSum;
    public double value = Double.NaN;

    /** For Flink's serializer only. */
    public Ema() {}

    public Ema(int period) {
        this.period = period;
        this.k = 2.0 / (period + 1);
    }

    public double update(double x) {
        if (count < period) {
            seedSum += x;
            if (++count == period) {
                value = seedSum / period;
            }
        } else {
            value = ((x - value) * k) + value;
        }
        return value;
    }
}
