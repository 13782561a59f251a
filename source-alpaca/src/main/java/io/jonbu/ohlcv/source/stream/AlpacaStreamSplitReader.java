package io.jonbu.ohlcv.source.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link StreamConnection} per assigned split and hands their frames, and the trades their
 * backfills fetch, to Flink's fetcher thread. Splits are only ever added: a live stream has no end and
 * Flink removes no splits from this source. A split's symbols change in place (see {@link SplitSymbols}).
 */
final class AlpacaStreamSplitReader implements SplitReader<Arrival, AlpacaStreamSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaStreamSplitReader.class);

    /** Frames, not trades: one frame holds every trade of a server tick. */
    private static final int QUEUE_CAPACITY = 1_024;
    private static final int MAX_FRAMES_PER_FETCH = 256;
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    /**
     * Pings detect a dead peer that never closed. A connection whose reader thread is held up by
     * backpressure for longer cannot read the pong and is reconnected, as Alpaca's 407 would force.
     */
    private static final Duration PING_INTERVAL = Duration.ofSeconds(20);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    /** How often each split reports its connection: well within the health check's patience. */
    static final Duration STATUS_EVERY = Duration.ofSeconds(5);

    private final StreamSettings settings;
    private final FrameQueue<Arrival> queue = new FrameQueue<>(QUEUE_CAPACITY);
    private final OkHttpClient client;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "alpaca-stream-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, StreamConnection> connections;
    private final Backfiller backfiller;
    private final SplitProgress progress;

    /**
     * @param progress         per split, where a backfill starts and which symbols to subscribe
     * @param metrics          what the backfills report
     * @param connections      where this reader puts each split's connection, for the source reader to
     *                         tell of symbol changes; thread-safe
     */
    AlpacaStreamSplitReader(StreamSettings settings, SplitProgress progress, BackfillMetrics metrics,
            Map<String, StreamConnection> connections) {
        this.settings = settings;
        this.client = new OkHttpClient.Builder().pingInterval(PING_INTERVAL).build();
        this.backfiller = new Backfiller(settings, metrics);
        this.progress = progress;
        this.connections = connections;
        scheduler.scheduleWithFixedDelay(this::reportStatus, STATUS_EVERY.toMillis(), STATUS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Each split's connection and circuit state, downstream to the health check; skipped when the
     * queue is full (the job is behind, and the next report comes soon) rather than hold the timer
     * thread that reconnects.
     */
    private void reportStatus() {
        String circuit = backfiller.circuit();
        connections.forEach((id, connection) -> queue.offer(id, Arrival.status(connection.status(circuit))));
    }

    @Override
    public RecordsWithSplitIds<Arrival> fetch() throws IOException {
        RecordsBySplits.Builder<Arrival> records = new RecordsBySplits.Builder<>();
        queue.drainTo(records, MAX_FRAMES_PER_FETCH, POLL_TIMEOUT);
        return records.build();
    }

    @Override
    public void handleSplitsChanges(SplitsChange<AlpacaStreamSplit> change) {
        if (!(change instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("splits of a live stream are only added, got " + change);
        }
        for (AlpacaStreamSplit split : change.splits()) {
            String id = split.splitId();
            StreamConnection connection = new StreamConnection(id, () -> progress.symbols(id), settings, client, queue,
                    scheduler, backfiller, () -> progress.resumeFrom(id));
            connections.put(id, connection);
            connection.open();
        }
    }

    @Override
    public void wakeUp() {
        queue.wakeUp();
    }

    @Override
    public void close() {
        queue.close();
        connections.values().forEach(StreamConnection::close);
        backfiller.close();
        scheduler.shutdownNow();
        ExecutorService dispatcher = client.dispatcher().executorService();
        dispatcher.shutdown();
        try {
            // the close handshake normally ends the reader threads at once; a peer that never answers is cut
            if (!dispatcher.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("okhttp reader threads still running after {}; cancelling", CLOSE_WAIT);
                client.dispatcher().cancelAll();
            }
        } catch (InterruptedException e) {
            client.dispatcher().cancelAll();
            Thread.currentThread().interrupt();
        }
        client.connectionPool().evictAll();
    }
}
