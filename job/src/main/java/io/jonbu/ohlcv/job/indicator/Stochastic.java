package io.jonbu.ohlcv.job.indicator;

/**
 * Slow stochastic oscillator (TA-Lib STOCH, 5/3/SMA/3/SMA). Fast %K is where the close sits in the
 * range of the last {@code fastK} candles, computed as TA-Lib does,
 * {@code (close - lowest) / ((highest - lowest) / 100)}, and 0 for a zero range; slow %K is the
 * SMA of fast %K and %D the SMA of slow %K. TA-Lib gives both only once %D exists, after
 * {@code fastK + slowK + slowD - 2} inputs (9 for 5/3/3), and so does this.
 */
public class Stochastic {
    public Window highs;
    public Window lows;
    public Sma slowK;
    public Sma slowD;
    public double k = Double.NaN;
    public double d = Double.NaN;

    /** For Flink's serializer only. */
    public Stochastic() {}

    public Stochastic(int fastKPeriod, int slowKPeriod, int slowDPeriod) {
        highs = new Window(fastKPeriod);
        lows = new Window(fastKPeriod);
        slowK = new Sma(slowKPeriod);
        slowD = new Sma(slowDPeriod);
    }

    public void update(double high, double low, double close) {
        highs.add(high);
        lows.add(low);
        if (!highs.isFull()) {
            return;
        }
        double lowest = lows.min();
        double range = (highs.max() - lowest) / 100.0;
        double fastK = range != 0.0 ? (close - lowest) / range : 0.0;
        double sk = slowK.update(fastK);
        if (Double.isNaN(sk)) {
            return;
        }
        double sd = slowD.update(sk);
        if (!Double.isNaN(sd)) {
            k = sk;
            d = sd;
        }
    }
}
