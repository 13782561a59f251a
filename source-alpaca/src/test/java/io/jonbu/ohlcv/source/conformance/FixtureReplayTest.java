package io.jonbu.ohlcv.source.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.rest.AlpacaBar;
import io.jonbu.ohlcv.source.rest.AlpacaRestClient;
import io.jonbu.ohlcv.source.rest.HistoricalQuery;
import io.jonbu.ohlcv.source.simulator.Fixtures;
import io.jonbu.ohlcv.source.stream.AlpacaStreamSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real clients against Alpaca's recorded messages played verbatim: the stream source in a Flink
 * job and the REST client must decode exactly the fixtures' trades and bars. The expected values are
 * read from the fixtures with plain Jackson, apart from the model's parser.
 */
class FixtureReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void streamSourceDecodesExactlyTheSessionsTrades() throws Exception {
        List<Trade> expected = new ArrayList<>();
        for (String line : Fixtures.lines("stream-session.ndjson")) {
            for (JsonNode message : JSON.readTree(line)) {
                if (message.get("T").asText().equals("t")) {
                    expected.add(trade(message.get("S").asText(), message));
                }
            }
        }
        try (FixtureReplayServer server = new FixtureReplayServer();
                RunningSource source = new RunningSource(AlpacaStreamSource.builder().url(server.streamUrl())
                        .credentials("key", "secret").symbols(List.of("AAPL", "MSFT")).build())) {
            assertThat(source.await(() -> source.trades().size() >= expected.size(), Duration.ofSeconds(20)))
                    .as("the session's %s trades", expected.size()).isTrue();
            // the session's bar, correction and cancel follow its trades; whatever the source makes of them, it is no dead letter
            Thread.sleep(300);

            assertThat(source.trades()).containsExactlyElementsOf(expected);
            assertThat(source.events()).noneMatch(e -> e.deadLetter() != null);
        }
    }

    @Test
    void restClientPagesThroughTheFixturesTradesAndReadsTheirBars() throws Exception {
        List<Trade> expected = new ArrayList<>();
        for (String page : List.of("rest-trades-page1.json", "rest-trades-page2.json")) {
            JSON.readTree(Fixtures.text(page)).get("trades").forEach(t -> expected.add(trade("AAPL", t)));
        }
        List<AlpacaBar> expectedBars = new ArrayList<>();
        JSON.readTree(Fixtures.text("rest-bars.json")).get("bars").get("AAPL").forEach(b -> expectedBars.add(
                new AlpacaBar("AAPL", EpochNanos.parse(b.get("t").asText()), b.get("o").asDouble(), b.get("h").asDouble(),
                        b.get("l").asDouble(), b.get("c").asDouble(), b.get("v").asLong(), b.get("n").asLong(),
                        b.get("vw").asDouble())));

        try (FixtureReplayServer server = new FixtureReplayServer();
                AlpacaRestClient client = AlpacaRestClient.builder().baseUrl(server.restUrl())
                        .credentials("key", "secret").build()) {
            assertThat(client.trades(HistoricalQuery.symbols("AAPL").build()).toList()).containsExactlyElementsOf(expected);
            assertThat(client.bars(HistoricalQuery.symbols("AAPL", "MSFT").timeframe("1Min").build()).toList())
                    .containsExactlyElementsOf(expectedBars);
        }
    }

    private static Trade trade(String symbol, JsonNode t) {
        List<String> conditions = new ArrayList<>();
        t.get("c").forEach(c -> conditions.add(c.asText()));
        return new Trade(symbol, EpochNanos.parse(t.get("t").asText()), t.get("p").asDouble(), t.get("s").asLong(),
                t.get("x").asText(), t.get("i").asLong(), conditions.toArray(String[]::new), t.get("z").asText());
    }
}
