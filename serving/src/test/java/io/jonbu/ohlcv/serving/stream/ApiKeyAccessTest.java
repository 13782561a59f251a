package io.jonbu.ohlcv.serving.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.serving.ServingServer;
import io.jonbu.ohlcv.serving.auth.Access;
import io.jonbu.ohlcv.serving.auth.ApiKeys;
import io.jonbu.ohlcv.serving.auth.IssuedKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A server that needs API keys, on a real PostgreSQL and Kafka: the REST API, the stream and the metrics. */
class ApiKeyAccessTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final OkHttpClient HTTP = new OkHttpClient();

    private static StreamBackends backends;
    private static ServingServer server;
    private static int port;
    private static ApiKeys keys;
    private static CandleProducer producer;

    @BeforeAll
    static void start() throws Exception {
        backends = StreamBackends.start(1);
        producer = backends.producer();
        keys = new ApiKeys(backends.db().dataSource());
        server = new ServingServer(backends.db().dataSource(), backends.db().dataSource(), 0,
                CandleStreamSettings.of(backends.kafka().bootstrapServers()),
                Access.apiKeys(keys));
        port = server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        backends.close();
    }

    private record Reply(int status, Map<String, String> headers, JsonNode json) {}

    private static Reply get(String path, String header, String value) throws Exception {
        Request.Builder request = new Request.Builder().url("http://localhost:" + port + path);
        if (header != null) {
            request.header(header, value);
        }
        try (Response response = HTTP.newCall(request.build()).execute()) {
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().forEach(h -> headers.put(h.getFirst(), h.getSecond()));
            String body = response.body().string();
            return new Reply(response.code(), headers, body.isEmpty() || !body.startsWith("{") ? null : ApiJson.mapper().readTree(body));
        }
    }

    @Test
    void theRestApiNeedsAValidKeyInEitherHeaderAndNamesTheHeaderWhenItIsMissing() throws Exception {
        IssuedKey key = keys.create("rest", 1, 100); // a slow refill, so the remaining count is exact

        Reply none = get("/api/v1/symbols", null, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.headers()).containsKey("WWW-Authenticate");
        assertThat(none.json().get("error").get("code").asText()).isEqualTo("unauthorized");
        assertThat(none.json().get("error").get("field").asText()).isEqualTo("Authorization");

        assertThat(get("/api/v1/symbols", "Authorization", "Bearer jonbu_000000000000_" + "x".repeat(43)).status()).isEqualTo(401);

        Reply bearer = get("/api/v1/symbols", "Authorization", "Bearer " + key.text());
        assertThat(bearer.status()).isEqualTo(200);
        assertThat(bearer.headers()).containsEntry("X-RateLimit-Limit", "100").containsEntry("X-RateLimit-Remaining", "99");
        Reply header = get("/api/v1/symbols", "X-API-Key", key.text());
        assertThat(header.status()).isEqualTo(200);
        assertThat(header.headers()).containsEntry("X-RateLimit-Remaining", "98");

        assertThat(get("/api/v1/health", null, null).status()).as("health stays open for load balancers").isEqualTo(200);
        assertThat(get("/api/v1/openapi.json", null, null).status()).isEqualTo(200);
    }

    @Test
    void aKeyPastItsBucketGets429WithRetryAfterAndTheOtherKeysDoNot() throws Exception {
        IssuedKey slow = keys.create("slow", 1, 2);
        IssuedKey other = keys.create("other", 6_000, 10);

        assertThat(get("/api/v1/symbols", "X-API-Key", slow.text()).status()).isEqualTo(200);
        assertThat(get("/api/v1/symbols", "X-API-Key", slow.text()).status()).isEqualTo(200);
        Reply limited = get("/api/v1/symbols", "X-API-Key", slow.text());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("error").get("code").asText()).isEqualTo("rate_limited");
        assertThat(limited.headers()).containsEntry("X-RateLimit-Remaining", "0").containsKey("Retry-After");
        // one request a minute: the next token is up to a minute away
        assertThat(Long.parseLong(limited.headers().get("Retry-After"))).isBetween(55L, 60L);
        assertThat(get("/api/v1/symbols", "X-API-Key", other.text()).status()).isEqualTo(200);
    }

    @Test
    void theStreamTakesTheKeyFromTheUpgradeHeadersOrAnAuthMessageAndNothingFlowsBefore() throws Exception {
        IssuedKey key = keys.create("stream", 6_000, 100);

        try (StreamClient byHeader = StreamClient.connect(port, Map.of("Authorization", "Bearer " + key.text()));
                StreamClient byMessage = StreamClient.connect(port);
                StreamClient wrongKey = StreamClient.connect(port)) {
            assertThat(byHeader.next(WAIT).get("msg").asText()).isEqualTo("connected");
            assertThat(byHeader.next(WAIT).get("msg").asText()).isEqualTo("authenticated");

            assertThat(byMessage.next(WAIT).get("msg").asText()).isEqualTo("connected");
            byMessage.send("{\"action\":\"subscribe\",\"candles\":[\"AUTHA\"],\"timeframes\":[\"1m\"]}");
            assertThat(byMessage.next(WAIT).get("code").asInt()).isEqualTo(401);
            byMessage.send("{\"action\":\"auth\",\"key\":\"" + key.text() + "\"}");
            assertThat(byMessage.next(WAIT).get("msg").asText()).isEqualTo("authenticated");
            byMessage.send("{\"action\":\"auth\",\"key\":\"" + key.text() + "\"}");
            assertThat(byMessage.next(WAIT).get("code").asInt()).isEqualTo(403);
            byMessage.send("{\"action\":\"subscribe\",\"candles\":[\"AUTHA\"],\"timeframes\":[\"1m\"]}");
            assertThat(byMessage.next(WAIT).get("T").asText()).isEqualTo("subscription");

            Candle candle = CandleProducer.candle("AUTHA", Timeframe.M1, 0, 100, true);
            producer.send(candle);
            producer.flush();
            assertThat(byMessage.next(WAIT).get("T").asText()).isEqualTo("candle");

            assertThat(wrongKey.next(WAIT).get("msg").asText()).isEqualTo("connected");
            wrongKey.send("{\"action\":\"auth\",\"key\":\"jonbu_000000000000_" + "x".repeat(43) + "\"}");
            JsonNode failed = wrongKey.next(WAIT);
            assertThat(failed.get("code").asInt()).isEqualTo(402);
            assertThat(failed.get("field").asText()).isEqualTo("key");
            assertThat(wrongKey.ended.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void aClientThatNeverAuthenticatesIsClosedAfterTheTimeout() throws Exception {
        try (StreamClient silent = StreamClient.connect(port)) {
            assertThat(silent.next(WAIT).get("msg").asText()).isEqualTo("connected");
            JsonNode timeout = silent.next(CandleStream.AUTH_TIMEOUT.plus(WAIT));
            assertThat(timeout.get("code").asInt()).isEqualTo(404);
            assertThat(timeout.get("msg").asText()).isEqualTo("auth timeout");
        }
    }

    @Test
    void metricsCountRequestsPerRouteAndStatusWithLatencies() throws Exception {
        IssuedKey key = keys.create("metrics", 6_000, 100);
        get("/api/v1/ohlcv/MSFT/history?timeframe=1m", "X-API-Key", key.text());
        get("/api/v1/ohlcv/AAPL/history?timeframe=2m", "X-API-Key", key.text());
        get("/api/v1/ohlcv/AAPL/history?timeframe=1m", null, null);

        String metrics;
        try (Response response = HTTP.newCall(new Request.Builder().url("http://localhost:" + port + "/metrics").build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            metrics = response.body().string();
        }
        String route = "method=\"GET\",route=\"/api/v1/ohlcv/<symbol>/history\"";
        assertThat(metrics)
                .containsPattern("jonbu_http_requests_total\\{" + java.util.regex.Pattern.quote(route) + ",status=\"(200|404)\"\\} 1")
                .contains("jonbu_http_requests_total{" + route + ",status=\"400\"} 1")
                .contains("jonbu_http_requests_total{" + route + ",status=\"401\"} 1")
                .contains("jonbu_http_request_duration_seconds_bucket{" + route + ",le=\"+Inf\"} 3")
                .contains("jonbu_http_request_duration_seconds_count{" + route + "} 3")
                .contains("jonbu_stream_clients ");
    }
}
