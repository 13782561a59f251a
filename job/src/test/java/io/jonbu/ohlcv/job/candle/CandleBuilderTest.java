package io.jonbu.ohlcv.job.candle;

import static io.jonbu.ohlcv.job.testing.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.MarketSession;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.tape.TradeEligibility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

class CandleBuilderTest {

    @Test
    void openAndCloseFollowEventTimeWhateverTheArrivalOrder() {
        List<Trade> trades = new ArrayList<>(List.of(
                trade("AAPL", "2024-03-08T14:30:01Z", 10, 100, 1),
                trade("AAPL", "2024-03-08T14:30:20Z", 12, 50, 2),
                trade("AAPL", "2024-03-08T14:30:40Z", 9, 10, 3),
                trade("AAPL", "2024-03-08T14:30:59.999999999Z", 11, 40, 4)));
        for (long seed = 0; seed < 10; seed++) {
            Collections.shuffle(trades, new Random(seed));
            CandleBuilder b = new CandleBuilder();
            trades.forEach(t -> b.add(t, TradeEligibility.ALL));
            Candle c = b.emit("AAPL", Timeframe.M1, 0, 60, MarketSession.CLOSED);
            assertThat(c.open()).isEqualTo(10);
            assertThat(c.close()).isEqualTo(11);
            assertThat(c.high()).isEqualTo(12);
            assertThat(c.low()).isEqualTo(9);
            assertThat(c.volume()).isEqualTo(200);
            assertThat(c.tradeCount()).isEqualTo(4);
            assertThat(c.vwap()).isCloseTo((10 * 100 + 12 * 50 + 9 * 10 + 11 * 40) / 200.0, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void tradesAtTheSameInstantAreOrderedByTradeId() {
        CandleBuilder b = new CandleBuilder();
        b.add(trade("AAPL", "2024-03-08T14:30:00Z", 2, 1, 20), TradeEligibility.ALL);
        b.add(trade("AAPL", "2024-03-08T14:30:00Z", 1, 1, 10), TradeEligibility.ALL);
        b.add(trade("AAPL", "2024-03-08T14:30:00Z", 3, 1, 30), TradeEligibility.ALL);
        Candle c = b.emit("AAPL", Timeframe.M1, 0, 60, MarketSession.CLOSED);
        assertThat(c.open()).isEqualTo(1);
        assertThat(c.close()).isEqualTo(3);
    }

    @Test
    void aVolumeOnlyTradeAddsSharesButSetsNoPrice() {
        CandleBuilder b = new CandleBuilder();
        b.add(trade("AAPL", "2024-03-08T14:30:00Z", 50, 7, 1), TradeEligibility.VOLUME_ONLY);
        assertThat(b.priced).as("odd lots alone make no candle").isFalse();

        b.add(trade("AAPL", "2024-03-08T14:30:10Z", 10, 100, 2), TradeEligibility.ALL);
        b.add(trade("AAPL", "2024-03-08T14:30:20Z", 60, 3, 3), TradeEligibility.VOLUME_ONLY);
        Candle c = b.emit("AAPL", Timeframe.M1, 0, 60, MarketSession.CLOSED);
        assertThat(c.open()).isEqualTo(10);
        assertThat(c.close()).isEqualTo(10);
        assertThat(c.high()).isEqualTo(10);
        assertThat(c.volume()).isEqualTo(110);
        assertThat(c.tradeCount()).isEqualTo(3);
        assertThat(c.vwap()).isCloseTo((50 * 7 + 10 * 100 + 60 * 3) / 110.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aHighLowOnlyTradeWidensTheRangeButIsNeitherOpenNorClose() {
        CandleBuilder b = new CandleBuilder();
        b.add(trade("AAPL", "2024-03-08T14:30:00Z", 9, 10, 1), TradeEligibility.of(true, false, true));
        b.add(trade("AAPL", "2024-03-08T14:30:10Z", 10, 10, 2), TradeEligibility.ALL);
        Candle c = b.emit("AAPL", Timeframe.M1, 0, 60, MarketSession.CLOSED);
        assertThat(c.open()).isEqualTo(10);
        assertThat(c.low()).isEqualTo(9);
        assertThat(c.revision()).isZero();
        assertThat(b.emit("AAPL", Timeframe.M1, 0, 60, MarketSession.CLOSED).revision()).as("the next emission is a revision").isEqualTo(1);
    }

    @Test
    void mergingPartsGivesTheCandleOfAllTheirTradesWhateverTheSplit() {
        List<Trade> trades = List.of(
                trade("AAPL", "2024-03-08T14:30:20Z", 11, 5, 2),
                trade("AAPL", "2024-03-08T14:30:10Z", 10, 1, 1),
                trade("AAPL", "2024-03-08T14:30:40Z", 13, 2, 4),
                trade("AAPL", "2024-03-08T14:30:30Z", 9, 3, 3));
        CandleBuilder whole = new CandleBuilder();
        trades.forEach(t -> whole.add(t, TradeEligibility.ALL));
        Candle expected = whole.emit("AAPL", Timeframe.M1, 0, 60, MarketSession.CLOSED);
        for (int split = 0; split <= trades.size(); split++) {
            CandleBuilder left = new CandleBuilder();
            CandleBuilder right = new CandleBuilder();
            trades.subList(0, split).forEach(t -> left.add(t, TradeEligibility.ALL));
            trades.subList(split, trades.size()).forEach(t -> right.add(t, TradeEligibility.ALL));
            right.merge(left);
            assertThat(right.emit("AAPL", Timeframe.M1, 0, 60, MarketSession.CLOSED)).as("split at %d", split).isEqualTo(expected);
        }
    }

    @Test
    void stateTypesAreFlinkPojosSoKryoIsNeverUsed() {
        for (Class<?> type : List.of(CandleBuilder.class, RetainedPrints.class, CorrectionOutcome.class,
                Candle.class, Trade.class, io.jonbu.ohlcv.model.DeadLetter.class, io.jonbu.ohlcv.model.FeedEvent.class,
                io.jonbu.ohlcv.model.TapeSnapshot.class)) {
            TypeInformation<?> info = TypeInformation.of(type);
            assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
            SerializerConfigImpl strict = new SerializerConfigImpl();
            strict.setGenericTypes(false);
            assertThat(info.createSerializer(strict)).as(type.getSimpleName()).isNotNull();
        }
    }
}
