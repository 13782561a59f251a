package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.cli.local.Feed;
import io.jonbu.ohlcv.cli.local.LocalStack;
import io.jonbu.ohlcv.cli.local.LocalStackConfig;
import io.jonbu.ohlcv.job.CandleJobConfig;
import io.jonbu.ohlcv.job.sink.KafkaSettings;
import io.jonbu.ohlcv.job.testing.CandleOracle;
import io.jonbu.ohlcv.job.testing.KafkaRecords;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.source.rest.AlpacaRestClient;
import io.jonbu.ohlcv.source.rest.HistoricalQuery;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.source.simulator.SimulatorFault;
import io.jonbu.ohlcv.source.simulator.TradeGenerator;
import io.jonbu.ohlcv.source.stream.AlpacaStreamSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end: the simulator streams seeded trades over a real WebSocket, the
 * job runs on a MiniCluster at parallelism 2 into an embedded PostgreSQL, and the candles read back
 * over HTTP equal candles computed independently from the same seeded trades.
 */
class LocalStackTest {
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "SPY");
    private static final int TRADES = 24_000;
    private static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");

    private final OkHttpClient http = new OkHttpClient();

    /** 24k trades at 8k/s wall, 100 ms apart on a virtual clock: 40 virtual minutes in 3 s. */
    private static SimulatorConfig.Builder simulator() {
        return SimulatorConfig.builder()
                .symbols(SYMBOLS).rate(8_000).seed(11)
                .virtualTime(START, 800)
                .limit(TRADES).waitForSubscriber(true);
    }

    private static LocalStackConfig stack(Feed feed) {
        return stack(feed, Duration.ZERO);
    }

    private static LocalStackConfig stack(Feed feed, Duration partialUpdates) {
        return new LocalStackConfig(0, 0, null, 0, null, feed,
                CandleJobConfig.defaults().withPartialUpdates(partialUpdates), 2, Duration.ofSeconds(2),
                LocalStackConfig.LocalKafka.embedded(), false, AlpacaStreamSource.DEFAULT_MAX_BACKFILL, null);
    }

    @Test
    void candlesServedOverHttpEqualAnOracleOverTheSimulatedTrades() throws Exception {
        SimulatorConfig sim = simulator().build();
        try (LocalStack stack = LocalStack.start(stack(new Feed.Simulated(sim)))) {
            assertServedCandlesEqualTheOracle(stack, sim);
        }
    }

    /**
     * The live path to a client: a WebSocket subscriber to the simulated symbols receives each candle
     * the job publishes, once, equal to the one served over REST. It subscribes as soon as the stack
     * is up, before the job's first checkpoint commits anything to Kafka, so it misses none.
     */
    @Test
    void aWebSocketSubscriberReceivesThePublishedCandlesEqualToThoseServedOverHttp() throws Exception {
        SimulatorConfig sim = simulator().build();
        try (LocalStack stack = LocalStack.start(stack(new Feed.Simulated(sim), Duration.ofMillis(200)));
             StreamedCandles stream = StreamedCandles.subscribe(stack.servingPort(), SYMBOLS)) {
            Published published = assertServedCandlesEqualTheOracle(stack, sim);

            List<Candle> received = stream.awaitFinals(published.candles().size(), Duration.ofSeconds(30));
            List<Candle> streamed = received.stream().filter(Candle::isFinal).toList();
            assertThat(streamed).containsExactlyInAnyOrderElementsOf(published.candles());
            // the forming candles came live as final:false updates, each before its candle's final
            List<Candle> partials = received.stream().filter(c -> !c.isFinal()).toList();
            assertThat(partials).isNotEmpty();
            for (int i = 0; i < received.size(); i++) {
                Candle partial = received.get(i);
                if (partial.isFinal()) {
                    continue;
                }
                String k = key(partial);
                int finalAt = IntStream.range(0, received.size())
                        .filter(j -> received.get(j).isFinal() && key(received.get(j)).equals(k)).findFirst().orElse(Integer.MAX_VALUE);
                assertThat(i).as("partial %s before its final", k).isLessThan(finalAt);
                Candle done = published.served().get(k);
                if (done != null) {
                    assertThat(partial.volume()).as("partial %s", k).isLessThanOrEqualTo(done.volume());
                }
            }
            for (Candle c : streamed) {
                Candle served = published.served().get(key(c));
                assertThat(served).as("served %s", key(c)).isNotNull();
                assertThat(CandleOracle.sameCandle(c, served)).as("streamed %s vs served %s", c, served).isTrue();
            }
        }
    }

    @Test
    void anExternalAlpacaProtocolServerWithKeysFeedsTheSameCandles() throws Exception {
        SimulatorConfig sim = simulator().credentials("key-id", "secret").build();
        try (AlpacaSimulator server = AlpacaSimulator.start(sim);
             LocalStack stack = LocalStack.start(stack(new Feed.Alpaca(server.url("sip"), server.restUrl(), "key-id", "secret", SYMBOLS)))) {
            assertServedCandlesEqualTheOracle(stack, sim);
        }
    }

    @Test
    void aServerThatDropsTheStreamEveryTwoSecondsStillGivesTheCandlesOfEveryTrade() throws Exception {
        // the stream is cut without a close frame every 2 s while 24k trades go out over 3 s, and on:
        // each reconnect backfills the gap from the REST trades endpoint, de-duplicated at the seam
        SimulatorConfig sim = simulator().credentials("key-id", "secret").fault(SimulatorFault.disconnectEvery(Duration.ofSeconds(2)))
                .build();
        try (AlpacaSimulator server = AlpacaSimulator.start(sim);
             LocalStack stack = LocalStack.start(stack(new Feed.Alpaca(server.url("sip"), server.restUrl(), "key-id", "secret", SYMBOLS)))) {
            assertServedCandlesEqualTheOracle(stack, sim);
            assertThat(server.connectionsOpened()).as("the fault cut the stream").isGreaterThanOrEqualTo(2);
        }
    }

    /**
     * A graceful stop and a start on the same data directory, while the feed goes on: the first stack
     * stops with a savepoint, the second resumes from it and backfills the trades it missed, and the
     * candles served (and published to Kafka, exactly once) equal those of an uninterrupted run.
     */
    @Test
    void aStopAndAStartOnTheSameDataDirectoryResumeFromTheSavepointAndLoseNoCandle(@TempDir Path data) throws Exception {
        // 24k trades over 12 s of wall time, so the stop comes mid-stream and the feed runs on while stopped
        SimulatorConfig sim = simulator().rate(2_000).credentials("key-id", "secret").build();
        try (AlpacaSimulator server = AlpacaSimulator.start(sim)) {
            LocalStackConfig config = new LocalStackConfig(0, 0, data, 0, null,
                    new Feed.Alpaca(server.url("sip"), server.restUrl(), "key-id", "secret", SYMBOLS), CandleJobConfig.defaults(), 2,
                    Duration.ofSeconds(2), LocalStackConfig.LocalKafka.embedded(), false, AlpacaStreamSource.DEFAULT_MAX_BACKFILL, null);
            try (LocalStack first = LocalStack.start(config)) {
                assertThat(first.resumedFrom()).isNull();
                assertThat(server.awaitEmitted(TRADES / 4, Duration.ofSeconds(60))).isTrue();
            }
            long emittedAtStop = server.emittedCount();
            assertThat(emittedAtStop).as("stopped mid-stream").isLessThan(TRADES);
            try (Stream<Path> savepoints = Files.list(data.resolve("flink").resolve("savepoints"))) {
                assertThat(savepoints.toList()).as("one savepoint, the final one").singleElement()
                        .satisfies(p -> assertThat(p.resolve("_metadata")).exists());
            }
            assertThat(server.awaitEmitted(emittedAtStop + 2_000, Duration.ofSeconds(60))).as("trades while stopped").isTrue();

            try (LocalStack second = LocalStack.start(config)) {
                assertThat(second.resumedFrom()).as("resumed").isNotNull();
                assertThat(server.awaitEmitted(TRADES, Duration.ofSeconds(60))).isTrue();
                assertServedCandlesEqualTheOracle(second, sim);
            }
        }
    }

    @Test
    void correctionsAndCancelsOnTheStreamReviseTheCandlesToThoseOfTheAmendedTape() throws Exception {
        SimulatorConfig sim = simulator().corrections(0.02).cancels(0.02).build();
        try (AlpacaSimulator server = AlpacaSimulator.start(sim);
             LocalStack stack = LocalStack.start(stack(new Feed.Alpaca(server.url("sip"), server.restUrl(), "key-id", "secret", SYMBOLS)))) {
            assertThat(server.awaitEmitted(TRADES, Duration.ofSeconds(60))).isTrue();
            assertThat(server.corrections()).hasSizeGreaterThan(100);
            assertThat(server.cancels()).hasSizeGreaterThan(100);
            // the simulator's REST history is the tape as its corrections and cancels left it
            List<Trade> amended;
            try (AlpacaRestClient rest = AlpacaRestClient.builder().baseUrl(server.restUrl()).credentials("key-id", "secret").build()) {
                amended = rest.trades(HistoricalQuery.symbols(SYMBOLS).limit(HistoricalQuery.MAX_LIMIT).build()).toList();
            }
            assertThat(amended).hasSizeLessThan(TRADES);
            assertServedCandlesEqualTheOracle(stack, amended);
        }
    }

    /** What the job published to Kafka (every revision), and what REST served, once both are complete. */
    private record Published(List<Candle> candles, Map<String, Candle> served) {}

    private Published assertServedCandlesEqualTheOracle(LocalStack stack, SimulatorConfig sim) throws Exception {
        return assertServedCandlesEqualTheOracle(stack, TradeGenerator.emitted(sim, TRADES));
    }

    private Published assertServedCandlesEqualTheOracle(LocalStack stack, List<Trade> sent) throws Exception {
        long newest = sent.stream().mapToLong(Trade::timestamp).max().orElseThrow();
        long watermarkAtEnd = newest - CandleJobConfig.DEFAULT_OUT_OF_ORDERNESS.toNanos();
        List<Candle> expected = CandleOracle.candles(sent, List.of(Timeframe.values()));
        List<Candle> mustBeClosed = expected.stream().filter(c -> c.end() <= watermarkAtEnd).toList();
        assertThat(mustBeClosed).hasSizeGreaterThan(SYMBOLS.size() * 40);

        Map<String, Candle> oracle = new HashMap<>();
        expected.forEach(c -> oracle.put(key(c), c));
        String api = "http://localhost:" + stack.servingPort() + "/api/v1";
        Map<String, Candle> served = awaitCandles(api, mustBeClosed.size(), oracle, Duration.ofSeconds(90));

        for (Candle c : mustBeClosed) {
            assertThat(served).as("candle %s", key(c)).containsKey(key(c));
        }
        for (Candle c : served.values()) {
            assertThat(CandleOracle.sameCandle(c, oracle.get(key(c)))).as("%s vs %s", c, oracle.get(key(c))).isTrue();
        }
        assertThat(get(api + "/health").path("status").asText()).isEqualTo("ok");

        // the live path: every candle (and each revision of it) also reaches Kafka, keyed by symbol, exactly once
        Map<String, Candle> newestPublished = new HashMap<>();
        List<Candle> published = new ArrayList<>();
        for (var r : KafkaRecords.readCommitted(stack.kafkaBootstrap(), KafkaSettings.DEFAULT_CANDLES_TOPIC, served.size(),
                LocalStackTest::isFinalCandle, Duration.ofSeconds(30))) {
            Candle c = ApiJson.mapper().readValue(r.value(), Candle.class);
            assertThat(r.key()).isEqualTo(c.symbol());
            if (!c.isFinal()) {
                Candle closed = newestPublished.get(key(c));
                assertThat(closed).as("a partial update of %s after its final", key(c)).isNull();
                continue;
            }
            Candle before = newestPublished.put(key(c), c);
            assertThat(before == null || before.revision() < c.revision()).as("revisions of %s in order, none twice", key(c)).isTrue();
            published.add(c);
        }
        assertThat(published).hasSizeGreaterThanOrEqualTo(served.size());
        assertThat(newestPublished.keySet()).containsAll(served.keySet());
        for (Candle c : newestPublished.values()) {
            assertThat(CandleOracle.sameCandle(c, oracle.get(key(c)))).as("published %s vs %s", c, oracle.get(key(c))).isTrue();
        }
        return new Published(published, served);
    }

    private static boolean isFinalCandle(ConsumerRecord<String, String> r) {
        try {
            return ApiJson.mapper().readTree(r.value()).path("final").asBoolean();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls until at least {@code atLeast} candles are served and each equals the oracle's (revisions may still come). */
    private Map<String, Candle> awaitCandles(String api, int atLeast, Map<String, Candle> oracle, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Candle> served = new HashMap<>();
        while (System.nanoTime() < deadline) {
            served.clear();
            for (String symbol : SYMBOLS) {
                for (Timeframe tf : Timeframe.values()) {
                    JsonNode page = get(api + "/ohlcv/" + symbol + "/history?timeframe=" + tf.label()
                            + "&start=2024-03-08&end=2024-03-09&limit=10000");
                    for (JsonNode n : page.path("candles")) {
                        Candle c = ApiJson.mapper().treeToValue(n, Candle.class);
                        served.put(key(c), c);
                    }
                }
            }
            if (served.size() >= atLeast
                    && served.values().stream().allMatch(c -> oracle.containsKey(key(c)) && CandleOracle.sameCandle(c, oracle.get(key(c))))) {
                return served;
            }
            Thread.sleep(500);
        }
        List<String> missing = oracle.keySet().stream().filter(k -> !served.containsKey(k)).sorted(Comparator.naturalOrder()).toList();
        if (served.size() >= atLeast) {
            return served; // the caller's assertions name the candles that differ
        }
        throw new AssertionError("only " + served.size() + " of " + atLeast + " candles served in " + timeout + "; of the oracle's, not served: " + missing);
    }

    private JsonNode get(String url) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return ApiJson.mapper().readTree(r.body().string());
        }
    }

    private static String key(Candle c) {
        return c.symbol() + " " + c.timeframe() + " " + EpochNanos.format(c.start());
    }
}
