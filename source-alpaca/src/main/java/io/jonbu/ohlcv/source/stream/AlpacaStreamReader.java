package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.alpaca.AlpacaFeedDecoder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

/**
 * Decodes every frame of its splits' connections into feed events (trades, corrections, cancels and
 * dead letters), each on its split's own output, so event time and watermarks are tracked per split.
 * Each split's state remembers the trades it emitted near its newest, so that after a restore or a
 * reconnect the backfilled trades are emitted once each.
 *
 * <p>Metrics: {@code duplicateTrades} (dropped at the seam of a backfill), {@code backfilledTrades}
 * (emitted from backfills: what the gaps would have lost) and {@code backfillFailures}.
 */
@SuppressWarnings("try") // SourceReaderBase.close() throws Exception; Flink closes readers, not try-with-resources
final class AlpacaStreamReader
        extends SingleThreadMultiplexSourceReaderBase<Arrival, FeedEvent, AlpacaStreamSplit, AlpacaSplitState> {

    private final long horizonNanos;
    /** Written on the task thread; the connections read where to resume from on theirs. */
    private final Map<String, AlpacaSplitState> states;

    AlpacaStreamReader(StreamSettings settings, SourceReaderContext context) {
        this(settings, context, new ConcurrentHashMap<>());
    }

    private AlpacaStreamReader(StreamSettings settings, SourceReaderContext context, Map<String, AlpacaSplitState> states) {
        super(splitReader(settings, states, context.metricGroup().counter("backfillFailures", new ThreadSafeSimpleCounter())),
                new DeduplicatingEmitter(new AlpacaFeedDecoder(settings.url()),
                        context.metricGroup().counter("duplicateTrades"),
                        context.metricGroup().counter("backfilledTrades")),
                context.getConfiguration(), context);
        this.horizonNanos = settings.dedupHorizon().toNanos();
        this.states = states;
    }

    private static Supplier<SplitReader<Arrival, AlpacaStreamSplit>> splitReader(
            StreamSettings settings, Map<String, AlpacaSplitState> states, Counter backfillFailures) {
        return () -> new AlpacaStreamSplitReader(settings, id -> {
            AlpacaSplitState state = states.get(id);
            return state == null ? AlpacaSplitState.NOTHING_EMITTED : state.resumeFrom();
        }, backfillFailures);
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
