package io.jonbu.ohlcv.job.enrich.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.job.indicator.IndicatorSet;
import io.jonbu.ohlcv.job.enrich.SeriesEnricher;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.FeatureSchema;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import io.jonbu.ohlcv.model.enriched.MarketContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SeriesContextTest {
    private static List<Candle> randomWalk(int count) {
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        Random random = new Random(7);
        List<Candle> candles = new ArrayList<>();
        double close = 100;
        for (int i = 0; i < count; i++) {
            long s = start + i * Timeframe.M1.nominalNanos();
            double open = close;
            close = Math.max(1, open + random.nextGaussian());
            candles.add(new Candle("AAPL", Timeframe.M1, s, Timeframe.M1.end(s), open, Math.max(open, close) + random.nextDouble(),
                    Math.min(open, close) - random.nextDouble(), close, 100 + random.nextInt(1000), 10, close, true, 0));
        }
        return candles;
    }

    @Test
    void contextStateAndTheEnrichedCandleAreFlinkPojosSoKryoIsNeverUsed() {
        for (Class<?> type : List.of(TrendLine.class, Pivots.class, FeatureVector.class, SeriesContext.class, SeriesEnricher.class)) {
            TypeInformation<?> info = TypeInformation.of(type);
            assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
            assertThat(info.createSerializer(strict())).as(type.getSimpleName()).isNotNull();
        }
        for (Class<?> type : List.of(MarketContext.class, EnrichedCandle.class)) {
            TypeInformation<?> info = TypeInformation.of(type);
            assertThat(info).as(type.getSimpleName()).isNotInstanceOf(GenericTypeInfo.class);
            assertThat(info.createSerializer(strict())).as(type.getSimpleName()).isNotNull();
        }
    }

    @Test
    void everythingIsKnownOnceWarmedUp() {
        SeriesContext context = new SeriesContext(5);
        IndicatorSet indicators = new IndicatorSet();
        double[] values = new double[IndicatorKey.COUNT];
        double[] features = new double[FeatureSchema.COUNT];
        MarketContext last = null;
        for (Candle c : randomWalk(300)) {
            indicators.update(c, values);
            last = context.update(c, values, features);
        }
        assertThat(last.regime()).isNotNull();
        assertThat(last.trendSlopeDeg()).isFinite();
        assertThat(last.trendStrength()).isEqualTo(values[IndicatorKey.ADX_14.ordinal()]);
        for (double f : features) {
            assertThat(f).isBetween(0.0, 1.0);
        }
    }

    @Test
    void contextRestoredFromItsSerializedStateContinuesAsIfNeverStopped() throws IOException {
        List<Candle> candles = randomWalk(300);
        TypeSerializer<SeriesContext> serializer = TypeInformation.of(SeriesContext.class).createSerializer(strict());
        SeriesContext running = new SeriesContext(5);
        IndicatorSet indicators = new IndicatorSet();
        double[] values = new double[IndicatorKey.COUNT];
        double[] features = new double[FeatureSchema.COUNT];
        for (int i = 0; i < 150; i++) {
            indicators.update(candles.get(i), values);
            running.update(candles.get(i), values, features);
        }
        DataOutputSerializer bytes = new DataOutputSerializer(16 * 1024);
        serializer.serialize(running, bytes);
        SeriesContext restored = serializer.deserialize(new DataInputDeserializer(bytes.getCopyOfBuffer()));

        double[] restoredFeatures = new double[FeatureSchema.COUNT];
        for (int i = 150; i < candles.size(); i++) {
            indicators.update(candles.get(i), values);
            MarketContext want = running.update(candles.get(i), values, features);
            assertThat(restored.update(candles.get(i), values, restoredFeatures)).as("candle %d", i).isEqualTo(want);
            assertThat(restoredFeatures).as("candle %d", i).containsExactly(features);
        }
    }

    private static SerializerConfigImpl strict() {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        return config;
    }
}
