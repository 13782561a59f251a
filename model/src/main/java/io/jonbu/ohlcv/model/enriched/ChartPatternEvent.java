package io.jonbu.ohlcv.model.enriched;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.json.NanAsNullJson;
import io.jonbu.ohlcv.model.json.Rfc3339Json;

/**
 * A chart pattern that a run of final candles of one series completed. The prices and averages are
 * those of the last candle of the run, the one that completed it; {@code level} is the price the
 * pattern is about. Named fields rather than a map, so Flink serializes the record without Kryo;
 * a value that does not apply, or whose indicator has not warmed up, is NaN (JSON null).
 *
 * @param pattern     {@code breakout}, {@code breakdown}, {@code bullish_reversal},
 *                    {@code bearish_reversal}, {@code golden_cross} or {@code death_cross}
 * @param start       epoch nanoseconds UTC, the start of the first candle of the run, inclusive
 * @param end         epoch nanoseconds UTC, the end of the last candle of the run, exclusive
 * @param level       the resistance broken (breakout) or support (breakdown), the highest high
 *                    (bearish reversal) or lowest low (bullish reversal) of the trend; NaN for the
 *                    crosses, which are about two averages, not a price level
 * @param volumeSma20 the last candle's 20-candle average volume
 */
@JsonPropertyOrder({"symbol", "timeframe", "pattern", "start", "end", "level", "close", "volume",
        "volume_sma_20", "sma_50", "sma_200"})
public record ChartPatternEvent(
        String symbol,
        Timeframe timeframe,
        String pattern,
        @JsonSerialize(using = Rfc3339Json.Serializer.class) @JsonDeserialize(using = Rfc3339Json.Deserializer.class)
        long start,
        @JsonSerialize(using = Rfc3339Json.Serializer.class) @JsonDeserialize(using = Rfc3339Json.Deserializer.class)
        long end,
        @JsonSerialize(using = NanAsNullJson.Serializer.class) @JsonDeserialize(using = NanAsNullJson.Deserializer.class)
        double level,
        double close,
        long volume,
        @JsonProperty("volume_sma_20")
        @JsonSerialize(using = NanAsNullJson.Serializer.class) @JsonDeserialize(using = NanAsNullJson.Deserializer.class)
        double volumeSma20,
        @JsonProperty("sma_50")
        @JsonSerialize(using = NanAsNullJson.Serializer.class) @JsonDeserialize(using = NanAsNullJson.Deserializer.class)
        double sma50,
        @JsonProperty("sma_200")
        @JsonSerialize(using = NanAsNullJson.Serializer.class) @JsonDeserialize(using = NanAsNullJson.Deserializer.class)
        double sma200) {}
