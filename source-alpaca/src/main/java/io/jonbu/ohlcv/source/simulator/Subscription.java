package io.jonbu.ohlcv.source.simulator;

import io.jonbu.ohlcv.model.FeedEvent;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client's channels and symbols. Subscribing and unsubscribing are additive per channel, as on
 * Alpaca; {@code "*"} is a symbol of its own that matches every symbol. Not thread-safe: the owning
 * {@link SimulatedSession} guards it.
 */
final class Subscription {
    static final String TRADES = "trades";
    /** The channels a client may name, in the order Alpaca lists them in its reply. */
    static final List<String> CHANNELS = List.of("trades", "quotes", "bars", "updatedBars", "dailyBars", "statuses", "lulds");
    private static final String WILDCARD = "*";

    private final Map<String, Set<String>> symbolsByChannel = new LinkedHashMap<>();

    Subscription() {
        CHANNELS.forEach(channel -> symbolsByChannel.put(channel, new LinkedHashSet<>()));
    }

    void subscribe(Map<String, List<String>> channels) {
        channels.forEach((channel, symbols) -> symbolsByChannel.get(channel).addAll(symbols));
    }

    void unsubscribe(Map<String, List<String>> channels) {
        channels.forEach((channel, symbols) -> symbols.forEach(symbolsByChannel.get(channel)::remove));
    }

    boolean hasTrades() {
        return !symbolsByChannel.get(TRADES).isEmpty();
    }

    boolean allTrades() {
        return symbolsByChannel.get(TRADES).contains(WILDCARD);
    }

    boolean wantsTrade(String symbol) {
        return wants(TRADES, symbol);
    }

    boolean hasAny() {
        return symbolsByChannel.values().stream().anyMatch(symbols -> !symbols.isEmpty());
    }

    boolean has(String channel) {
        return !symbolsByChannel.get(channel).isEmpty();
    }

    /** Whether a quote, bar or status goes to this client: its channel lists its symbol or {@code "*"}. */
    boolean wants(FeedEvent event) {
        return wants(channelOf(event), event.symbol());
    }

    private boolean wants(String channel, String symbol) {
        Set<String> symbols = symbolsByChannel.get(channel);
        return symbols.contains(symbol) || symbols.contains(WILDCARD);
    }

    /** The channel a quote, bar or status is sent on. */
    static String channelOf(FeedEvent event) {
        if (event.quote() != null) {
            return "quotes";
        }
        if (event.status() != null) {
            return "statuses";
        }
        return switch (event.bar().kind()) {
            case BAR -> "bars";
            case UPDATED_BAR -> "updatedBars";
            case DAILY_BAR -> "dailyBars";
        };
    }

    /** The whole subscription as Alpaca replies it: corrections and cancel/errors follow trades. */
    Map<String, List<String>> reply() {
        Map<String, List<String>> reply = new LinkedHashMap<>();
        symbolsByChannel.forEach((channel, symbols) -> reply.put(channel, List.copyOf(symbols)));
        reply.put("corrections", reply.get(TRADES));
        reply.put("cancelErrors", reply.get(TRADES));
        return reply;
    }
}
