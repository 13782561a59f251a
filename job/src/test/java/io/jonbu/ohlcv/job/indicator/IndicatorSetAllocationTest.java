package io.jonbu.ohlcv.job.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The indicator hot path allocates nothing: no boxing, no temporary arrays, no iterator, per
 * candle. Counted, not timed: the bytes this thread allocates (HotSpot's per-thread TLAB counter)
 * across many updates, after the JIT has compiled them, against the same count around an empty
 * stretch, which is what reading the counter itself costs.
 */
class IndicatorSetAllocationTest {
    private static final int UPDATES = 100_000;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void updatingEveryIndicatorAllocatesNothing() {
        assertThat(threads.isThreadAllocatedMemorySupported()).as("this JVM counts allocated bytes per thread").isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        Candle[] candles = CandleSeries.random(17, UPDATES).candles.toArray(new Candle[0]);
        double[] out = new double[IndicatorKey.COUNT];
        for (int pass = 0; pass < 3; pass++) {
            feed(new IndicatorSet(), candles, out);
        }
        long thread = Thread.currentThread().getId();
        long reading = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = threads.getThreadAllocatedBytes(thread);
            reading = Math.min(reading, threads.getThreadAllocatedBytes(thread) - before);
        }
        IndicatorSet set = new IndicatorSet();

        long before = threads.getThreadAllocatedBytes(thread);
        feed(set, candles, out);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(out).as("the updates ran to warmed-up values").doesNotContain(Double.NaN);
        assertThat(allocated).as("bytes allocated by %d updates (reading the counter costs %d)", UPDATES, reading)
                .isLessThanOrEqualTo(reading);
    }

    private static void feed(IndicatorSet set, Candle[] candles, double[] out) {
        for (Candle c : candles) {
            set.update(c, out);
        }
    }
}
