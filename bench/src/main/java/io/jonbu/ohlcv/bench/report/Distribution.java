package io.jonbu.ohlcv.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latency samples sorted once, read as quantiles: a figure's points (p50, p99, max) and a CDF's
 * {@link Figure.Series#distribution()}. Quantiles are nearest-rank, so each is a measured sample.
 */
public final class Distribution {
    /** {@link Figure.Series#distribution()} holds the quantiles at 0, 0.1, ... 100 %. */
    public static final int CDF_POINTS = 1001;

    private final double[] sorted;

    public Distribution(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.sorted = samples.clone();
        Arrays.sort(sorted);
    }

    /** All runs' samples together. */
    public static Distribution pooled(List<double[]> runs) {
        return new Distribution(runs.stream().flatMapToDouble(Arrays::stream).toArray());
    }

    public int count() {
        return sorted.length;
    }

    /** The nearest-rank quantile, {@code q} in 0..1: the smallest sample with at least {@code q} of them at or below it. */
    public double quantile(double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double max() {
        return sorted[sorted.length - 1];
    }

    /** The quantiles at 0, 0.1, ... 100 %, ascending. */
    public List<Double> cdf() {
        List<Double> points = new ArrayList<>(CDF_POINTS);
        for (int i = 0; i < CDF_POINTS; i++) {
            points.add(quantile(i / (double) (CDF_POINTS - 1)));
        }
        return points;
    }
}
