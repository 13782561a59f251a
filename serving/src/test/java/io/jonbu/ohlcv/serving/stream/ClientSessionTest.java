package io.jonbu.ohlcv.serving.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.eclipse.jetty.websocket.api.RemoteEndpoint;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.junit.jupiter.api.Test;

/**
 * The outbox rules on a stand-in for Jetty's session whose sends complete only when the test says
 * so, and with time passed in: which message goes out when, exactly.
 */
class ClientSessionTest {
    private static final Duration LIMIT = Duration.ofSeconds(1);
    private static final long T0 = 1_000_000_000_000L;

    private final List<String> written = new ArrayList<>();
    private final ArrayDeque<WriteCallback> inFlight = new ArrayDeque<>();
    private final List<String> closes = new ArrayList<>();
    private final StreamMetrics metrics = new StreamMetrics();

    @Test
    void aWaitingPartialUpdateIsReplacedInPlaceByTheNewerOneAndAFinalByNothing() throws Exception {
        ClientSession client = subscribedClient(8);
        StreamUpdate a1 = update("AAA", 0, 1, false);
        StreamUpdate b1 = update("BBB", 0, 1, false);
        StreamUpdate a2 = update("AAA", 0, 2, false);
        StreamUpdate aFinal = update("AAA", 0, 3, true);
        StreamUpdate aRevised = update("AAA", 0, 4, true);

        for (StreamUpdate u : List.of(a1, b1, a2, aFinal, aRevised)) {
            client.offer(u, T0);
        }
        completeAll();

        // a1 and a2 were replaced where a1 stood, so AAA still goes before BBB; finals each go out
        assertThat(written).containsExactly(ServerMessages.subscription(subscription()), aFinal.text(), b1.text(), aRevised.text());
        assertThat(metrics.coalesced()).isEqualTo(2);
        assertThat(metrics.dropped()).isZero();
        assertThat(metrics.sent()).isEqualTo(4);
    }

    @Test
    void aFullQueueDropsUpdatesAndAClientBehindPastTheLimitIsToldSoAndClosed() throws Exception {
        ClientSession client = subscribedClient(2);
        // the confirmation is in flight and never completes: the client reads nothing
        client.offer(update("AAA", 0, 1, true), T0);
        client.offer(update("AAA", 1, 1, true), T0);
        client.offer(update("AAA", 2, 1, true), T0);
        client.offer(update("AAA", 3, 1, true), T0 + LIMIT.toNanos() / 2);
        client.sweep(T0 + LIMIT.toNanos());

        assertThat(metrics.dropped()).isEqualTo(2);
        assertThat(closes).isEmpty();

        client.sweep(T0 + LIMIT.toNanos() + 1);

        assertThat(written).last().satisfies(error -> assertThat(ApiJson.mapper().readTree(error)).isEqualTo(
                ApiJson.mapper().readTree("[{\"T\":\"error\",\"code\":407,\"msg\":\"slow client\"}]")));
        assertThat(closes).containsExactly("1008 slow client");
        assertThat(metrics.slowDisconnects()).isEqualTo(1);
        client.offer(update("AAA", 4, 1, true), T0 + LIMIT.toNanos() * 2);
        assertThat(written).hasSize(2);
    }

    @Test
    void aClientThatCatchesUpToHalfItsQueueIsNoLongerBehind() throws Exception {
        ClientSession client = subscribedClient(4);
        for (int n = 0; n < 5; n++) {
            client.offer(update("AAA", n, 1, true), T0);
        }
        assertThat(metrics.dropped()).isEqualTo(1);
        completeOne();
        completeOne();
        completeOne();

        client.sweep(T0 + LIMIT.toNanos() * 5);

        assertThat(closes).isEmpty();
    }

    @Test
    void theKafkaThreadOnlyQueuesSoUpdatesWaitingForASenderAreCoalescedThere() throws Exception {
        ArrayDeque<Runnable> senders = new ArrayDeque<>();
        ClientSession client = subscribedClient(8, senders::add);
        completeAll();
        StreamUpdate a1 = update("AAA", 0, 1, false);
        StreamUpdate a2 = update("AAA", 0, 2, false);
        StreamUpdate b1 = update("BBB", 0, 1, false);

        for (StreamUpdate u : List.of(a1, a2, b1)) {
            client.offer(u, T0);
        }

        assertThat(written).as("nothing written on the offering thread").containsExactly(ServerMessages.subscription(subscription()));
        assertThat(senders).as("one drain asked for, however many updates").hasSize(1);
        senders.poll().run();
        completeAll();
        assertThat(written).containsExactly(ServerMessages.subscription(subscription()), a2.text(), b1.text());
        assertThat(metrics.coalesced()).isEqualTo(1);
    }

    private ClientSession subscribedClient(int capacity) {
        return subscribedClient(capacity, Runnable::run);
    }

    private ClientSession subscribedClient(int capacity, Executor senders) {
        CandleStreamSettings settings = CandleStreamSettings.of("unused:9092").withBackpressure(capacity, LIMIT);
        ClientSession client = new ClientSession(session(), senders, settings, metrics);
        client.apply(ClientRequest.parse("{\"action\":\"subscribe\",\"candles\":[\"*\"],\"timeframes\":[\"*\"]}"));
        return client;
    }

    private static Subscription subscription() {
        return Subscription.NONE.apply(ClientRequest.parse("{\"action\":\"subscribe\",\"candles\":[\"*\"],\"timeframes\":[\"*\"]}"));
    }

    private static StreamUpdate update(String symbol, int n, long volume, boolean isFinal) throws Exception {
        Candle c = CandleProducer.candle(symbol, Timeframe.M1, n, volume, isFinal);
        return StreamUpdate.decode(StreamUpdate.Kind.CANDLE, ApiJson.mapper().writeValueAsString(c));
    }

    private void completeOne() {
        inFlight.poll().writeSuccess();
    }

    private void completeAll() {
        while (!inFlight.isEmpty()) {
            completeOne();
        }
    }

    /** Only what ClientSession calls; sends are held until the test completes them. */
    private Session session() {
        RemoteEndpoint remote = (RemoteEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RemoteEndpoint.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sendString") && args.length == 2) {
                        written.add((String) args[0]);
                        WriteCallback callback = (WriteCallback) args[1];
                        if (callback != WriteCallback.NOOP) {
                            inFlight.add(callback);
                        }
                        return null;
                    }
                    throw new UnsupportedOperationException(method.toString());
                });
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "getRemote":
                    return remote;
                case "close":
                    closes.add(args[0] + " " + args[1]);
                    return null;
                case "isOpen":
                    return closes.isEmpty();
                default:
                    throw new UnsupportedOperationException(method.toString());
            }
        });
    }
}
