package io.jonbu.ohlcv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** A WebSocket client of the serving stream, subscribed to every timeframe of some symbols, keeping the candles it receives. */
final class StreamedCandles implements AutoCloseable {
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
    private final LinkedBlockingQueue<Candle> candles = new LinkedBlockingQueue<>();
    private final CompletableFuture<JsonNode> subscribed = new CompletableFuture<>();
    private final WebSocket socket;

    private StreamedCandles(int port) {
        socket = http.newWebSocket(new Request.Builder().url("ws://localhost:" + port + "/api/v1/stream").build(), new WebSocketListener() {
            @Override
            public void onMessage(WebSocket webSocket, String text) {
                try {
                    for (JsonNode message : ApiJson.mapper().readTree(text)) {
                        ObjectNode fields = message.deepCopy();
                        String type = fields.remove("T").asText();
                        if (type.equals("candle")) {
                            candles.add(ApiJson.mapper().treeToValue(fields, Candle.class));
                        } else if (type.equals("subscription")) {
                            subscribed.complete(fields);
                        }
                    }
                } catch (Exception e) {
                    subscribed.completeExceptionally(e);
                }
            }
        });
    }

    /** Connects and returns once the server has confirmed the subscription. */
    static StreamedCandles subscribe(int port, List<String> symbols) throws Exception {
        StreamedCandles client = new StreamedCandles(port);
        client.socket.send(ApiJson.mapper().writeValueAsString(new Subscribe("subscribe", symbols, List.of("*"))));
        client.subscribed.get(10, TimeUnit.SECONDS);
        return client;
    }

    private record Subscribe(String action, List<String> candles, List<String> timeframes) {}

    /**
     * Every candle message, partial updates too, in the order received, until at least {@code count}
     * final candles came and then a quiet second passed (so a surplus shows).
     */
    List<Candle> awaitFinals(int count, Duration timeout) throws InterruptedException {
        List<Candle> received = new ArrayList<>();
        int finals = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Candle c = candles.poll(finals >= count ? 1000 : 100, TimeUnit.MILLISECONDS);
            if (c != null) {
                received.add(c);
                finals += c.isFinal() ? 1 : 0;
            } else if (finals >= count) {
                return received;
            }
        }
        return received;
    }

    @Override
    public void close() {
        socket.cancel();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
