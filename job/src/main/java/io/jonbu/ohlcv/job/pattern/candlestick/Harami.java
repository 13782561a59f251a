package io.jonbu.ohlcv.job.pattern.candlestick;

import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.BODY_LONG;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.BODY_SHORT;

/**
 * TA-Lib's CDLHARAMI as in the Java port 0.4.0: a long real body followed by a short one strictly
 * inside it; the signal opposes the first candle's colour (100 after a black one, -100 after a
 * white one).
 */
public class Harami extends CandlestickDetector {
    static final int LOOKBACK = Math.max(BODY_SHORT.period, BODY_LONG.period) + 1;

    public CandleSettingAverage bodyLongPrevious = new CandleSettingAverage(BODY_LONG, 1, LOOKBACK);
    public CandleSettingAverage bodyShort = new CandleSettingAverage(BODY_SHORT, 0, LOOKBACK);

    public Harami() {
        super(2);
    }

    @Override
    public int lookback() {
        return LOOKBACK;
    }

    @Override
    protected int detect() {
        RecentCandles c = candles;
        return c.realBody(1) > bodyLongPrevious.average(c)
                && c.realBody(0) <= bodyShort.average(c)
                && Math.max(c.close(0), c.open(0)) < Math.max(c.close(1), c.open(1))
                && Math.min(c.close(0), c.open(0)) > Math.min(c.close(1), c.open(1)) ? -c.color(1) * 100 : 0;
    }

    @Override
    protected void advanceAverages() {
        bodyLongPrevious.advance(candles);
        bodyShort.advance(candles);
    }
}
