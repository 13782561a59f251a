package io.jonbu.ohlcv.serving.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jonbu.ohlcv.broker.EmbeddedKafka;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.serving.ServingServer;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stream on real parts: an embedded Kafka the test publishes to as the job would, a real server
 * and real WebSocket clients. Each test uses its own symbols, so candles of one never reach another.
 */
class CandleStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static StreamBackends backends;
    private static EmbeddedKafka kafka;
    private static EmbeddedDatabase db;
    private static ServingServer server;
    private static int port;
    private static CandleProducer producer;

    @BeforeAll
    static void start() throws Exception {
        backends = StreamBackends.start(2);
        kafka = backends.kafka();
        db = backends.db();
        producer = backends.producer();
        server = new ServingServer(db.dataSource(), 0, CandleStreamSettings.of(kafka.bootstrapServers()));
        port = server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        backends.close();
    }

    @Test
    void aStoppingServerClosesEachConnectionWithGoingAway() throws Exception {
        ServingServer stopping = new ServingServer(db.dataSource(), 0, CandleStreamSettings.of(kafka.bootstrapServers()));
        int stoppingPort = stopping.start();
        try (StreamClient subscribed = StreamClient.connect(stoppingPort); StreamClient greeted = StreamClient.connect(stoppingPort)) {
            subscribe(subscribed, "{\"action\":\"subscribe\",\"candles\":[\"AWAY\"],\"timeframes\":[\"1m\"]}");
            greeted.next(WAIT);

            stopping.close();

            assertThat(subscribed.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1001);
            assertThat(greeted.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1001);
        }
    }

    @Test
    void aClientIsGreetedAndEachRequestIsConfirmedWithTheWholeSubscription() throws Exception {
        try (StreamClient client = StreamClient.connect(port)) {
            assertThat(client.next(WAIT)).isEqualTo(json("{\"T\":\"success\",\"msg\":\"connected\"}"));

            client.send("{\"action\":\"subscribe\",\"candles\":[\"aapl\"],\"timeframes\":[\"1m\"]}");
            assertThat(client.next(WAIT)).isEqualTo(
                    json("{\"T\":\"subscription\",\"candles\":[\"AAPL\"],\"timeframes\":[\"1m\"],\"enriched\":false}"));

            client.send("{\"action\":\"subscribe\",\"candles\":[\"MSFT\"],\"timeframes\":[\"5M\"],\"enriched\":true}");
            assertThat(client.next(WAIT)).isEqualTo(
                    json("{\"T\":\"subscription\",\"candles\":[\"AAPL\",\"MSFT\"],\"timeframes\":[\"1m\",\"5m\"],\"enriched\":true}"));

            client.send("{\"action\":\"unsubscribe\",\"candles\":[\"AAPL\"],\"enriched\":true}");
            assertThat(client.next(WAIT)).isEqualTo(
                    json("{\"T\":\"subscription\",\"candles\":[\"MSFT\"],\"timeframes\":[\"1m\",\"5m\"],\"enriched\":false}"));
        }
    }

    @Test
    void eachClientReceivesTheCandlesOfItsSymbolsAndTimeframesOnly() throws Exception {
        try (StreamClient oneMinuteA = StreamClient.connect(port);
                StreamClient everything = StreamClient.connect(port);
                StreamClient bWithEnriched = StreamClient.connect(port)) {
            subscribe(oneMinuteA, "{\"action\":\"subscribe\",\"candles\":[\"FLTA\",\"FLTEND\"],\"timeframes\":[\"1m\"]}");
            subscribe(everything, "{\"action\":\"subscribe\",\"candles\":[\"*\"],\"timeframes\":[\"*\"]}");
            subscribe(bWithEnriched, "{\"action\":\"subscribe\",\"candles\":[\"FLTB\",\"FLTEND\"],\"timeframes\":[\"*\"],\"enriched\":true}");

            Candle a1 = CandleProducer.candle("FLTA", Timeframe.M1, 0, 100, true);
            Candle a5 = CandleProducer.candle("FLTA", Timeframe.M5, 0, 500, true);
            Candle b1 = CandleProducer.candle("FLTB", Timeframe.M1, 0, 200, true);
            Candle end = CandleProducer.candle("FLTEND", Timeframe.M1, 0, 1, true);
            producer.send(a1);
            producer.send(a5);
            producer.send(b1);
            producer.send(CandleProducer.enriched(b1));
            producer.send(end);
            producer.flush();

            assertThat(oneMinuteA.until(isCandleOf("FLTEND"), WAIT)).map(CandleStreamTest::candle).containsExactly(a1, end);
            assertThat(everything.until(isCandleOf("FLTEND"), WAIT)).map(CandleStreamTest::candle).containsExactly(a1, a5, b1, end);
            // the enriched candle comes on its own topic, so in no set order relative to the candles
            List<JsonNode> withEnriched = new ArrayList<>(bWithEnriched.until(isCandleOf("FLTEND"), WAIT));
            if (withEnriched.stream().noneMatch(m -> m.get("T").asText().equals("enriched"))) {
                withEnriched.addAll(bWithEnriched.until(m -> m.get("T").asText().equals("enriched"), WAIT));
            }
            assertThat(candles(withEnriched)).containsExactly(b1, end);
            List<JsonNode> enriched = withEnriched.stream().filter(m -> m.get("T").asText().equals("enriched")).toList();
            assertThat(enriched).hasSize(1);
            assertThat(candle(enriched.get(0).get("ohlcv"))).isEqualTo(b1);
            assertThat(enriched.get(0).get("description").asText()).isEqualTo("a test candle");
            assertThat(bWithEnriched.silentFor(Duration.ofMillis(300))).isTrue();
            assertThat(everything.silentFor(Duration.ofMillis(1))).as("no enriched candle without enriched:true").isTrue();
        }
    }

    @Test
    void unsubscribingStopsDeliveryAndASymbolStaysCoveredByTheWildcardUntilItGoes() throws Exception {
        try (StreamClient client = StreamClient.connect(port)) {
            subscribe(client, "{\"action\":\"subscribe\",\"candles\":[\"*\"],\"timeframes\":[\"1m\"]}");
            subscribe(client, "{\"action\":\"unsubscribe\",\"candles\":[\"UNSA\"]}");
            Candle first = CandleProducer.candle("UNSA", Timeframe.M1, 0, 1, true);
            producer.send(first);
            producer.flush();
            assertThat(candle(client.next(WAIT))).isEqualTo(first);

            subscribe(client, "{\"action\":\"unsubscribe\",\"candles\":[\"*\"]}");
            subscribe(client, "{\"action\":\"subscribe\",\"candles\":[\"UNSEND\"]}");
            Candle end = CandleProducer.candle("UNSEND", Timeframe.M1, 0, 1, true);
            producer.send(CandleProducer.candle("UNSA", Timeframe.M1, 1, 1, true));
            producer.send(end);
            producer.flush();
            assertThat(candles(client.until(isCandleOf("UNSEND"), WAIT))).containsExactly(end);
        }
    }

    @Test
    void everyMalformedRequestIsAnsweredWithAnErrorNamingTheFieldAndTheConnectionStaysUp() throws Exception {
        try (StreamClient client = StreamClient.connect(port)) {
            client.next(WAIT);
            assertError(client, "not json", null, "invalid syntax: not JSON");
            assertError(client, "[1]", null, "invalid syntax: expected a JSON object");
            assertError(client, "{\"candles\":[\"AAPL\"]}", "action", "action: expected \"subscribe\", \"unsubscribe\" or \"auth\"");
            assertError(client, "{\"action\":\"subscrib\"}", "action", "action: expected \"subscribe\", \"unsubscribe\" or \"auth\", got \"subscrib\"");
            assertError(client, "{\"action\":\"subscribe\",\"candles\":\"AAPL\"}", "candles", "candles: expected an array of strings");
            assertError(client, "{\"action\":\"subscribe\",\"candles\":[\"1AB\"]}", "candles", "candles: '1AB' is not a symbol");
            assertError(client, "{\"action\":\"subscribe\",\"timeframes\":[\"7m\"]}", "timeframes",
                    "timeframes: unknown timeframe '7m', expected one of 1m, 5m, 15m, 1h, 1d");
            assertError(client, "{\"action\":\"subscribe\",\"timeframes\":[5]}", "timeframes", "timeframes: expected an array of strings");
            assertError(client, "{\"action\":\"subscribe\",\"enriched\":\"yes\"}", "enriched", "enriched: expected true or false");

            client.send("{\"action\":\"subscribe\",\"candles\":[\"AAPL\"],\"timeframes\":[\"1m\"]}");
            assertThat(client.next(WAIT).get("T").asText()).isEqualTo("subscription");
            assertThat(client.ended).isNotDone();
        }
    }

    @Test
    void anOversizedMessageIsAnsweredWithAnErrorAndTheConnectionClosed() throws Exception {
        try (StreamClient client = StreamClient.connect(port)) {
            client.next(WAIT);
            client.send("{\"action\":\"subscribe\",\"candles\":[" + "\"AAPL\",".repeat(1000) + "\"AAPL\"]}");

            JsonNode error = client.next(WAIT);
            assertThat(error.get("T").asText()).isEqualTo("error");
            assertThat(error.get("code").asInt()).isEqualTo(413);
            assertThat(error.get("msg").asText()).isEqualTo("message too large: the limit is 4096 characters");
            assertThat(client.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1009);
        }
    }

    @Test
    void metricsCountTheStreamsClientsAndMessages() throws Exception {
        try (StreamClient client = StreamClient.connect(port)) {
            subscribe(client, "{\"action\":\"subscribe\",\"candles\":[\"METRIC\"],\"timeframes\":[\"1m\"]}");
            StreamMetrics metrics = server.streamMetrics().orElseThrow();

            HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(scrape.body()).contains("# TYPE jonbu_stream_clients gauge\njonbu_stream_clients " + metrics.clients() + "\n",
                    "# TYPE jonbu_stream_messages_dropped_total counter\njonbu_stream_messages_dropped_total 0\n");
            assertThat(metrics.clients()).isPositive();
            long sent = Long.parseLong(scrape.body().lines().filter(l -> l.startsWith("jonbu_stream_messages_sent_total "))
                    .findFirst().orElseThrow().split(" ")[1]);
            assertThat(sent).as("greeting and confirmation at least").isGreaterThanOrEqualTo(2);
            long frames = Long.parseLong(scrape.body().lines().filter(l -> l.startsWith("jonbu_stream_frames_sent_total "))
                    .findFirst().orElseThrow().split(" ")[1]);
            assertThat(frames).as("messages, each holding one or more of the sent objects").isBetween(1L, sent);
        }
    }

    @Test
    void healthReportsTheKafkaFeedUp() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health.body()).path("components").path("kafka").path("status").asText()).isEqualTo("up");
    }

    @Test
    void aRecordThatIsNotACandleIsSkippedAndCountedAndTheNextOneStillArrives() throws Exception {
        try (StreamClient client = StreamClient.connect(port)) {
            subscribe(client, "{\"action\":\"subscribe\",\"candles\":[\"BADREC\"],\"timeframes\":[\"*\"]}");
            long malformedBefore = server.streamMetrics().orElseThrow().malformedRecords();
            Candle good = CandleProducer.candle("BADREC", Timeframe.M1, 0, 1, true);
            producer.sendRaw("BADREC", "{\"symbol\":\"BADREC\",\"timeframe\":\"2m\"}");
            producer.sendRaw("BADREC", "not json");
            producer.send(good);
            producer.flush();

            assertThat(client.until(isCandleOf("BADREC"), WAIT)).map(CandleStreamTest::candle).containsExactly(good);
            assertThat(server.streamMetrics().orElseThrow().malformedRecords() - malformedBefore).isEqualTo(2);
        }
    }

    @Test
    void theServerPingsItsClientsAndAnswersTheirPings() throws Exception {
        CandleStreamSettings defaults = CandleStreamSettings.of(kafka.bootstrapServers());
        CandleStreamSettings fastPings = new CandleStreamSettings(defaults.bootstrapServers(), defaults.candlesTopic(),
                defaults.enrichedTopic(), defaults.queueCapacity(), defaults.slowClientLimit(), Duration.ofMillis(200),
                defaults.maxMessageChars());
        try (ServingServer pinging = new ServingServer(db.dataSource(), 0, fastPings)) {
            int pingingPort = pinging.start();
            // the JDK's client, as okhttp hides control frames from its listener
            CompletableFuture<Void> pinged = new CompletableFuture<>();
            CompletableFuture<String> ponged = new CompletableFuture<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + pingingPort + "/api/v1/stream"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
                            pinged.complete(null);
                            return WebSocket.Listener.super.onPing(webSocket, message);
                        }

                        @Override
                        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
                            ponged.complete(StandardCharsets.UTF_8.decode(message).toString());
                            return WebSocket.Listener.super.onPong(webSocket, message);
                        }
                    }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            try {
                socket.sendPing(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8)));
                assertThat(ponged.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("are you there");
                pinged.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } finally {
                socket.abort();
            }
        }
    }

    @Test
    void theFeedIsDownNamingTheTopicWhileATopicIsMissing() throws Exception {
        CandleStreamSettings missing = CandleStreamSettings.of(kafka.bootstrapServers()).withTopics("no.such.topic",
                CandleStreamSettings.DEFAULT_ENRICHED_TOPIC);
        try (CandleFeed feed = new CandleFeed(missing, update -> { }, new StreamMetrics())) {
            feed.start(Duration.ofMillis(500));

            assertThat(feed.health().status()).isEqualTo("down");
            assertThat(feed.health().error()).isEqualTo("topic no.such.topic does not exist at " + kafka.bootstrapServers());
        }
    }

    @Test
    void twoServingInstancesEachReceiveEveryCandle() throws Exception {
        try (ServingServer second = new ServingServer(db.dataSource(), 0, CandleStreamSettings.of(kafka.bootstrapServers()))) {
            int secondPort = second.start();
            try (StreamClient one = StreamClient.connect(port); StreamClient two = StreamClient.connect(secondPort)) {
                String subscription = "{\"action\":\"subscribe\",\"candles\":[\"TWOA\",\"TWOB\"],\"timeframes\":[\"*\"]}";
                subscribe(one, subscription);
                subscribe(two, subscription);
                List<Candle> sent = new ArrayList<>();
                for (int n = 0; n < 20; n++) {
                    sent.add(CandleProducer.candle(n % 2 == 0 ? "TWOA" : "TWOB", Timeframe.M1, n, n + 1, true));
                }
                sent.forEach(producer::send);
                producer.flush();

                Candle last = sent.get(sent.size() - 1);
                assertThat(candles(one.until(m -> candle(m).equals(last), WAIT))).containsExactlyElementsOf(sent);
                assertThat(candles(two.until(m -> candle(m).equals(last), WAIT))).containsExactlyElementsOf(sent);
            }
        }
    }

    private static void subscribe(StreamClient client, String request) throws InterruptedException {
        client.send(request);
        client.until(m -> m.get("T").asText().equals("subscription"), WAIT);
    }

    private static void assertError(StreamClient client, String request, String field, String messageStart) throws InterruptedException {
        client.send(request);
        JsonNode error = client.next(WAIT);
        assertThat(error.get("T").asText()).as(request).isEqualTo("error");
        assertThat(error.get("code").asInt()).as(request).isEqualTo(400);
        assertThat(error.get("msg").asText()).as(request).startsWith(messageStart);
        assertThat(error.path("field").isMissingNode() ? null : error.get("field").asText()).as(request).isEqualTo(field);
    }

    static java.util.function.Predicate<JsonNode> isCandleOf(String symbol) {
        return m -> m.get("T").asText().equals("candle") && m.get("symbol").asText().equals(symbol);
    }

    static List<Candle> candles(List<JsonNode> messages) {
        return messages.stream().filter(m -> m.get("T").asText().equals("candle")).map(CandleStreamTest::candle).toList();
    }

    /** The candle a {@code candle} message carries (its fields besides {@code T}). */
    static Candle candle(JsonNode message) {
        ObjectNode fields = message.deepCopy();
        fields.remove("T");
        try {
            return ApiJson.mapper().treeToValue(fields, Candle.class);
        } catch (Exception e) {
            throw new AssertionError("not a candle: " + message, e);
        }
    }

    private static JsonNode json(String text) throws Exception {
        return ApiJson.mapper().readTree(text);
    }
}
