package io.jonbu.ohlcv.job.feed;

import static io.jonbu.ohlcv.job.testing.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.job.testing.TapeRevisions;
import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.Quote;
import io.jonbu.ohlcv.model.TapeSnapshot;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradingStatus;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
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

    @Test
    @SuppressWarnings("try")
    void quotesBarsAndStatusesGoToTheirOwnSideOutputsAndNeverReachTheCandles() throws Exception {
        long t = EpochNanos.parse("2024-03-08T14:30:00Z");
        Trade good = trade("AAPL", "2024-03-08T14:30:00Z", 10, 5, 1);
        Quote quote = new Quote("AAPL", t, "V", 9.99, 100, "Q", 10.01, 200, new String[] {"R"}, "C");
        ProviderBar bar = new ProviderBar(ProviderBar.Kind.BAR, "AAPL", t, 10, 10, 10, 10, 5, 1, 10);
        ProviderBar updated = bar.as(ProviderBar.Kind.UPDATED_BAR);
        TradingStatus halt = new TradingStatus("AAPL", t, "H", "Trading Halt", "T12", "", "C");
        try (OneInputStreamOperatorTestHarness<FeedEvent, FeedEvent> h = ProcessFunctionTestHarnesses.forProcessFunction(new FeedSplitter())) {
            h.processElement(FeedEvent.of(quote), 0);
            h.processElement(FeedEvent.of(good), 0);
            h.processElement(FeedEvent.of(bar), 0);
            h.processElement(FeedEvent.of(halt), 0);
            h.processElement(FeedEvent.of(updated), 0);

            assertThat(h.extractOutputValues()).containsExactly(FeedEvent.of(good));
            assertThat(h.getSideOutput(FeedSplitter.QUOTES)).extracting(StreamRecord::getValue).containsExactly(quote);
            assertThat(h.getSideOutput(FeedSplitter.PROVIDER_BARS)).extracting(StreamRecord::getValue).containsExactly(bar, updated);
            assertThat(h.getSideOutput(FeedSplitter.STATUSES)).extracting(StreamRecord::getValue).containsExactly(halt);
            assertThat(h.getSideOutput(FeedSplitter.DEAD_LETTERS)).isNull();
        }
    }

    @Test
    void everyFeedTypeHasAPojoSerializerNotKryo() {
        for (Class<?> type : new Class<?>[] {FeedEvent.class, Quote.class, ProviderBar.class, TradingStatus.class}) {
            TypeInformation<?> info = TypeInformation.of(type);
            assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
        }
    }
}
