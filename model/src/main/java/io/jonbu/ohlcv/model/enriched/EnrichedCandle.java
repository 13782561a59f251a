package io.jonbu.ohlcv.model.enriched;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jonbu.ohlcv.model.Candle;
import java.util.Arrays;
import java.util.Objects;

/**
 * A final candle with what the stream computed about it, ready for a model or a retrieval index.
 *
 * <p>The JSON also carries {@code metadata} and {@code embedding_vector}, derived from the
 * components on the way out (and ignored on the way in), so they can never disagree with them.
 *
 * @param ohlcv       the candle
 * @param indicators  one value per {@link IndicatorKey}, at its ordinal; NaN (JSON null) before the
 *                    indicator's warm-up. An array, not a map, so Flink serializes it without Kryo.
 * @param patterns    names of the candlestick patterns this candle completes, e.g. {@code hammer},
 *                    {@code bullish_engulfing}
 * @param context     regime, support and resistance, trend
 * @param features    one value in 0..1 per {@link FeatureSchema}, at its ordinal; NaN (JSON null)
 *                    before warm-up
 * @param description the candle in one line of plain English
 */
@JsonPropertyOrder({"ohlcv", "indicators", "patterns", "context", "features", "description", "metadata", "embedding_vector"})
@JsonIgnoreProperties(value = {"metadata", "embedding_vector"}, allowGetters = true)
public record EnrichedCandle(
        Candle ohlcv,
        @JsonSerialize(using = IndicatorValuesJson.Serializer.class)
        @JsonDeserialize(using = IndicatorValuesJson.Deserializer.class)
        double[] indicators,
        String[] patterns,
        MarketContext context,
        @JsonSerialize(using = FeatureVectorJson.Serializer.class)
        @JsonDeserialize(using = FeatureVectorJson.Deserializer.class)
        double[] features,
        String description) {

    public EnrichedCandle {
        Objects.requireNonNull(ohlcv, "ohlcv");
        Objects.requireNonNull(patterns, "patterns");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(description, "description");
        if (indicators.length != IndicatorKey.COUNT) {
            throw new IllegalArgumentException("indicators: expected " + IndicatorKey.COUNT + " values, got " + indicators.length);
        }
        if (features.length != FeatureSchema.COUNT) {
            throw new IllegalArgumentException("features: expected " + FeatureSchema.COUNT + " values, got " + features.length);
        }
    }

    public double indicator(IndicatorKey key) {
        return indicators[key.ordinal()];
    }

    public double feature(FeatureSchema feature) {
        return features[feature.ordinal()];
    }

    @JsonProperty("metadata")
    public CandleMetadata metadata() {
        return new CandleMetadata(ohlcv.symbol(), ohlcv.timeframe(), ohlcv.session(), context.regime(), patterns);
    }

    /** See {@link FeatureSchema#embedding(double[])}. */
    @JsonProperty("embedding_vector")
    public float[] embeddingVector() {
        return FeatureSchema.embedding(features);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnrichedCandle e && ohlcv.equals(e.ohlcv) && Arrays.equals(indicators, e.indicators)
                && Arrays.equals(patterns, e.patterns) && context.equals(e.context) && Arrays.equals(features, e.features)
                && description.equals(e.description);
    }

    @Override
    public int hashCode() {
        int h = 31 * ohlcv.hashCode() + Arrays.hashCode(indicators);
        h = 31 * h + Arrays.hashCode(patterns);
        h = 31 * h + context.hashCode();
        h = 31 * h + Arrays.hashCode(features);
        return 31 * h + description.hashCode();
    }

    @Override
    public String toString() {
        return "EnrichedCandle[" + ohlcv + ", " + IndicatorValuesJson.write(indicators) + ", " + Arrays.toString(patterns)
                + ", " + context + ", " + Arrays.toString(features) + ", " + description + "]";
    }
}
