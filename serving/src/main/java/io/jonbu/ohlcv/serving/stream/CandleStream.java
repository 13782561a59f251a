package io.jonbu.ohlcv.serving.stream;

import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import io.jonbu.ohlcv.serving.auth.Access;
import io.jonbu.ohlcv.serving.auth.Verdict;
import io.jonbu.ohlcv.serving.health.HealthReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/stream}: fans the job's Kafka candle stream out to WebSocket clients. The protocol
 * follows Alpaca's stream: on connect {@code [{"T":"success","msg":"connected"}]}; the client sends
 * {@code {"action":"subscribe"|"unsubscribe","candles":[..],"timeframes":[..],"enriched":..}} and gets
 * its whole subscription back as {@code [{"T":"subscription",..}]}; then {@code [{"T":"candle",..}]}
 * and {@code [{"T":"enriched",..}]} messages, each carrying the REST API's JSON of the candle; errors
 * as {@link StreamError}. The server pings every client; clients may ping too.
 *
 * <p>When the server needs API keys, a client authenticates with the REST API's headers on the upgrade
 * request, or, as on Alpaca's stream, with {@code {"action":"auth","key":".."}} within
 * {@link #AUTH_TIMEOUT} of connecting; until then it gets nothing and may only authenticate.
 */
public final class CandleStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CandleStream.class);
    private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(15);
    static final Duration AUTH_TIMEOUT = Duration.ofSeconds(10);
    private static final long SWEEP_MILLIS = 250;
    // Jetty's own limit, far above ours, so an oversized message reaches onMessage and gets a JSON error
    // rather than a bare close; past it Jetty closes with 1009 itself
    private static final int JETTY_MAX_MESSAGE_CHARS = 64 * 1024;

    private final CandleStreamSettings settings;
    private final Access access;
    /** Clients connected but not yet authenticated, with when they connected. */
    private final Map<String, Long> unauthenticated = new ConcurrentHashMap<>();
    private final StreamMetrics metrics = new StreamMetrics();
    private final Map<String, Connection> sessions = new ConcurrentHashMap<>();
    private final CandleFeed feed;
    /**
     * Write to the clients, so the Kafka thread only hands over each update (see {@link Sender}); one per
     * core, as writes cost CPU, each with its share of the clients.
     */
    private final List<Sender> senders = IntStream.rangeClosed(1, Math.max(2, Runtime.getRuntime().availableProcessors()))
            .mapToObj(n -> new Sender("candle-stream-sender-" + n)).toList();
    private final AtomicInteger nextSender = new AtomicInteger();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "candle-stream-sweeper");
        t.setDaemon(true);
        return t;
    });

    public CandleStream(CandleStreamSettings settings, Access access) {
        this.settings = settings;
        this.access = access;
        this.feed = new CandleFeed(settings, update -> senders.forEach(sender -> sender.publish(update)), metrics);
    }

    /** Starts reading Kafka (see {@link CandleFeed#start}) and checking for slow clients. */
    public void start() {
        try {
            feed.start(ASSIGNMENT_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the candle stream", e);
        }
        sweeper.scheduleWithFixedDelay(() -> senders.forEach(sender -> sender.subscribers().sweep()), SWEEP_MILLIS, SWEEP_MILLIS,
                TimeUnit.MILLISECONDS);
        sweeper.scheduleWithFixedDelay(this::closeUnauthenticated, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The WebSocket handlers, for {@code ws("stream", stream::configure)}. */
    public void configure(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onMessage(this::received);
        ws.onClose(ctx -> disconnected(ctx));
        ws.onError(ctx -> {
            LOG.debug("stream client {} failed: {}", ctx.sessionId(), String.valueOf(ctx.error()));
            disconnected(ctx);
        });
    }

    public StreamMetrics metrics() {
        return metrics;
    }

    /** The {@code kafka} component of {@code /health}. */
    public HealthReport.Component health() {
        return feed.health();
    }

    private void connected(WsConnectContext ctx) {
        ctx.session.setMaxTextMessageSize(JETTY_MAX_MESSAGE_CHARS);
        ctx.enableAutomaticPings(settings.pingInterval().toMillis(), TimeUnit.MILLISECONDS);
        Sender sender = senders.get(Math.floorMod(nextSender.getAndIncrement(), senders.size()));
        ClientSession client = new ClientSession(ctx.session, sender.drains(), settings, metrics);
        Connection connection = new Connection(client, sender.subscribers());
        sessions.put(ctx.sessionId(), connection);
        metrics.connected();
        client.reply(ServerMessages.CONNECTED);
        if (!access.required()) {
            connection.subscribers().add(client);
            return;
        }
        unauthenticated.put(ctx.sessionId(), System.nanoTime());
        String presented = Access.presented(ctx.header("Authorization"), ctx.header("X-API-Key"));
        if (presented != null) {
            authenticate(ctx.sessionId(), connection, presented);
        }
    }

    private void authenticate(String sessionId, Connection connection, String key) {
        ClientSession client = connection.client();
        Verdict verdict = access.check(key);
        if (verdict instanceof Verdict.Granted) {
            if (unauthenticated.remove(sessionId) != null) {
                connection.subscribers().add(client);
                client.reply(ServerMessages.AUTHENTICATED);
            }
        } else if (verdict instanceof Verdict.Denied denied) {
            client.closeWith(StreamError.authFailed(denied.reason()), StatusCode.POLICY_VIOLATION);
        } else if (verdict instanceof Verdict.Limited limited) {
            client.reply(StreamError.rateLimited(limited.retryAfterSeconds()).text());
        } else if (verdict instanceof Verdict.Unavailable unavailable) {
            client.closeWith(StreamError.unavailable(unavailable.reason()), StatusCode.TRY_AGAIN_LATER);
        }
    }

    private void closeUnauthenticated() {
        long now = System.nanoTime();
        unauthenticated.forEach((id, connectedAt) -> {
            Connection connection = sessions.get(id);
            if (connection != null && now - connectedAt > AUTH_TIMEOUT.toNanos() && unauthenticated.remove(id) != null) {
                connection.client().closeWith(StreamError.authTimeout(), StatusCode.POLICY_VIOLATION);
            }
        });
    }

    private void received(WsMessageContext ctx) {
        Connection connection = sessions.get(ctx.sessionId());
        if (connection == null) {
            return;
        }
        ClientSession client = connection.client();
        String text = ctx.message();
        if (text.length() > settings.maxMessageChars()) {
            client.closeWith(StreamError.tooLarge(settings.maxMessageChars()), StatusCode.MESSAGE_TOO_LARGE);
            return;
        }
        try {
            ClientRequest request = ClientRequest.parse(text);
            boolean authenticated = !unauthenticated.containsKey(ctx.sessionId());
            if (request.action() == ClientRequest.Action.AUTH) {
                if (authenticated) {
                    throw StreamError.alreadyAuthenticated();
                }
                authenticate(ctx.sessionId(), connection, request.key());
            } else if (!authenticated) {
                throw StreamError.notAuthenticated();
            } else {
                connection.subscribers().apply(client, request);
            }
        } catch (StreamError e) {
            client.reply(e.text());
        }
    }

    private void disconnected(WsContext ctx) {
        Connection connection = sessions.remove(ctx.sessionId());
        unauthenticated.remove(ctx.sessionId());
        if (connection != null) {
            connection.client().closed();
            connection.subscribers().remove(connection.client());
            metrics.disconnected();
        }
    }

    /**
     * Tells every connected client, authenticated or not, that the server is going away (a 1001 close
     * frame), and waits up to {@code grace} for them to close: the frame is sent asynchronously, and a
     * server that stops listening at once would cut the connections before it goes out.
     */
    public void goAway(Duration grace) {
        sessions.values().forEach(c -> c.client().goAway());
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (!sessions.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A connected client and the index of its sender, where it is subscribed. */
    private record Connection(ClientSession client, Subscribers subscribers) {}

    @Override
    public void close() {
        sweeper.shutdownNow();
        senders.forEach(Sender::close);
        try {
            feed.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
