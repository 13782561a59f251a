package io.jonbu.ohlcv.job.indicator;

/**
 * Triple exponential moving average (TA-Lib TEMA): {@code 3*e1 - 3*e2 + e3} where each EMA is fed
 * the previous one's values from its first value on. First value after {@code 3 * period - 2}
 * inputs. Summed as TA-Lib does, {@code e3 + (3*e1 - 3*e2)}.
 */
public class Tema {
    public Ema first;
    public Ema second;
    public Ema third;
    public double value = Double.NaN;

    /** For Flink's serializer only. */
    public Tema() {}

    public Tema(int period) {
        first = new Ema(period);
        second = new Ema(period);
        third = new Ema(period);
    }

    public double update(double x) {
        double e1 = first.update(x);
        if (Double.isNaN(e1)) {
            return value;
        }
        double e2 = second.update(e1);
        if (Double.isNaN(e2)) {
            return value;
        }
        double e3 = third.update(e2);
        if (!Double.isNaN(e3)) {
            value = e3 + ((3.0 * e1) - (3.0 * e2));
        }
        return value;
    }
}
