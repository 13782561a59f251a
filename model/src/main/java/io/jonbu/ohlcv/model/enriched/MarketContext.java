package io.jonbu.ohlcv.model.enriched;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jonbu.ohlcv.model.json.NanAsNullJson;

/**
 * Where a candle stands in its series. Each value is NaN (JSON null), and the regime null, until
 * the stream has seen enough candles to know it.
 *
 * @param regime         trending up or down, ranging or volatile
 * @param support        the most recent confirmed pivot low below the close
 * @param resistance     the most recent confirmed pivot high above the close
 * @param trendSlopeDeg  the least-squares slope of the recent closes as an angle, price-normalized
 *                       so that 45 degrees is a rise of 1% of the mean close per candle
 * @param trendStrength  ADX(14), 0..100
 */
@JsonPropertyOrder({"regime", "support", "resistance", "trend_slope_deg", "trend_strength"})
public record MarketContext(
        Regime regime,
        @JsonSerialize(using = NanAsNullJson.Serializer.class) @JsonDeserialize(using = NanAsNullJson.Deserializer.class)
        double support,
        @JsonSerialize(using = NanAsNullJson.Serializer.class) @JsonDeserialize(using = NanAsNullJson.Deserializer.class)
        double resistance,
        @JsonProperty("trend_slope_deg")
        @JsonSerialize(using = NanAsNullJson.Serializer.class) @JsonDeserialize(using = NanAsNullJson.Deserializer.class)
        double trendSlopeDeg,
        @JsonProperty("trend_strength")
        @JsonSerialize(using = NanAsNullJson.Serializer.class) @JsonDeserialize(using = NanAsNullJson.Deserializer.class)
        double trendStrength) {

    /** Nothing known yet. */
    public static final MarketContext UNKNOWN = new MarketContext(null, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
