package io.jonbu.ohlcv.job.pattern.candlestick;

/**
 * TA-Lib's CDLSHOOTINGSTAR: an inverted hammer shape whose real body gaps up from the previous
 * one; -100. Like TA-Lib it does not check for a preceding uptrend.
 */
public class ShootingStar extends InvertedHammerShape {
    public ShootingStar() {}

    @Override
    protected boolean gapped() {
        return candles.bodyGapUp(0, 1);
    }

    @Override
    protected int signal() {
        return -100;
    }
}
