package io.jonbu.ohlcv.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.serving.ApiClient.Reply;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PatternEndpointTest {
    private static RunningServer serving;
    private static EmbeddedDatabase db;
    private static ApiClient api;

    @BeforeAll
    static void start() throws SQLException {
        serving = RunningServer.start();
        db = serving.db;
        api = serving.api;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO chart_patterns (symbol, timeframe, pattern, start_time, end_time, level, close, volume, volume_sma_20, sma_50, sma_200) VALUES"
                    + " ('AAPL', '1m', 'breakout', '2024-03-08T14:40:00Z', '2024-03-08T14:41:00Z', 187.5, 187.7, 9000, 4000, NULL, NULL),"
                    + " ('AAPL', '5m', 'golden_cross', '2024-03-08T14:30:00Z', '2024-03-08T14:40:00Z', NULL, 187.2, 30000, 20000, 187.1, 187.0),"
                    + " ('MSFT', '1m', 'bearish_reversal', '2024-03-08T14:30:00Z', '2024-03-08T14:35:00Z', 410.5, 409.0, 500, 700, NULL, NULL)");
        }
    }

    @AfterAll
    static void stop() {
        serving.close();
    }

    @Test
    void everyPatternSinceOldestFirstWithNullForWhatDoesNotApply() {
        JsonNode patterns = api.get("/api/v1/patterns?since=2024-03-08").json().path("patterns");

        assertThat(patterns).extracting(p -> p.path("pattern").asText())
                .containsExactly("bearish_reversal", "golden_cross", "breakout");
        JsonNode breakout = patterns.get(2);
        assertThat(breakout.path("end").asText()).isEqualTo("2024-03-08T14:41:00Z");
        assertThat(breakout.path("level").asDouble()).isEqualTo(187.5);
        assertThat(breakout.path("sma_50").isNull()).isTrue();
        assertThat(patterns.get(1).path("level").isNull()).isTrue();
    }

    @Test
    void filtersBySymbolTimeframeAndSince() {
        assertThat(api.get("/api/v1/patterns?since=2024-03-08&symbol=aapl").json().path("patterns")).hasSize(2);
        assertThat(api.get("/api/v1/patterns?since=2024-03-08&symbol=AAPL&timeframe=5m").json().path("patterns"))
                .singleElement().satisfies(p -> assertThat(p.path("pattern").asText()).isEqualTo("golden_cross"));
        assertThat(api.get("/api/v1/patterns?since=2024-03-08T14:36:00Z").json().path("patterns")).hasSize(2);
        assertThat(api.get("/api/v1/patterns?since=2024-03-08&limit=1").json().path("patterns")).hasSize(1);
        assertThat(api.get("/api/v1/patterns").json().path("patterns")).as("by default, the last day only").isEmpty();
    }

    @Test
    void badParametersAre400NamingTheField() {
        Reply reply = api.get("/api/v1/patterns?timeframe=2m");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(field(reply)).isEqualTo("timeframe");
        assertThat(field(api.get("/api/v1/patterns?since=yesterday"))).isEqualTo("since");
        assertThat(field(api.get("/api/v1/patterns?limit=0"))).isEqualTo("limit");
        assertThat(field(api.get("/api/v1/patterns?symbol=%24%24"))).isEqualTo("symbol");
    }

    private static String field(Reply reply) {
        assertThat(reply.status()).isEqualTo(400);
        return reply.json().path("error").path("field").asText();
    }
}
