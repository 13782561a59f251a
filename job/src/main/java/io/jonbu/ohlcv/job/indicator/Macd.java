package io.jonbu.ohlcv.job.indicator;

/**
 * Moving average convergence/divergence (TA-Lib MACD, 12/26/9): {@code macd = ema12 - ema26},
 * {@code signal = ema9(macd)}, {@code hist = macd - signal}. All three appear together after
 * {@code slow + signal - 1} inputs (34 for 12/26/9).
 *
 * <p>TA-Lib's seeding is not "both EMAs from the first price": it starts the fast EMA
 * {@code slow - fast} inputs late, so that both EMAs give their first value (each seeded with
 * the SMA of its own first {@code period} inputs) on the same candle. The signal EMA is then
 * seeded with the SMA of the first {@code signal} MACD values.
 */
public class Macd {
    public Ema fast;
    public Ema slow;
    public Ema signalEma;
    /** Inputs seen, until the fast EMA starts. */
    public int count;
    public double macd = Double.NaN;
    public double signal = Double.NaN;
    public double hist = Double.NaN;

    /** For Flink's serializer only. */
    public Macd() {}

    public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
        fast = new Ema(fastPeriod);
        slow = new Ema(slowPeriod);
        signalEma = new Ema(signalPeriod);
    }

    public void update(double x) {
        double s = slow.update(x);
        if (count < slow.period - fast.period) {
            count++;
            return;
        }
        double f = fast.update(x);
        if (Double.isNaN(s)) {
            return;
        }
        double m = f - s;
        double sig = signalEma.update(m);
        if (!Double.isNaN(sig)) {
            macd = m;
            signal = sig;
            hist = m - sig;
        }
    }
}
