package io.jonbu.ohlcv.job.feed;

import static io.jonbu.ohlcv.job.testing.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.job.testing.TapeRevisions;
import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.TapeSnapshot;
import io.jonbu.ohlcv.model.Trade;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class FeedSplitterTest {

    @Test
    @SuppressWarnings("try") // the harness's close() may throw InterruptedException; the test throws anyway
    void deadLettersGoToTheSideOutputAndTradesCorrectionsCancelsAndSnapshotsFlowOnInOrder() throws Exception {
        DeadLetter bad = new DeadLetter("test-feed", "missing field 't' (timestamp)", "{\"T\":\"t\"}", 0);
        Trade good = trade("AAPL", "2024-03-08T14:30:00Z", 10, 5, 1);
        FeedEvent correction = FeedEvent.of(TapeRevisions.correction(good, 11, 5, 2, "@"));
        FeedEvent cancel = FeedEvent.of(TapeRevisions.cancel(good));
        FeedEvent snapshot = FeedEvent.of(new TapeSnapshot("AAPL", good.timestamp(), good.timestamp() + 1, new Trade[] {good}));
        try (OneInputStreamOperatorTestHarness<FeedEvent, FeedEvent> h = ProcessFunctionTestHarnesses.forProcessFunction(new FeedSplitter())) {
            h.processElement(FeedEvent.of(good), 0);
            h.processElement(FeedEvent.of(bad), 0);
            h.processElement(correction, 0);
            h.processElement(cancel, 0);
            h.processElement(snapshot, 0);

            assertThat(h.extractOutputValues()).containsExactly(FeedEvent.of(good), correction, cancel, snapshot);
            assertThat(h.getSideOutput(FeedSplitter.DEAD_LETTERS)).extracting(StreamRecord::getValue).containsExactly(bad);
        }
    }
}
