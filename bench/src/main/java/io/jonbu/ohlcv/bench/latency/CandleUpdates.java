package io.jonbu.ohlcv.bench.latency;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client of serving's {@code /api/v1/stream}, subscribed to the 1m candles of some symbols,
 * that stamps each candle message with the wall clock (epoch nanoseconds) the moment its last frame
 * arrives: the clock the simulator stamps its trades with, on the same machine.
 */
final class CandleUpdates implements WebSocket.Listener, AutoCloseable {

    /** One candle message as received. */
    record Update(String symbol, long start, long tradeCount, long volume, boolean isFinal, long receivedAt) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final StringBuilder frames = new StringBuilder();
    // guarded by this
    private final List<Update> recorded = new ArrayList<>();
    private volatile boolean recording;
    private volatile long firstCandleAt;
    private WebSocket socket;

    private CandleUpdates() {}

    /** Connects and returns once the server confirmed the subscription. */
    static CandleUpdates subscribe(int port, List<String> symbols) throws Exception {
        CandleUpdates client = new CandleUpdates();
        client.socket = client.http.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + port + "/api/v1/stream"), client)
                .get(10, TimeUnit.SECONDS);
        client.socket.sendText(ApiJson.mapper().writeValueAsString(
                Map.of("action", "subscribe", "candles", symbols, "timeframes", List.of("1m"))), true);
        client.subscribed.get(10, TimeUnit.SECONDS);
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = EpochNanos.of(Instant.now());
        frames.append(data);
        if (last) {
            String text = frames.toString();
            frames.setLength(0);
            try {
                for (JsonNode message : ApiJson.mapper().readTree(text)) {
                    received(message, now);
                }
            } catch (Exception e) {
                subscribed.completeExceptionally(e);
            }
        }
        webSocket.request(1);
        return null;
    }

    private void received(JsonNode message, long now) {
        String type = message.path("T").asText();
        if (type.equals("subscription")) {
            subscribed.complete(null);
        } else if (type.equals("candle")) {
            if (firstCandleAt == 0) {
                firstCandleAt = now;
            }
            if (recording) {
                Update u = new Update(message.path("symbol").asText(), EpochNanos.parse(message.path("start").asText()),
                        message.path("trade_count").asLong(), message.path("volume").asLong(), message.path("final").asBoolean(), now);
                synchronized (this) {
                    recorded.add(u);
                }
            }
        }
    }

    /** Waits for the first candle message; false when none came in time. */
    boolean awaitFirstCandle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (firstCandleAt == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return firstCandleAt != 0;
    }

    /** Keeps the candles received from now until {@link #stop()}, in windows ended by {@link #cut()}. */
    void record() {
        recording = true;
    }

    /** Returns the candles kept since {@link #record()} or the last cut, in the order received, and keeps recording. */
    synchronized List<Update> cut() {
        List<Update> kept = List.copyOf(recorded);
        recorded.clear();
        return kept;
    }

    /** Stops keeping candles and returns those kept since the last cut, in the order received. */
    synchronized List<Update> stop() {
        recording = false;
        return cut();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
