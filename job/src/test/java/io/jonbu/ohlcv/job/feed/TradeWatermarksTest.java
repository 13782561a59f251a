package io.jonbu.ohlcv.job.feed;

import static io.jonbu.ohlcv.job.testing.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.job.testing.TapeRevisions;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.Quote;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class TradeWatermarksTest {
    private static final AtomicLong WALL = new AtomicLong(1_000_000);

    private final List<Long> emitted = new ArrayList<>();
    private final List<String> idle = new ArrayList<>();
    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            emitted.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            idle.add("idle");
        }

        @Override
        public void markActive() {}
    };

    private final TradeWatermarks.Generator generator = new TradeWatermarks.Generator(2_000, 5_000, WALL::get);

    private void see(Trade t) {
        generator.onEvent(FeedEvent.of(t), t.timestamp() / 1_000_000, output);
    }

    @Test
    void watermarkTrailsTheNewestTradeByTheBound() {
        WALL.set(0);
        see(trade("AAPL", "1970-01-01T00:00:10Z", 1, 1, 1));
        see(trade("AAPL", "1970-01-01T00:00:08Z", 1, 1, 2));
        generator.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(10_000L - 2_000 - 1);
    }

    @Test
    void deadLettersDoNotMoveEventTime() {
        generator.onEvent(FeedEvent.of(new DeadLetter("feed", "bad", "x", 0)), Long.MAX_VALUE, output);
        generator.onPeriodicEmit(output);
        assertThat(emitted).isEmpty();
    }

    @Test
    void quotesBarsAndStatusesCarryTheirOwnTimeAndDoNotMoveEventTime() {
        long late = EpochNanos.parse("1970-01-01T00:01:00Z");
        FeedEvent quote = FeedEvent.of(new Quote("AAPL", late, "V", 1, 1, "V", 2, 1, new String[0], "C"));
        FeedEvent bar = FeedEvent.of(new ProviderBar(ProviderBar.Kind.BAR, "AAPL", late, 1, 1, 1, 1, 1, 1, 1));
        FeedEvent status = FeedEvent.of(new TradingStatus("AAPL", late, "H", "Trading Halt", "", "", "C"));
        var stamps = new TradeWatermarks(java.time.Duration.ofSeconds(2), java.time.Duration.ZERO).createTimestampAssigner(null);
        see(trade("AAPL", "1970-01-01T00:00:10Z", 1, 1, 1));
        for (FeedEvent e : List.of(quote, bar, status)) {
            assertThat(stamps.extractTimestamp(e, Long.MIN_VALUE)).isEqualTo(60_000L);
            generator.onEvent(e, 60_000L, output);
        }
        generator.onPeriodicEmit(output);
        assertThat(emitted).as("only the trade moves the watermark").containsExactly(10_000L - 2_000 - 1);
    }

    @Test
    void correctionsAndCancelsDoNotMoveEventTimeAndAreStampedJustAfterTheNewestTrade() {
        Trade old = trade("AAPL", "1970-01-01T00:00:01Z", 1, 1, 1);
        Trade newest = trade("AAPL", "1970-01-01T00:00:10Z", 1, 1, 2);
        FeedEvent correction = FeedEvent.of(TapeRevisions.correction(old, 2, 1, 3));
        FeedEvent cancel = FeedEvent.of(TapeRevisions.cancel(old));
        var stamps = new TradeWatermarks(java.time.Duration.ofSeconds(2), java.time.Duration.ZERO).createTimestampAssigner(null);

        assertThat(stamps.extractTimestamp(correction, Long.MIN_VALUE)).as("before any trade: just after its trade").isEqualTo(1_001L);
        assertThat(stamps.extractTimestamp(FeedEvent.of(newest), Long.MIN_VALUE)).isEqualTo(10_000L);
        assertThat(stamps.extractTimestamp(cancel, Long.MIN_VALUE)).as("after the trades before it").isEqualTo(10_001L);
        Trade later = trade("AAPL", "1970-01-01T00:00:20Z", 1, 1, 4);
        assertThat(stamps.extractTimestamp(FeedEvent.of(TapeRevisions.cancel(later)), Long.MIN_VALUE))
                .as("never before its own trade, which a reader of a later range of a file has not seen").isEqualTo(20_001L);

        see(old);
        generator.onEvent(correction, 10_001, output);
        generator.onEvent(cancel, Long.MAX_VALUE, output);
        generator.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(1_000L - 2_000 - 1);
    }

    @Test
    void anInstanceThatHasSeenNothingForTenSecondsIsIdleButNotBefore() {
        generator.onPeriodicEmit(output);
        assertThat(idle).as("just started: its first trade may be on the way").isEmpty();
        WALL.addAndGet(TradeWatermarks.NO_DATA_IDLE.toMillis());
        generator.onPeriodicEmit(output);
        assertThat(idle).hasSize(1);
        assertThat(emitted).isEmpty();
    }

    @Test
    void aSilentFeedAdvancesWithTheWallClockAfterTheIdleTimeout() {
        WALL.set(1_000_000);
        see(trade("AAPL", "1970-01-01T00:00:10Z", 1, 1, 1));
        WALL.addAndGet(5_000);
        generator.onPeriodicEmit(output);
        WALL.addAndGet(3_000);
        generator.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(7_999L, 10_999L);
    }
}
