package io.jonbu.ohlcv.job.indicator;

/**
 * Bollinger Bands (TA-Lib BBANDS, 20, 2, 2, SMA): the middle band is the SMA, the others are
 * {@code middle ± 2 * stddev} with the population standard deviation. First values after
 * {@code period} inputs.
 *
 * <p>The variance is TA-Lib's {@code mean(x²) - mean(x)²}, from a second SMA over the squares with
 * the same running-sum order, and is taken as 0 below TA-Lib's 1e-8 (so a flat stretch, or
 * cancellation at high prices, gives bands equal to the middle, as in TA-Lib).
 */
public class BollingerBands {
    public double deviations;
    public Sma mean;
    public Sma meanOfSquares;
    public double upper = Double.NaN;
    public double middle = Double.NaN;
    public double lower = Double.NaN;

    /** For Flink's serializer only. */
    public BollingerBands() {}

    public BollingerBands(int period, double deviations) {
        this.deviations = deviations;
        mean = new Sma(period);
        meanOfSquares = new Sma(period);
    }

    public void update(double x) {
        double m = mean.update(x);
        double m2 = meanOfSquares.update(x * x);
        if (Double.isNaN(m)) {
            return;
        }
        double variance = m2 - (m * m);
        double band = (Numbers.isZeroOrNegative(variance) ? 0.0 : Math.sqrt(variance)) * deviations;
        upper = m + band;
        middle = m;
        lower = m - band;
    }
}
