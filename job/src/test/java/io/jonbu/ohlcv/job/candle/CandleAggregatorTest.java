package io.jonbu.ohlcv.job.candle;

import static io.jonbu.ohlcv.job.testing.TapeRevisions.cancel;
import static io.jonbu.ohlcv.job.testing.TapeRevisions.correction;
import static io.jonbu.ohlcv.job.testing.Trades.millis;
import static io.jonbu.ohlcv.job.testing.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.job.testing.CandleOracle;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.DailySession;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.MarketSession;
import io.jonbu.ohlcv.model.TapeSnapshot;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import io.jonbu.ohlcv.model.tape.SaleConditionRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CandleAggregatorTest {
    private KeyedOneInputStreamOperatorTestHarness<String, FeedEvent, Candle> harness;

    private void open(List<Timeframe> timeframes, Duration lateness) throws Exception {
        open(timeframes, lateness, Duration.ZERO);
    }

    private void open(List<Timeframe> timeframes, Duration lateness, Duration horizon) throws Exception {
        harness = harness(new CandleAggregator(timeframes, lateness, horizon, SaleConditionRules.TAPE_PLAN, DailySession.FULL_DAY));
        harness.open();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, FeedEvent, Candle> harness(CandleAggregator aggregator) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(aggregator), FeedEvent::symbol, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(Trade t) throws Exception {
        harness.processElement(FeedEvent.of(t), EpochNanos.toMillis(t.timestamp()));
    }

    private void send(TradeCorrection c) throws Exception {
        harness.processElement(FeedEvent.of(c), EpochNanos.toMillis(c.timestamp()));
    }

    private void send(TradeCancel x) throws Exception {
        harness.processElement(FeedEvent.of(x), EpochNanos.toMillis(x.timestamp()));
    }

    private List<CorrectionOutcome> outcomes() {
        var side = harness.getSideOutput(CandleAggregator.CORRECTIONS);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
    }

    /** The newest revision of each candle emitted so far. */
    private Map<String, Candle> newest() {
        Map<String, Candle> newest = new TreeMap<>();
        candles().forEach(c -> newest.merge(c.timeframe() + " " + EpochNanos.format(c.start()), c,
                (a, b) -> b.revision() > a.revision() ? b : a));
        return newest;
    }

    /** What an independent computation makes of the tape after the corrections, newest revisions aside. */
    private void assertNewestEqualTheOracle(List<Trade> tape, List<Timeframe> timeframes) {
        List<Candle> expected = CandleOracle.candles(tape, timeframes);
        assertThat(newest()).hasSize(expected.size());
        for (Candle want : expected) {
            Candle have = newest().get(want.timeframe() + " " + EpochNanos.format(want.start()));
            assertThat(have).isNotNull();
            assertThat(CandleOracle.sameCandle(have, want)).as("%s vs %s", have, want).isTrue();
        }
    }

    private List<Candle> candles() {
        return harness.extractOutputValues();
    }

    private List<Trade> late() {
        var side = harness.getSideOutput(CandleAggregator.LATE_TRADES);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void outOfOrderTradesInsideTheBoundLandInTheirCandle() throws Exception {
        open(List.of(Timeframe.M1), Duration.ZERO);
        send(trade("AAPL", "2024-03-08T14:30:10Z", 10, 1, 1));
        send(trade("AAPL", "2024-03-08T14:31:00.500Z", 20, 1, 3));
        send(trade("AAPL", "2024-03-08T14:30:59Z", 11, 1, 2)); // 1.5 s late: inside a 2 s bound
        harness.processWatermark(millis("2024-03-08T14:31:00.500Z") - 2000 - 1);
        assertThat(candles()).isEmpty();

        harness.processWatermark(millis("2024-03-08T14:31:00Z"));
        assertThat(candles()).singleElement().satisfies(c -> {
            assertThat(c.start()).isEqualTo(EpochNanos.parse("2024-03-08T14:30:00Z"));
            assertThat(c.close()).isEqualTo(11);
            assertThat(c.tradeCount()).isEqualTo(2);
            assertThat(c.isFinal()).isTrue();
            assertThat(c.revision()).isZero();
        });
        assertThat(late()).isEmpty();
    }

    @Test
    void aTradeBeyondTheBoundGoesToTheSideOutputAndTouchesNoCandle() throws Exception {
        open(List.of(Timeframe.values()), Duration.ZERO);
        send(trade("AAPL", "2024-03-08T14:30:10Z", 10, 1, 1));
        harness.processWatermark(millis("2024-03-08T14:31:05Z"));
        Trade tooLate = trade("AAPL", "2024-03-08T14:30:50Z", 99, 1, 2);
        send(tooLate);
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(late()).containsExactly(tooLate);
        assertThat(candles()).hasSize(5).allSatisfy(c -> {
            assertThat(c.high()).isEqualTo(10);
            assertThat(c.tradeCount()).isEqualTo(1);
        });
    }

    @Test
    void everyTimeframeClosesWhenTheWatermarkPassesItsEnd() throws Exception {
        open(List.of(Timeframe.values()), Duration.ZERO);
        send(trade("MSFT", "2024-03-08T14:59:30Z", 400, 10, 1));
        harness.processWatermark(millis("2024-03-08T15:00:00Z") - 2);
        assertThat(candles()).isEmpty();
        harness.processWatermark(millis("2024-03-08T15:00:00Z") - 1);
        assertThat(candles()).extracting(Candle::timeframe).containsExactlyInAnyOrder(Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.H1);
        harness.processWatermark(millis("2024-03-09T05:00:00Z") - 1);
        assertThat(candles()).extracting(Candle::timeframe).contains(Timeframe.D1);
        assertThat(candles()).filteredOn(c -> c.timeframe() == Timeframe.D1).singleElement().satisfies(c -> {
            assertThat(EpochNanos.format(c.start())).isEqualTo("2024-03-08T05:00:00Z");
            assertThat(EpochNanos.format(c.end())).isEqualTo("2024-03-09T05:00:00Z");
        });
    }

    @Test
    void dailyCandleOnTheSpringDstDayEndsAfter23Hours() throws Exception {
        open(List.of(Timeframe.D1), Duration.ZERO);
        send(trade("SPY", "2024-03-10T15:00:00Z", 500, 1, 1));
        harness.processWatermark(millis("2024-03-11T04:00:00Z") - 1);
        assertThat(candles()).singleElement().satisfies(c -> {
            assertThat(EpochNanos.format(c.start())).isEqualTo("2024-03-10T05:00:00Z");
            assertThat(EpochNanos.format(c.end())).isEqualTo("2024-03-11T04:00:00Z");
        });
    }

    @Test
    void intervalsWithoutTradesProduceNoCandle() throws Exception {
        open(List.of(Timeframe.M1), Duration.ZERO);
        send(trade("AAPL", "2024-03-08T14:30:10Z", 10, 1, 1));
        send(trade("AAPL", "2024-03-08T14:33:10Z", 10, 1, 2));
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(candles()).extracting(c -> EpochNanos.format(c.start()))
                .containsExactly("2024-03-08T14:30:00Z", "2024-03-08T14:33:00Z");
    }

    @Test
    void lateTradeWithinLatenessRevisesTheClosedCandleAndLaterOnesAreDropped() throws Exception {
        open(List.of(Timeframe.M1, Timeframe.M5), Duration.ofSeconds(30));
        send(trade("AAPL", "2024-03-08T14:30:10Z", 10, 1, 1));
        harness.processWatermark(millis("2024-03-08T14:31:00Z"));
        assertThat(candles()).singleElement().extracting(Candle::revision).isEqualTo(0);

        send(trade("AAPL", "2024-03-08T14:30:50Z", 12, 3, 2)); // 1m candle closed, within 30 s lateness
        assertThat(candles()).hasSize(2);
        Candle revised = candles().get(1);
        assertThat(revised.timeframe()).isEqualTo(Timeframe.M1);
        assertThat(revised.revision()).isEqualTo(1);
        assertThat(revised.close()).isEqualTo(12);
        assertThat(revised.volume()).isEqualTo(4);

        harness.processWatermark(millis("2024-03-08T14:31:30Z")); // lateness over for the 14:30 minute
        Trade dropped = trade("AAPL", "2024-03-08T14:30:55Z", 13, 1, 3);
        send(dropped);
        assertThat(late()).containsExactly(dropped);

        harness.processWatermark(Long.MAX_VALUE);
        Candle fiveMinute = candles().stream().filter(c -> c.timeframe() == Timeframe.M5).findFirst().orElseThrow();
        assertThat(fiveMinute.volume()).as("the 5m candle took the trade the 1m candle took, not the dropped one").isEqualTo(4);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void stateIsReleasedOnceCandlesClose() throws Exception {
        open(List.of(Timeframe.values()), Duration.ZERO);
        for (int i = 0; i < 100; i++) {
            send(trade("S" + (i % 7), "2024-03-08T14:30:10Z", 10 + i, 1, i));
        }
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(candles()).hasSize(7 * 5);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void snapshotAndRestoreKeepsOpenCandles() throws Exception {
        open(List.of(Timeframe.M1), Duration.ZERO);
        send(trade("AAPL", "2024-03-08T14:30:10Z", 10, 1, 1));
        var snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = harness(new CandleAggregator(List.of(Timeframe.M1), Duration.ZERO, Duration.ZERO, SaleConditionRules.TAPE_PLAN, DailySession.FULL_DAY));
        harness.initializeState(snapshot);
        harness.open();
        send(trade("AAPL", "2024-03-08T14:30:20Z", 11, 2, 2));
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(candles()).singleElement().satisfies(c -> {
            assertThat(c.open()).isEqualTo(10);
            assertThat(c.close()).isEqualTo(11);
            assertThat(c.volume()).isEqualTo(3);
        });
    }

    @Test
    void aMinuteOfOddLotsAloneMakesNoCandleButItsSharesCountInTheLongerOnes() throws Exception {
        open(List.of(Timeframe.M1, Timeframe.M5), Duration.ZERO);
        send(trade("AAPL", "2024-03-08T14:30:10Z", 10, 100, 1));
        send(oddLot("AAPL", "2024-03-08T14:31:10Z", 99, 7, 2));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(candles()).extracting(c -> c.timeframe() + " " + EpochNanos.format(c.start()) + " " + c.high() + " " + c.volume())
                .containsExactlyInAnyOrder("1m 2024-03-08T14:30:00Z 10.0 100", "5m 2024-03-08T14:30:00Z 10.0 107");
    }

    @Test
    void formTPricesMakePreMarketMinutesButNotTheDailyCandle() throws Exception {
        open(List.of(Timeframe.M1, Timeframe.D1), Duration.ZERO);
        // 08:00 New York, pre-market, then a regular-hours trade at 10:00
        send(new Trade("AAPL", EpochNanos.parse("2024-03-08T13:00:00Z"), 180, 50, "Q", 1, new String[] {"@", "T"}, "C"));
        send(trade("AAPL", "2024-03-08T15:00:00Z", 185, 100, 2));
        harness.processWatermark(Long.MAX_VALUE);

        Candle preMarket = candles().stream().filter(c -> c.timeframe() == Timeframe.M1 && c.open() == 180).findFirst().orElseThrow();
        assertThat(preMarket.volume()).isEqualTo(50);
        Candle day = candles().stream().filter(c -> c.timeframe() == Timeframe.D1).findFirst().orElseThrow();
        assertThat(day.open()).as("Form T sets no daily price").isEqualTo(185);
        assertThat(day.low()).isEqualTo(185);
        assertThat(day.volume()).as("but its shares count").isEqualTo(150);
    }

    @Test
    void allTradesRulesLetEveryPrintSetPrices() throws Exception {
        harness = harness(new CandleAggregator(List.of(Timeframe.M1), Duration.ZERO, Duration.ZERO, SaleConditionRules.ALL_TRADES, DailySession.FULL_DAY));
        harness.open();
        send(oddLot("AAPL", "2024-03-08T14:31:10Z", 99, 7, 2));
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(candles()).singleElement().extracting(Candle::close).isEqualTo(99.0);
    }

    @Test
    void everyCandleCarriesTheSessionOfItsStartAndTheDailyOneTheFullDay() throws Exception {
        open(List.of(Timeframe.M1, Timeframe.H1, Timeframe.D1), Duration.ZERO);
        send(trade("AAPL", "2024-03-08T14:10:00Z", 180, 100, 1)); // 09:10 New York
        send(trade("AAPL", "2024-03-08T14:45:00Z", 181, 100, 2)); // 09:45
        send(trade("AAPL", "2024-03-08T21:05:00Z", 182, 100, 3)); // 16:05
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(candles()).extracting(c -> c.timeframe() + " " + EpochNanos.format(c.start()) + " " + c.session().jsonName())
                .containsExactlyInAnyOrder(
                        "1m 2024-03-08T14:10:00Z pre_market", "1m 2024-03-08T14:45:00Z regular", "1m 2024-03-08T21:05:00Z after_hours",
                        "1h 2024-03-08T14:00:00Z pre_market", "1h 2024-03-08T21:00:00Z after_hours",
                        "1d 2024-03-08T05:00:00Z full_day");
    }

    @Test
    void regularSessionDailyCandlesLeaveOutPreMarketAndAfterHoursTrades() throws Exception {
        harness = harness(new CandleAggregator(List.of(Timeframe.M1, Timeframe.D1), Duration.ZERO, Duration.ZERO,
                SaleConditionRules.TAPE_PLAN, DailySession.REGULAR));
        harness.open();
        send(trade("AAPL", "2024-03-08T14:29:59Z", 170, 100, 1)); // 09:29:59 New York, a regular-way trade in the pre-market
        send(trade("AAPL", "2024-03-08T14:30:00Z", 180, 200, 2)); // the open
        send(trade("AAPL", "2024-03-08T20:59:59Z", 185, 300, 3));
        send(trade("AAPL", "2024-03-08T21:00:00Z", 190, 400, 4)); // 16:00, after hours
        harness.processWatermark(Long.MAX_VALUE);

        Candle day = candles().stream().filter(c -> c.timeframe() == Timeframe.D1).findFirst().orElseThrow();
        assertThat(day).extracting(Candle::open, Candle::high, Candle::low, Candle::close, Candle::volume, Candle::session)
                .containsExactly(180.0, 185.0, 180.0, 185.0, 500L, MarketSession.REGULAR);
        assertThat(candles()).filteredOn(c -> c.timeframe() == Timeframe.M1).as("intraday candles keep every session").hasSize(4);
    }

    private static final Duration HORIZON = Duration.ofMinutes(5);

    @Test
    void cancelOfAMiddlePrintChangesVolumeVwapAndCountButNotOpenHighLowClose() throws Exception {
        open(List.of(Timeframe.M1), Duration.ZERO, HORIZON);
        Trade middle = trade("AAPL", "2024-03-08T14:30:20Z", 11, 300, 2);
        send(trade("AAPL", "2024-03-08T14:30:10Z", 10, 100, 1));
        send(middle);
        send(trade("AAPL", "2024-03-08T14:30:30Z", 12, 100, 3));
        harness.processWatermark(millis("2024-03-08T14:31:00Z"));
        send(cancel(middle));

        assertThat(candles()).hasSize(2);
        Candle before = candles().get(0);
        Candle after = candles().get(1);
        assertThat(after.revision()).isEqualTo(1);
        assertThat(after.isFinal()).isTrue();
        assertThat(List.of(after.open(), after.high(), after.low(), after.close()))
                .containsExactly(before.open(), before.high(), before.low(), before.close());
        assertThat(after.volume()).isEqualTo(200);
        assertThat(after.tradeCount()).isEqualTo(2);
        assertThat(after.vwap()).isEqualTo(11.0);
        assertThat(outcomes()).singleElement().satisfies(o -> {
            assertThat(o.applied()).isTrue();
            assertThat(o.kind()).isEqualTo("cancel");
        });
    }

    @Test
    void cancellingThePrintsThatSetOpenHighLowAndCloseRecomputesThemFromTheRest() throws Exception {
        open(List.of(Timeframe.M1), Duration.ZERO, HORIZON);
        List<Trade> tape = new ArrayList<>(List.of(
                trade("AAPL", "2024-03-08T14:30:05Z", 10, 100, 1),  // open
                trade("AAPL", "2024-03-08T14:30:10Z", 15, 100, 2),  // high
                trade("AAPL", "2024-03-08T14:30:20Z", 8, 100, 3),   // low
                trade("AAPL", "2024-03-08T14:30:30Z", 12, 100, 4),
                trade("AAPL", "2024-03-08T14:30:35Z", 11.5, 100, 5),
                trade("AAPL", "2024-03-08T14:30:40Z", 11, 100, 6))); // close
        for (Trade t : tape) {
            send(t);
        }
        harness.processWatermark(millis("2024-03-08T14:31:00Z"));
        for (int i : new int[] {0, 1, 2, 5}) {
            send(cancel(tape.get(i)));
        }

        assertThat(candles()).extracting(Candle::revision).containsExactly(0, 1, 2, 3, 4);
        assertThat(candles().get(4)).satisfies(c -> {
            assertThat(List.of(c.open(), c.high(), c.low(), c.close())).containsExactly(12.0, 12.0, 11.5, 11.5);
            assertThat(c.volume()).isEqualTo(200);
        });
        assertNewestEqualTheOracle(List.of(tape.get(3), tape.get(4)), List.of(Timeframe.M1));
    }

    @Test
    void aCorrectionAboveTheHighRaisesItInEveryTimeframeAlike() throws Exception {
        List<Timeframe> all = List.of(Timeframe.values());
        open(all, Duration.ZERO, HORIZON);
        Trade first = trade("AAPL", "2024-03-08T14:30:10Z", 10, 100, 1);
        Trade second = trade("AAPL", "2024-03-08T14:30:20Z", 11, 100, 2);
        Trade later = trade("AAPL", "2024-03-08T14:33:20Z", 10.5, 100, 3);
        send(first);
        send(second);
        send(later);
        harness.processWatermark(millis("2024-03-08T14:31:00Z"));
        TradeCorrection correction = correction(first, 13, 100, 11, "@");
        send(correction);
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(newest().values()).filteredOn(c -> c.start() == EpochNanos.parse("2024-03-08T14:30:00Z") || c.timeframe().compareTo(Timeframe.M5) >= 0)
                .hasSize(5).allSatisfy(c -> {
                    assertThat(c.high()).as("%s", c.timeframe()).isEqualTo(13);
                    assertThat(c.open()).as("%s", c.timeframe()).isEqualTo(13);
                });
        assertThat(candles()).filteredOn(c -> c.timeframe() == Timeframe.M1 && c.revision() == 1).as("only the emitted 1m candle is re-emitted")
                .singleElement().extracting(Candle::high).isEqualTo(13.0);
        assertNewestEqualTheOracle(List.of(correction.corrected(), second, later), all);
    }

    @Test
    void aCorrectionToAVolumeOnlyConditionTakesThePriceOutAndKeepsTheShares() throws Exception {
        open(List.of(Timeframe.M1), Duration.ZERO, HORIZON);
        Trade first = trade("AAPL", "2024-03-08T14:30:10Z", 10, 100, 1);
        Trade close = trade("AAPL", "2024-03-08T14:30:40Z", 12, 100, 2);
        send(first);
        send(close);
        harness.processWatermark(millis("2024-03-08T14:31:00Z"));
        TradeCorrection oddLot = correction(close, 12, 100, 22, "@", "I");
        send(oddLot);

        assertThat(candles().get(1)).satisfies(c -> {
            assertThat(List.of(c.open(), c.high(), c.low(), c.close())).containsExactly(10.0, 10.0, 10.0, 10.0);
            assertThat(c.volume()).isEqualTo(200);
            assertThat(c.vwap()).isEqualTo(11.0);
            assertThat(c.revision()).isEqualTo(1);
        });
        assertNewestEqualTheOracle(List.of(first, oddLot.corrected()), List.of(Timeframe.M1));
    }

    @Test
    void aCorrectionAfterTheCandleWentFinalRevisesItWhileALateTradeAtTheSameTimeIsTooLate() throws Exception {
        open(List.of(Timeframe.M1), Duration.ZERO, HORIZON);
        Trade t = trade("AAPL", "2024-03-08T14:30:10Z", 10, 100, 1);
        send(t);
        harness.processWatermark(millis("2024-03-08T14:34:00Z")); // 3 minutes after the candle's end
        Trade late = trade("AAPL", "2024-03-08T14:30:20Z", 50, 1, 2);
        send(late);
        send(correction(t, 10, 60, 3, "@"));

        assertThat(late()).containsExactly(late);
        assertThat(candles()).extracting(Candle::revision, Candle::volume, Candle::isFinal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 100L, true), org.assertj.core.groups.Tuple.tuple(1, 60L, true));
    }

    @Test
    void aCorrectionBeyondTheHorizonOrOfAnUnknownTradeIsReportedUnappliedAndChangesNothing() throws Exception {
        open(List.of(Timeframe.M1, Timeframe.M5), Duration.ZERO, Duration.ofMinutes(1));
        Trade old = trade("AAPL", "2024-03-08T14:30:10Z", 10, 100, 1);
        Trade recent = trade("AAPL", "2024-03-08T14:32:10Z", 10, 100, 2);
        send(old);
        send(recent);
        harness.processWatermark(millis("2024-03-08T14:32:00Z")); // 14:30's prints expired at 14:32:00 - 1 ms
        send(cancel(old));
        send(cancel(trade("AAPL", "2024-03-08T14:32:10Z", 10, 100, 99)));
        send(cancel(trade("AAPL", "2024-03-08T14:36:10Z", 10, 100, 98))); // a minute not seen yet

        assertThat(outcomes()).extracting(CorrectionOutcome::applied, CorrectionOutcome::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(false, CorrectionOutcome.BEYOND_HORIZON),
                org.assertj.core.groups.Tuple.tuple(false, CorrectionOutcome.UNKNOWN_TRADE),
                org.assertj.core.groups.Tuple.tuple(false, CorrectionOutcome.UNKNOWN_TRADE));
        assertThat(candles()).extracting(Candle::revision).containsOnly(0);
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(newest().values()).filteredOn(c -> c.timeframe() == Timeframe.M5).singleElement().extracting(Candle::volume).isEqualTo(200L);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void withoutAHorizonNothingIsRetainedAndEveryCorrectionIsReportedUnapplied() throws Exception {
        open(List.of(Timeframe.M1), Duration.ZERO, Duration.ZERO);
        Trade t = trade("AAPL", "2024-03-08T14:30:10Z", 10, 100, 1);
        send(t);
        send(cancel(t));
        assertThat(outcomes()).singleElement().extracting(CorrectionOutcome::reason).isEqualTo(CorrectionOutcome.RETENTION_OFF);
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(candles()).singleElement().extracting(Candle::volume).isEqualTo(100L);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aLateTradeIntoAnExpiredMinuteStillCountsWhenAnotherPrintOfTheLongerCandleIsCancelled() throws Exception {
        open(List.of(Timeframe.M1, Timeframe.M5), Duration.ofMinutes(3), Duration.ofMinutes(1));
        Trade a = trade("AAPL", "2024-03-08T14:30:10Z", 10, 100, 1);
        Trade b = trade("AAPL", "2024-03-08T14:31:10Z", 11, 100, 2);
        Trade c = trade("AAPL", "2024-03-08T14:31:20Z", 10.5, 100, 4);
        send(a);
        send(b);
        send(c);
        harness.processWatermark(millis("2024-03-08T14:32:30Z"));
        Trade late = trade("AAPL", "2024-03-08T14:30:40Z", 20, 50, 3); // its minute's prints have expired
        send(late);
        send(cancel(b));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(outcomes()).singleElement().extracting(CorrectionOutcome::applied).isEqualTo(true);
        assertNewestEqualTheOracle(List.of(a, c, late), List.of(Timeframe.M1, Timeframe.M5));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void retainedPrintsAndFrozenPartsSurviveASnapshotAndRestore() throws Exception {
        List<Timeframe> frames = List.of(Timeframe.M1, Timeframe.M5);
        open(frames, Duration.ZERO, Duration.ofMinutes(1));
        Trade a = trade("AAPL", "2024-03-08T14:30:10Z", 15, 100, 1);
        Trade b = trade("AAPL", "2024-03-08T14:32:10Z", 11, 100, 2);
        Trade c = trade("AAPL", "2024-03-08T14:32:20Z", 12, 100, 3);
        send(a);
        send(b);
        send(c);
        harness.processWatermark(millis("2024-03-08T14:32:30Z")); // 14:30 folded into the 5m candle's frozen part
        var snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = harness(new CandleAggregator(frames, Duration.ZERO, Duration.ofMinutes(1), SaleConditionRules.TAPE_PLAN, DailySession.FULL_DAY));
        harness.initializeState(snapshot);
        harness.open();
        send(cancel(c));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(outcomes()).singleElement().extracting(CorrectionOutcome::applied).isEqualTo(true);
        // the 14:30 minute's candle went out before the snapshot; the two after it are those of a and b alone
        assertThat(newest().values()).extracting(k -> k.timeframe() + " " + k.open() + " " + k.high() + " " + k.low() + " " + k.close() + " " + k.volume())
                .containsExactly("1m 11.0 11.0 11.0 11.0 100", "5m 15.0 15.0 11.0 11.0 200");
    }

    @Test
    void retainedPrintsExpireWithTheHorizonSoStateStaysBounded() throws Exception {
        // 10 trades a second for 40 minutes; the watermark follows 2 s behind
        open(List.of(Timeframe.values()), Duration.ZERO, HORIZON);
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        long[] stateBytes = new long[2];
        for (int i = 0; i < 24_000; i++) {
            long ts = start + i * 100_000_000L;
            send(new Trade("AAPL", ts, 100 + (i % 50) * 0.01, 100, "V", i, new String[] {"@"}, "C"));
            if (i % 10 == 0) {
                harness.processWatermark(EpochNanos.toMillis(ts) - 2_000);
            }
            if (i == 12_000 - 1 || i == 24_000 - 1) {
                stateBytes[i < 12_000 ? 0 : 1] = keyedStateBytes();
            }
        }
        System.out.printf("keyed state of one symbol at 10 trades/s, 5 min horizon: %d bytes after 20 min, %d after 40 min%n",
                stateBytes[0], stateBytes[1]);
        assertThat(stateBytes[1]).as("bytes after 40 min vs after 20 min").isLessThan(stateBytes[0] * 5 / 4);
        assertThat(harness.numEventTimeTimers()).as("one per minute retained and per open candle").isLessThan(30);
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aSymbolThatGoesQuietLeavesNoStateOnceTheWatermarkAlonePassesItsHorizonAndKeep() throws Exception {
        open(List.of(Timeframe.M1, Timeframe.M5), Duration.ofMinutes(1), HORIZON);
        send(trade("AAPL", "2024-03-08T14:31:10Z", 10, 100, 1));
        send(trade("MSFT", "2024-03-08T14:31:20Z", 11, 100, 2));
        harness.processWatermark(millis("2024-03-08T14:36:00Z"));
        assertThat(candles()).as("1m and 5m of each symbol, closed on time").hasSize(4);
        assertThat(harness.numKeyedStateEntries()).as("the 5m candles are kept, the prints retained").isEqualTo(2);

        // no trade, correction or candle end touches either symbol again: only the watermark moves
        harness.processWatermark(millis("2024-03-08T14:45:00Z"));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aMinuteThatExpiresBeforeThePendingCleanupGetsACleanupOfItsOwn() throws Exception {
        open(List.of(Timeframe.M1, Timeframe.D1), Duration.ofHours(1), HORIZON);
        send(trade("AAPL", "2024-03-08T04:30:10Z", 10, 100, 1));
        // the daily candle closes at New York midnight (05:00 UTC): its removal is due an hour later
        harness.processWatermark(millis("2024-03-08T05:00:10Z"));
        // the new day's first trade: its minute can be corrected until 05:06, long before the day's removal
        send(trade("AAPL", "2024-03-08T05:00:30Z", 11, 100, 2));
        assertThat(retainedMinutes("AAPL")).isEqualTo(1);

        // the symbol stays quiet; the watermark passes the minute's cleanup step, not the day's
        harness.processWatermark(millis("2024-03-08T05:15:00Z"));
        assertThat(retainedMinutes("AAPL")).as("expired within a cleanup step, not an hour later").isZero();
    }

    private int retainedMinutes(String symbol) throws Exception {
        KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
        backend.setCurrentKey(symbol);
        SymbolCandles state = backend.getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, new ValueStateDescriptor<>("symbol-candles", new SymbolCandlesSerializer())).value();
        return state == null ? 0 : state.minuteCount;
    }

    @Test
    void aCorrectionWhoseCorrectedPrintCameAlreadyFromABackfillOnlyRemovesTheOriginal() throws Exception {
        open(List.of(Timeframe.M1), Duration.ZERO, HORIZON);
        Trade original = trade("AAPL", "2024-03-08T14:30:10Z", 10, 100, 1);
        Trade other = trade("AAPL", "2024-03-08T14:30:20Z", 11, 100, 2);
        TradeCorrection correction = correction(original, 10.5, 200, 101, "@");
        send(original);
        send(other);
        // a backfill read the tape after the correction: the corrected print came before the message
        send(correction.corrected());
        send(correction);
        harness.processWatermark(Long.MAX_VALUE);

        assertNewestEqualTheOracle(List.of(correction.corrected(), other), List.of(Timeframe.M1));
        assertThat(outcomes()).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo("correction");
            assertThat(o.applied()).isTrue();
        });
    }

    // ----- tape snapshots (after a gap in the stream) -----

    @Test
    void formingCandlesGoOutAsPartialUpdatesAtMostOncePerIntervalAndNeverAfterTheFinal() throws Exception {
        harness = harness(new CandleAggregator(List.of(Timeframe.M1, Timeframe.M5), Duration.ZERO, Duration.ZERO,
                SaleConditionRules.TAPE_PLAN, DailySession.FULL_DAY, Duration.ofSeconds(1)));
        harness.open();
        harness.setProcessingTime(0);
        send(trade("AAPL", "2024-03-08T14:30:01Z", 10, 100, 1));
        send(trade("AAPL", "2024-03-08T14:30:02Z", 12, 100, 2));
        assertThat(candles()).as("nothing before the interval ends").isEmpty();

        harness.setProcessingTime(1_000);
        List<Candle> first = candles();
        assertThat(first).hasSize(2).allSatisfy(c -> {
            assertThat(c.isFinal()).isFalse();
            assertThat(c.revision()).isZero();
            assertThat(c.close()).isEqualTo(12);
            assertThat(c.volume()).isEqualTo(200);
        });

        send(trade("AAPL", "2024-03-08T14:30:03Z", 11, 100, 3));
        send(trade("AAPL", "2024-03-08T14:30:04Z", 13, 100, 4));
        harness.setProcessingTime(1_500);
        assertThat(candles()).as("one update per interval, however many trades").hasSize(2);
        harness.setProcessingTime(2_000);
        assertThat(candles()).hasSize(4);
        assertThat(candles().subList(2, 4)).allSatisfy(c -> assertThat(c.close()).isEqualTo(13));

        harness.processWatermark(EpochNanos.toMillis(EpochNanos.parse("2024-03-08T14:31:00Z")) - 1);
        Candle minute = candles().get(4);
        assertThat(minute.isFinal()).isTrue();
        assertThat(minute.revision()).as("the final is the first emission").isZero();
        assertThat(minute.volume()).isEqualTo(400);

        send(trade("AAPL", "2024-03-08T14:31:05Z", 14, 100, 5));
        harness.setProcessingTime(3_000);
        List<Candle> after = candles().subList(5, candles().size());
        assertThat(after).as("the new minute and the forming 5m; the closed minute is not sent again")
                .extracting(Candle::timeframe, Candle::isFinal)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Timeframe.M1, false),
                        org.assertj.core.groups.Tuple.tuple(Timeframe.M5, false));
        harness.setProcessingTime(10_000);
        assertThat(candles()).as("no trade, no update").hasSize(7);
    }

    private void send(TapeSnapshot snapshot) throws Exception {
        harness.processElement(FeedEvent.of(snapshot), EpochNanos.toMillis(snapshot.to() - 1));
    }

    private static TapeSnapshot snapshot(String from, String to, Trade... trades) {
        return new TapeSnapshot("AAPL", EpochNanos.parse(from), EpochNanos.parse(to), trades);
    }

    @Test
    void aSnapshotLackingARetainedPrintCancelsItAndOneWithANewIdAtTheSameInstantCorrectsIt() throws Exception {
        List<Timeframe> timeframes = List.of(Timeframe.M1, Timeframe.M5);
        open(timeframes, Duration.ZERO, HORIZON);
        Trade open = trade("AAPL", "2024-03-08T14:30:05Z", 10, 100, 1);
        Trade high = trade("AAPL", "2024-03-08T14:30:10Z", 15, 100, 2);
        Trade low = trade("AAPL", "2024-03-08T14:30:20Z", 8, 100, 3);
        Trade close = trade("AAPL", "2024-03-08T14:30:40Z", 11, 100, 4);
        Trade afterTheWindow = trade("AAPL", "2024-03-08T14:30:55Z", 7, 100, 5);
        for (Trade t : List.of(open, high, low, close, afterTheWindow)) {
            send(t);
        }
        harness.processWatermark(millis("2024-03-08T14:31:00Z"));
        // while the stream was down the tape corrected the high (new id) and cancelled the low
        TradeCorrection corrected = correction(high, 14, 100, 102, "@");
        send(snapshot("2024-03-08T14:30:00Z", "2024-03-08T14:30:50Z", open, corrected.corrected(), close));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(candles()).filteredOn(c -> c.timeframe() == Timeframe.M1).extracting(Candle::revision)
                .as("the emitted candle re-emitted once").containsExactly(0, 1);
        assertNewestEqualTheOracle(List.of(open, corrected.corrected(), close, afterTheWindow), timeframes);
        assertThat(outcomes()).extracting(CorrectionOutcome::kind, CorrectionOutcome::applied, CorrectionOutcome::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("correction", true, CorrectionOutcome.RECONCILED),
                        org.assertj.core.groups.Tuple.tuple("cancel", true, CorrectionOutcome.RECONCILED));
        assertThat(outcomes()).filteredOn(o -> o.correction() != null).singleElement().satisfies(o -> {
            assertThat(o.correction().originalId()).isEqualTo(2);
            assertThat(o.correction().originalPrice()).isEqualTo(15);
            assertThat(o.correction().correctedId()).isEqualTo(102);
            assertThat(o.correction().correctedPrice()).isEqualTo(14);
        });
        assertThat(outcomes()).filteredOn(o -> o.cancel() != null).singleElement()
                .satisfies(o -> assertThat(o.cancel().id()).isEqualTo(3));
    }

    @Test
    void aSnapshotPrintTheStreamNeverDeliveredIsAddedAndRevisesTheCandleWithoutAnOutcome() throws Exception {
        open(List.of(Timeframe.M1), Duration.ZERO, HORIZON);
        Trade first = trade("AAPL", "2024-03-08T14:30:05Z", 10, 100, 1);
        Trade missed = trade("AAPL", "2024-03-08T14:30:30Z", 20, 50, 2);
        send(first);
        harness.processWatermark(millis("2024-03-08T14:31:00Z"));
        send(snapshot("2024-03-08T14:30:00Z", "2024-03-08T14:31:00Z", first, missed));

        assertThat(candles()).extracting(Candle::revision, Candle::high, Candle::volume).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, 10.0, 100L), org.assertj.core.groups.Tuple.tuple(1, 20.0, 150L));
        assertThat(late()).isEmpty();
        assertThat(outcomes()).as("a new print is no correction").isEmpty();
    }

    @Test
    void aSnapshotThatMatchesTheRetainedPrintsChangesNothing() throws Exception {
        open(List.of(Timeframe.M1, Timeframe.M5), Duration.ZERO, HORIZON);
        Trade a = trade("AAPL", "2024-03-08T14:30:05Z", 10, 100, 1);
        Trade b = trade("AAPL", "2024-03-08T14:31:05Z", 11, 100, 2);
        send(a);
        send(b);
        harness.processWatermark(millis("2024-03-08T14:32:00Z"));
        int emitted = candles().size();
        send(snapshot("2024-03-08T14:25:00Z", "2024-03-08T14:32:00Z", a, b));

        assertThat(candles()).hasSize(emitted);
        assertThat(outcomes()).isEmpty();
    }

    @Test
    void minutesOfTheWindowPastTheHorizonAreSkippedAndTheRestReconciled() throws Exception {
        open(List.of(Timeframe.M1, Timeframe.M5), Duration.ZERO, Duration.ofMinutes(1));
        Trade old = trade("AAPL", "2024-03-08T14:30:10Z", 10, 100, 1);
        Trade recent = trade("AAPL", "2024-03-08T14:32:10Z", 12, 100, 2);
        Trade kept = trade("AAPL", "2024-03-08T14:32:20Z", 11, 100, 3);
        send(old);
        send(recent);
        send(kept);
        harness.processWatermark(millis("2024-03-08T14:33:00Z")); // 14:30's prints expired at 14:32:00 - 1 ms
        send(snapshot("2024-03-08T14:30:00Z", "2024-03-08T14:33:00Z", kept));

        assertThat(outcomes()).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo("cancel");
            assertThat(o.cancel().id()).isEqualTo(2);
        });
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(newest().values()).filteredOn(c -> c.timeframe() == Timeframe.M1).extracting(Candle::volume)
                .as("the frozen 14:30 candle keeps its print").containsExactly(100L, 100L);
        assertThat(newest().values()).filteredOn(c -> c.timeframe() == Timeframe.M5).singleElement()
                .extracting(Candle::volume).isEqualTo(200L);
    }

    @Test
    void retainedPrintsAndTheirReconciledStateSurviveASnapshotAndRestore() throws Exception {
        open(List.of(Timeframe.M1), Duration.ZERO, HORIZON);
        Trade a = trade("AAPL", "2024-03-08T14:30:05Z", 10, 100, 1);
        Trade b = trade("AAPL", "2024-03-08T14:30:15Z", 12, 100, 2);
        send(a);
        send(b);
        var state = harness.snapshot(1, 1);
        harness.close();
        harness = harness(new CandleAggregator(List.of(Timeframe.M1), Duration.ZERO, HORIZON, SaleConditionRules.TAPE_PLAN,
                DailySession.FULL_DAY));
        harness.initializeState(state);
        harness.open();
        send(snapshot("2024-03-08T14:30:00Z", "2024-03-08T14:30:30Z", a));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(candles()).singleElement().satisfies(c -> {
            assertThat(c.volume()).isEqualTo(100);
            assertThat(c.revision()).as("not emitted before the reconcile").isZero();
        });
        assertThat(outcomes()).singleElement().extracting(CorrectionOutcome::kind).isEqualTo("cancel");
    }

    private long keyedStateBytes() throws Exception {
        return harness.snapshot(1, 1).getManagedKeyedState().stream().mapToLong(h -> h.getStateSize()).sum();
    }


    private static Trade oddLot(String symbol, String time, double price, long size, long id) {
        return new Trade(symbol, EpochNanos.parse(time), price, size, "V", id, new String[] {"@", "I"}, "C");
    }
}
