package io.jonbu.ohlcv.serving.stream;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connected clients (of one {@link Sender}), indexed by the symbols they subscribe to, so that an
 * update reaches only the clients of its symbol (and those subscribed to {@code *}) instead of every
 * client being asked. A client is indexed under {@code *} alone when it holds it, so the two lookups
 * never overlap. The index's sets are copied on write: every update reads them, a subscription or a
 * disconnect changes them.
 */
final class Subscribers {
    private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);
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
        after.stream().filter(s -> !before.contains(s)).forEach(s -> bySymbol.computeIfAbsent(s, k -> new CopyOnWriteArraySet<>()).add(client));
    }

    void dispatch(StreamUpdate update) {
        long now = System.nanoTime();
        offer(bySymbol.get(update.symbol()), update, now);
        offer(bySymbol.get(Subscription.ANY), update, now);
    }

    void sweep() {
        long now = System.nanoTime();
        for (ClientSession client : all) {
            try {
                client.sweep(now);
            } catch (RuntimeException e) {
                // a scheduled task that throws is never run again: keep sweeping the others
                LOG.warn("sweeping a stream client failed: {}", e.toString());
            }
        }
    }

    private static void offer(Set<ClientSession> clients, StreamUpdate update, long now) {
        if (clients == null) {
            return;
        }
        for (ClientSession client : clients) {
            try {
                client.offer(update, now);
            } catch (RuntimeException e) {
                // one client's broken connection must not stop this sender's thread, and so its other clients
                LOG.warn("dropping stream client after a failed send: {}", e.toString());
                client.closed();
            }
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
