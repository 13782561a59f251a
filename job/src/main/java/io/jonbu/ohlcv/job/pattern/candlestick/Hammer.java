package io.jonbu.ohlcv.job.pattern.candlestick;

/**
 * TA-Lib's CDLHAMMER: a hammer shape whose body is below or near the previous candle's low; 100.
 * Like TA-Lib it does not check for a preceding downtrend.
 */
public class Hammer extends HammerShape {
    public Hammer() {}

    @Override
    protected boolean bodyPlaced(double near) {
        return Math.min(candles.close(0), candles.open(0)) <= candles.low(1) + near;
    }

    @Override
    protected int signal() {
        return 100;
    }
}
