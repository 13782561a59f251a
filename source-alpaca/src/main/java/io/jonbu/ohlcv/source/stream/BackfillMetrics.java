package io.jonbu.ohlcv.source.stream;

import org.apache.flink.metrics.Counter;

/**
 * What a reader's backfills report as Flink metrics; counted from the backfill thread, so the
 * counters must be thread-safe.
 *
 * @param failures       backfills that failed: their gaps are lost
 * @param skippedGaps    gaps (or their older parts) not backfilled as older than the backfill limit
 * @param skippedSeconds event-time seconds those skipped parts spanned
 */
record BackfillMetrics(Counter failures, Counter skippedGaps, Counter skippedSeconds) {}
