package io.jonbu.ohlcv.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's historical endpoints as raw HTTP: shapes, errors and rate-limit headers. */
class AlpacaSimulatorRestTest {
    private static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void singleSymbolAnswerNamesTheSymbolAndPagesWithAnOpaqueToken() throws Exception {
        try (AlpacaSimulator simulator = started(SimulatorConfig.builder())) {
            HttpResponse<String> first = get(simulator, "/v2/stocks/AAPL/trades?limit=2", true);
            JsonNode page = json(first);

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(page.get("symbol").asText()).isEqualTo("AAPL");
            assertThat(page.get("trades")).hasSize(2);
            JsonNode last = page.get("trades").get(1);
            assertThat(last.fieldNames()).toIterable().containsExactly("t", "x", "p", "s", "c", "i", "z");
            String token = new String(Base64.getDecoder().decode(page.get("next_page_token").asText()), StandardCharsets.UTF_8);
            assertThat(token).isEqualTo("AAPL|" + last.get("t").asText() + "|" + last.get("i").asLong());
        }
    }

    @Test
    void virtualTimeHistoryIsServedWithoutAnyStreamSubscriber() throws Exception {
        try (AlpacaSimulator simulator = started(SimulatorConfig.builder())) {
            JsonNode page = json(get(simulator, "/v2/stocks/trades?symbols=AAPL,MSFT&start=2024-03-08&limit=10000", true));

            int count = page.get("trades").get("AAPL").size() + page.get("trades").get("MSFT").size();
            assertThat(count).isEqualTo(100);
            assertThat(page.get("next_page_token").isNull()).isTrue();
        }
    }

    @Test
    void historyKeepsOnlyTheNewestTrades() throws Exception {
        try (AlpacaSimulator simulator = started(SimulatorConfig.builder().historySize(30))) {
            JsonNode page = json(get(simulator, "/v2/stocks/trades?symbols=AAPL,MSFT", true));

            List<JsonNode> kept = new ArrayList<>();
            page.get("trades").forEach(trades -> trades.forEach(kept::add));
            // trades 70..99, stamped 70..99 s after the start, less up to 1 s for an out-of-order one
            assertThat(kept).hasSize(30).allSatisfy(t -> assertThat(EpochNanos.parse(t.get("t").asText()))
                    .isGreaterThanOrEqualTo(START + Duration.ofSeconds(69).toNanos()));
        }
    }

    @Test
    void missingOrWrongKeysAreRefusedAsAlpacaDoes() throws Exception {
        try (AlpacaSimulator simulator = started(SimulatorConfig.builder().credentials("key-id", "secret-key"))) {
            assertError(get(simulator, "/v2/stocks/AAPL/trades", false), 401, 40110000, "request is not authorized");
            HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(simulator.restUrl() + "/v2/stocks/AAPL/bars"))
                    .header("APCA-API-KEY-ID", "key-id").header("APCA-API-SECRET-KEY", "nope").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertError(wrong, 403, 40310000, "forbidden");
        }
    }

    @Test
    void badParametersAreAnsweredWithAlpacasErrorJson() throws Exception {
        try (AlpacaSimulator simulator = started(SimulatorConfig.builder())) {
            assertError(get(simulator, "/v2/stocks/AAPL/trades?start=yesterday", true), 400, 40010001, "invalid start: yesterday");
            assertError(get(simulator, "/v2/stocks/AAPL/trades?limit=x", true), 400, 40010001, "invalid limit: x");
            assertError(get(simulator, "/v2/stocks/AAPL/trades?limit=10001", true), 422, 42210000,
                    "invalid limit: must be 1..10000, was 10001");
            assertError(get(simulator, "/v2/stocks/AAPL/trades?sort=up", true), 422, 42210000, "invalid sort: up");
            assertError(get(simulator, "/v2/stocks/AAPL/trades?feed=nyse", true), 422, 42210000, "invalid feed: nyse");
            assertError(get(simulator, "/v2/stocks/AAPL/trades?page_token=bm9wZQ==", true), 400, 40010001, "invalid page_token");
            assertError(get(simulator, "/v2/stocks/trades", true), 400, 40010001, "missing symbols");
            assertError(get(simulator, "/v2/stocks/AAPL/bars", true), 400, 40010001, "missing timeframe");
            assertError(get(simulator, "/v2/stocks/AAPL/bars?timeframe=minutely", true), 400, 40010001,
                    "invalid timeframe: minutely");
            assertError(get(simulator, "/v2/stocks/AAPL/bars?timeframe=1D&adjustment=none", true), 422, 42210000,
                    "invalid adjustment: none");
        }
    }

    @Test
    void everyAnswerCarriesTheRateLimitAndOverItIs429() throws Exception {
        try (AlpacaSimulator simulator = started(SimulatorConfig.builder().restRateLimit(2, Duration.ofMinutes(1)))) {
            HttpResponse<String> first = get(simulator, "/v2/stocks/AAPL/bars?timeframe=1T", true);
            get(simulator, "/v2/stocks/AAPL/trades", true);
            HttpResponse<String> third = get(simulator, "/v2/stocks/AAPL/trades", true);

            assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
            assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("1");
            long reset = Long.parseLong(first.headers().firstValue("X-RateLimit-Reset").orElseThrow());
            assertThat(reset * 1_000 - System.currentTimeMillis()).isBetween(0L, 60_000L);
            assertError(third, 429, 42910000, "rate limit exceeded");
            assertThat(third.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        }
    }

    /** 100 trades of AAPL and MSFT, one virtual second apart from 14:30, emitted at once. */
    private static AlpacaSimulator started(SimulatorConfig.Builder builder) throws InterruptedException {
        AlpacaSimulator simulator = AlpacaSimulator.start(builder.symbols(List.of("AAPL", "MSFT")).rate(10_000)
                .virtualTime(START, 10_000).limit(100).build());
        assertThat(simulator.awaitEmitted(100, Duration.ofSeconds(10))).isTrue();
        return simulator;
    }

    private HttpResponse<String> get(AlpacaSimulator simulator, String path, boolean withKeys)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.restUrl() + path));
        if (withKeys) {
            request.header("APCA-API-KEY-ID", "any").header("APCA-API-SECRET-KEY", "thing");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return ApiJson.mapper().readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, int code, String message) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = json(response);
        assertThat(error.get("code").asInt()).isEqualTo(code);
        assertThat(error.get("message").asText()).isEqualTo(message);
    }
}
