package io.jonbu.ohlcv.job.indicator;

/**
 * Relative strength index (TA-Lib RSI, default 14), Wilder's smoothing: the average gain and loss
 * start as the plain means of the first {@code period} changes, then
 * {@code avg = (avg * (period - 1) + change) / period}. {@code 100 * gain / (gain + loss)}, or 0
 * when {@code gain + loss} is within TA-Lib's 1e-8 of zero (a flat market). First value after
 * {@code period + 1} inputs.
 *
 * <p>TA-Lib's unstable period for RSI is 0 by default, so its first output is the one right after
 * the seed, as here; with a non-zero unstable period TA-Lib would only hide leading outputs.
 */
public class Rsi {
    public int period;
    /** Inputs seen. */
    public int count;
    public double previous;
    public double avgGain;
    public double avgLoss;
    public double value = Double.NaN;

    /** For Flink's serializer only. */
    public Rsi() {}

    public Rsi(int period) {
        this.period = period;
    }

    public double update(double x) {
        double change = x - previous;
        previous = x;
        if (count++ == 0) {
            return value;
        }
        if (count <= period) {
            addChange(change);
            return value;
        }
        if (count == period + 1) {
            addChange(change);
        } else {
            avgLoss *= period - 1;
            avgGain *= period - 1;
            addChange(change);
        }
        avgLoss /= period;
        avgGain /= period;
        double total = avgGain + avgLoss;
        value = Numbers.isZero(total) ? 0.0 : 100.0 * (avgGain / total);
        return value;
    }

    private void addChange(double change) {
        if (change < 0) {
            avgLoss -= change;
        } else {
            avgGain += change;
        }
    }
}
