package io.jonbu.ohlcv.job.pattern.candlestick;

/**
 * TA-Lib's candle settings table with the defaults of {@code new com.tictactec.ta.lib.Core()}: what
 * "long", "short", "near" and so on mean, as {@code factor} times the average {@link CandleRange}
 * of the {@code period} candles before the one judged. A period of 0 means the judged candle's own
 * range instead of an average.
 */
public enum CandleSetting {
    BODY_LONG(CandleRange.REAL_BODY, 10, 1.0),
    BODY_VERY_LONG(CandleRange.REAL_BODY, 10, 3.0),
    BODY_SHORT(CandleRange.REAL_BODY, 10, 1.0),
    BODY_DOJI(CandleRange.HIGH_LOW, 10, 0.1),
    SHADOW_LONG(CandleRange.REAL_BODY, 0, 1.0),
    SHADOW_VERY_LONG(CandleRange.REAL_BODY, 0, 2.0),
    SHADOW_SHORT(CandleRange.SHADOWS, 10, 1.0),
    SHADOW_VERY_SHORT(CandleRange.HIGH_LOW, 10, 0.1),
    NEAR(CandleRange.HIGH_LOW, 5, 0.2),
    FAR(CandleRange.HIGH_LOW, 5, 0.6),
    EQUAL(CandleRange.HIGH_LOW, 5, 0.05);

    public final CandleRange range;
    public final int period;
    public final double factor;

    CandleSetting(CandleRange range, int period, double factor) {
        this.range = range;
        this.period = period;
        this.factor = factor;
    }
}
