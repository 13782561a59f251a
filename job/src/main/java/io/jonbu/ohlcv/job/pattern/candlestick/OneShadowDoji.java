package io.jonbu.ohlcv.job.pattern.candlestick;

import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.BODY_DOJI;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.SHADOW_VERY_SHORT;

/**
 * What CDLDRAGONFLYDOJI and CDLGRAVESTONEDOJI share: a doji whose one shadow is very short while
 * the other is not; always 100 (the trend is left to the user, as in TA-Lib). Subclasses say which
 * shadow is which.
 */
public abstract class OneShadowDoji extends CandlestickDetector {
    static final int LOOKBACK = Math.max(BODY_DOJI.period, SHADOW_VERY_SHORT.period);

    public CandleSettingAverage bodyDoji = new CandleSettingAverage(BODY_DOJI, 0, LOOKBACK);
    public CandleSettingAverage shadowVeryShort = new CandleSettingAverage(SHADOW_VERY_SHORT, 0, LOOKBACK);

    protected OneShadowDoji() {
        super(1);
    }

    /** The shadow that must not be very short. */
    protected abstract double longShadow();

    /** The shadow that must be very short. */
    protected abstract double shortShadow();

    @Override
    public int lookback() {
        return LOOKBACK;
    }

    @Override
    protected int detect() {
        double veryShort = shadowVeryShort.average(candles);
        return candles.realBody(0) <= bodyDoji.average(candles)
                && shortShadow() < veryShort
                && longShadow() > veryShort ? 100 : 0;
    }

    @Override
    protected void advanceAverages() {
        bodyDoji.advance(candles);
        shadowVeryShort.advance(candles);
    }
}
