package io.jonbu.ohlcv.job.indicator;

/**
 * Williams %R (TA-Lib WILLR, default 14): where the close sits below the highest high of the last
 * {@code period} candles, from 0 (at the high) to -100 (at the low), computed as TA-Lib does,
 * {@code (highest - close) / ((highest - lowest) / -100)}, and 0 for a zero range. First value
 * after {@code period} inputs.
 */
public class WilliamsR {
    public Window highs;
    public Window lows;
    public double value = Double.NaN;

    /** For Flink's serializer only. */
    public WilliamsR() {}

    public WilliamsR(int period) {
        highs = new Window(period);
        lows = new Window(period);
    }

    public double update(double high, double low, double close) {
        highs.add(high);
        lows.add(low);
        if (highs.isFull()) {
            double highest = highs.max();
            double range = (highest - lows.min()) / -100.0;
            value = range != 0.0 ? (highest - close) / range : 0.0;
        }
        return value;
    }
}
