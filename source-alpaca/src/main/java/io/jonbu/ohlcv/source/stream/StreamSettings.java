package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.source.Backoff;
import java.io.Serializable;
import java.time.Duration;

/**
 * Where a reader connects and backfills, how it retries, how long a silent connection is trusted,
 * and how far back it remembers trades for de-duplication. Travels inside the job graph, so it is
 * serializable, and never prints the credentials.
 *
 * @param restUrl        base URL of the historical API that backfills gaps, with the same credentials
 * @param dataAgeTimeout silence after which a streaming connection is dropped and opened again
 *                       (zero: never)
 * @param dedupHorizon   how far below a symbol's newest trade the reader remembers emitted trade ids;
 *                       must exceed the stream's disorder
 * @param catchUpThreshold a gap longer than this is caught up over REST before the live subscription
 * @param maxBackfill     how far behind the tape's present a backfill reaches at most
 * @param reconcileLookback how far before a gap the tape is re-read into {@link io.jonbu.ohlcv.model.TapeSnapshot}s
 *                        (zero: not at all)
 */
record StreamSettings(String url, String restUrl, String key, String secret, Duration initialBackoff,
        Duration maxBackoff, Duration dataAgeTimeout, Duration dedupHorizon, Duration catchUpThreshold,
        Duration maxBackfill, Duration reconcileLookback) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The wait before reconnect attempt {@code attempt} (0 after a connection that worked); see {@link Backoff}. */
    long backoffMillis(int attempt, double random) {
        return new Backoff(initialBackoff, maxBackoff).millis(attempt, random);
    }

    @Override
    public String toString() {
        return "StreamSettings[url=" + url + ", restUrl=" + restUrl + ", backoff=" + initialBackoff + ".." + maxBackoff
                + ", dataAgeTimeout=" + dataAgeTimeout + ", dedupHorizon=" + dedupHorizon + ", catchUpThreshold=" + catchUpThreshold + ", maxBackfill=" + maxBackfill + ", reconcileLookback=" + reconcileLookback + "]";
    }
}
