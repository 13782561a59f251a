package io.jonbu.ohlcv.job.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class IndicatorSetTest {
    private static final CandleSeries SERIES = CandleSeries.random(5, 3000);

    @Test
    void keysAreInThePublishedOrderWithTheirJsonNames() {
        assertThat(Arrays.stream(IndicatorKey.values()).map(IndicatorKey::jsonName)).containsExactly(
                "sma_20", "sma_50", "sma_200", "ema_12", "ema_26", "wma_20", "dema_20", "tema_20", "macd",
                "macd_signal", "macd_hist", "rsi_14", "stoch_k", "stoch_d", "willr_14", "cci_20", "roc_10",
                "mom_10", "bb_upper", "bb_middle", "bb_lower", "atr_14", "natr_14", "adx_14", "plus_di_14",
                "minus_di_14", "obv", "mfi_14", "vwap", "volume_sma_20");
        assertThat(IndicatorKey.COUNT).isEqualTo(30);
    }

    @Test
    void setWritesWhatTheIndividualIndicatorsGive() {
        double[][] expected = individually(SERIES.candles);
        IndicatorSet set = new IndicatorSet();
        double[] out = new double[IndicatorKey.COUNT];
        for (int i = 0; i < SERIES.size(); i++) {
            set.update(SERIES.candles.get(i), out);
            assertThat(out).as("candle %d", i).containsExactly(expected[i]);
        }
        assertThat(out).as("every key warmed up by the end").doesNotContain(Double.NaN);
    }

    @Test
    void indicatorsAndTheSetAreFlinkPojosSoKryoIsNeverUsed() {
        List<Class<?>> types = List.of(Window.class, Sma.class, Ema.class, Wma.class, Dema.class, Tema.class,
                Macd.class, Rsi.class, Stochastic.class, WilliamsR.class, Cci.class, Roc.class, Momentum.class,
                BollingerBands.class, Atr.class, Natr.class, Adx.class, Obv.class, Mfi.class, SessionVwap.class,
                IndicatorSet.class);
        for (Class<?> type : types) {
            TypeInformation<?> info = TypeInformation.of(type);
            assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
            assertThat(info.createSerializer(strict())).as(type.getSimpleName()).isNotNull();
        }
    }

    @Test
    void setRestoredFromItsSerializedStateContinuesAsIfNeverStopped() throws IOException {
        TypeSerializer<IndicatorSet> serializer = TypeInformation.of(IndicatorSet.class).createSerializer(strict());
        IndicatorSet running = new IndicatorSet();
        double[] out = new double[IndicatorKey.COUNT];
        int half = SERIES.size() / 2;
        for (int i = 0; i < half; i++) {
            running.update(SERIES.candles.get(i), out);
        }
        DataOutputSerializer bytes = new DataOutputSerializer(64 * 1024);
        serializer.serialize(running, bytes);
        IndicatorSet restored = serializer.deserialize(new DataInputDeserializer(bytes.getCopyOfBuffer()));

        double[] restoredOut = new double[IndicatorKey.COUNT];
        for (int i = half; i < SERIES.size(); i++) {
            running.update(SERIES.candles.get(i), out);
            restored.update(SERIES.candles.get(i), restoredOut);
            assertThat(restoredOut).as("candle %d", i).containsExactly(out);
        }
    }

    private static SerializerConfigImpl strict() {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        return config;
    }

    /** Each key from its own freshly built indicator, as the issue defines it. */
    private static double[][] individually(List<Candle> candles) {
        Sma sma20 = new Sma(20);
        Sma sma50 = new Sma(50);
        Sma sma200 = new Sma(200);
        Ema ema12 = new Ema(12);
        Ema ema26 = new Ema(26);
        Wma wma20 = new Wma(20);
        Dema dema20 = new Dema(20);
        Tema tema20 = new Tema(20);
        Macd macd = new Macd(12, 26, 9);
        Rsi rsi = new Rsi(14);
        Stochastic stoch = new Stochastic(5, 3, 3);
        WilliamsR willr = new WilliamsR(14);
        Cci cci = new Cci(20);
        Roc roc = new Roc(10);
        Momentum mom = new Momentum(10);
        BollingerBands bb = new BollingerBands(20, 2.0);
        Atr atr = new Atr(14);
        Natr natr = new Natr(14);
        Adx adx = new Adx(14);
        Obv obv = new Obv();
        Mfi mfi = new Mfi(14);
        SessionVwap vwap = new SessionVwap();
        Sma volumeSma = new Sma(20);
        double[][] rows = new double[candles.size()][];
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            double h = c.high();
            double l = c.low();
            double cl = c.close();
            double v = c.volume();
            macd.update(cl);
            stoch.update(h, l, cl);
            bb.update(cl);
            adx.update(h, l, cl);
            rows[i] = new double[] {
                sma20.update(cl), sma50.update(cl), sma200.update(cl), ema12.update(cl), ema26.update(cl),
                wma20.update(cl), dema20.update(cl), tema20.update(cl), macd.macd, macd.signal, macd.hist,
                rsi.update(cl), stoch.k, stoch.d, willr.update(h, l, cl), cci.update(h, l, cl), roc.update(cl),
                mom.update(cl), bb.upper, bb.middle, bb.lower, atr.update(h, l, cl), natr.update(h, l, cl),
                adx.adx, adx.plusDi, adx.minusDi, obv.update(cl, v), mfi.update(h, l, cl, v), vwap.update(c),
                volumeSma.update(v)
            };
        }
        return rows;
    }
}
