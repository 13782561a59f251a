package io.jonbu.ohlcv.model.enriched;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jonbu.ohlcv.model.Candle;
import java.util.Arrays;
import java.util.Objects;

/**
 * A final candle with what the stream computed about it.
 *
 * @param ohlcv      the candle
 * @param indicators one value per {@link IndicatorKey}, at its ordinal; NaN (JSON null) before the
 *                   indicator's warm-up. An array, not a map, so Flink serializes it without Kryo.
 * @param patterns   names of the candlestick patterns this candle completes, e.g. {@code hammer},
 *                   {@code bullish_engulfing}
 */
@JsonPropertyOrder({"ohlcv", "indicators", "patterns"})
public record EnrichedCandle(
        Candle ohlcv,
        @JsonSerialize(using = IndicatorValuesJson.Serializer.class)
        @JsonDeserialize(using = IndicatorValuesJson.Deserializer.class)
        double[] indicators,
        String[] patterns) {

    public EnrichedCandle {
        Objects.requireNonNull(ohlcv, "ohlcv");
        Objects.requireNonNull(patterns, "patterns");
        if (indicators.length != IndicatorKey.COUNT) {
            throw new IllegalArgumentException("indicators: expected " + IndicatorKey.COUNT + " values, got " + indicators.length);
        }
    }

    public double indicator(IndicatorKey key) {
        return indicators[key.ordinal()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnrichedCandle e && ohlcv.equals(e.ohlcv) && Arrays.equals(indicators, e.indicators)
                && Arrays.equals(patterns, e.patterns);
    }

    @Override
    public int hashCode() {
        return (31 * ohlcv.hashCode() + Arrays.hashCode(indicators)) * 31 + Arrays.hashCode(patterns);
    }

    @Override
    public String toString() {
        return "EnrichedCandle[" + ohlcv + ", " + IndicatorValuesJson.write(indicators) + ", " + Arrays.toString(patterns) + "]";
    }
}
