package io.jonbu.ohlcv.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jonbu.ohlcv.model.EpochNanos;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulator against the recorded Alpaca fixtures, so it cannot drift from the real protocol:
 * control replies and errors field for field, trade, correction and cancel messages key for key and
 * type for type, REST pages shape for shape.
 */
class AlpacaSimulatorConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "{\"action\":\"auth\",\"key\":\"k\",\"secret\":\"s\"}";
    private static final List<String> SESSION = Fixtures.lines("stream-session.ndjson");

    @Test
    void greetingAuthenticationAndSubscriptionRepliesAreTheFixturesFrames() {
        SimulatorConfig quiet = SimulatorConfig.builder().symbols(List.of("NVDA")).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(quiet);
                TestClient client = TestClient.connect(simulator.url("iex"))) {
            assertThat(client.next()).isEqualTo(SESSION.get(0));
            client.send(AUTH);
            assertThat(client.next()).isEqualTo(SESSION.get(1));
            client.send("{\"action\":\"subscribe\",\"trades\":[\"AAPL\",\"MSFT\"]}");
            assertThat(client.next()).isEqualTo(SESSION.get(2));
        }
    }

    @Test
    void everyErrorIsWordedAsTheFixtureHasIt() {
        Map<Integer, String> fixture = new HashMap<>();
        Fixtures.lines("stream-errors.ndjson").forEach(line -> fixture.put(code(line), line));

        assertThat(Arrays.stream(StreamError.values()).filter(e -> fixture.containsKey(e.code())))
                .allSatisfy(e -> assertThat(e.frame()).isEqualTo(fixture.get(e.code())));
        assertThat(Arrays.stream(StreamError.values()).map(StreamError::code))
                .as("every fixture error, and 408, which the fixtures leave out")
                .containsAll(fixture.keySet()).hasSize(fixture.size() + 1).contains(408);
    }

    @Test
    void tradeCorrectionAndCancelMessagesHaveTheFixturesKeysAndTypes() throws Exception {
        Map<String, String> expected = new HashMap<>();
        for (String line : SESSION) {
            JSON.readTree(line).forEach(m -> expected.putIfAbsent(m.get("T").asText(), JsonShape.of(m)));
        }
        SimulatorConfig amending = SimulatorConfig.builder().symbols(List.of("AAPL", "MSFT")).rate(2_000)
                .corrections(0.1).cancels(0.1).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(amending);
                TestClient client = TestClient.subscribed(simulator.url("iex"), "AAPL", "MSFT")) {
            Map<String, Integer> seen = new HashMap<>();
            while (seen.size() < 3 || seen.values().stream().anyMatch(n -> n < 20)) {
                for (JsonNode message : JSON.readTree(client.next())) {
                    String type = message.get("T").asText();
                    assertThat(JsonShape.of(message)).as("a %s message", type).isEqualTo(expected.get(type));
                    seen.merge(type, 1, Integer::sum);
                }
            }
            assertThat(seen).containsOnlyKeys("t", "c", "x");
        }
    }

    @Test
    void restTradesAndBarsPagesHaveTheFixturesShape() throws Exception {
        SimulatorConfig history = SimulatorConfig.builder().symbols(List.of("AAPL")).rate(10_000)
                .virtualTime(EpochNanos.parse("2024-03-08T14:30:00Z"), 100).limit(200).build();
        try (AlpacaSimulator simulator = AlpacaSimulator.start(history)) {
            assertThat(simulator.awaitEmitted(200, Duration.ofSeconds(10))).isTrue();

            JsonNode page = get(simulator, "/v2/stocks/AAPL/trades?limit=2");
            assertThat(JsonShape.of(page)).isEqualTo(JsonShape.of(JSON.readTree(Fixtures.text("rest-trades-page1.json"))));
            while (!page.get("next_page_token").isNull()) {
                page = get(simulator, "/v2/stocks/AAPL/trades?limit=150&page_token="
                        + URLEncoder.encode(page.get("next_page_token").asText(), StandardCharsets.UTF_8));
            }
            assertThat(JsonShape.of(page)).isEqualTo(JsonShape.of(JSON.readTree(Fixtures.text("rest-trades-page2.json"))));

            JsonNode bars = get(simulator, "/v2/stocks/bars?symbols=AAPL&timeframe=1Min");
            assertThat(JsonShape.of(bars)).isEqualTo(JsonShape.of(JSON.readTree(Fixtures.text("rest-bars.json"))));
        }
    }

    private static int code(String errorLine) {
        try {
            return JSON.readTree(errorLine).get(0).get("code").asInt();
        } catch (Exception e) {
            throw new IllegalStateException(errorLine, e);
        }
    }

    private static JsonNode get(AlpacaSimulator simulator, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.restUrl() + path))
                .header(AlpacaSimulator.KEY_HEADER, "k").header(AlpacaSimulator.SECRET_HEADER, "s").build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
