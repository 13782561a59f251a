package io.jonbu.ohlcv.job.indicator;

/**
 * Rate of change in percent (TA-Lib ROC, default 10): {@code (x / x[period ago] - 1) * 100}, as
 * TA-Lib computes it, and 0 when the old value is 0. First value after {@code period + 1} inputs.
 */
public class Roc {
    /** The current value and the {@code period} before it. */
    public Window window;
    public double value = Double.NaN;

    /** For Flink's serializer only. */
    public Roc() {}

    public Roc(int period) {
        window = new Window(period + 1);
    }

    public double update(double x) {
        window.add(x);
        if (window.isFull()) {
            double old = window.oldest();
            value = old != 0.0 ? ((x / old) - 1.0) * 100.0 : 0.0;
        }
        return value;
    }
}
