package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.alpaca.AlpacaFeedDecoder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes every frame of its splits' connections into feed events (trades, corrections, cancels and
 * dead letters), each on its split's own output, so event time and watermarks are tracked per split.
 * Each split's state remembers the trades it emitted near its newest, so that after a restore or a
 * reconnect the backfilled trades are emitted once each.
 *
 * <p>Metrics: {@code duplicateTrades} (dropped at the seam of a backfill), {@code backfilledTrades}
 * (emitted from backfills: what the gaps would have lost), {@code backfillFailures}, and
 * {@code backfillGapsSkipped} and {@code backfillSecondsSkipped} (gaps, or their older parts, beyond
 * the backfill limit: lost, and logged at WARN).
 */
@SuppressWarnings("try") // SourceReaderBase.close() throws Exception; Flink closes readers, not try-with-resources
final class AlpacaStreamReader
        extends SingleThreadMultiplexSourceReaderBase<Arrival, FeedEvent, AlpacaStreamSplit, AlpacaSplitState> {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaStreamReader.class);

    private final long horizonNanos;
    /** Written on the task thread; the connections read where to resume from and what to subscribe on theirs. */
    private final Map<String, AlpacaSplitState> states;
    /**
     * Made on the fetcher thread, told of symbol changes from the task thread: the change must reach a
     * live socket at once, and the fetcher thread may sit in a poll for a while.
     */
    private final Map<String, StreamConnection> connections;

    AlpacaStreamReader(StreamSettings settings, SourceReaderContext context) {
        this(settings, context, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    private AlpacaStreamReader(StreamSettings settings, SourceReaderContext context, Map<String, AlpacaSplitState> states,
            Map<String, StreamConnection> connections) {
        super(splitReader(settings, states, connections, new BackfillMetrics(
                        context.metricGroup().counter("backfillFailures", new ThreadSafeSimpleCounter()),
                        context.metricGroup().counter("backfillGapsSkipped", new ThreadSafeSimpleCounter()),
                        context.metricGroup().counter("backfillSecondsSkipped", new ThreadSafeSimpleCounter()))),
                new DeduplicatingEmitter(new AlpacaFeedDecoder(settings.url()),
                        context.metricGroup().counter("duplicateTrades"),
                        context.metricGroup().counter("backfilledTrades"),
                        context.metricGroup().counter("tapeSnapshots")),
                context.getConfiguration(), context);
        this.horizonNanos = settings.dedupHorizon().toNanos();
        this.states = states;
        this.connections = connections;
    }

    private static Supplier<SplitReader<Arrival, AlpacaStreamSplit>> splitReader(StreamSettings settings,
            Map<String, AlpacaSplitState> states, Map<String, StreamConnection> connections, BackfillMetrics metrics) {
        // initializedState registers a split's state on the task thread before the fetcher sees the split
        return () -> new AlpacaStreamSplitReader(settings, new SplitProgress() {
            @Override
            public long resumeFrom(String splitId) {
                return states.get(splitId).resumeFrom();
            }

            @Override
            public List<String> symbols(String splitId) {
                return states.get(splitId).symbols();
            }
        }, metrics, connections);
    }

    /** The enumerator's {@link SplitSymbols}: the split's state takes them, so checkpoints carry them, then its socket. */
    @Override
    public void handleSourceEvents(SourceEvent event) {
        if (!(event instanceof SplitSymbols change)) {
            super.handleSourceEvents(event);
            return;
        }
        AlpacaSplitState state = states.get(change.splitId());
        if (state == null || !state.symbols(change.symbols())) {
            return;
        }
        LOG.info("split {}: now streaming {}", change.splitId(), change.symbols());
        StreamConnection connection = connections.get(change.splitId());
        if (connection != null) {
            connection.resubscribe();
        }
    }

    @Override
    protected void onSplitFinished(Map<String, AlpacaSplitState> finishedSplitIds) {
        // a live stream's splits never finish
    }

    @Override
    protected AlpacaSplitState initializedState(AlpacaStreamSplit split) {
        AlpacaSplitState state = new AlpacaSplitState(split, horizonNanos);
        states.put(split.splitId(), state);
        return state;
    }

    @Override
    protected AlpacaStreamSplit toSplitType(String splitId, AlpacaSplitState state) {
        return state.toSplit();
    }
}
