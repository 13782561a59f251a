package io.jonbu.ohlcv.model;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * New York calendar days as epoch nanoseconds, looked up without allocating. The daily frame's
 * boundaries are asked for on every candle of the indicator hot path (the session VWAP), and the
 * java.time route (Instant, ZonedDateTime, LocalDate, and a year cache boxed into Integers inside
 * ZoneRules) allocates some 500 bytes per new day. Here each block of consecutive dates has its
 * midnights computed through java.time once, on first use, and kept for the life of the JVM;
 * dates before 1900 are computed each time (epoch nanoseconds end in 2262).
 */
final class MarketDays {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 24 * 60 * 60 * NANOS_PER_SECOND;
    private static final int BLOCK_DAYS = 256;
    private static final long FIRST_BLOCK = Math.floorDiv(LocalDate.of(1900, 1, 1).toEpochDay(), BLOCK_DAYS);
    /** Blocks of midnights, filled as first used; racing threads at worst compute one twice. */
    private static final AtomicReferenceArray<long[]> BLOCKS = new AtomicReferenceArray<>(
            (int) (Math.floorDiv(LocalDate.of(2262, 1, 1).toEpochDay(), BLOCK_DAYS) - FIRST_BLOCK));

    private MarketDays() {}

    /** The New York date at {@code epochNanos}, in days since 1970-01-01. */
    static long dateAt(long epochNanos) {
        long utcDay = Math.floorDiv(epochNanos, NANOS_PER_DAY);
        // New York is behind UTC, so its date is the UTC date or the day before
        return epochNanos >= midnight(utcDay) ? utcDay : utcDay - 1;
    }

    /** The New York midnight that starts {@code epochDay}, in epoch nanoseconds UTC. */
    static long midnight(long epochDay) {
        long block = Math.floorDiv(epochDay, BLOCK_DAYS);
        int slot = (int) (block - FIRST_BLOCK);
        if (slot < 0 || slot >= BLOCKS.length()) {
            return compute(epochDay);
        }
        long[] midnights = BLOCKS.get(slot);
        if (midnights == null) {
            midnights = new long[BLOCK_DAYS];
            for (int i = 0; i < BLOCK_DAYS; i++) {
                midnights[i] = compute(block * BLOCK_DAYS + i);
            }
            BLOCKS.set(slot, midnights);
        }
        return midnights[(int) (epochDay - block * BLOCK_DAYS)];
    }

    private static long compute(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).atStartOfDay(Timeframe.MARKET_ZONE).toEpochSecond() * NANOS_PER_SECOND;
    }
}
