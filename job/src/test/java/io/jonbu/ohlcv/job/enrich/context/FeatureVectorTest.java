package io.jonbu.ohlcv.job.enrich.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.FeatureSchema;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeatureVectorTest {
    private static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");
    private static final Candle CANDLE = new Candle("AAPL", Timeframe.M1, START, Timeframe.M1.end(START), 99, 101, 98, 100, 3000, 10, 100, true, 0);

    private static double[] indicators() {
        double[] in = new double[IndicatorKey.COUNT];
        Arrays.fill(in, Double.NaN);
        in[IndicatorKey.RSI_14.ordinal()] = 71;
        in[IndicatorKey.STOCH_K.ordinal()] = 80;
        in[IndicatorKey.STOCH_D.ordinal()] = 75;
        in[IndicatorKey.WILLR_14.ordinal()] = -20;
        in[IndicatorKey.MFI_14.ordinal()] = 55;
        in[IndicatorKey.ADX_14.ordinal()] = 30;
        in[IndicatorKey.PLUS_DI_14.ordinal()] = 25;
        in[IndicatorKey.MINUS_DI_14.ordinal()] = 15;
        in[IndicatorKey.ROC_10.ordinal()] = 1.5;
        in[IndicatorKey.CCI_20.ordinal()] = 120;
        in[IndicatorKey.MACD_HIST.ordinal()] = 0.5;
        in[IndicatorKey.NATR_14.ordinal()] = 0.8;
        in[IndicatorKey.VOLUME_SMA_20.ordinal()] = 2000;
        in[IndicatorKey.BB_UPPER.ordinal()] = 104;
        in[IndicatorKey.BB_LOWER.ordinal()] = 96;
        in[IndicatorKey.SMA_20.ordinal()] = 98;
        in[IndicatorKey.SMA_50.ordinal()] = 125;
        return in;
    }

    private static double raw(FeatureSchema f) {
        return FeatureVector.raw(f, CANDLE, indicators(), 15.0, 80.0);
    }

    @Test
    void boundedFeaturesComeFromTheirFixedRangeAtOnce() {
        double[] out = new double[FeatureSchema.COUNT];
        new FeatureVector(FeatureSchema.ROLLING_WINDOW).update(CANDLE, indicators(), 45.0, 80.0, out);

        assertThat(out[FeatureSchema.RSI_14.ordinal()]).isEqualTo(0.71);
        assertThat(out[FeatureSchema.STOCH_K.ordinal()]).isEqualTo(0.8);
        assertThat(out[FeatureSchema.STOCH_D.ordinal()]).isEqualTo(0.75);
        assertThat(out[FeatureSchema.WILLR_14.ordinal()]).isEqualTo(0.8);
        assertThat(out[FeatureSchema.MFI_14.ordinal()]).isEqualTo(0.55);
        assertThat(out[FeatureSchema.ADX_14.ordinal()]).isEqualTo(0.3);
        assertThat(out[FeatureSchema.PLUS_DI_14.ordinal()]).isEqualTo(0.25);
        assertThat(out[FeatureSchema.MINUS_DI_14.ordinal()]).isEqualTo(0.15);
        assertThat(out[FeatureSchema.TREND_SLOPE_DEG.ordinal()]).isEqualTo(0.75);
        for (FeatureSchema f : FeatureSchema.values()) {
            if (f.isRolling()) {
                assertThat(out[f.ordinal()]).as("%s waits for its window", f).isNaN();
            }
        }
    }

    @Test
    void unboundedFeaturesAreTheseRawValues() {
        assertThat(raw(FeatureSchema.RETURN_1)).isEqualTo(0.25);
        assertThat(raw(FeatureSchema.ROC_10)).isEqualTo(1.5);
        assertThat(raw(FeatureSchema.CCI_20)).isEqualTo(120);
        assertThat(raw(FeatureSchema.MACD_HIST_PCT)).isEqualTo(0.005);
        assertThat(raw(FeatureSchema.NATR_14)).isEqualTo(0.8);
        assertThat(raw(FeatureSchema.VOLUME_RATIO)).isEqualTo(1.5);
        assertThat(raw(FeatureSchema.BB_POSITION)).isEqualTo(0.5);
        assertThat(raw(FeatureSchema.SMA_20_DISTANCE)).isCloseTo(2.0 / 98, within(1e-15));
        assertThat(raw(FeatureSchema.SMA_50_DISTANCE)).isCloseTo(-0.2, within(1e-15));
        assertThat(FeatureVector.raw(FeatureSchema.RETURN_1, CANDLE, indicators(), 0, Double.NaN)).as("first candle").isNaN();
    }

    @Test
    void unboundedFeaturesAreMinMaxScaledOverTheirLastWindowValuesOnceItIsFull() {
        FeatureVector v = new FeatureVector(3);
        assertThat(v.scaleRolling(0, 1)).isNaN();
        assertThat(v.scaleRolling(0, Double.NaN)).as("not counted").isNaN();
        assertThat(v.scaleRolling(0, 2)).isNaN();
        assertThat(v.scaleRolling(0, 3)).isEqualTo(1.0);
        assertThat(v.scaleRolling(0, 0)).isEqualTo(0.0);
        assertThat(v.scaleRolling(0, 2.5)).as("over 3, 0, 2.5: the 1 and 2 have left").isEqualTo(2.5 / 3);
        assertThat(v.scaleRolling(1, Double.POSITIVE_INFINITY)).as("a ratio over zero").isNaN();
        assertThat(v.scaleRolling(1, 7)).isNaN();
    }

    @Test
    void aWindowOfEqualValuesScalesToTheMiddle() {
        FeatureVector v = new FeatureVector(2);
        v.scaleRolling(2, 4);
        assertThat(v.scaleRolling(2, 4)).isEqualTo(0.5);
    }
}
