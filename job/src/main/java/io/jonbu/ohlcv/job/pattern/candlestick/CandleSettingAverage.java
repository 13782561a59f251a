package io.jonbu.ohlcv.job.pattern.candlestick;

/**
 * The running average of one {@link CandleSetting} as TA-Lib keeps it inside a CDL function: the
 * sum of the setting's range over the {@code period} candles before the judged candle, which is
 * {@code lag} candles back from the newest. The sum is built and slid with TA-Lib's own arithmetic
 * (start from 0 and add each range, then {@code total += newest - oldest} in one step) and starts
 * at the same candle as TA-Lib's trailing index does for a call from index 0, so the floating
 * point totals, and thus every comparison, agree exactly. O(1) per candle; a Flink POJO.
 */
public class CandleSettingAverage {
    public CandleSetting setting;
    /** How many candles back from the newest the judged candle is. */
    public int lag;
    /** Zero-based index of the first candle whose arrival feeds the total: lookback minus period. */
    public long firstFeed;
    /** The ranges in the total, as a ring; {@code next} is the oldest once it is full. */
    public double[] ranges;
    public int size;
    public int next;
    public double total;

    public CandleSettingAverage() {}

    /** @param lookback the TA-Lib lookback of the pattern that owns this average */
    public CandleSettingAverage(CandleSetting setting, int lag, int lookback) {
        this.setting = setting;
        this.lag = lag;
        this.firstFeed = lookback - setting.period;
        this.ranges = new double[setting.period];
    }

    /**
     * The setting's threshold for the candle {@code lag} back, TA_CANDLEAVERAGE with the same
     * order of operations. Only meaningful once the pattern is past its lookback.
     */
    public double average(RecentCandles candles) {
        double base = setting.period != 0 ? total / setting.period : setting.range.of(candles, lag);
        return setting.factor * base / (setting.range == CandleRange.SHADOWS ? 2.0 : 1.0);
    }

    /** Slides the window one candle: call after the newest candle was judged, as TA-Lib does. */
    public void advance(RecentCandles candles) {
        if (setting.period == 0 || candles.seen - 1 < firstFeed) {
            return;
        }
        double range = setting.range.of(candles, lag);
        if (size < setting.period) {
            total += range;
            size++;
        } else {
            total += range - ranges[next];
        }
        ranges[next] = range;
        next = (next + 1) % setting.period;
    }
}
