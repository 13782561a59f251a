package io.jonbu.ohlcv.job.indicator;

/**
 * On-balance volume (TA-Lib OBV): starts at the first candle's volume, then adds the volume of an
 * up close and subtracts that of a down close. First value after 1 input.
 */
public class Obv {
    public boolean started;
    public double previousClose;
    public double value = Double.NaN;

    public double update(double close, double volume) {
        if (!started) {
            started = true;
            value = volume;
        } else if (close > previousClose) {
            value += volume;
        } else if (close < previousClose) {
            value -= volume;
        }
        previousClose = close;
        return value;
    }
}
