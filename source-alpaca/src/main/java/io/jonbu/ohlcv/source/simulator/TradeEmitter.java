package io.jonbu.ohlcv.source.simulator;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import io.jonbu.ohlcv.model.alpaca.AlpacaMessageWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces the trade stream: on each tick it generates the trades that have fallen due since the last
 * tick (trade k is due {@code k / rate} wall seconds after the start) and hands them to every session
 * as one batch, which is how Alpaca frames a burst of trades.
 *
 * <p>Trade k is stamped {@code origin + k * stepNanos}: the origin is the configured virtual start,
 * or the wall clock when emission starts, so in wall-clock mode a trade carries the wall time it was
 * due. Every emitted trade also goes to the {@link TradeHistory} the REST side serves, in either mode.
 * The corrections and cancels the {@link TapeAmender} has due follow the tick's trades, to the
 * history and to the sessions alike; then the tick's quotes, bars and statuses ({@link ChannelFeed}).
 * Ticks run on one thread.
 */
final class TradeEmitter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(TradeEmitter.class);

    /** Bounds one frame after a stall (a long GC pause); the backlog then drains over the next ticks. */
    private static final int MAX_TRADES_PER_TICK = 10_000;

    private final SimulatorConfig config;
    private final TradeGenerator generator;
    private final Collection<SimulatedSession> sessions;
    private final TradeHistory history;
    private final TapeAmender amender;
    private final ChannelFeed channels;
    /** The newest {@code historySize} of each, as the history keeps trades: a long run must not grow without bound. */
    private final ArrayDeque<TradeCorrection> corrections = new ArrayDeque<>();
    private final ArrayDeque<TradeCancel> cancels = new ArrayDeque<>();
    private final long stepNanos;
    private long startNanos = -1;
    private long origin;
    private long emitted;

    TradeEmitter(SimulatorConfig config, Collection<SimulatedSession> sessions, TradeHistory history) {
        this.config = config;
        this.generator = TradeGenerator.from(config);
        this.sessions = sessions;
        this.history = history;
        this.amender = new TapeAmender(config);
        this.channels = new ChannelFeed(config, history);
        this.stepNanos = config.stepNanos();
    }

    @Override
    public void run() {
        try {
            tick();
        } catch (RuntimeException e) {
            // an escaping exception would silently cancel the periodic task
            LOG.error("trade emitter tick failed", e);
        }
    }

    synchronized long emitted() {
        return emitted;
    }

    /** The stamp of trade 0, once emission started. */
    synchronized OptionalLong origin() {
        return startNanos < 0 ? OptionalLong.empty() : OptionalLong.of(origin);
    }

    synchronized List<TradeCorrection> corrections() {
        return List.copyOf(corrections);
    }

    synchronized List<TradeCancel> cancels() {
        return List.copyOf(cancels);
    }

    synchronized boolean awaitEmitted(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (emitted < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void tick() {
        if (startNanos < 0) {
            if (config.waitForSubscriber() && sessions.stream().noneMatch(SimulatedSession::wantsTrades)) {
                return;
            }
            long start = System.nanoTime();
            long stamp = config.virtualStart() != null ? config.virtualStart() : EpochNanos.of(Instant.now());
            synchronized (this) {
                startNanos = start;
                origin = stamp;
            }
        }
        long due = (long) ((System.nanoTime() - startNanos) * config.rate() / 1e9) + 1;
        if (config.limit() > 0) {
            due = Math.min(due, config.limit());
        }
        long from = emitted();
        long to = Math.min(due, from + MAX_TRADES_PER_TICK);
        if (to <= from) {
            return;
        }
        List<Trade> batch = new ArrayList<>((int) (to - from));
        for (long k = from; k < to; k++) {
            Trade trade = generator.next(origin + k * stepNanos);
            batch.add(trade);
            amender.emitted(k, trade);
        }
        List<FeedEvent> amendments = amender.due(to - 1, to == config.limit());
        Supplier<String> allTrades = memoized(() -> AlpacaMessageWriter.trades(batch));
        Supplier<String> allAmendments = memoized(() -> AlpacaMessageWriter.events(amendments));
        // history first: a client that saw a trade on the stream can always find it over REST
        history.addAll(batch);
        history.amend(amendments);
        boolean quotes = sessions.stream().anyMatch(session -> session.wants("quotes"));
        boolean bars = sessions.stream().anyMatch(session -> session.wants("bars") || session.wants("updatedBars")
                || session.wants("dailyBars"));
        List<FeedEvent> channelEvents = channels.tick(from, batch, amendments, origin + (to - 1) * stepNanos, quotes, bars);
        sessions.forEach(session -> session.offer(batch, allTrades, amendments, allAmendments, channelEvents));
        synchronized (this) {
            emitted = to;
            for (FeedEvent e : amendments) {
                if (e.correction() != null) {
                    keep(corrections, e.correction());
                } else {
                    keep(cancels, e.cancel());
                }
            }
            notifyAll();
        }
    }

    private <T> void keep(ArrayDeque<T> kept, T item) {
        if (kept.size() == config.historySize()) {
            kept.removeFirst();
        }
        kept.addLast(item);
    }

    /** A frame built at most once per tick, and only if some client subscribed to every symbol. */
    private static Supplier<String> memoized(Supplier<String> frame) {
        return new Supplier<>() {
            private String built;

            @Override
            public String get() {
                if (built == null) {
                    built = frame.get();
                }
                return built;
            }
        };
    }
}
