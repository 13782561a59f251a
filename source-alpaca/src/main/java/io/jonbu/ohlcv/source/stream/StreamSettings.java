package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.source.Backoff;
import java.io.Serializable;
import java.time.Duration;

/**
 * Where a reader connects, how it retries, and how long a silent connection is trusted. Travels
 * inside the job graph, so it is serializable, and never prints the credentials.
 *
 * @param dataAgeTimeout silence after which a streaming connection is dropped and opened again
 *                       (zero: never)
 */
record StreamSettings(String url, String key, String secret, Duration initialBackoff, Duration maxBackoff,
        Duration dataAgeTimeout) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The wait before reconnect attempt {@code attempt} (0 after a connection that worked); see {@link Backoff}. */
    long backoffMillis(int attempt, double random) {
        return new Backoff(initialBackoff, maxBackoff).millis(attempt, random);
    }

    @Override
    public String toString() {
        return "StreamSettings[url=" + url + ", backoff=" + initialBackoff + ".." + maxBackoff
                + ", dataAgeTimeout=" + dataAgeTimeout + "]";
    }
}
