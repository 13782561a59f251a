package io.jonbu.ohlcv.source;

import java.io.Serializable;
import java.time.Duration;

/**
 * Capped exponential backoff with jitter, shared by the stream's reconnects and the REST client's
 * retries so both back off from a struggling server the same way.
 *
 * @param initial the wait before the first retry, before jitter
 * @param max     the ceiling the doubling stops at
 */
public record Backoff(Duration initial, Duration max) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Backoff {
        if (initial == null || initial.isNegative() || initial.isZero() || max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 < initial <= max, was " + initial + ".." + max);
        }
    }

    /**
     * The wait before retry {@code attempt} (0 for the first): the initial wait doubled per attempt up
     * to the maximum, drawn from [half, all] of that so clients that failed together do not return
     * together.
     *
     * @param random a number in [0, 1)
     */
    public long millis(int attempt, double random) {
        long ceiling = max.toMillis();
        long wait = initial.toMillis();
        for (int i = 0; i < attempt && wait < ceiling; i++) {
            wait *= 2;
        }
        wait = Math.min(wait, ceiling);
        return wait / 2 + (long) (random * (wait - wait / 2));
    }
}
