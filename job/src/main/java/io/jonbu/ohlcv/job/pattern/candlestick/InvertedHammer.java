package io.jonbu.ohlcv.job.pattern.candlestick;

/**
 * TA-Lib's CDLINVERTEDHAMMER: an inverted hammer shape whose real body gaps down from the previous
 * one; 100. Like TA-Lib it does not check for a preceding downtrend.
 */
public class InvertedHammer extends InvertedHammerShape {
    public InvertedHammer() {}

    @Override
    protected boolean gapped() {
        return candles.bodyGapDown(0, 1);
    }

    @Override
    protected int signal() {
        return 100;
    }
}
