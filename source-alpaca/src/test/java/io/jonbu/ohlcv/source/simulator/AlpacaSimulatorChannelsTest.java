package io.jonbu.ohlcv.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.Quote;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.alpaca.AlpacaFeedDecoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quotes, bars and statuses over real loopback WebSockets: Alpaca's reply and message shapes, only
 * the channels and symbols subscribed, and bars that follow the simulator's own tape. Virtual time runs
 * a minute per wall second, so minutes close quickly.
 */
class AlpacaSimulatorChannelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHANNELS = Fixtures.lines("stream-channels.ndjson");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static AlpacaSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = AlpacaSimulator.start(SimulatorConfig.builder()
                .symbols(List.of("AAPL", "MSFT", "SPY"))
                .rate(300)
                .virtualTime(EpochNanos.parse("2024-03-08T14:30:00Z"), 60)
                .outOfOrder(0.1, 8_000)
                .statusEvery(97)
                .build());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void theSubscriptionReplyListsEveryChannelAskedFor() {
        try (TestClient client = authenticated()) {
            client.send("{\"action\":\"subscribe\",\"trades\":[\"AAPL\"],\"quotes\":[\"AAPL\"],\"bars\":[\"AAPL\"],"
                    + "\"updatedBars\":[\"AAPL\"],\"dailyBars\":[\"AAPL\"],\"statuses\":[\"AAPL\"]}");
            assertThat(client.next()).isEqualTo(CHANNELS.get(0));
        }
    }

    @Test
    void everyChannelsMessagesHaveTheFixturesKeysAndTypes() throws Exception {
        Map<String, String> expected = new HashMap<>();
        for (String line : CHANNELS.subList(1, CHANNELS.size())) {
            JSON.readTree(line).forEach(m -> expected.put(m.get("T").asText(), JsonShape.of(m)));
        }
        Map<String, String> seen = new HashMap<>();
        try (TestClient client = authenticated()) {
            client.send("{\"action\":\"subscribe\",\"trades\":[\"AAPL\"],\"quotes\":[\"AAPL\"],\"bars\":[\"AAPL\"],"
                    + "\"updatedBars\":[\"AAPL\"],\"dailyBars\":[\"AAPL\"],\"statuses\":[\"AAPL\"]}");
            client.next();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!seen.keySet().containsAll(expected.keySet()) && System.nanoTime() < deadline) {
                String frame = client.poll(Duration.ofSeconds(5));
                if (frame == null) {
                    continue;
                }
                for (JsonNode message : JSON.readTree(frame)) {
                    String type = message.get("T").asText();
                    assertThat(message.get("S").asText()).as("only the subscribed symbol").isEqualTo("AAPL");
                    if (expected.containsKey(type)) {
                        assertThat(JsonShape.of(message)).as("a %s message", type).isEqualTo(expected.get(type));
                        seen.put(type, type);
                    }
                }
            }
        }
        assertThat(seen.keySet()).as("q, b, u, d and s all arrived").containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    @Test
    void onlyTheChannelsAndSymbolsSubscribedArrive() throws Exception {
        List<FeedEvent> events = new ArrayList<>();
        AlpacaFeedDecoder decoder = new AlpacaFeedDecoder("simulator");
        try (TestClient client = authenticated()) {
            client.send("{\"action\":\"subscribe\",\"trades\":[\"AAPL\"],\"quotes\":[\"MSFT\"],\"bars\":[\"*\"]}");
            client.next();
            long deadline = System.nanoTime() + WAIT.toNanos();
            // until bars of all three symbols and a trade and a quote came: a minute may close before the first trade
            while ((events.stream().filter(e -> e.bar() != null).map(FeedEvent::symbol).distinct().count() < 3
                    || events.stream().noneMatch(FeedEvent::isTrade) || events.stream().noneMatch(e -> e.quote() != null))
                    && System.nanoTime() < deadline) {
                String frame = client.poll(Duration.ofSeconds(5));
                if (frame != null) {
                    decoder.decode(frame, events::add);
                }
            }
        }
        assertThat(events).noneMatch(e -> e.deadLetter() != null);
        assertThat(events).filteredOn(FeedEvent::isTrade).extracting(FeedEvent::symbol).containsOnly("AAPL");
        assertThat(events).filteredOn(e -> e.quote() != null).extracting(FeedEvent::symbol).containsOnly("MSFT");
        assertThat(events).filteredOn(e -> e.bar() != null).extracting(e -> e.bar().kind()).containsOnly(ProviderBar.Kind.BAR);
        assertThat(events).filteredOn(e -> e.bar() != null).extracting(FeedEvent::symbol)
                .as("bars of every symbol, as * asked").contains("AAPL", "MSFT", "SPY");
        assertThat(events).noneMatch(e -> e.status() != null);
    }

    @Test
    void quotesStraddleTheirTradeAndBarsComeOncePerMinuteInOrder() throws Exception {
        List<FeedEvent> events = new ArrayList<>();
        AlpacaFeedDecoder decoder = new AlpacaFeedDecoder("simulator");
        try (TestClient client = authenticated()) {
            client.send("{\"action\":\"subscribe\",\"trades\":[\"SPY\"],\"quotes\":[\"SPY\"],\"bars\":[\"SPY\"]}");
            client.next();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (events.stream().filter(e -> e.bar() != null).count() < 3 && System.nanoTime() < deadline) {
                String frame = client.poll(Duration.ofSeconds(5));
                if (frame != null) {
                    decoder.decode(frame, events::add);
                }
            }
        }
        Map<Long, Trade> tradeByTime = new HashMap<>();
        events.stream().filter(FeedEvent::isTrade).forEach(e -> tradeByTime.put(e.trade().timestamp(), e.trade()));
        List<Quote> quotes = events.stream().filter(e -> e.quote() != null).map(FeedEvent::quote).toList();
        assertThat(quotes).isNotEmpty().allSatisfy(q -> {
            Trade trade = tradeByTime.get(q.timestamp() + 1);
            assertThat(trade).as("a quote 1 ns before each trade").isNotNull();
            assertThat(q.bidPrice()).isLessThan(trade.price());
            assertThat(q.askPrice()).isGreaterThan(trade.price());
        });
        List<Long> minutes = events.stream().filter(e -> e.bar() != null).map(e -> e.bar().start()).toList();
        assertThat(minutes).as("one b per minute, minute after minute").isSorted().doesNotHaveDuplicates()
                .allSatisfy(start -> assertThat(start % Timeframe.M1.nominalNanos()).isZero());
        assertThat(minutes).hasSizeGreaterThanOrEqualTo(3);
    }

    /**
     * The minute bars on the stream, each minute's last word (its {@code b}, or the {@code u} after it), equal
     * the REST bars endpoint's for the same minutes: one bar builder behind both. The newest minutes are
     * left out, as a late trade may still change them between the stream and the request.
     */
    @Test
    void streamedMinuteBarsEqualTheRestBarsOfTheSameMinutes() throws Exception {
        Map<Long, ProviderBar> streamed = new TreeMap<>();
        AlpacaFeedDecoder decoder = new AlpacaFeedDecoder("simulator");
        try (TestClient client = authenticated()) {
            client.send("{\"action\":\"subscribe\",\"bars\":[\"MSFT\"],\"updatedBars\":[\"MSFT\"]}");
            client.next();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (streamed.size() < 6 && System.nanoTime() < deadline) {
                String frame = client.poll(Duration.ofSeconds(5));
                if (frame != null) {
                    decoder.decode(frame, e -> streamed.put(e.bar().start(), e.bar()));
                }
            }
        }
        List<Long> minutes = new ArrayList<>(streamed.keySet()).subList(0, streamed.size() - 2);
        JsonNode rest = get("/v2/stocks/MSFT/bars?timeframe=1Min&limit=10000&start="
                + EpochNanos.format(minutes.get(0)) + "&end=" + EpochNanos.format(minutes.get(minutes.size() - 1)));
        Map<Long, JsonNode> restBars = new HashMap<>();
        rest.get("bars").forEach(b -> restBars.put(EpochNanos.parse(b.get("t").asText()), b));
        assertThat(minutes).hasSizeGreaterThanOrEqualTo(4).allSatisfy(minute -> {
            ProviderBar bar = streamed.get(minute);
            JsonNode b = restBars.get(minute);
            assertThat(b).as("a REST bar for %s", EpochNanos.format(minute)).isNotNull();
            assertThat(List.of(bar.open(), bar.high(), bar.low(), bar.close(), (double) bar.volume(), (double) bar.tradeCount(), bar.vwap()))
                    .as("o, h, l, c, v, n, vw of %s", EpochNanos.format(minute))
                    .isEqualTo(List.of(b.get("o").asDouble(), b.get("h").asDouble(), b.get("l").asDouble(), b.get("c").asDouble(),
                            b.get("v").asDouble(), b.get("n").asDouble(), b.get("vw").asDouble()));
        });
    }

    private static JsonNode get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.restUrl() + path))
                .header(AlpacaSimulator.KEY_HEADER, "k").header(AlpacaSimulator.SECRET_HEADER, "s").build();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static TestClient authenticated() {
        TestClient client = TestClient.connect(simulator.url("iex"));
        client.next();
        client.send("{\"action\":\"auth\",\"key\":\"k\",\"secret\":\"s\"}");
        client.next();
        return client;
    }
}
