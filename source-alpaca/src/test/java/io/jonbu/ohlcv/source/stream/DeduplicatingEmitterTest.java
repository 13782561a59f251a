package io.jonbu.ohlcv.source.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.TapeSnapshot;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.alpaca.AlpacaFeedDecoder;
import io.jonbu.ohlcv.model.alpaca.AlpacaMessageWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.Test;

/** The seam rules: what the emitter lets through from live frames and backfills, given a split's state. */
class DeduplicatingEmitterTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_709_908_200L * SECOND;
    private static final long HORIZON = 5 * SECOND;

    private final SimpleCounter duplicates = new SimpleCounter();
    private final SimpleCounter backfilled = new SimpleCounter();
    private final SimpleCounter snapshots = new SimpleCounter();
    private final DeduplicatingEmitter emitter =
            new DeduplicatingEmitter(new AlpacaFeedDecoder("test"), duplicates, backfilled, snapshots);
    private final Collecting output = new Collecting();
    private AlpacaSplitState state = new AlpacaSplitState(new AlpacaStreamSplit("alpaca-0", List.of("AAPL", "MSFT")), HORIZON);

    @Test
    void backfilledTradesAlreadyEmittedLiveAreDroppedAndCounted() {
        live(trade("AAPL", 0, "V", 1), trade("AAPL", 1, "V", 2));
        backfill(trade("AAPL", 0, "V", 1), trade("AAPL", 1, "V", 2), trade("AAPL", 2, "V", 3));

        assertThat(output.tradeIds()).containsExactly(1L, 2L, 3L);
        assertThat(duplicates.getCount()).isEqualTo(2);
        assertThat(backfilled.getCount()).isEqualTo(1);
    }

    @Test
    void liveFramesHeldDuringABackfillDropTheTradesItBrought() {
        live(trade("AAPL", 0, "V", 1));
        backfill(trade("AAPL", 1, "V", 2), trade("AAPL", 2, "V", 3));
        live(trade("AAPL", 2, "V", 3), trade("AAPL", 3, "V", 4));

        assertThat(output.tradeIds()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(duplicates.getCount()).isEqualTo(1);
    }

    @Test
    void aBackfillLongerThanTheHorizonStillDropsEveryTradeTheHeldFramesRepeat() {
        live(trade("AAPL", 0, "V", 1));
        // the backfill ran while 60 s of trades went by; the frames held meanwhile repeat all of them
        backfill(trade("AAPL", 1, "V", 2), trade("AAPL", 30, "V", 3), trade("AAPL", 60, "V", 4));
        live(trade("AAPL", 30, "V", 3), trade("AAPL", 60, "V", 4), trade("AAPL", 61, "V", 5));
        emitter.emitRecord(Arrival.seamEnd(), output, state);
        live(trade("AAPL", 40, "V", 6)); // after the seam: a late print beyond the horizon is a real trade

        assertThat(output.tradeIds()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(duplicates.getCount()).isEqualTo(2);
        assertThat(state.toSplit().positions().get("AAPL").recent()).as("forgotten again once the seam closed")
                .hasSizeLessThan(4);
    }

    @Test
    void theSameIdOnAnotherExchangeOrSymbolIsAnotherTrade() {
        live(trade("AAPL", 0, "V", 7));
        backfill(trade("AAPL", 0, "Q", 7), trade("MSFT", 0, "V", 7));

        assertThat(output.events).hasSize(3);
        assertThat(duplicates.getCount()).isZero();
    }

    @Test
    void backfilledTradesOlderThanTheHorizonAreDropped() {
        live(trade("AAPL", 10, "V", 100));
        backfill(trade("AAPL", 4, "V", 40), trade("AAPL", 6, "V", 60));

        assertThat(output.tradeIds()).containsExactly(100L, 60L);
        assertThat(duplicates.getCount()).isEqualTo(1);
    }

    @Test
    void liveTradesLaterThanTheHorizonStillPassAsTheStreamDoesNotRepeat() {
        live(trade("AAPL", 10, "V", 100), trade("AAPL", 1, "D", 10));

        assertThat(output.tradeIds()).containsExactly(100L, 10L);
        assertThat(duplicates.getCount()).isZero();
    }

    @Test
    void aRestoredSplitRemembersWhatWasEmittedBeforeTheCheckpoint() throws Exception {
        live(trade("AAPL", 0, "V", 1), trade("AAPL", 1, "V", 2), trade("MSFT", 1, "Q", 9));
        AlpacaStreamSplitSerializer serializer = new AlpacaStreamSplitSerializer();
        AlpacaStreamSplit checkpointed = serializer.deserialize(serializer.getVersion(), serializer.serialize(state.toSplit()));
        state = new AlpacaSplitState(checkpointed, HORIZON);
        output.events.clear();

        assertThat(state.resumeFrom()).isEqualTo(T0 + SECOND - HORIZON);
        backfill(trade("AAPL", 1, "V", 2), trade("MSFT", 1, "Q", 9), trade("AAPL", 2, "V", 3));

        assertThat(output.tradeIds()).containsExactly(3L);
        assertThat(duplicates.getCount()).isEqualTo(2);
    }

    @Test
    void changedSymbolsAreCheckpointedAndARemovedSymbolsPositionGoes() {
        live(trade("AAPL", 0, "V", 1), trade("MSFT", 1, "Q", 9));

        assertThat(state.symbols(List.of("AAPL", "MSFT"))).as("the same set changes nothing").isFalse();
        assertThat(state.symbols(List.of("AAPL", "NVDA"))).isTrue();

        AlpacaStreamSplit checkpointed = state.toSplit();
        assertThat(checkpointed.symbols()).containsExactly("AAPL", "NVDA");
        assertThat(checkpointed.positions()).containsOnlyKeys("AAPL");
        assertThat(state.resumeFrom()).as("the split's own resume point stays").isEqualTo(T0 + SECOND - HORIZON);
    }

    @Test
    void aSplitThatEmittedNothingHasNothingToBackfill() {
        assertThat(state.resumeFrom()).isEqualTo(AlpacaSplitState.NOTHING_EMITTED);
        assertThat(state.toSplit().positions()).isEmpty();
    }

    @Test
    void deadLettersPassUntouched() {
        emitter.emitRecord(Arrival.frame("[{\"T\":\"t\",\"S\":\"AAPL\",\"i\":\"not a number\"}]"), output, state);

        assertThat(output.events).singleElement().satisfies(event -> assertThat(event.deadLetter()).isNotNull());
    }

    @Test
    void stateKeepsOnlyTheTradesWithinTheHorizon() {
        List<Trade> trades = new ArrayList<>();
        // 20 s of trades 1 ms apart: the state must hold about the last 5 s, not all 20,000
        for (int k = 0; k < 20_000; k++) {
            trades.add(new Trade("AAPL", T0 + k * 1_000_000L, 187.5, 100, "V", k, null, "C"));
        }
        emitter.emitRecord(Arrival.frame(AlpacaMessageWriter.trades(trades)), output, state);

        int kept = state.toSplit().positions().get("AAPL").recent().size();
        assertThat(kept).isBetween(5_000, 5_002);
    }

    @Test
    void caughtUpTradesOpenNoSeamSoTheStateForgetsBeyondTheHorizonAsItGoes() {
        live(trade("AAPL", 0, "V", 1));
        emitter.emitRecord(Arrival.catchUp(List.of(trade("AAPL", 1, "V", 2), trade("AAPL", 30, "V", 3),
                trade("AAPL", 60, "V", 4))), output, state);
        backfill(trade("AAPL", 60, "V", 4), trade("AAPL", 61, "V", 5));

        assertThat(output.tradeIds()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(state.toSplit().positions().get("AAPL").recent()).extracting(SymbolPosition.SeenTrade::id)
                .as("only the horizon below the newest is remembered").containsExactly(4L, 5L);
    }

    @Test
    void aSnapshotPassesWholeAndTheBackfillAfterItDropsTheTradesItCarries() {
        live(trade("AAPL", 0, "V", 1), trade("AAPL", 3, "V", 2));
        // during the gap the tape corrected trade 2 under id 102; the snapshot reaches the newest trade emitted
        Trade corrected = new Trade("AAPL", T0 + 3 * SECOND, 188, 100, "V", 102, new String[] {"@"}, "C");
        TapeSnapshot snapshot = new TapeSnapshot("AAPL", T0 - 300 * SECOND, T0 + 3 * SECOND + 1,
                new Trade[] {trade("AAPL", 0, "V", 1), corrected});
        emitter.emitRecord(Arrival.snapshot(snapshot), output, state);
        backfill(corrected, trade("AAPL", 4, "V", 3));

        assertThat(output.events).extracting(FeedEvent::snapshot).containsExactly(null, null, snapshot, null);
        assertThat(output.events).filteredOn(FeedEvent::isTrade).extracting(e -> e.trade().id())
                .as("the corrected print comes once, in the snapshot").containsExactly(1L, 2L, 3L);
        assertThat(snapshots.getCount()).isEqualTo(1);
        assertThat(duplicates.getCount()).isEqualTo(1);
    }

    private void live(Trade... trades) {
        emitter.emitRecord(Arrival.frame(AlpacaMessageWriter.trades(List.of(trades))), output, state);
    }

    private void backfill(Trade... trades) {
        emitter.emitRecord(Arrival.backfill(List.of(trades)), output, state);
    }

    private static Trade trade(String symbol, int second, String exchange, long id) {
        return new Trade(symbol, T0 + second * SECOND, 187.5, 100, exchange, id, new String[] {"@"}, "C");
    }

    private static final class Collecting implements SourceOutput<FeedEvent> {
        final List<FeedEvent> events = new ArrayList<>();

        List<Long> tradeIds() {
            return events.stream().map(e -> e.trade().id()).toList();
        }

        @Override
        public void collect(FeedEvent event) {
            events.add(event);
        }

        @Override
        public void collect(FeedEvent event, long timestamp) {
            events.add(event);
        }

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }
}
