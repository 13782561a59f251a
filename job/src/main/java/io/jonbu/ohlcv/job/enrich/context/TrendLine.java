package io.jonbu.ohlcv.job.enrich.context;

import io.jonbu.ohlcv.job.indicator.Window;

/**
 * The trend of the last {@code period} closes (20 in the job) as an angle: the least-squares
 * slope of close against candle number, divided by the mean close of the window so it reads in
 * percent per candle, then {@code atan} of that in degrees. So 45 degrees is a rise of 1% of the
 * price per candle, -45 a fall of as much, whatever the symbol's price. NaN until {@code period}
 * closes.
 *
 * <p>The slope is recomputed from the window on each candle, O(period), instead of from running
 * sums, which would drift in floating point over a long-lived series.
 */
public class TrendLine {
    public Window closes;
    public double degrees = Double.NaN;

    /** For Flink's serializer only. */
    public TrendLine() {}

    public TrendLine(int period) {
        closes = new Window(period);
    }

    public double update(double close) {
        closes.add(close);
        if (!closes.isFull()) {
            return degrees;
        }
        double[] y = closes.values;
        int n = y.length;
        double meanX = (n - 1) / 2.0;
        double meanY = 0;
        for (double v : y) {
            meanY += v;
        }
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            // the oldest close sits at the ring's next slot once full
            double dx = i - meanX;
            sxy += dx * (y[(closes.next + i) % n] - meanY);
            sxx += dx * dx;
        }
        double percentPerCandle = meanY == 0 ? 0 : (sxy / sxx) / meanY * 100.0;
        degrees = Math.toDegrees(Math.atan(percentPerCandle));
        return degrees;
    }
}
