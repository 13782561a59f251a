package io.jonbu.ohlcv.serving.stream;

import java.util.HashSet;
import java.util.Set;

/**
 * What one client receives: candles of the listed symbols in the listed timeframes, and their
 * enriched candles too when {@code enriched}. {@value #ANY} in either list matches every value; it is
 * kept as a member like any other, so unsubscribing {@code AAPL} while subscribed to {@code *} leaves
 * {@code *} (as in Alpaca's stream). Nothing is sent until both lists are non-empty.
 *
 * @param candles    upper-case symbols, or {@value #ANY}
 * @param timeframes timeframe labels ({@code 1m}...), or {@value #ANY}
 */
record Subscription(Set<String> candles, Set<String> timeframes, boolean enriched) {
    static final String ANY = "*";
    static final Subscription NONE = new Subscription(Set.of(), Set.of(), false);

    Subscription {
        candles = Set.copyOf(candles);
        timeframes = Set.copyOf(timeframes);
    }

    Subscription apply(ClientRequest request) {
        Set<String> c = new HashSet<>(candles);
        Set<String> t = new HashSet<>(timeframes);
        boolean e = enriched;
        if (request.action() == ClientRequest.Action.SUBSCRIBE) {
            c.addAll(request.candles());
            t.addAll(request.timeframes());
            e = request.enriched() != null ? request.enriched() : enriched;
        } else {
            c.removeAll(request.candles());
            t.removeAll(request.timeframes());
            e = enriched && !Boolean.TRUE.equals(request.enriched());
        }
        return new Subscription(c, t, e);
    }

    boolean wants(StreamUpdate update) {
        return (candles.contains(ANY) || candles.contains(update.symbol()))
                && (timeframes.contains(ANY) || timeframes.contains(update.timeframe().label()))
                && (update.kind() == StreamUpdate.Kind.CANDLE || enriched);
    }
}
