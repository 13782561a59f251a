package io.jonbu.ohlcv.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import io.jonbu.ohlcv.model.enriched.IndicatorValuesJson;
import io.jonbu.ohlcv.serving.ApiClient.Reply;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnrichedEndpointTest {
    private static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");
    private static final List<Candle> AAPL = IntStream.range(0, 3).mapToObj(i -> {
        long start = START + i * 60_000_000_000L;
        return new Candle("AAPL", Timeframe.M1, start, Timeframe.M1.end(start), 10 + i, 11 + i, 9 + i, 10.5 + i, 100, 5, 10.2 + i, true, 0);
    }).toList();

    private static RunningServer serving;
    private static EmbeddedDatabase db;
    private static ApiClient api;

    @BeforeAll
    static void start() throws SQLException {
        serving = RunningServer.start();
        db = serving.db;
        api = serving.api;
        CandleRows.insert(db.dataSource(), AAPL);
        // the third candle is not enriched yet; the first was enriched before context existed (schema V3)
        enrich(AAPL.get(0), Double.NaN, new String[0]);
        enrich(AAPL.get(1), 55.5, new String[] {"doji", "bullish_harami"});
        try (Connection conn = db.dataSource().getConnection(); Statement s = conn.createStatement()) {
            s.executeUpdate("UPDATE enriched_candles SET context = '{\"regime\":\"ranging\",\"support\":10.1,\"resistance\":null,"
                    + "\"trend_slope_deg\":3.5,\"trend_strength\":18}', features = ARRAY[0.25, NULL]::real[], feature_schema_version = 1,"
                    + " description = 'AAPL 1m candle' WHERE start_time = '2024-03-08T14:31:00Z'");
        }
    }

    @AfterAll
    static void stop() {
        serving.close();
    }

    private static void enrich(Candle c, double rsi, String[] patterns) throws SQLException {
        double[] values = new double[IndicatorKey.COUNT];
        Arrays.fill(values, Double.NaN);
        values[IndicatorKey.OBV.ordinal()] = 100;
        values[IndicatorKey.RSI_14.ordinal()] = rsi;
        try (Connection conn = db.dataSource().getConnection(); PreparedStatement s = conn.prepareStatement(
                "INSERT INTO enriched_candles (symbol, timeframe, start_time, indicators, patterns) VALUES (?, ?, ?, ?::jsonb, ?)")) {
            s.setString(1, c.symbol());
            s.setString(2, c.timeframe().label());
            s.setObject(3, EpochNanos.toInstant(c.start()).atOffset(ZoneOffset.UTC));
            s.setString(4, IndicatorValuesJson.write(values));
            s.setArray(5, conn.createArrayOf("text", patterns));
            s.executeUpdate();
        }
    }

    @Test
    void enrichedHistoryListsTheEnrichedCandlesWithIndicatorsAndPatterns() {
        Reply reply = api.get("/api/v1/ohlcv/aapl/enriched?timeframe=1m&start=2024-03-08");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode candles = reply.json().path("candles");
        assertThat(candles).hasSize(2);
        assertThat(candles.get(0).path("ohlcv").path("start").asText()).isEqualTo("2024-03-08T14:30:00Z");
        assertThat(candles.get(0).path("indicators").path("rsi_14").isNull()).isTrue();
        assertThat(candles.get(0).path("indicators").path("obv").asDouble()).isEqualTo(100);
        assertThat(candles.get(0).path("patterns")).isEmpty();
        assertThat(candles.get(1).path("ohlcv").path("close").asDouble()).isEqualTo(11.5);
        assertThat(candles.get(1).path("indicators").path("rsi_14").asDouble()).isEqualTo(55.5);
        assertThat(candles.get(1).path("patterns")).extracting(JsonNode::asText).containsExactly("doji", "bullish_harami");
        assertThat(candles.get(1).path("context").path("regime").asText()).isEqualTo("ranging");
        assertThat(candles.get(1).path("context").path("resistance").isNull()).isTrue();
        assertThat(candles.get(1).path("features").path("values").get(0).asDouble()).isEqualTo(0.25);
        assertThat(candles.get(1).path("features").path("values").get(1).isNull()).isTrue();
        assertThat(candles.get(1).path("description").asText()).isEqualTo("AAPL 1m candle");
        assertThat(candles.get(0).path("context").path("regime").isNull()).as("enriched before context existed").isTrue();
    }

    @Test
    void withoutStartTheLatestEnrichedCandlesComeAscending() {
        JsonNode candles = api.get("/api/v1/ohlcv/AAPL/enriched?limit=1&end=2024-03-09").json().path("candles");
        assertThat(candles).singleElement().satisfies(c ->
                assertThat(c.path("ohlcv").path("start").asText()).isEqualTo("2024-03-08T14:31:00Z"));
    }

    @Test
    void sameValidationAsHistory() {
        assertThat(api.get("/api/v1/ohlcv/AAPL/enriched?timeframe=2m").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ohlcv/AAPL/enriched?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ohlcv/NOPE/enriched").status()).isEqualTo(404);
    }
}
