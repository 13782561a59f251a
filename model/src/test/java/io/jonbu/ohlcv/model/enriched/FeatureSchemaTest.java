package io.jonbu.ohlcv.model.enriched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeatureSchemaTest {
    @Test
    void versionOneHasTheseFeaturesInThisOrder() {
        assertThat(FeatureSchema.VERSION).isEqualTo(1);
        assertThat(Arrays.stream(FeatureSchema.values()).map(FeatureSchema::jsonName)).containsExactly(
                "rsi_14", "stoch_k", "stoch_d", "willr_14", "mfi_14", "adx_14", "plus_di_14", "minus_di_14",
                "trend_slope_deg", "return_1", "roc_10", "cci_20", "macd_hist_pct", "natr_14", "volume_ratio",
                "bb_position", "sma_20_distance", "sma_50_distance");
        assertThat(Arrays.stream(FeatureSchema.values()).filter(FeatureSchema::isRolling).map(FeatureSchema::jsonName))
                .containsExactly("return_1", "roc_10", "cci_20", "macd_hist_pct", "natr_14", "volume_ratio", "bb_position",
                        "sma_20_distance", "sma_50_distance");
    }

    @Test
    void boundedFeaturesAreScaledFromTheirFixedRangeAndClamped() {
        assertThat(FeatureSchema.RSI_14.scaleFixed(71)).isEqualTo(0.71);
        assertThat(FeatureSchema.STOCH_K.scaleFixed(20)).isEqualTo(0.2);
        assertThat(FeatureSchema.STOCH_D.scaleFixed(100)).isEqualTo(1.0);
        assertThat(FeatureSchema.WILLR_14.scaleFixed(-80)).isEqualTo(0.2);
        assertThat(FeatureSchema.MFI_14.scaleFixed(50)).isEqualTo(0.5);
        assertThat(FeatureSchema.ADX_14.scaleFixed(25)).isEqualTo(0.25);
        assertThat(FeatureSchema.PLUS_DI_14.scaleFixed(30)).isEqualTo(0.3);
        assertThat(FeatureSchema.MINUS_DI_14.scaleFixed(10)).isEqualTo(0.1);
        assertThat(FeatureSchema.TREND_SLOPE_DEG.scaleFixed(45)).isEqualTo(0.75);
        assertThat(FeatureSchema.TREND_SLOPE_DEG.scaleFixed(-90)).isEqualTo(0.0);
        assertThat(FeatureSchema.RSI_14.scaleFixed(100.0000001)).as("clamped").isEqualTo(1.0);
        assertThat(FeatureSchema.RSI_14.scaleFixed(Double.NaN)).as("not warmed up").isNaN();
    }

    @Test
    void theEmbeddingIsTheFeaturesAsFloatsWithMissingOnesNeutral() {
        double[] features = new double[FeatureSchema.COUNT];
        Arrays.fill(features, Double.NaN);
        features[0] = 0.25;
        float[] embedding = FeatureSchema.embedding(features);
        assertThat(embedding).hasSize(FeatureSchema.COUNT);
        assertThat(embedding[0]).isEqualTo(0.25f);
        assertThat(embedding[1]).isEqualTo(0.5f);
    }
}
