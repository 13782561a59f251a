package io.jonbu.ohlcv.job.pattern.candlestick;

import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.SHADOW_VERY_SHORT;

/**
 * TA-Lib's CDL3BLACKCROWS: after a white candle, three black candles with very short lower
 * shadows and falling closes, each opening within the previous real body, the first closing under
 * the white candle's high; -100. Each black candle is judged against the average of the candles
 * before it (the suffix is how many candles back it is).
 */
public class ThreeBlackCrows extends CandlestickDetector {
    static final int LOOKBACK = SHADOW_VERY_SHORT.period + 3;

    public CandleSettingAverage shadowVeryShort2 = new CandleSettingAverage(SHADOW_VERY_SHORT, 2, LOOKBACK);
    public CandleSettingAverage shadowVeryShort1 = new CandleSettingAverage(SHADOW_VERY_SHORT, 1, LOOKBACK);
    public CandleSettingAverage shadowVeryShort0 = new CandleSettingAverage(SHADOW_VERY_SHORT, 0, LOOKBACK);

    public ThreeBlackCrows() {
        super(4);
    }

    @Override
    public int lookback() {
        return LOOKBACK;
    }

    @Override
    protected int detect() {
        RecentCandles c = candles;
        return c.color(3) == 1
                && c.color(2) == -1 && c.lowerShadow(2) < shadowVeryShort2.average(c)
                && c.color(1) == -1 && c.lowerShadow(1) < shadowVeryShort1.average(c)
                && c.color(0) == -1 && c.lowerShadow(0) < shadowVeryShort0.average(c)
                && c.open(1) < c.open(2) && c.open(1) > c.close(2)
                && c.open(0) < c.open(1) && c.open(0) > c.close(1)
                && c.high(3) > c.close(2)
                && c.close(2) > c.close(1) && c.close(1) > c.close(0) ? -100 : 0;
    }

    @Override
    protected void advanceAverages() {
        shadowVeryShort2.advance(candles);
        shadowVeryShort1.advance(candles);
        shadowVeryShort0.advance(candles);
    }
}
