package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.source.Backoff;
import java.io.Serializable;
import java.time.Duration;

/**
 * Where a reader connects and how it retries. Travels inside the job graph, so it is serializable,
 * and never prints the credentials.
 */
record StreamSettings(String url, String key, String secret, Duration initialBackoff, Duration maxBackoff)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The wait before reconnect attempt {@code attempt} (0 after a connection that worked); see {@link Backoff}. */
    long backoffMillis(int attempt, double random) {
        return new Backoff(initialBackoff, maxBackoff).millis(attempt, random);
    }

    @Override
    public String toString() {
        return "StreamSettings[url=" + url + ", backoff=" + initialBackoff + ".." + maxBackoff + "]";
    }
}
