package io.jonbu.ohlcv.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.jonbu.ohlcv.serving.ApiClient.Reply;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

class HealthTest {

    @Test
    void healthIsOkWhileTheDatabaseAnswers() {
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary();
                HikariDataSource pool = DatabasePool.open(db.jdbcUrl(), db.user(), "");
                ServingServer server = new ServingServer(pool, 0);
                ApiClient api = new ApiClient(server.start())) {
            Reply reply = api.get("/api/v1/health");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("status").asText()).isEqualTo("ok");
            JsonNode database = reply.json().get("components").get("database");
            assertThat(database.get("status").asText()).isEqualTo("up");
            assertThat(database.get("latency_ms").isNumber()).isTrue();
            assertThat(database.get("latency_ms").asDouble()).isNotNegative();
        }
    }

    @Test
    void healthIs503WithTheErrorOnceTheDatabaseIsClosed() {
        EmbeddedDatabase db = EmbeddedDatabase.startTemporary();
        try (ServingServer server = new ServingServer(db.dataSource(), 0);
                ApiClient api = new ApiClient(server.start())) {
            db.close();

            Reply reply = api.get("/api/v1/health");

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().get("status").asText()).isEqualTo("down");
            JsonNode database = reply.json().get("components").get("database");
            assertThat(database.get("status").asText()).isEqualTo("down");
            assertThat(database.get("error").asText()).isNotBlank();
        }
    }
}
