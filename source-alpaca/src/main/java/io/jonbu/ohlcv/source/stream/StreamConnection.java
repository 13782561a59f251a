package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedStatus;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.alpaca.AlpacaMessageParser;
import io.jonbu.ohlcv.model.alpaca.AlpacaMessageWriter;
import io.jonbu.ohlcv.model.alpaca.ControlMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One split's connection: connect, wait for {@code connected}, authenticate, subscribe to the split's
 * trades (and the {@link StreamSettings#channels() channels} configured besides), wait for the
 * subscription, then put every frame on the {@link FrameQueue}. When the split's
 * symbols change ({@link #resubscribe()}), the live socket is sent the difference, as Alpaca's
 * {@code subscribe} and {@code unsubscribe} add to and take from the current subscription; a handshake
 * always subscribes the split's current symbols. A split left without symbols closes its socket and
 * stays idle until some are added. A lost connection
 * is opened again after a capped exponential backoff with jitter and goes through the same handshake;
 * an error that reconnecting cannot fix fails the reader instead.
 *
 * <p>A split that has emitted trades before (restored from a checkpoint, or after a lost connection)
 * first has its gap measured, and a long one caught up over REST, before it connects (see
 * {@link Backfiller#catchUp}). When the subscription is confirmed, the rest of the gap is backfilled:
 * live frames wait in a bounded buffer until the backfill is queued, and the emitter drops the trades
 * both carry. A buffer that fills up drops the connection, and the next one backfills again from
 * further on, so a long gap is caught up over REST rather than held in memory.
 *
 * <p>okhttp calls back on one reader thread per socket, so frames stay in order. State changes are
 * synchronized; putting a frame is not, because it blocks while the queue is full.
 */
final class StreamConnection {
    private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);
    /** The log context key of a feed connection's id, {@code split#n}. */
    static final String CONNECTION_MDC_KEY = "feed_connection";

    /** Alpaca closes an unauthenticated connection after about 10 s; a server silent for longer is not answering. */
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(15);
    private static final int NORMAL_CLOSURE = 1000;
    /** Live frames held while a backfill runs; a frame holds a server tick's trades, so this is minutes of a busy feed. */
    private static final int MAX_BUFFERED_FRAMES = 10_000;

    /**
     * The connection as a health check sees it: connected once subscribed (streaming, or backfilling
     * behind the live frames), with the backfill client's circuit state.
     */
    FeedStatus status(String restCircuit) {
        boolean connected;
        int symbols;
        synchronized (this) {
            connected = phase == Phase.STREAMING || phase == Phase.BACKFILLING;
            symbols = subscribed.size();
        }
        return new FeedStatus(splitId, connected, restCircuit, symbols, lastFrameWallNanos, System.currentTimeMillis() * 1_000_000L);
    }

    private enum Phase { IDLE, CATCHING_UP, AWAIT_CONNECTED, AWAIT_AUTHENTICATED, AWAIT_SUBSCRIPTION, BACKFILLING, STREAMING }

    private final String splitId;
    /** The split's symbols now; they change while it runs. */
    private final Supplier<List<String>> symbols;
    private final StreamSettings settings;
    private final OkHttpClient client;
    private final FrameQueue<Arrival> queue;
    private final ScheduledExecutorService scheduler;
    private final Backfiller backfiller;
    /** The event time a backfill starts from, or {@link AlpacaSplitState#NOTHING_EMITTED} for none. */
    private final LongSupplier resumeFrom;
    /**
     * Where a backfill that has not finished started, or {@link AlpacaSplitState#NOTHING_EMITTED}. The
     * REST API returns several symbols one after another, so a backfill cut short has brought the
     * first symbols up to date and not the rest: the next one must start no later than this one did.
     */
    private long unfinishedBackfillFrom = AlpacaSplitState.NOTHING_EMITTED;
    /**
     * Where the seam backfill after this connection's subscription starts at the earliest, as the
     * catch-up before it left things ({@link AlpacaSplitState#NOTHING_EMITTED}: no bound). The split's
     * resume point may lag behind while the caught-up trades still wait in the queue.
     */
    private long seamFrom = AlpacaSplitState.NOTHING_EMITTED;
    /** The catch-up under way; one that finishes after it was superseded (a close, a removal) is ignored. */
    private Object catchUp;
    /**
     * The event time of the earliest trade in the first live frame held during a backfill, where the
     * backfill ends; {@link AlpacaSplitState#NOTHING_EMITTED} until one arrives. Volatile: the backfill
     * thread waits for it.
     */
    private volatile long liveStart = AlpacaSplitState.NOTHING_EMITTED;
    private final AlpacaMessageParser parser = new AlpacaMessageParser();

    /** The live socket; callbacks from earlier ones are ignored. */
    private WebSocket socket;
    /** How many sockets this split has opened: the live one's id in the logs is split#n. */
    private int connections;
    /** The trades the live socket was asked for, so a change sends only the difference. */
    private Set<String> subscribed = Set.of();
    private Phase phase;
    /** Attempts since the last connection that reached STREAMING, for the backoff. */
    private int failedAttempts;
    /** The handshake timeout or the scheduled reconnect. */
    private ScheduledFuture<?> timer;
    /** The data-age check while streaming. */
    private ScheduledFuture<?> watchdog;
    /** System.nanoTime() of the last frame; volatile, as okhttp's thread writes and the scheduler reads it. */
    private volatile long lastFrameNanos;
    /** Wall-clock time of the newest frame, for {@link #status}; 0 before the first. */
    private volatile long lastFrameWallNanos;
    private boolean closed;
    /** Live frames that arrived while backfilling, in order. */
    private List<String> buffered = new ArrayList<>();

    StreamConnection(String splitId, Supplier<List<String>> symbols, StreamSettings settings, OkHttpClient client,
            FrameQueue<Arrival> queue, ScheduledExecutorService scheduler, Backfiller backfiller, LongSupplier resumeFrom) {
        this.splitId = splitId;
        this.symbols = symbols;
        this.settings = settings;
        this.client = client;
        this.queue = queue;
        this.scheduler = scheduler;
        this.backfiller = backfiller;
        this.resumeFrom = resumeFrom;
    }

    /**
     * Connects; a split with a gap to fill first lets the backfiller measure it and catch a long one
     * up over REST, so that no live frames wait meanwhile, and connects when that is done.
     */
    synchronized void open() {
        if (closed) {
            return;
        }
        List<String> wanted = symbols.get();
        if (wanted.isEmpty()) {
            phase = Phase.IDLE;
            LOG.info("split {}: no symbols; idle until some are added", splitId);
            return;
        }
        if (backfillFrom() == AlpacaSplitState.NOTHING_EMITTED) {
            connect();
            return;
        }
        phase = Phase.CATCHING_UP;
        Object attempt = new Object();
        catchUp = attempt;
        backfiller.catchUp(new AlpacaStreamSplit(splitId, wanted.stream().sorted().toList()), this::backfillFrom,
                arrival -> deliver(() -> catchUp == attempt, arrival), bound -> caughtUp(attempt, bound));
    }

    private synchronized void caughtUp(Object attempt, long bound) {
        if (closed || catchUp != attempt || phase != Phase.CATCHING_UP) {
            return;
        }
        catchUp = null;
        seamFrom = bound;
        connect();
    }

    /** Where the next backfill starts: the resume point, or earlier if the last one did not finish. */
    private synchronized long backfillFrom() {
        long from = resumeFrom.getAsLong();
        if (unfinishedBackfillFrom != AlpacaSplitState.NOTHING_EMITTED) {
            from = Math.min(from, unfinishedBackfillFrom);
        }
        return from;
    }

    private void connect() {
        phase = Phase.AWAIT_CONNECTED;
        String connection = splitId + "#" + ++connections;
        WebSocket opened = client.newWebSocket(new Request.Builder().url(settings.url()).build(), new Tagged(connection));
        socket = opened;
        timer = scheduler.schedule(() -> handshakeTimedOut(opened), HANDSHAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The split's symbols changed: a socket past authentication is sent the difference, a handshake
     * under way subscribes the new set when it gets there, an idle split connects, and a split left
     * empty disconnects. The subscription confirmed in reply goes downstream with the data, which
     * ignores it.
     */
    synchronized void resubscribe() {
        if (closed) {
            return;
        }
        List<String> wanted = symbols.get();
        if (wanted.isEmpty()) {
            cancelTimer();
            catchUp = null;
            if (socket != null) {
                socket.close(NORMAL_CLOSURE, "no symbols left");
                socket = null;
            }
            subscribed = Set.of();
            phase = Phase.IDLE;
            LOG.info("split {}: every symbol removed; disconnected until some are added", splitId);
            return;
        }
        if (phase == Phase.IDLE) {
            open();
            return;
        }
        if (socket == null || phase == Phase.AWAIT_CONNECTED || phase == Phase.AWAIT_AUTHENTICATED) {
            return; // a reconnect is scheduled, or the handshake is not yet at its subscribe
        }
        List<String> added = wanted.stream().filter(symbol -> !subscribed.contains(symbol)).toList();
        List<String> removed = subscribed.stream().filter(symbol -> !wanted.contains(symbol)).sorted().toList();
        if (!added.isEmpty()) {
            socket.send(AlpacaMessageWriter.action("subscribe", settings.subscription(added)));
        }
        if (!removed.isEmpty()) {
            socket.send(AlpacaMessageWriter.action("unsubscribe", settings.subscription(removed)));
        }
        subscribed = Set.copyOf(wanted);
        LOG.info("split {}: subscribed {}, unsubscribed {} on the live connection", splitId, added, removed);
    }

    synchronized void close() {
        closed = true;
        catchUp = null;
        cancelTimer();
        if (socket != null && !socket.close(NORMAL_CLOSURE, "reader closing")) {
            socket.cancel();
        }
        socket = null;
    }

    /**
     * Tags okhttp's reader thread with the connection's id ({@value #CONNECTION_MDC_KEY} in the log
     * lines' context) for as long as it reads this socket: okhttp calls onOpen and then every
     * onMessage from that one thread, so the tag costs nothing per frame.
     */
    private final class Tagged extends WebSocketListener {
        private final String connection;

        Tagged(String connection) {
            this.connection = connection;
        }

        @Override
        public void onOpen(WebSocket ws, Response response) {
            MDC.put(CONNECTION_MDC_KEY, connection);
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            StreamConnection.this.onMessage(ws, text);
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            tagged(() -> StreamConnection.this.onClosing(ws, code, reason));
        }

        @Override
        public void onFailure(WebSocket ws, Throwable failure, Response response) {
            tagged(() -> StreamConnection.this.onFailure(ws, failure, response));
        }

        /** The last calls on a socket may come from another thread than its reader's: tagged for their duration only. */
        private void tagged(Runnable call) {
            MDC.put(CONNECTION_MDC_KEY, connection);
            try {
                call.run();
            } finally {
                MDC.remove(CONNECTION_MDC_KEY);
            }
        }
    }

    private void onMessage(WebSocket ws, String text) {
        lastFrameNanos = System.nanoTime();
        lastFrameWallNanos = System.currentTimeMillis() * 1_000_000L;
        Phase current;
        synchronized (this) {
            if (ws != socket) {
                return;
            }
            current = phase;
        }
        if (current != Phase.STREAMING && current != Phase.BACKFILLING) {
            controls(text).forEach(message -> handshake(ws, message));
            return;
        }
        // only an error needs a look here: everything else goes downstream as it came
        if (text.contains("\"error\"")) {
            controls(text).stream().filter(ControlMessage::isError).forEach(message -> error(ws, message));
        }
        if (heldBack(ws, text)) {
            return;
        }
        try {
            queue.put(splitId, Arrival.frame(text));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the frame must not be queued now: it is held while a backfill runs, and dropped if its
     * connection was replaced meanwhile (the next backfill covers its trades).
     */
    private synchronized boolean heldBack(WebSocket ws, String text) {
        if (ws != socket) {
            return true;
        }
        if (phase != Phase.BACKFILLING) {
            return false;
        }
        if (buffered.size() == MAX_BUFFERED_FRAMES) {
            ws.cancel();
            lost(ws, "more than " + MAX_BUFFERED_FRAMES + " live frames arrived during the backfill; "
                    + "the next connection backfills further");
            return true;
        }
        buffered.add(text);
        if (liveStart == AlpacaSplitState.NOTHING_EMITTED) {
            liveStart = earliestTrade(text);
        }
        return true;
    }

    private void onClosing(WebSocket ws, int code, String reason) {
        ws.close(NORMAL_CLOSURE, null);
        lost(ws, "closed by the server with " + code + (reason.isEmpty() ? "" : " " + reason));
    }

    private void onFailure(WebSocket ws, Throwable failure, Response response) {
        lost(ws, response != null ? "HTTP " + response.code() + " " + response.message() : failure.toString());
    }

    /** The event time of the frame's earliest trade, or {@link AlpacaSplitState#NOTHING_EMITTED} if it has none. */
    private long earliestTrade(String text) {
        long[] earliest = {AlpacaSplitState.NOTHING_EMITTED};
        parser.parse(text, new AlpacaMessageParser.Listener() {
            @Override
            public void onTrade(Trade trade) {
                if (earliest[0] == AlpacaSplitState.NOTHING_EMITTED || trade.timestamp() < earliest[0]) {
                    earliest[0] = trade.timestamp();
                }
            }

            @Override
            public void onMalformed(String reason, String raw) {
                // the emitter reports it when the frame is queued
            }
        });
        return earliest[0];
    }

    private List<ControlMessage> controls(String text) {
        List<ControlMessage> controls = new ArrayList<>(1);
        parser.parse(text, new AlpacaMessageParser.Listener() {
            @Override
            public void onTrade(Trade trade) {
                // trades before the subscription is confirmed belong to no one yet
            }

            @Override
            public void onControl(ControlMessage message) {
                controls.add(message);
            }

            @Override
            public void onMalformed(String reason, String raw) {
                LOG.warn("split {}: malformed message during the handshake ({}): {}", splitId, reason, raw);
            }
        });
        return controls;
    }

    private synchronized void handshake(WebSocket ws, ControlMessage message) {
        if (ws != socket) {
            return;
        }
        if (message.isError()) {
            error(ws, message);
        } else if (phase == Phase.AWAIT_CONNECTED && message.isSuccess("connected")) {
            phase = Phase.AWAIT_AUTHENTICATED;
            ws.send(AlpacaMessageWriter.auth(settings.key(), settings.secret()));
        } else if (phase == Phase.AWAIT_AUTHENTICATED && message.isSuccess("authenticated")) {
            phase = Phase.AWAIT_SUBSCRIPTION;
            List<String> wanted = symbols.get();
            subscribed = Set.copyOf(wanted);
            ws.send(AlpacaMessageWriter.action("subscribe", settings.subscription(wanted)));
        } else if (phase == Phase.AWAIT_SUBSCRIPTION && ControlMessage.SUBSCRIPTION.equals(message.type())) {
            subscribed(message);
        }
    }

    /** Each channel asked for should list each symbol (or {@code *}); a gap is logged, as data simply will not come. */
    private void subscribed(ControlMessage reply) {
        settings.subscription(subscribed.stream().sorted().toList()).forEach((channel, symbols) -> {
            List<String> confirmed = reply.channel(channel);
            List<String> missing = confirmed.contains("*") ? List.of()
                    : symbols.stream().filter(symbol -> !confirmed.contains(symbol)).toList();
            if (!missing.isEmpty()) {
                LOG.warn("split {}: the server did not confirm {} of {}", splitId, channel, missing);
            }
        });
        failedAttempts = 0;
        cancelTimer();
        watchData(socket);
        long from = backfillFrom();
        if (from != AlpacaSplitState.NOTHING_EMITTED && seamFrom != AlpacaSplitState.NOTHING_EMITTED) {
            from = Math.max(from, seamFrom);
        }
        seamFrom = AlpacaSplitState.NOTHING_EMITTED;
        if (from == AlpacaSplitState.NOTHING_EMITTED) {
            phase = Phase.STREAMING;
            LOG.info("split {}: streaming trades of {} symbols from {}", splitId, subscribed.size(), settings.url());
            return;
        }
        phase = Phase.BACKFILLING;
        unfinishedBackfillFrom = from;
        liveStart = AlpacaSplitState.NOTHING_EMITTED;
        buffered = new ArrayList<>();
        WebSocket ws = socket;
        LOG.info("split {}: streaming trades of {} symbols from {} after a backfill from {} over {}", splitId,
                subscribed.size(), settings.url(), EpochNanos.format(from), settings.restUrl());
        // the symbols subscribed now: one added while the connection was down is backfilled from the
        // split's resume point too, a little before it was added
        AlpacaStreamSplit backfilled = new AlpacaStreamSplit(splitId, subscribed.stream().sorted().toList());
        backfiller.start(backfilled, from, () -> liveStart, arrival -> deliver(() -> ws == socket, arrival),
                () -> backfillDone(ws));
    }

    /** On the backfill thread: queues a batch unless what it was fetched for is gone. */
    private boolean deliver(BooleanSupplier current, Arrival arrival) {
        synchronized (this) {
            if (closed || !current.getAsBoolean()) {
                return false;
            }
        }
        try {
            return queue.put(splitId, arrival);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * On the backfill thread: queues the live frames held meanwhile, then goes live. The queue may
     * block, so frames are taken from the buffer under the lock but queued outside it; frames that
     * arrive meanwhile join a fresh buffer and are taken in the next round, so none overtakes another.
     */
    private void backfillDone(WebSocket ws) {
        int held = 0;
        try {
            while (true) {
                List<String> frames;
                synchronized (this) {
                    if (ws != socket || phase != Phase.BACKFILLING) {
                        return;
                    }
                    if (buffered.isEmpty()) {
                        phase = Phase.STREAMING;
                        unfinishedBackfillFrom = AlpacaSplitState.NOTHING_EMITTED;
                        LOG.info("split {}: backfill queued, then {} live frames held meanwhile; streaming live",
                                splitId, held);
                        break;
                    }
                    frames = buffered;
                    buffered = new ArrayList<>();
                }
                for (String text : frames) {
                    if (!queue.put(splitId, Arrival.frame(text))) {
                        return;
                    }
                }
                held += frames.size();
            }
            // live frames queued from here on no longer overlap the backfill (beyond the horizon's reach)
            queue.put(splitId, Arrival.seamEnd());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void error(WebSocket ws, ControlMessage message) {
        if (ws != socket) {
            return;
        }
        int code = message.code();
        if (AlpacaStreamException.isFatal(code)) {
            AlpacaStreamException fatal = AlpacaStreamException.of(code, message.msg(), splitId, settings.url());
            LOG.error("split {}: {}", splitId, fatal.getMessage());
            close();
            queue.fail(fatal);
        } else if (code == 403) {
            LOG.debug("split {}: already authenticated", splitId);
        } else if (code == 405) {
            LOG.error("split {}: symbol limit exceeded subscribing {} symbols; the connection stays up",
                    splitId, subscribed.size());
        } else {
            // 401, 406, 407, 500: the server drops us or already has; start over
            ws.cancel();
            lost(ws, "error " + code + " (" + message.msg() + ")");
        }
    }

    /** Checks the data's age at a quarter of the timeout, so a silent connection is dropped within 1.25 x it. */
    private void watchData(WebSocket ws) {
        long timeout = settings.dataAgeTimeout().toNanos();
        if (timeout == 0) {
            return;
        }
        long period = Math.max(1, timeout / 4);
        watchdog = scheduler.scheduleAtFixedRate(() -> checkDataAge(ws, timeout), period, period, TimeUnit.NANOSECONDS);
    }

    private synchronized void checkDataAge(WebSocket ws, long timeoutNanos) {
        if (ws == socket && (phase == Phase.STREAMING || phase == Phase.BACKFILLING)
                && System.nanoTime() - lastFrameNanos > timeoutNanos) {
            ws.cancel();
            lost(ws, "no data for " + settings.dataAgeTimeout().toMillis() + " ms");
        }
    }

    private synchronized void handshakeTimedOut(WebSocket ws) {
        if (ws == socket && phase != Phase.STREAMING && phase != Phase.BACKFILLING) {
            ws.cancel();
            lost(ws, "no subscription confirmed within " + HANDSHAKE_TIMEOUT.toSeconds() + " s (stuck in " + phase + ")");
        }
    }

    private synchronized void lost(WebSocket ws, String why) {
        if (ws != socket || closed) {
            return;
        }
        socket = null;
        buffered = new ArrayList<>();
        cancelTimer();
        long delay = settings.backoffMillis(failedAttempts++, ThreadLocalRandom.current().nextDouble());
        LOG.warn("split {}: connection to {} lost ({}); reconnecting in {} ms", splitId, settings.url(), why, delay);
        timer = scheduler.schedule(this::open, delay, TimeUnit.MILLISECONDS);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
    }
}
