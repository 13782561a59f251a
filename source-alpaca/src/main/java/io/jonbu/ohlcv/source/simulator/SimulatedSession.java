package io.jonbu.ohlcv.source.simulator;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.alpaca.AlpacaMessageWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection speaking Alpaca's v2 stream protocol: greeting, authentication (message or
 * upgrade headers) within the auth timeout, additive subscriptions, and the trade, quote, bar and
 * status frames of its subscription.
 *
 * <p>Replies and trade frames are sent under the session's lock so a subscription reply always
 * precedes the trades it enables. Sends are asynchronous and counted: a client whose unsent frames
 * exceed {@link #MAX_PENDING_FRAMES} is too slow and is dropped with Alpaca's 407, so it never holds
 * up the emitter or the other clients.
 *
 * <p>The configured {@link SimulatorFault}s act here, each timed from the moment the connection opened.
 */
final class SimulatedSession {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedSession.class);

    /** About 1.3 s of emitter ticks waiting in Jetty's queue, on top of what the socket buffers hold. */
    static final int MAX_PENDING_FRAMES = 256;
    /** A dropped client that does not answer the close, or reads too slowly to reach it, is cut after this. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private final String id;
    private final Session session;
    private final SimulatorConfig config;
    private final ScheduledExecutorService timer;
    private final Subscription subscription = new Subscription();
    private final AtomicInteger pendingFrames = new AtomicInteger();
    private final WriteCallback sent = new WriteCallback() {
        @Override
        public void writeSuccess() {
            pendingFrames.decrementAndGet();
        }

        @Override
        public void writeFailed(Throwable failure) {
            pendingFrames.decrementAndGet();
            LOG.debug("session {}: send failed: {}", id, failure.toString());
        }
    };
    private final long openedNanos = System.nanoTime();
    private ScheduledFuture<?> authTimeout;
    private ScheduledFuture<?> disconnect;
    private int dataFrames;
    private boolean authenticated;
    private boolean closed;

    SimulatedSession(String id, Session session, SimulatorConfig config, ScheduledExecutorService timer) {
        this.id = id;
        this.session = session;
        this.config = config;
        this.timer = timer;
    }

    /** Greets the client and authenticates it from the upgrade headers if it sent them. */
    synchronized void open(String headerKey, String headerSecret) {
        send(AlpacaMessageWriter.success("connected"));
        if (headerKey != null || headerSecret != null) {
            authenticate(headerKey, headerSecret);
        }
        if (closed) {
            return;
        }
        if (!authenticated) {
            authTimeout = timer.schedule(this::authTimedOut, config.authTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        config.fault(SimulatorFault.DisconnectEvery.class).ifPresent(fault ->
                disconnect = timer.schedule(this::cut, fault.after().toNanos(), TimeUnit.NANOSECONDS));
    }

    synchronized void onText(String text) {
        if (closed) {
            return;
        }
        ClientMessage message;
        try {
            message = ClientMessage.parse(text);
        } catch (IllegalArgumentException e) {
            LOG.debug("session {}: invalid syntax: {}", id, e.getMessage());
            send(StreamError.INVALID_SYNTAX.frame());
            return;
        }
        switch (message.action()) {
            case "auth" -> {
                if (authenticated) {
                    send(StreamError.ALREADY_AUTHENTICATED.frame());
                } else {
                    authenticate(message.key(), message.secret());
                }
            }
            case "subscribe", "unsubscribe" -> {
                if (!authenticated) {
                    send(StreamError.NOT_AUTHENTICATED.frame());
                } else {
                    demanded(StreamError.Instead.SUBSCRIPTION).ifPresentOrElse(this::refuse, () -> change(message));
                }
            }
            default -> send(StreamError.INVALID_SYNTAX.frame());
        }
    }

    /** Subscribes or unsubscribes, and replies with the whole subscription as it now stands. */
    private void change(ClientMessage message) {
        if (message.action().equals("subscribe")) {
            subscription.subscribe(message.channels());
        } else {
            subscription.unsubscribe(message.channels());
        }
        LOG.debug("session {}: {}", id, message);
        send(AlpacaMessageWriter.subscription(subscription.reply()));
    }

    synchronized boolean wantsTrades() {
        return authenticated && !closed && subscription.hasTrades();
    }

    synchronized boolean wants(String channel) {
        return authenticated && !closed && subscription.has(channel);
    }

    /** Whether data may still flow: silent-after stops it for good, though the connection stays open. */
    private boolean silenced() {
        return config.fault(SimulatorFault.SilentAfter.class)
                .map(fault -> System.nanoTime() - openedNanos >= fault.after().toNanos())
                .orElse(false);
    }

    /**
     * Sends the trades of one emitter tick that this client subscribed to as one frame, then the
     * tick's corrections and cancels of those symbols as another: Alpaca sends them with trades
     * unasked.
     *
     * @param allTrades     the frame of all trades, built once per tick for the clients subscribed to "*"
     * @param allAmendments the same for the corrections and cancels
     * @param channelEvents the tick's quotes, bars and statuses, of which the client gets those of its
     *                      channels and symbols in a third frame
     */
    synchronized void offer(List<Trade> trades, Supplier<String> allTrades, List<FeedEvent> amendments,
            Supplier<String> allAmendments, List<FeedEvent> channelEvents) {
        if (!authenticated || closed || !subscription.hasAny() || silenced()) {
            return;
        }
        offerTrades(trades, allTrades, amendments, allAmendments);
        List<FeedEvent> mine = channelEvents.stream().filter(subscription::wants).toList();
        if (!mine.isEmpty() && !closed) {
            sendData(AlpacaMessageWriter.events(mine));
        }
    }

    private void offerTrades(List<Trade> trades, Supplier<String> allTrades, List<FeedEvent> amendments,
            Supplier<String> allAmendments) {
        if (!subscription.hasTrades()) {
            return;
        }
        if (subscription.allTrades()) {
            sendData(allTrades.get());
            if (!amendments.isEmpty() && !closed) {
                sendData(allAmendments.get());
            }
            return;
        }
        List<Trade> mine = trades.stream().filter(t -> subscription.wantsTrade(t.symbol())).toList();
        if (!mine.isEmpty()) {
            sendData(AlpacaMessageWriter.trades(mine));
        }
        List<FeedEvent> myAmendments = amendments.stream().filter(e -> subscription.wantsTrade(symbol(e))).toList();
        if (!myAmendments.isEmpty() && !closed) {
            sendData(AlpacaMessageWriter.events(myAmendments));
        }
    }

    private static String symbol(FeedEvent amendment) {
        return amendment.correction() != null ? amendment.correction().symbol() : amendment.cancel().symbol();
    }

    synchronized void onClosed() {
        closed = true;
        cancelTimers();
    }

    private void sendData(String frame) {
        send(frame);
        dataFrames++;
        if (!closed && config.fault(SimulatorFault.SlowClient.class).filter(f -> dataFrames >= f.frames()).isPresent()) {
            drop(StreamError.SLOW_CLIENT);
        }
    }

    private void authenticate(String key, String secret) {
        if (config.fault(SimulatorFault.RejectAuth.class).isPresent() || !config.accepts(key, secret)) {
            drop(StreamError.AUTH_FAILED);
            return;
        }
        demanded(StreamError.Instead.AUTHENTICATED).ifPresentOrElse(this::refuse, () -> {
            authenticated = true;
            cancelAuthTimeout();
            send(AlpacaMessageWriter.success("authenticated"));
        });
    }

    /** The error the error fault demands in place of this reply, if any. */
    private Optional<StreamError> demanded(StreamError.Instead reply) {
        return config.fault(SimulatorFault.ErrorReply.class).map(fault -> StreamError.of(fault.code()))
                .filter(error -> error.instead() == reply);
    }

    /** Sends the error as Alpaca does: then closing, or leaving the connection as it was. */
    private void refuse(StreamError error) {
        if (error.closes()) {
            drop(error);
        } else {
            send(error.frame());
        }
    }

    private synchronized void authTimedOut() {
        if (!authenticated && !closed) {
            drop(StreamError.AUTH_TIMEOUT);
        }
    }

    private void send(String frame) {
        if (pendingFrames.incrementAndGet() > MAX_PENDING_FRAMES) {
            pendingFrames.decrementAndGet();
            LOG.warn("session {}: {} frames unsent, dropping the slow client", id, MAX_PENDING_FRAMES);
            drop(StreamError.SLOW_CLIENT);
            return;
        }
        session.getRemote().sendString(frame, sent);
    }

    /** The disconnect-every fault: the TCP connection ends without a close frame, like a network drop. */
    private synchronized void cut() {
        if (!closed) {
            closed = true;
            cancelTimers();
            LOG.debug("session {}: cutting the connection (disconnect-every)", id);
            session.disconnect();
        }
    }

    /** Alpaca's way out: the error as the last message, then the close. */
    private void drop(StreamError error) {
        closed = true;
        cancelTimers();
        LOG.debug("session {}: closing with {} {}", id, error.code(), error.msg());
        session.getRemote().sendString(error.frame(), WriteCallback.NOOP);
        session.close(StatusCode.POLICY_VIOLATION, error.msg());
        timer.schedule(session::disconnect, CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelTimers() {
        cancelAuthTimeout();
        if (disconnect != null) {
            disconnect.cancel(false);
        }
    }

    private void cancelAuthTimeout() {
        if (authTimeout != null) {
            authTimeout.cancel(false);
        }
    }
}
