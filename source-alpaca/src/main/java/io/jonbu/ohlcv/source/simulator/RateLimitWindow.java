package io.jonbu.ohlcv.source.simulator;

import java.time.Duration;

/**
 * Alpaca's per-account request budget: a fixed number of requests per window (aligned to the epoch),
 * reported on every response as X-RateLimit-Limit, -Remaining and -Reset (Unix seconds).
 */
final class RateLimitWindow {

    /** One request's verdict and the headers that go with it. */
    record Admission(boolean allowed, int limit, int remaining, long resetEpochSeconds) {}

    private final int limit;
    private final long windowMillis;
    private long windowStart = Long.MIN_VALUE;
    private int used;

    RateLimitWindow(int limit, Duration window) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    synchronized Admission admit(long nowMillis) {
        long start = Math.floorDiv(nowMillis, windowMillis) * windowMillis;
        if (start != windowStart) {
            windowStart = start;
            used = 0;
        }
        boolean allowed = used < limit;
        if (allowed) {
            used++;
        }
        // rounded up, so a client waiting until Reset never wakes inside the used-up window
        long reset = Math.floorDiv(start + windowMillis + 999, 1_000);
        return new Admission(allowed, limit, limit - used, reset);
    }
}
