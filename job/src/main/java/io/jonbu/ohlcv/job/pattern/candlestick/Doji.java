package io.jonbu.ohlcv.job.pattern.candlestick;

import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.BODY_DOJI;

/** TA-Lib's CDLDOJI: a real body no larger than the doji threshold; always 100. */
public class Doji extends CandlestickDetector {
    static final int LOOKBACK = BODY_DOJI.period;

    public CandleSettingAverage bodyDoji = new CandleSettingAverage(BODY_DOJI, 0, LOOKBACK);

    public Doji() {
        super(1);
    }

    @Override
    public int lookback() {
        return LOOKBACK;
    }

    @Override
    protected int detect() {
        return candles.realBody(0) <= bodyDoji.average(candles) ? 100 : 0;
    }

    @Override
    protected void advanceAverages() {
        bodyDoji.advance(candles);
    }
}
