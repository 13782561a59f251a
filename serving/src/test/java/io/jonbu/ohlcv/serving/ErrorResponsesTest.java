package io.jonbu.ohlcv.serving;

import static io.jonbu.ohlcv.serving.ApiClient.errorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.jonbu.ohlcv.serving.ApiClient.Reply;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The server here reads a database without the schema: a bad parameter must be answered before any
 * query runs, and the first query that does run fails the way an unexpected error would.
 */
class ErrorResponsesTest {
    private static EmbeddedDatabase db;
    private static ServingServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws SQLException {
        db = EmbeddedDatabase.startTemporary();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE no_schema");
        }
        PGSimpleDataSource noSchema = new PGSimpleDataSource();
        noSchema.setServerNames(new String[] {"localhost"});
        noSchema.setPortNumbers(new int[] {db.port()});
        noSchema.setDatabaseName("no_schema");
        noSchema.setUser(db.user());
        server = new ServingServer(noSchema, 0);
        api = new ApiClient(server.start());
    }

    @AfterAll
    static void stop() {
        api.close();
        server.close();
        db.close();
    }

    static Stream<Arguments> badParameters() {
        String badTime = "' is neither an RFC 3339 time (2024-03-08T14:30:00Z) nor a date (2024-03-08)";
        String badSymbol = "', expected a letter then up to 15 letters, digits, '.', '-' or '/'";
        String history = "/api/v1/ohlcv/AAPL/history?";
        String enriched = "/api/v1/ohlcv/AAPL/enriched?";
        return Stream.of(
                arguments("/api/v1/ohlcv/AAPL?timeframe=2m", "timeframe",
                        "unknown timeframe '2m', expected one of 1m, 5m, 15m, 1h, 1d"),
                arguments(history + "timeframe=1w", "timeframe",
                        "unknown timeframe '1w', expected one of 1m, 5m, 15m, 1h, 1d"),
                arguments(history + "start=yesterday", "start", "'yesterday" + badTime),
                arguments(history + "start=2024-03-08T25:00:00Z", "start", "'2024-03-08T25:00:00Z" + badTime),
                arguments(history + "end=2024-13-01", "end", "'2024-13-01" + badTime),
                arguments(history + "end=2300-01-01", "end", "'2300-01-01" + badTime),
                arguments(history + "start=2024-03-08T14:35:00Z&end=2024-03-08T14:30:00Z", "start",
                        "start must be before end"),
                arguments(history + "start=2024-03-08&end=2024-03-08", "start", "start must be before end"),
                arguments(history + "limit=ten", "limit", "'ten' is not an integer"),
                // the enriched and multi-symbol pages hold their candles: 10,000 at most
                arguments(enriched + "limit=0", "limit", "limit must be between 1 and 10000"),
                arguments(enriched + "limit=10001", "limit", "limit must be between 1 and 10000"),
                arguments("/api/v1/ohlcv/history?symbols=AAPL&limit=10001", "limit", "limit must be between 1 and 10000"),
                // the plain history streams: up to a year of 1m candles in one request
                arguments(history + "limit=0", "limit", "limit must be between 1 and 200000"),
                arguments(history + "limit=200001", "limit", "limit must be between 1 and 200000"),
                arguments(history + "limit=-5", "limit", "limit must be between 1 and 200000"),
                arguments(history + "limit=99999999999", "limit", "'99999999999' is not an integer"),
                arguments("/api/v1/ohlcv/1AAPL", "symbol", "invalid symbol '1AAPL" + badSymbol),
                arguments("/api/v1/ohlcv/AB_C/history", "symbol", "invalid symbol 'AB_C" + badSymbol),
                arguments("/api/v1/ohlcv/ABCDEFGHIJKLMNOPQ", "symbol", "invalid symbol 'ABCDEFGHIJKLMNOPQ" + badSymbol));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    void badParameterIs400NamingTheField(String path, String field, String message) {
        Reply reply = api.get(path);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json()).isEqualTo(errorBody("invalid_parameter", field, message));
    }

    @Test
    void unknownRouteIsNotFoundJson() {
        // "/" is the chart page
        for (String path : new String[] {"/api/v1/nothing", "/nothing", "/chart/nothing.js", "/api/v1/ohlcv"}) {
            Reply reply = api.get(path);

            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.json().get("error").get("code").asText()).as(path).isEqualTo("not_found");
            assertThat(reply.json().get("error").get("message").asText()).as(path).isNotBlank();
        }
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() {
        Reply reply = api.get("/api/v1/ohlcv/AAPL");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json()).isEqualTo(errorBody("internal_error", null, "internal server error"));
    }

    @Test
    void aStreamedHistoryThatFailsBeforeItsBodyIs500Json() {
        for (String path : new String[] {"/api/v1/ohlcv/AAPL/history", "/api/v1/ohlcv/AAPL/history?start=2024-03-08&limit=50000"}) {
            Reply reply = api.get(path);

            assertThat(reply.status()).as(path).isEqualTo(500);
            assertThat(reply.json()).as(path).isEqualTo(errorBody("internal_error", null, "internal server error"));
        }
    }
}
