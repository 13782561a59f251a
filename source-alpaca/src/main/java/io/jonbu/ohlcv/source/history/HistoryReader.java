package io.jonbu.ohlcv.source.history;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Trade;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

/** Asks for a slice at start and another whenever one is done, until the enumerator has none left. */
@SuppressWarnings("try") // SourceReaderBase.close() throws Exception; Flink closes readers, not try-with-resources
final class HistoryReader extends SingleThreadMultiplexSourceReaderBase<Trade, FeedEvent, HistorySplit, HistorySplitState> {

    HistoryReader(HistorySettings settings, SourceReaderContext context) {
        super(() -> new HistorySplitReader(settings), (trade, output, state) -> {
            output.collect(FeedEvent.of(trade), EpochNanos.toMillis(trade.timestamp()));
            state.emitted();
        }, context.getConfiguration(), context);
    }

    @Override
    public void start() {
        if (getNumberOfCurrentlyAssignedSplits() == 0) {
            context.sendSplitRequest();
        }
    }

    @Override
    protected void onSplitFinished(Map<String, HistorySplitState> finishedSplitIds) {
        context.sendSplitRequest();
    }

    @Override
    protected HistorySplitState initializedState(HistorySplit split) {
        return new HistorySplitState(split);
    }

    @Override
    protected HistorySplit toSplitType(String splitId, HistorySplitState state) {
        return state.toSplit();
    }
}
