package io.jonbu.ohlcv.job.pattern.candlestick;

import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.BODY_SHORT;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.FAR;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.NEAR;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.SHADOW_VERY_SHORT;

/**
 * TA-Lib's CDL3WHITESOLDIERS: three white candles with very short upper shadows and rising closes,
 * each opening within or near the previous real body, none far shorter than the one before, the
 * last not short; 100. Every candle is judged against averages of the candles before it, so each
 * setting keeps one average per candle position (the suffix is how many candles back it is).
 */
public class ThreeWhiteSoldiers extends CandlestickDetector {
    static final int LOOKBACK = Math.max(Math.max(SHADOW_VERY_SHORT.period, BODY_SHORT.period),
            Math.max(FAR.period, NEAR.period)) + 2;

    public CandleSettingAverage shadowVeryShort2 = new CandleSettingAverage(SHADOW_VERY_SHORT, 2, LOOKBACK);
    public CandleSettingAverage shadowVeryShort1 = new CandleSettingAverage(SHADOW_VERY_SHORT, 1, LOOKBACK);
    public CandleSettingAverage shadowVeryShort0 = new CandleSettingAverage(SHADOW_VERY_SHORT, 0, LOOKBACK);
    public CandleSettingAverage near2 = new CandleSettingAverage(NEAR, 2, LOOKBACK);
    public CandleSettingAverage near1 = new CandleSettingAverage(NEAR, 1, LOOKBACK);
    public CandleSettingAverage far2 = new CandleSettingAverage(FAR, 2, LOOKBACK);
    public CandleSettingAverage far1 = new CandleSettingAverage(FAR, 1, LOOKBACK);
    public CandleSettingAverage bodyShort = new CandleSettingAverage(BODY_SHORT, 0, LOOKBACK);

    public ThreeWhiteSoldiers() {
        super(3);
    }

    @Override
    public int lookback() {
        return LOOKBACK;
    }

    @Override
    protected int detect() {
        RecentCandles c = candles;
        return c.color(2) == 1 && c.upperShadow(2) < shadowVeryShort2.average(c)
                && c.color(1) == 1 && c.upperShadow(1) < shadowVeryShort1.average(c)
                && c.color(0) == 1 && c.upperShadow(0) < shadowVeryShort0.average(c)
                && c.close(0) > c.close(1) && c.close(1) > c.close(2)
                && c.open(1) > c.open(2) && c.open(1) <= c.close(2) + near2.average(c)
                && c.open(0) > c.open(1) && c.open(0) <= c.close(1) + near1.average(c)
                && c.realBody(1) > c.realBody(2) - far2.average(c)
                && c.realBody(0) > c.realBody(1) - far1.average(c)
                && c.realBody(0) > bodyShort.average(c) ? 100 : 0;
    }

    @Override
    protected void advanceAverages() {
        shadowVeryShort2.advance(candles);
        shadowVeryShort1.advance(candles);
        shadowVeryShort0.advance(candles);
        near2.advance(candles);
        near1.advance(candles);
        far2.advance(candles);
        far1.advance(candles);
        bodyShort.advance(candles);
    }
}
