package io.jonbu.ohlcv.job.indicator;

/** Wilder's true range, shared by {@link Atr} and {@link Adx}. */
final class TrueRange {
    private TrueRange() {}

    /** The candle's range widened to include the previous close, so gaps count as volatility. */
    static double of(double high, double low, double previousClose) {
        return Math.max(high - low, Math.max(Math.abs(previousClose - high), Math.abs(previousClose - low)));
    }
}
