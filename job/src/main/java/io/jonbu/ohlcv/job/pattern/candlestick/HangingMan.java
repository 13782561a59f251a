package io.jonbu.ohlcv.job.pattern.candlestick;

/**
 * TA-Lib's CDLHANGINGMAN: a hammer shape whose body is above or near the previous candle's high;
 * -100. Like TA-Lib it does not check for a preceding uptrend.
 */
public class HangingMan extends HammerShape {
    public HangingMan() {}

    @Override
    protected boolean bodyPlaced(double near) {
        return Math.min(candles.close(0), candles.open(0)) >= candles.high(1) - near;
    }

    @Override
    protected int signal() {
        return -100;
    }
}
