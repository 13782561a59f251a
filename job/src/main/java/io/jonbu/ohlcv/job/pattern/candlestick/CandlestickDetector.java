package io.jonbu.ohlcv.job.pattern.candlestick;

/**
 * A streaming equivalent of one TA-Lib CDL function: fed candles one at a time, it returns for the
 * newest what TA-Lib's function returns at that index when called over the whole series from 0
 * (+100 bullish, -100 bearish, 0 none), and 0 while fewer than {@link #lookback()} candles precede
 * it. Subclasses are Flink POJOs holding only the few candles and candle-setting averages they need.
 */
public abstract class CandlestickDetector {
    public RecentCandles candles;

    protected CandlestickDetector(int depth) {
        candles = new RecentCandles(depth);
    }

    public final int update(double open, double high, double low, double close) {
        candles.add(open, high, low, close);
        int signal = candles.seen > lookback() ? detect() : 0;
        advanceAverages();
        return signal;
    }

    /** TA-Lib's lookback: the index of the first candle it reports on. */
    public abstract int lookback();

    /** The signal for the newest candle, once past the lookback. */
    protected abstract int detect();

    /** Slides every candle-setting average past the newest candle. */
    protected abstract void advanceAverages();
}
