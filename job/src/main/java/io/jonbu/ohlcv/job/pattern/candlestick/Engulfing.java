package io.jonbu.ohlcv.job.pattern.candlestick;

/**
 * TA-Lib's CDLENGULFING as in the Java port 0.4.0: a real body of the opposite colour that strictly
 * engulfs the previous one; 100 when the engulfing candle is white, -100 when black. It needs no
 * averages; its lookback of 2 (one more candle than it reads) is TA-Lib's.
 */
public class Engulfing extends CandlestickDetector {
    static final int LOOKBACK = 2;

    public Engulfing() {
        super(2);
    }

    @Override
    public int lookback() {
        return LOOKBACK;
    }

    @Override
    protected int detect() {
        RecentCandles c = candles;
        boolean bullish = c.color(0) == 1 && c.color(1) == -1 && c.close(0) > c.open(1) && c.open(0) < c.close(1);
        boolean bearish = c.color(0) == -1 && c.color(1) == 1 && c.open(0) > c.close(1) && c.close(0) < c.open(1);
        return bullish || bearish ? c.color(0) * 100 : 0;
    }

    @Override
    protected void advanceAverages() {}
}
