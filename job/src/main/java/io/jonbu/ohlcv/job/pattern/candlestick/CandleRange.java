package io.jonbu.ohlcv.job.pattern.candlestick;

/**
 * The part of a candle a {@link CandleSetting} measures, computed exactly as TA-Lib's
 * {@code TA_CANDLERANGE} does so that averages agree with it to the last bit.
 */
public enum CandleRange {
    /** {@code |close - open|}. */
    REAL_BODY,
    /** {@code high - low}. */
    HIGH_LOW,
    /** Upper plus lower shadow; TA-Lib halves its average, so it compares with one shadow. */
    SHADOWS;

    double of(RecentCandles candles, int ago) {
        return switch (this) {
            case REAL_BODY -> candles.realBody(ago);
            case HIGH_LOW -> candles.high(ago) - candles.low(ago);
            case SHADOWS -> candles.upperShadow(ago) + candles.lowerShadow(ago);
        };
    }
}
