package io.jonbu.ohlcv.job.candle;

import static io.jonbu.ohlcv.job.testing.Trades.millis;
import static io.jonbu.ohlcv.job.testing.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.DailySession;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.MarketSession;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.tape.SaleConditionRules;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CandleAggregatorTest {
    private KeyedOneInputStreamOperatorTestHarness<String, Trade, Candle> harness;

    private void open(List<Timeframe> timeframes, Duration lateness) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CandleAggregator(timeframes, lateness, SaleConditionRules.TAPE_PLAN, DailySession.FULL_DAY)), Trade::symbol, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(Trade t) throws Exception {
        harness.processElement(t, EpochNanos.toMillis(t.timestamp()));
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

        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CandleAggregator(List.of(Timeframe.M1), Duration.ZERO, SaleConditionRules.TAPE_PLAN, DailySession.FULL_DAY)), Trade::symbol, Types.STRING);
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
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new CandleAggregator(List.of(Timeframe.M1), Duration.ZERO, SaleConditionRules.ALL_TRADES, DailySession.FULL_DAY)), Trade::symbol, Types.STRING);
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
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new CandleAggregator(List.of(Timeframe.M1, Timeframe.D1), Duration.ZERO, SaleConditionRules.TAPE_PLAN, DailySession.REGULAR)),
                Trade::symbol, Types.STRING);
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

    private static Trade oddLot(String symbol, String time, double price, long size, long id) {
        return new Trade(symbol, EpochNanos.parse(time), price, size, "V", id, new String[] {"@", "I"}, "C");
    }
}
