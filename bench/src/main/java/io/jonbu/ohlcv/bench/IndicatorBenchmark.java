package io.jonbu.ohlcv.bench;

import io.jonbu.ohlcv.job.indicator.IndicatorSet;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The indicator hot path alone: one candle through all 30 indicator outputs, into a reused array,
 * as the stream does it before patterns, context, features and description. Run with
 * {@code -prof gc}, its bytes per operation show the path allocates nothing (no boxing).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IndicatorBenchmark {
    private Candle[] candles;
    private IndicatorSet indicators;
    private final double[] out = new double[IndicatorKey.COUNT];
    private int next;

    @Setup(Level.Trial)
    public void series() {
        candles = EnrichmentBenchmark.series();
        indicators = new IndicatorSet();
        for (int i = 0; i < EnrichmentBenchmark.WARM_UP; i++) {
            indicators.update(candles[i], out);
        }
        next = EnrichmentBenchmark.WARM_UP;
    }

    @Benchmark
    public double[] updateIndicators() {
        if (next == candles.length) {
            next = EnrichmentBenchmark.WARM_UP;
        }
        indicators.update(candles[next++], out);
        return out;
    }
}
