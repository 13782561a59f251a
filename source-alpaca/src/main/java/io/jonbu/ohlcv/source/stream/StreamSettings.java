package io.jonbu.ohlcv.source.stream;

import java.io.Serializable;
import java.time.Duration;

/**
 * Where a reader connects and how it retries. Travels inside the job graph, so it is serializable,
 * and never prints the credentials.
 */
record StreamSettings(String url, String key, String secret, Duration initialBackoff, Duration maxBackoff)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The wait before reconnect attempt {@code attempt} (0 after a connection that worked): the
     * initial backoff doubled per attempt up to the maximum, drawn from [half, all] of that so
     * readers that lost the server together do not return together.
     *
     * @param random a number in [0, 1)
     */
    long backoffMillis(int attempt, double random) {
        long ceiling = maxBackoff.toMillis();
        long wait = initialBackoff.toMillis();
        for (int i = 0; i < attempt && wait < ceiling; i++) {
            wait *= 2;
        }
        wait = Math.min(wait, ceiling);
        return wait / 2 + (long) (random * (wait - wait / 2));
    }

    @Override
    public String toString() {
        return "StreamSettings[url=" + url + ", backoff=" + initialBackoff + ".." + maxBackoff + "]";
    }
}
