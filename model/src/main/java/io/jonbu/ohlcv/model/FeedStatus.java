package io.jonbu.ohlcv.model;

import java.util.Objects;

/**
 * How one split of a live source is doing, reported by the source every few seconds and whenever it
 * changes, so the serving layer's health can tell a feed that is down from a market that is quiet:
 * whether the stream is connected, and the state of the REST client's circuit breaker, which gap
 * backfills go through.
 *
 * @param split            the source split (a group of symbols on one connection)
 * @param connected        whether the stream is authenticated and subscribed now
 * @param restCircuit      the backfill REST client's circuit: {@code closed}, {@code open} or {@code half_open}
 * @param symbols          how many symbols the split streams
 * @param lastMessageNanos wall-clock time of the newest message from the server, epoch ns; 0 for none yet
 * @param reportedNanos    wall-clock time of this report, epoch ns
 */
public record FeedStatus(String split, boolean connected, String restCircuit, int symbols, long lastMessageNanos,
        long reportedNanos) {

    public FeedStatus {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(restCircuit, "restCircuit");
    }
}
