package io.jonbu.ohlcv.job.pattern.candlestick;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Timeframe;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class CandlestickPatternSetTest {
    private static final CandleSeries SERIES = CandleSeries.generate(20240308L, 3000);

    @Test
    void outEqualsEachPatternFedAlone() {
        CandlestickPatternSet set = new CandlestickPatternSet();
        CandlestickPattern[] patterns = CandlestickPattern.values();
        CandlestickDetector[] alone = Arrays.stream(patterns).map(TaLibCandlestickOracle::detector)
                .toArray(CandlestickDetector[]::new);
        for (int i = 0; i < SERIES.size(); i++) {
            set.update(SERIES.open()[i], SERIES.high()[i], SERIES.low()[i], SERIES.close()[i]);
            for (CandlestickPattern p : patterns) {
                int expected = alone[p.ordinal()].update(SERIES.open()[i], SERIES.high()[i], SERIES.low()[i], SERIES.close()[i]);
                assertThat(set.out[p.ordinal()]).as("%s at candle %d", p.id(), i).isEqualTo(expected);
            }
        }
    }

    @Test
    void candleUpdateReadsItsOpenHighLowClose() {
        CandlestickPatternSet fromCandles = new CandlestickPatternSet();
        CandlestickPatternSet fromPrices = new CandlestickPatternSet();
        for (int i = 0; i < 200; i++) {
            fromCandles.update(new Candle("AAPL", Timeframe.M1, i, i + 1, SERIES.open()[i], SERIES.high()[i],
                    SERIES.low()[i], SERIES.close()[i], 100, 1, SERIES.close()[i], true, 0));
            fromPrices.update(SERIES.open()[i], SERIES.high()[i], SERIES.low()[i], SERIES.close()[i]);
            assertThat(fromCandles.out).as("candle %d", i).isEqualTo(fromPrices.out);
        }
    }

    @Test
    void restoredFromItsFlinkSerializerMidSeriesItContinuesIdentically() throws Exception {
        TypeSerializer<CandlestickPatternSet> serializer = TypeInformation.of(CandlestickPatternSet.class)
                .createSerializer(strictConfig());
        CandlestickPatternSet uninterrupted = new CandlestickPatternSet();
        CandlestickPatternSet restored = new CandlestickPatternSet();
        for (int i = 0; i < SERIES.size(); i++) {
            if (i % 997 == 500) {
                DataOutputSerializer bytes = new DataOutputSerializer(4096);
                serializer.serialize(restored, bytes);
                restored = serializer.deserialize(new DataInputDeserializer(bytes.getCopyOfBuffer()));
            }
            uninterrupted.update(SERIES.open()[i], SERIES.high()[i], SERIES.low()[i], SERIES.close()[i]);
            restored.update(SERIES.open()[i], SERIES.high()[i], SERIES.low()[i], SERIES.close()[i]);
            assertThat(restored.out).as("candle %d", i).isEqualTo(uninterrupted.out);
        }
    }

    @Test
    void stateClassesAreFlinkPojosWithoutGenericTypes() {
        for (Class<?> type : List.of(CandlestickPatternSet.class, RecentCandles.class, CandleSettingAverage.class,
                Doji.class, DragonflyDoji.class, GravestoneDoji.class, Hammer.class, HangingMan.class,
                InvertedHammer.class, ShootingStar.class, Engulfing.class, Harami.class, MorningStar.class,
                EveningStar.class, ThreeWhiteSoldiers.class, ThreeBlackCrows.class)) {
            TypeInformation<?> info = TypeInformation.of(type);
            assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
            assertThat(info.createSerializer(strictConfig())).as(type.getSimpleName()).isNotNull();
        }
    }

    @Test
    void patternIdsAreStableLowerCaseNames() {
        assertThat(Arrays.stream(CandlestickPattern.values()).map(CandlestickPattern::id)).containsExactly(
                "doji", "dragonfly_doji", "gravestone_doji", "hammer", "hanging_man", "inverted_hammer",
                "shooting_star", "engulfing", "harami", "morning_star", "evening_star", "three_white_soldiers",
                "three_black_crows");
    }

    private static SerializerConfigImpl strictConfig() {
        SerializerConfigImpl strict = new SerializerConfigImpl();
        strict.setGenericTypes(false);
        return strict;
    }
}
