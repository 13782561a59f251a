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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** Every error of the fixture, provoked from the simulator as a client would meet it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("errorFrames")
    void everyErrorIsSentAsTheFixtureHasIt(String fixture) throws Exception {
        int code = JSON.readTree(fixture).get(0).get("code").asInt();
        SimulatorConfig.Builder config = SimulatorConfig.builder().symbols(List.of("NVDA")).rate(500);
        switch (code) {
            case 402 -> config.fault(SimulatorFault.rejectAuth());
            case 404 -> config.authTimeout(Duration.ofMillis(200));
            case 407 -> config.fault(SimulatorFault.slowClient(1));
            case 400, 401, 403 -> { }
            default -> config.fault(SimulatorFault.error(code));
        }
        try (AlpacaSimulator simulator = AlpacaSimulator.start(config.build());
                TestClient client = TestClient.connect(simulator.url("iex"))) {
            client.next();
            switch (code) {
                case 400 -> client.send("{");
                case 401 -> client.send("{\"action\":\"subscribe\",\"trades\":[\"NVDA\"]}");
                case 403 -> {
                    client.send(AUTH);
                    client.next();
                    client.send(AUTH);
                }
                case 404 -> { }
                case 402, 406, 408, 409, 411 -> client.send(AUTH);
                default -> {
                    client.send(AUTH);
                    client.next();
                    client.send("{\"action\":\"subscribe\",\"trades\":[\"NVDA\"]}");
                    if (code == 407) {
                        client.next();
                        client.next();
                    }
                }
            }
            assertThat(client.next()).isEqualTo(fixture);
            if (StreamError.of(code).closes()) {
                assertThat(client.awaitClosed()).as("Alpaca closes after %s", code).startsWith("1008");
            }
        }
    }

    static List<String> errorFrames() {
        return Fixtures.lines("stream-errors.ndjson");
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

    private static JsonNode get(AlpacaSimulator simulator, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.restUrl() + path))
                .header(AlpacaSimulator.KEY_HEADER, "k").header(AlpacaSimulator.SECRET_HEADER, "s").build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
