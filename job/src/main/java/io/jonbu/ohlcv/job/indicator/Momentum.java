package io.jonbu.ohlcv.job.indicator;

/**
 * Momentum (TA-Lib MOM, default 10): {@code x - x[period ago]}. First value after
 * {@code period + 1} inputs.
 */
public class Momentum {
    /** The current value and the {@code period} before it. */
    public Window window;
    public double value = Double.NaN;

    /** For Flink's serializer only. */
    public Momentum() {}

    public Momentum(int period) {
        window = new Window(period + 1);
    }

    public double update(double x) {
        window.add(x);
        if (window.isFull()) {
            value = x - window.oldest();
        }
        return value;
    }
}
