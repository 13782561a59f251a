package io.jonbu.ohlcv.job.indicator;

/**
 * Simple moving average over {@code period} values (TA-Lib SMA; default period 30, we use 20, 50,
 * 200 and, over volume, 20). First value after {@code period} inputs.
 *
 * <p>A running sum, updated in TA-Lib's order (add the newest, divide, then subtract the oldest),
 * so the rounding drift of the running sum is TA-Lib's own and the values agree to the last bit.
 */
public class Sma {
    public Window window;
    public double sum;
    public double value = Double.NaN;

    /** For Flink's serializer only. */
    public Sma() {}

    public Sma(int period) {
        window = new Window(period);
    }

    public double update(double x) {
        window.add(x);
        sum += x;
        if (window.isFull()) {
            value = sum / window.values.length;
            sum -= window.oldest();
        }
        return value;
    }
}
