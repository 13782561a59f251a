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
        return new EnrichedCandle(candle, values, new String[] {"hammer", "bullish_engulfing"});
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
        assertThatThrownBy(() -> new EnrichedCandle(c, new double[3], new String[0]))
                .hasMessageContaining("expected " + IndicatorKey.COUNT);
    }
}
