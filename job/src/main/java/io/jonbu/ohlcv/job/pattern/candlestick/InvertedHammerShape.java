package io.jonbu.ohlcv.job.pattern.candlestick;

import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.BODY_SHORT;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.SHADOW_LONG;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.SHADOW_VERY_SHORT;

/**
 * What CDLINVERTEDHAMMER and CDLSHOOTINGSTAR share: a short real body, a long upper shadow and no
 * or a very short lower shadow. The direction of the real-body gap from the previous candle tells
 * them apart, and so does the sign.
 */
public abstract class InvertedHammerShape extends CandlestickDetector {
    static final int LOOKBACK = Math.max(Math.max(BODY_SHORT.period, SHADOW_LONG.period),
            SHADOW_VERY_SHORT.period) + 1;

    public CandleSettingAverage bodyShort = new CandleSettingAverage(BODY_SHORT, 0, LOOKBACK);
    public CandleSettingAverage shadowLong = new CandleSettingAverage(SHADOW_LONG, 0, LOOKBACK);
    public CandleSettingAverage shadowVeryShort = new CandleSettingAverage(SHADOW_VERY_SHORT, 0, LOOKBACK);

    protected InvertedHammerShape() {
        super(2);
    }

    /** Whether the real body gaps from the previous one in the pattern's direction. */
    protected abstract boolean gapped();

    /** The signal when the pattern is found. */
    protected abstract int signal();

    @Override
    public int lookback() {
        return LOOKBACK;
    }

    @Override
    protected int detect() {
        return candles.realBody(0) < bodyShort.average(candles)
                && candles.upperShadow(0) > shadowLong.average(candles)
                && candles.lowerShadow(0) < shadowVeryShort.average(candles)
                && gapped() ? signal() : 0;
    }

    @Override
    protected void advanceAverages() {
        bodyShort.advance(candles);
        shadowLong.advance(candles);
        shadowVeryShort.advance(candles);
    }
}
