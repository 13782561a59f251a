package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.alpaca.AlpacaFeedDecoder;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

/**
 * Decodes every frame of its splits' connections into feed events (trades and dead letters), each
 * on its split's own output, so event time and watermarks are tracked per split. The split is its
 * own state: a live stream has no offset to remember.
 */
@SuppressWarnings("try") // SourceReaderBase.close() throws Exception; Flink closes readers, not try-with-resources
final class AlpacaStreamReader
        extends SingleThreadMultiplexSourceReaderBase<String, FeedEvent, AlpacaStreamSplit, AlpacaStreamSplit> {

    AlpacaStreamReader(StreamSettings settings, SourceReaderContext context) {
        super(() -> new AlpacaStreamSplitReader(settings), decoding(new AlpacaFeedDecoder(settings.url())),
                context.getConfiguration(), context);
    }

    /** Runs on the task thread only, so one decoder serves all splits. */
    private static RecordEmitter<String, FeedEvent, AlpacaStreamSplit> decoding(
            AlpacaFeedDecoder decoder) {
        return (frame, output, split) -> decoder.decode(frame, output::collect);
    }

    @Override
    protected void onSplitFinished(Map<String, AlpacaStreamSplit> finishedSplitIds) {
        // a live stream's splits never finish
    }

    @Override
    protected AlpacaStreamSplit initializedState(AlpacaStreamSplit split) {
        return split;
    }

    @Override
    protected AlpacaStreamSplit toSplitType(String splitId, AlpacaStreamSplit split) {
        return split;
    }
}
