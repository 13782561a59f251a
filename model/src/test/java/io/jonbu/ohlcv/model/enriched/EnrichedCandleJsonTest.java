package io.jonbu.ohlcv.model.enriched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.util.Arrays;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

class EnrichedCandleJsonTest {
    private static EnrichedCandle enriched() {
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        double[] values = new double[IndicatorKey.COUNT];
        Arrays.fill(values, Double.NaN);
        values[IndicatorKey.SMA_20.ordinal()] = 187.25;
        values[IndicatorKey.RSI_14.ordinal()] = 71.5;
        Candle candle = new Candle("AAPL", Timeframe.M1, start, Timeframe.M1.end(start), 1.5, 2, 1, 1.75, 300, 2, 1.6, true, 0);
        double[] features = new double[FeatureSchema.COUNT];
        Arrays.fill(features, Double.NaN);
        features[FeatureSchema.RSI_14.ordinal()] = 0.715;
        features[FeatureSchema.VOLUME_RATIO.ordinal()] = 1.0;
        MarketContext context = new MarketContext(Regime.TRENDING_UP, Double.NaN, 1.8, 12.5, 31.0);
        return new EnrichedCandle(candle, values, new String[] {"hammer", "bullish_engulfing"}, context, features,
                "AAPL 1m candle at 2024-03-08 09:30 EST: close $1.75, volume 300");
    }

    @Test
    void indicatorsAreAnObjectInKeyOrderWithNullBeforeWarmUp() throws Exception {
        JsonNode json = ApiJson.mapper().readTree(ApiJson.mapper().writeValueAsString(enriched()));

        assertThat(json.path("ohlcv").path("trade_count").asInt()).isEqualTo(2);
        Iterator<String> names = json.path("indicators").fieldNames();
        for (IndicatorKey key : IndicatorKey.values()) {
            assertThat(names.next()).isEqualTo(key.jsonName());
        }
        assertThat(json.path("indicators").path("sma_20").asDouble()).isEqualTo(187.25);
        assertThat(json.path("indicators").path("sma_50").isNull()).isTrue();
        assertThat(json.path("patterns")).extracting(JsonNode::asText).containsExactly("hammer", "bullish_engulfing");
    }

    @Test
    void contextFeaturesDescriptionMetadataAndEmbeddingAreInThePublishedShape() throws Exception {
        JsonNode json = ApiJson.mapper().readTree(ApiJson.mapper().writeValueAsString(enriched()));

        assertThat(json.fieldNames()).toIterable().containsExactly("ohlcv", "indicators", "patterns", "context", "features",
                "description", "metadata", "embedding_vector");
        assertThat(json.path("context").toString())
                .isEqualTo("{\"regime\":\"trending_up\",\"support\":null,\"resistance\":1.8,\"trend_slope_deg\":12.5,\"trend_strength\":31.0}");
        JsonNode features = json.path("features");
        assertThat(features.path("schema_version").asInt()).isEqualTo(FeatureSchema.VERSION);
        assertThat(features.path("names")).extracting(JsonNode::asText)
                .containsExactly(Arrays.stream(FeatureSchema.values()).map(FeatureSchema::jsonName).toArray(String[]::new));
        assertThat(features.path("values")).hasSize(FeatureSchema.COUNT);
        assertThat(features.path("values").get(FeatureSchema.RSI_14.ordinal()).asDouble()).isEqualTo(0.715);
        assertThat(features.path("values").get(FeatureSchema.STOCH_K.ordinal()).isNull()).isTrue();
        assertThat(json.path("description").asText()).isEqualTo("AAPL 1m candle at 2024-03-08 09:30 EST: close $1.75, volume 300");
        assertThat(json.path("metadata").toString()).isEqualTo(
                "{\"symbol\":\"AAPL\",\"timeframe\":\"1m\",\"session\":\"regular\",\"regime\":\"trending_up\",\"patterns\":[\"hammer\",\"bullish_engulfing\"]}");
        JsonNode embedding = json.path("embedding_vector");
        assertThat(embedding).hasSize(FeatureSchema.COUNT);
        assertThat(embedding.get(FeatureSchema.RSI_14.ordinal()).floatValue()).isEqualTo(0.715f);
        assertThat(embedding.get(FeatureSchema.STOCH_K.ordinal()).floatValue()).as("missing is neutral").isEqualTo(FeatureSchema.NEUTRAL);
    }

    @Test
    void beforeWarmUpTheContextIsAllNull() throws Exception {
        assertThat(ApiJson.mapper().writeValueAsString(MarketContext.UNKNOWN))
                .isEqualTo("{\"regime\":null,\"support\":null,\"resistance\":null,\"trend_slope_deg\":null,\"trend_strength\":null}");
        assertThat(ApiJson.mapper().readValue(ApiJson.mapper().writeValueAsString(MarketContext.UNKNOWN), MarketContext.class))
                .isEqualTo(MarketContext.UNKNOWN);
    }

    @Test
    void featuresAreReadByNameSoAReorderedExportStillReadsRight() throws Exception {
        String json = ApiJson.mapper().writeValueAsString(enriched())
                .replaceFirst("\"features\":\\{[^}]*\\}", "\"features\":{\"schema_version\":1,\"names\":[\"adx_14\",\"rsi_14\",\"gone\"],\"values\":[0.25,0.5,7]}");
        double[] features = ApiJson.mapper().readValue(json, EnrichedCandle.class).features();
        assertThat(features[FeatureSchema.ADX_14.ordinal()]).isEqualTo(0.25);
        assertThat(features[FeatureSchema.RSI_14.ordinal()]).isEqualTo(0.5);
        assertThat(features[FeatureSchema.STOCH_K.ordinal()]).isNaN();
    }

    @Test
    void readsBackToAnEqualCandle() throws Exception {
        String json = ApiJson.mapper().writeValueAsString(enriched());
        assertThat(ApiJson.mapper().readValue(json, EnrichedCandle.class)).isEqualTo(enriched());
    }

    @Test
    void theIndicatorObjectAloneRoundTripsAsPostgresStoresIt() {
        double[] values = enriched().indicators();
        assertThat(IndicatorValuesJson.read(IndicatorValuesJson.write(values))).containsExactly(values);
        assertThat(IndicatorValuesJson.read("{\"rsi_14\":50,\"unknown\":[1]}")[IndicatorKey.RSI_14.ordinal()]).isEqualTo(50);
    }

    @Test
    void aWrongNumberOfIndicatorValuesIsRejected() {
        Candle c = enriched().ohlcv();
        assertThatThrownBy(() -> new EnrichedCandle(c, new double[3], new String[0], MarketContext.UNKNOWN,
                new double[FeatureSchema.COUNT], ""))
                .hasMessageContaining("expected " + IndicatorKey.COUNT);
        assertThatThrownBy(() -> new EnrichedCandle(c, new double[IndicatorKey.COUNT], new String[0], MarketContext.UNKNOWN,
                new double[2], ""))
                .hasMessageContaining("expected " + FeatureSchema.COUNT);
    }
}
