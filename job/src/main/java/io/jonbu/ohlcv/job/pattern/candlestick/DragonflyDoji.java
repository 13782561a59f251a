package io.jonbu.ohlcv.job.pattern.candlestick;

/** TA-Lib's CDLDRAGONFLYDOJI: a doji with a very short upper and a longer lower shadow; 100. */
public class DragonflyDoji extends OneShadowDoji {
    public DragonflyDoji() {}

    @Override
    protected double longShadow() {
        return candles.lowerShadow(0);
    }

    @Override
    protected double shortShadow() {
        return candles.upperShadow(0);
    }
}
