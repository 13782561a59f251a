package io.jonbu.ohlcv.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jonbu.ohlcv.model.json.ApiJson;
import org.junit.jupiter.api.Test;

class CandleJsonTest {
    @Test
    void writesTheApiFieldNamesAndRfc3339TimesAndReadsThemBack() throws JsonProcessingException {
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        Candle candle = new Candle("AAPL", Timeframe.M1, start, Timeframe.M1.end(start), 1.5, 2, 1, 1.75, 300, 2, 1.6, true, 1);

        String json = ApiJson.mapper().writeValueAsString(candle);

        assertThat(json).isEqualTo("{\"symbol\":\"AAPL\",\"timeframe\":\"1m\",\"start\":\"2024-03-08T14:30:00Z\","
                + "\"end\":\"2024-03-08T14:31:00Z\",\"open\":1.5,\"high\":2.0,\"low\":1.0,\"close\":1.75,\"volume\":300,"
                + "\"trade_count\":2,\"vwap\":1.6,\"final\":true,\"revision\":1,\"session\":\"regular\"}");
        assertThat(ApiJson.mapper().readValue(json, Candle.class)).isEqualTo(candle);
    }

    @Test
    void pricesAndVwapsAreWrittenInTheirShortestDigitsAndReadBackExactly() throws JsonProcessingException {
        long start = EpochNanos.parse("2024-03-08T14:30:00Z");
        double vwap = 187.41 * (1 + Math.sin(3) / 1000);
        Candle candle = new Candle("AAPL", Timeframe.M1, start, Timeframe.M1.end(start), 187.41, 0.1 + 0.2, 1e-7, 2e22, 300, 2,
                vwap, true, 0);

        String json = ApiJson.mapper().writeValueAsString(candle);

        assertThat(json).contains("\"open\":187.41,", "\"high\":0.30000000000000004,", "\"low\":1.0E-7,", "\"close\":2.0E22,",
                "\"vwap\":" + vwap + ",");
        assertThat(ApiJson.mapper().readValue(json, Candle.class)).isEqualTo(candle);
    }
}
