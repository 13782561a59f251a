package io.jonbu.ohlcv.job.pattern.candlestick;

import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.BODY_SHORT;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.NEAR;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.SHADOW_LONG;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.SHADOW_VERY_SHORT;

/**
 * What CDLHAMMER and CDLHANGINGMAN share: a short real body, a long lower shadow and no or a very
 * short upper shadow. Where the body sits relative to the previous candle (judged with the Near
 * setting of that previous candle) tells them apart, and so does the sign.
 */
public abstract class HammerShape extends CandlestickDetector {
    static final int LOOKBACK = Math.max(Math.max(Math.max(BODY_SHORT.period, SHADOW_LONG.period),
            SHADOW_VERY_SHORT.period), NEAR.period) + 1;

    public CandleSettingAverage bodyShort = new CandleSettingAverage(BODY_SHORT, 0, LOOKBACK);
    public CandleSettingAverage shadowLong = new CandleSettingAverage(SHADOW_LONG, 0, LOOKBACK);
    public CandleSettingAverage shadowVeryShort = new CandleSettingAverage(SHADOW_VERY_SHORT, 0, LOOKBACK);
    public CandleSettingAverage nearPrevious = new CandleSettingAverage(NEAR, 1, LOOKBACK);

    protected HammerShape() {
        super(2);
    }

    /** Whether the body sits where the pattern wants it, given the Near threshold of the previous candle. */
    protected abstract boolean bodyPlaced(double near);

    /** The signal when the pattern is found. */
    protected abstract int signal();

    @Override
    public int lookback() {
        return LOOKBACK;
    }

    @Override
    protected int detect() {
        return candles.realBody(0) < bodyShort.average(candles)
                && candles.lowerShadow(0) > shadowLong.average(candles)
                && candles.upperShadow(0) < shadowVeryShort.average(candles)
                && bodyPlaced(nearPrevious.average(candles)) ? signal() : 0;
    }

    @Override
    protected void advanceAverages() {
        bodyShort.advance(candles);
        shadowLong.advance(candles);
        shadowVeryShort.advance(candles);
        nearPrevious.advance(candles);
    }
}
