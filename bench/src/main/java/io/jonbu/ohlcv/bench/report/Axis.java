package io.jonbu.ohlcv.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A numeric axis mapping values to pixels, linear from zero or logarithmic (decades), with ticks at
 * round values.
 *
 * @param low   the value at pixel {@code from}
 * @param high  the value at pixel {@code to}
 * @param log   base-10 logarithmic
 */
record Axis(double low, double high, boolean log, int from, int to) {

    /** From 0 to a round value above {@code max}. */
    static Axis linear(double max, int from, int to) {
        double step = step(max <= 0 ? 1 : max);
        return new Axis(0, Math.ceil((max <= 0 ? 1 : max) * 1.05 / step) * step, false, from, to);
    }

    /** From the decade at or below {@code min} to the decade at or above {@code max}. */
    static Axis log(double min, double max, int from, int to) {
        double lo = Math.pow(10, Math.floor(Math.log10(min)));
        double hi = Math.pow(10, Math.ceil(Math.log10(max)));
        return new Axis(lo, hi > lo ? hi : lo * 10, true, from, to);
    }

    int pixel(double value) {
        double f = log ? (Math.log10(Math.max(value, low)) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))
                : (value - low) / (high - low);
        return (int) Math.round(from + f * (to - from));
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double t = low; t <= high * 1.0001; t *= 10) {
                ticks.add(t);
            }
        } else {
            double step = step(high);
            for (double t = low; t <= high * 1.0001; t += step) {
                ticks.add(t);
            }
        }
        return ticks;
    }

    /** A 1, 2 or 5 times a power of ten giving four to ten ticks up to {@code max}. */
    private static double step(double max) {
        double raw = max / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * power;
    }
}
