package io.jonbu.ohlcv.source.simulator;

import io.javalin.Javalin;
import io.javalin.websocket.WsConfig;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for Alpaca's v2 stock stream ({@code ws://127.0.0.1:<port>/v2/<feed>}, any feed
 * name): the same greeting, authentication, subscription replies and error codes, and a paced stream
 * of generated trades, with quotes, minute, updated and daily bars and trading statuses derived from
 * them for the clients that subscribe to those ({@link ChannelFeed}). LULD bands may be subscribed but
 * stay silent.
 *
 * <p>Optionally the tape corrects and cancels some trades a little after sending them
 * ({@link SimulatorConfig#correctionShare()}), and faults ({@link SimulatorFault}) misbehave as Alpaca
 * and networks do. The same server answers Alpaca's historical trades and bars endpoints
 * ({@link #restUrl()}) over the tape as it stands after the trades it has emitted, so a client can
 * backfill a gap in the stream exactly.
 */
public final class AlpacaSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaSimulator.class);

    static final String KEY_HEADER = "APCA-API-KEY-ID";
    static final String SECRET_HEADER = "APCA-API-SECRET-KEY";
    private static final long TICK_MILLIS = 5;
    /** Jetty's default of 30 s would drop a quiet client that subscribed to nothing yet. */
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);

    private final SimulatorConfig config;
    private final Map<String, SimulatedSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong connections = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "alpaca-simulator-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final TradeEmitter emitter;
    private final Javalin server;

    private AlpacaSimulator(SimulatorConfig config) {
        this.config = config;
        TradeHistory history = new TradeHistory(config.historySize());
        this.emitter = new TradeEmitter(config, sessions.values(), history);
        HistoricalApi historical = new HistoricalApi(config, history);
        this.server = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.jetty.modifyWebSocketServletFactory(factory -> factory.setIdleTimeout(IDLE_TIMEOUT));
            javalin.router.mount(router -> {
                router.ws("/v2/{feed}", this::stream);
                historical.routes(router);
            });
        });
    }

    public static AlpacaSimulator start(SimulatorConfig config) {
        AlpacaSimulator simulator = new AlpacaSimulator(config);
        simulator.server.start("127.0.0.1", config.port());
        simulator.timer.scheduleAtFixedRate(simulator.emitter, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("Alpaca simulator listening on {} and {} with {}", simulator.url("{feed}"), simulator.restUrl(), config);
        return simulator;
    }

    private void stream(WsConfig ws) {
        ws.onConnect(ctx -> {
            connections.incrementAndGet();
            SimulatedSession session = new SimulatedSession(ctx.sessionId(), ctx.session, config, timer);
            sessions.put(ctx.sessionId(), session);
            session.open(ctx.header(KEY_HEADER), ctx.header(SECRET_HEADER));
        });
        ws.onMessage(ctx -> {
            SimulatedSession session = sessions.get(ctx.sessionId());
            if (session != null) {
                session.onText(ctx.message());
            }
        });
        ws.onClose(ctx -> closed(ctx.sessionId()));
        ws.onError(ctx -> closed(ctx.sessionId()));
    }

    private void closed(String sessionId) {
        SimulatedSession session = sessions.remove(sessionId);
        if (session != null) {
            session.onClosed();
        }
    }

    public int port() {
        return server.port();
    }

    /** {@code ws://127.0.0.1:<port>/v2/<feed>}. */
    public String url(String feed) {
        return "ws://127.0.0.1:" + port() + "/v2/" + feed;
    }

    /** {@code http://127.0.0.1:<port>}, the base URL of the historical endpoints. */
    public String restUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** WebSocket connections accepted since start, closed ones included. */
    public long connectionsOpened() {
        return connections.get();
    }

    /** Trades handed to the connected clients so far. */
    public long emittedCount() {
        return emitter.emitted();
    }

    /**
     * The corrections the tape has issued so far, oldest first (the newest {@code historySize} of them);
     * each went to the clients subscribed to its symbol's trades.
     */
    public List<TradeCorrection> corrections() {
        return emitter.corrections();
    }

    /** The cancels and errors the tape has issued so far, likewise. */
    public List<TradeCancel> cancels() {
        return emitter.cancels();
    }

    /**
     * The stamp of trade 0 (epoch nanos), once emission has started: trade k is the generator's k-th
     * ({@link TradeGenerator#from}) stamped {@code origin + k * stepNanos} (earlier if out of order). On the
     * wall clock that is the time trade k fell due, so with {@link #emittedCount()} it is the whole emission
     * record, and a client can tell how long after its trade each of its updates arrived.
     */
    public OptionalLong origin() {
        return emitter.origin();
    }

    /** Waits until {@code count} trades have been handed to the clients; false on timeout. */
    public boolean awaitEmitted(long count, Duration timeout) throws InterruptedException {
        return emitter.awaitEmitted(count, timeout);
    }

    /** Closes every connection (clients see a going-away close) and stops emitting. */
    @Override
    public void close() {
        int port = port();
        // the server first: sessions may still schedule their close grace on the timer
        server.stop();
        timer.shutdownNow();
        LOG.info("Alpaca simulator on port {} stopped after {} trades", port, emitter.emitted());
    }
}
