package io.jonbu.ohlcv.serving.stream;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connected clients, indexed by the symbols they subscribe to, so that an update reaches only the
 * clients of its symbol (and those subscribed to {@code *}) instead of every client being asked.
 * A client is indexed under {@code *} alone when it holds it, so the two lookups never overlap.
 */
final class Subscribers {
    private final Set<ClientSession> all = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<ClientSession>> bySymbol = new ConcurrentHashMap<>();

    void add(ClientSession client) {
        all.add(client);
    }

    /** Index changes are serialized; dispatch reads the concurrent sets without locking. */
    synchronized void remove(ClientSession client) {
        all.remove(client);
        for (String symbol : keys(client.subscription())) {
            unindex(symbol, client);
        }
    }

    synchronized void apply(ClientSession client, ClientRequest request) {
        Set<String> before = keys(client.subscription());
        Set<String> after = keys(client.apply(request));
        // unindex first: an update racing the change may miss this client, but is never sent twice
        before.stream().filter(s -> !after.contains(s)).forEach(s -> unindex(s, client));
        after.stream().filter(s -> !before.contains(s)).forEach(s -> bySymbol.computeIfAbsent(s, k -> ConcurrentHashMap.newKeySet()).add(client));
    }

    void dispatch(StreamUpdate update) {
        long now = System.nanoTime();
        offer(bySymbol.get(update.symbol()), update, now);
        offer(bySymbol.get(Subscription.ANY), update, now);
    }

    void sweep() {
        long now = System.nanoTime();
        all.forEach(client -> client.sweep(now));
    }

    private static void offer(Set<ClientSession> clients, StreamUpdate update, long now) {
        if (clients != null) {
            clients.forEach(client -> client.offer(update, now));
        }
    }

    private void unindex(String symbol, ClientSession client) {
        bySymbol.computeIfPresent(symbol, (k, clients) -> {
            clients.remove(client);
            return clients.isEmpty() ? null : clients;
        });
    }

    private static Set<String> keys(Subscription s) {
        return s.candles().contains(Subscription.ANY) ? Set.of(Subscription.ANY) : s.candles();
    }
}
