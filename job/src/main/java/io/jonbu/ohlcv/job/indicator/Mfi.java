package io.jonbu.ohlcv.job.indicator;

/**
 * Money flow index (TA-Lib MFI, default 14): the money flow {@code tp * volume} (typical price
 * {@code (h + l + c) / 3}) counts as positive when the typical price rose, negative when it fell,
 * neither when unchanged; {@code 100 * positive / (positive + negative)} over the last
 * {@code period} changes, kept as running sums. First value after {@code period + 1} inputs.
 *
 * <p>As TA-Lib, the value is 0 when the total flow is below 1.0 (its guard against dividing by
 * almost nothing, which a stretch of tiny volumes at a flat price reaches). TA-Lib's unstable
 * period for MFI is 0 by default.
 */
public class Mfi {
    public Window positive;
    public Window negative;
    /** Inputs seen. */
    public int count;
    public double previousTypical;
    public double positiveSum;
    public double negativeSum;
    public double value = Double.NaN;

    /** For Flink's serializer only. */
    public Mfi() {}

    public Mfi(int period) {
        positive = new Window(period);
        negative = new Window(period);
    }

    public double update(double high, double low, double close, double volume) {
        double tp = (high + low + close) / 3.0;
        double change = tp - previousTypical;
        previousTypical = tp;
        if (count++ == 0) {
            return value;
        }
        if (positive.isFull()) {
            positiveSum -= positive.oldest();
            negativeSum -= negative.oldest();
        }
        double flow = tp * volume;
        double up = 0.0;
        double down = 0.0;
        if (change < 0) {
            down = flow;
            negativeSum += flow;
        } else if (change > 0) {
            up = flow;
            positiveSum += flow;
        }
        positive.add(up);
        negative.add(down);
        if (positive.isFull()) {
            double total = positiveSum + negativeSum;
            value = total < 1.0 ? 0.0 : 100.0 * (positiveSum / total);
        }
        return value;
    }
}
