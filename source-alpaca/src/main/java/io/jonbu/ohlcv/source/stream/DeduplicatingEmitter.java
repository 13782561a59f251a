package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.alpaca.AlpacaFeedDecoder;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.metrics.Counter;

/**
 * Decodes live frames into feed events and emits backfilled trades, each trade only if its split's
 * state says it is new, so the seam between a backfill and the live stream holds every trade once.
 * Corrections, cancels and dead letters pass untouched. A tape snapshot passes whole, and its trades
 * count as emitted: the candle operator takes them from it, so the backfill that follows must not
 * bring them again (a print corrected during the gap, under its new id, would otherwise count twice). Runs on the task thread only, so one decoder
 * serves all splits.
 */
final class DeduplicatingEmitter implements RecordEmitter<Arrival, FeedEvent, AlpacaSplitState> {
    private final AlpacaFeedDecoder decoder;
    private final Counter duplicateTrades;
    private final Counter backfilledTrades;
    private final Counter snapshots;

    /**
     * @param duplicateTrades  counts the trades dropped as already emitted
     * @param backfilledTrades counts the backfilled trades emitted (the ones the gap had lost)
     * @param snapshots        counts the tape snapshots emitted
     */
    DeduplicatingEmitter(AlpacaFeedDecoder decoder, Counter duplicateTrades, Counter backfilledTrades, Counter snapshots) {
        this.decoder = decoder;
        this.duplicateTrades = duplicateTrades;
        this.backfilledTrades = backfilledTrades;
        this.snapshots = snapshots;
    }

    @Override
    public void emitRecord(Arrival arrival, SourceOutput<FeedEvent> output, AlpacaSplitState split) {
        if (arrival.barrier() != null) {
            arrival.barrier().countDown();
            return;
        }
        if (arrival.status() != null) {
            output.collect(FeedEvent.of(arrival.status()));
            return;
        }
        if (arrival.isSeamEnd()) {
            split.closeSeam();
            return;
        }
        if (arrival.snapshot() != null) {
            // its trades count as emitted: the backfill after it repeats those near the gap
            for (Trade trade : arrival.snapshot().trades()) {
                split.admitBackfilled(trade);
            }
            snapshots.inc();
            output.collect(FeedEvent.of(arrival.snapshot()));
            return;
        }
        if (arrival.frame() != null) {
            decoder.decode(arrival.frame(), event -> {
                if (event.correction() != null) {
                    // the corrected print, under its new id, is in the REST tape: a backfill must not add it again
                    split.admitLive(event.correction().corrected());
                }
                if (!event.isTrade() || split.admitLive(event.trade())) {
                    output.collect(event);
                } else {
                    duplicateTrades.inc();
                }
            });
            return;
        }
        if (!arrival.catchUp()) {
            split.openSeam();
        }
        for (Trade trade : arrival.backfilled()) {
            if (split.admitBackfilled(trade)) {
                backfilledTrades.inc();
                output.collect(FeedEvent.of(trade));
            } else {
                duplicateTrades.inc();
            }
        }
    }
}
