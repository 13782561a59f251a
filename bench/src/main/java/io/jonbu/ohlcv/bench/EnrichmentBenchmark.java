package io.jonbu.ohlcv.bench;

import io.jonbu.ohlcv.job.enrich.SeriesEnricher;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import java.util.Random;
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
 * The whole enrichment of one candle (30 indicators, 13 candlestick patterns, market context,
 * feature vector, description), as the stream does it per final candle, without Flink's state
 * access around it. The series is warmed up first, so every indicator and feature is live.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EnrichmentBenchmark {
    private static final int SERIES = 20_000;
    /** Candles fed before measuring, so every indicator and feature is live. */
    static final int WARM_UP = 500;

    private Candle[] candles;
    private SeriesEnricher enricher;
    private int next;

    @Setup(Level.Trial)
    public void warmUp() {
        candles = series();
        enricher = new SeriesEnricher(5);
        for (int i = 0; i < WARM_UP; i++) {
            enricher.enrich(candles[i]);
        }
        next = WARM_UP;
    }

    /** A seeded random walk of 1-minute candles, the same for every benchmark. */
    static Candle[] series() {
        Random random = new Random(42);
        Candle[] candles = new Candle[SERIES];
        long start = EpochNanos.parse("2024-03-04T14:30:00Z");
        double close = 100;
        for (int i = 0; i < SERIES; i++) {
            long s = start + i * Timeframe.M1.nominalNanos();
            double open = close;
            close = Math.max(1, open + random.nextGaussian() * 0.2);
            double high = Math.max(open, close) + random.nextDouble() * 0.1;
            double low = Math.min(open, close) - random.nextDouble() * 0.1;
            candles[i] = new Candle("AAPL", Timeframe.M1, s, Timeframe.M1.end(s), open, high, low, close,
                    1_000 + random.nextInt(50_000), 100, (high + low) / 2, true, 0);
        }
        return candles;
    }

    @Benchmark
    public EnrichedCandle enrichOneCandle() {
        if (next == SERIES) {
            next = WARM_UP;
        }
        return enricher.enrich(candles[next++]);
    }
}
