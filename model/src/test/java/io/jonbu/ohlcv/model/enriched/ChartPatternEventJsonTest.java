package io.jonbu.ohlcv.model.enriched;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.json.ApiJson;
import org.junit.jupiter.api.Test;

class ChartPatternEventJsonTest {
    private static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");

    @Test
    void writesSnakeCaseNamesRfc3339TimesAndNullForValuesThatDoNotApply() throws Exception {
        ChartPatternEvent cross = new ChartPatternEvent("AAPL", Timeframe.M5, "golden_cross", START, START + 600_000_000_000L,
                Double.NaN, 187.5, 1200, 950.25, 186.5, 186.25);

        String json = ApiJson.mapper().writeValueAsString(cross);

        assertThat(json).isEqualTo("{\"symbol\":\"AAPL\",\"timeframe\":\"5m\",\"pattern\":\"golden_cross\","
                + "\"start\":\"2024-03-08T14:30:00Z\",\"end\":\"2024-03-08T14:40:00Z\",\"level\":null,\"close\":187.5,"
                + "\"volume\":1200,\"volume_sma_20\":950.25,\"sma_50\":186.5,\"sma_200\":186.25}");
    }

    @Test
    void readsBackToAnEqualEventWithNullAsNaN() throws Exception {
        ChartPatternEvent breakout = new ChartPatternEvent("MSFT", Timeframe.M1, "breakout", START, START + 60_000_000_000L,
                412.5, 413.25, 5000, 2100, Double.NaN, Double.NaN);

        String json = ApiJson.mapper().writeValueAsString(breakout);
        ChartPatternEvent read = ApiJson.mapper().readValue(json, ChartPatternEvent.class);

        assertThat(read).isEqualTo(breakout);
        assertThat(read.sma200()).isNaN();
    }
}
