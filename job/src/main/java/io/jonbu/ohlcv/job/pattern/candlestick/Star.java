package io.jonbu.ohlcv.job.pattern.candlestick;

import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.BODY_LONG;
import static io.jonbu.ohlcv.job.pattern.candlestick.CandleSetting.BODY_SHORT;

/**
 * What CDLMORNINGSTAR and CDLEVENINGSTAR share: a long real body, a short one gapping away from it
 * in its direction (the star), then a not-short body of the opposite colour closing well back into
 * the first, by at least {@code penetration} of its real body. {@link #direction()} is +1 for the
 * morning star (first candle black) and -1 for the evening star (first candle white), and is the
 * sign of the signal.
 */
public abstract class Star extends CandlestickDetector {
    /** TA-Lib's default penetration for CDLMORNINGSTAR and CDLEVENINGSTAR. */
    public static final double DEFAULT_PENETRATION = 0.3;
    static final int LOOKBACK = Math.max(BODY_SHORT.period, BODY_LONG.period) + 2;

    public double penetration;
    public CandleSettingAverage bodyLongFirst = new CandleSettingAverage(BODY_LONG, 2, LOOKBACK);
    public CandleSettingAverage bodyShortStar = new CandleSettingAverage(BODY_SHORT, 1, LOOKBACK);
    public CandleSettingAverage bodyShortLast = new CandleSettingAverage(BODY_SHORT, 0, LOOKBACK);

    protected Star(double penetration) {
        super(3);
        this.penetration = penetration;
    }

    /** +1 for a bullish (morning) star, -1 for a bearish (evening) one. */
    protected abstract int direction();

    @Override
    public int lookback() {
        return LOOKBACK;
    }

    @Override
    protected int detect() {
        RecentCandles c = candles;
        int d = direction();
        boolean starGaps = d == 1 ? c.bodyGapDown(1, 2) : c.bodyGapUp(1, 2);
        boolean penetrates = d == 1
                ? c.close(0) > c.close(2) + c.realBody(2) * penetration
                : c.close(0) < c.close(2) - c.realBody(2) * penetration;
        return c.realBody(2) > bodyLongFirst.average(c) && c.color(2) == -d
                && c.realBody(1) <= bodyShortStar.average(c) && starGaps
                && c.realBody(0) > bodyShortLast.average(c) && c.color(0) == d
                && penetrates ? d * 100 : 0;
    }

    @Override
    protected void advanceAverages() {
        bodyLongFirst.advance(candles);
        bodyShortStar.advance(candles);
        bodyShortLast.advance(candles);
    }
}
