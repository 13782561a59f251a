package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.model.alpaca.Channel;
import io.jonbu.ohlcv.source.Backoff;
import java.io.Serializable;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * @param channels       what the split's symbols are subscribed to besides trades (with which Alpaca sends
 *                       corrections and cancels unasked)
 */
record StreamSettings(String url, String restUrl, String key, String secret, Duration initialBackoff,
        Duration maxBackoff, Duration dataAgeTimeout, Duration dedupHorizon, Duration catchUpThreshold,
        Duration maxBackfill, Duration reconcileLookback, Set<Channel> channels) implements Serializable {
    private static final long serialVersionUID = 3L;
    static final String TRADES = "trades";

    StreamSettings {
        // an EnumSet: serializable, and iterated in Alpaca's channel order
        channels = channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels);
    }

    /** Trades only. */
    StreamSettings(String url, String restUrl, String key, String secret, Duration initialBackoff, Duration maxBackoff,
            Duration dataAgeTimeout, Duration dedupHorizon, Duration catchUpThreshold, Duration maxBackfill,
            Duration reconcileLookback) {
        this(url, restUrl, key, secret, initialBackoff, maxBackoff, dataAgeTimeout, dedupHorizon, catchUpThreshold, maxBackfill,
                reconcileLookback, Set.of());
    }

    /** The body of a {@code subscribe} or {@code unsubscribe} for {@code symbols}: trades and every configured channel. */
    Map<String, List<String>> subscription(List<String> symbols) {
        Map<String, List<String>> body = new LinkedHashMap<>();
        body.put(TRADES, symbols);
        channels.forEach(channel -> body.put(channel.wireName(), symbols));
        return body;
    }

    /** The wait before reconnect attempt {@code attempt} (0 after a connection that worked); see {@link Backoff}. */
    long backoffMillis(int attempt, double random) {
        return new Backoff(initialBackoff, maxBackoff).millis(attempt, random);
    }

    @Override
    public String toString() {
        return "StreamSettings[url=" + url + ", restUrl=" + restUrl + ", backoff=" + initialBackoff + ".." + maxBackoff
                + ", dataAgeTimeout=" + dataAgeTimeout + ", dedupHorizon=" + dedupHorizon + ", catchUpThreshold=" + catchUpThreshold
                + ", maxBackfill=" + maxBackfill + ", reconcileLookback=" + reconcileLookback
                + ", channels=trades" + (channels.isEmpty() ? "" : "," + Channel.format(channels)) + "]";
    }
}
