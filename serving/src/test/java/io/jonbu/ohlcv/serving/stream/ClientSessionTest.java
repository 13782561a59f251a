package io.jonbu.ohlcv.serving.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
        assertThat(objects()).containsExactlyElementsOf(json(ServerMessages.subscription(subscription()), aFinal.text(), b1.text(),
                aRevised.text()));
        assertThat(written).as("what waited behind the confirmation went as one message").hasSize(2);
        assertThat(metrics.coalesced()).isEqualTo(2);
        assertThat(metrics.dropped()).isZero();
        assertThat(metrics.sent()).isEqualTo(4);
        assertThat(metrics.frames()).isEqualTo(2);
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
        // the confirmation went; the four waiting updates go as one message
        assertThat(written).hasSize(2);
        completeOne();

        client.sweep(T0 + LIMIT.toNanos() * 5);

        assertThat(closes).isEmpty();
    }

    @Test
    void offeringOnlyQueuesSoUpdatesWaitingForTheDrainAreCoalescedThere() throws Exception {
        ArrayDeque<Runnable> senders = new ArrayDeque<>();
        ClientSession client = subscribedClient(8, senders::add);
        completeAll();
        StreamUpdate a1 = update("AAA", 0, 1, false);
        StreamUpdate a2 = update("AAA", 0, 2, false);
        StreamUpdate b1 = update("BBB", 0, 1, false);

        for (StreamUpdate u : List.of(a1, a2, b1)) {
            client.offer(u, T0);
        }

        assertThat(objects()).as("nothing written while offering")
                .containsExactlyElementsOf(json(ServerMessages.subscription(subscription())));
        assertThat(senders).as("one drain asked for, however many updates").hasSize(1);
        senders.poll().run();
        completeAll();
        assertThat(objects()).containsExactlyElementsOf(json(ServerMessages.subscription(subscription()), a2.text(), b1.text()));
        assertThat(written).as("the drain sent one message").hasSize(2);
        assertThat(metrics.coalesced()).isEqualTo(1);
    }

    @Test
    void aBacklogGoesOutInMessagesOfAtMostTheLimitInOrder() throws Exception {
        ClientSession client = subscribedClient(1024);
        // the confirmation is in flight: these wait, 300 to 400 characters each
        List<String> sent = new ArrayList<>();
        for (int n = 0; n < 600; n++) {
            StreamUpdate u = update("AAA", n, 1, true);
            client.offer(u, T0);
            sent.add(u.text());
        }
        completeAll();

        List<String> expected = new ArrayList<>(List.of(ServerMessages.subscription(subscription())));
        expected.addAll(sent);
        assertThat(objects()).containsExactlyElementsOf(json(expected.toArray(String[]::new)));
        List<String> backlog = written.subList(1, written.size());
        assertThat(backlog).as("the backlog's messages").hasSizeBetween(2, 600 * 400 / ClientSession.MAX_MESSAGE_CHARS + 1)
                .allSatisfy(m -> assertThat(m.length()).isLessThanOrEqualTo(ClientSession.MAX_MESSAGE_CHARS));
        assertThat(backlog.subList(0, backlog.size() - 1)).as("full but for the last")
                .allSatisfy(m -> assertThat(m.length()).isGreaterThan(ClientSession.MAX_MESSAGE_CHARS - 1000));
        assertThat(metrics.sent()).isEqualTo(601);
        assertThat(metrics.frames()).isEqualTo(written.size());
    }

    /** Every object written, in order, out of the messages' arrays. */
    private List<JsonNode> objects() throws Exception {
        List<JsonNode> objects = new ArrayList<>();
        for (String message : written) {
            JsonNode array = ApiJson.mapper().readTree(message);
            assertThat(array.isArray() && !array.isEmpty()).as("an array of objects: %s", message).isTrue();
            array.forEach(objects::add);
        }
        return objects;
    }

    private static List<JsonNode> json(String... objects) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String o : objects) {
            nodes.add(ApiJson.mapper().readTree(o));
        }
        return nodes;
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
