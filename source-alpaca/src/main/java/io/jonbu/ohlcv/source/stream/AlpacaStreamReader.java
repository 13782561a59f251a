package io.jonbu.ohlcv.source.stream;

import java.util.Map;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

/**
 * Emits every frame of its splits' connections as one record. The split is its own state: a live
 * stream has no offset to remember.
 */
@SuppressWarnings("try") // SourceReaderBase.close() throws Exception; Flink closes readers, not try-with-resources
final class AlpacaStreamReader
        extends SingleThreadMultiplexSourceReaderBase<String, String, AlpacaStreamSplit, AlpacaStreamSplit> {

    AlpacaStreamReader(StreamSettings settings, SourceReaderContext context) {
        super(() -> new AlpacaStreamSplitReader(settings), (frame, output, split) -> output.collect(frame),
                context.getConfiguration(), context);
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
