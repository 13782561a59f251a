package io.jonbu.ohlcv.job.indicator;

/**
 * Linearly weighted moving average (TA-Lib WMA): weights 1..period, newest heaviest, divided by
 * {@code period * (period + 1) / 2}. First value after {@code period} inputs.
 *
 * <p>O(1) by TA-Lib's two running sums: {@code weightedSum} gains {@code period * x} for the
 * newest value and loses {@code plainSum} (every value stepping one weight down) after each
 * output. Kept in TA-Lib's order so the values agree to the last bit.
 */
public class Wma {
    public Window window;
    public double weightedSum;
    public double plainSum;
    /** The value that leaves the plain sum at the next update. */
    public double trailing;
    public double value = Double.NaN;

    /** For Flink's serializer only. */
    public Wma() {}

    public Wma(int period) {
        window = new Window(period);
    }

    public double update(double x) {
        window.add(x);
        plainSum += x;
        if (!window.isFull()) {
            weightedSum += x * window.count;
            return value;
        }
        int period = window.values.length;
        plainSum -= trailing;
        weightedSum += x * period;
        trailing = window.oldest();
        value = weightedSum / ((period * (period + 1)) >> 1);
        weightedSum -= plainSum;
        return value;
    }
}
