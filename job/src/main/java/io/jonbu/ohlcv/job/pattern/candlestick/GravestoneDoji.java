package io.jonbu.ohlcv.job.pattern.candlestick;

/** TA-Lib's CDLGRAVESTONEDOJI: a doji with a very short lower and a longer upper shadow; 100. */
public class GravestoneDoji extends OneShadowDoji {
    public GravestoneDoji() {}

    @Override
    protected double longShadow() {
        return candles.upperShadow(0);
    }

    @Override
    protected double shortShadow() {
        return candles.lowerShadow(0);
    }
}
